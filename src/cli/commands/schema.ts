import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { CliIo } from '../io.js';
import type { ParsedArgs } from '../main.js';
import { SCHEMAS_FILE } from '../../parse/validate.js';
import { writeFileAtomic } from '../../util/atomic.js';

export default function schema(args: ParsedArgs, io: CliIo): number {
  const schemas = JSON.parse(readFileSync(SCHEMAS_FILE, 'utf8')) as Record<string, object>;
  const json = (s: object) => `${JSON.stringify({ $schema: 'http://json-schema.org/draft-07/schema#', ...s }, null, 2)}\n`;
  if (typeof args.values.out !== 'string') {
    io.out(json(schemas.facts!));
    return 0;
  }
  const dir = resolve(io.cwd, args.values.out);
  for (const [name, s] of Object.entries(schemas)) writeFileAtomic(join(dir, `${name}.schema.json`), json(s));
  io.out(`wrote ${Object.keys(schemas).map((n) => `${n}.schema.json`).join(', ')} to ${args.values.out}\n`);
  return 0;
}
