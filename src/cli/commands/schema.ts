import { join, resolve } from 'node:path';
import type { CliIo } from '../io.js';
import type { ParsedArgs } from '../main.js';
import { SCHEMAS } from '../../model/schema.js';
import { writeFileAtomic } from '../../util/atomic.js';

export default function schema(args: ParsedArgs, io: CliIo): number {
  const json = (s: unknown) => `${JSON.stringify({ $schema: 'http://json-schema.org/draft-07/schema#', ...(s as object) }, null, 2)}\n`;
  if (typeof args.values.out !== 'string') {
    io.out(json(SCHEMAS.facts));
    return 0;
  }
  const dir = resolve(io.cwd, args.values.out);
  for (const [name, s] of Object.entries(SCHEMAS)) writeFileAtomic(join(dir, `${name}.schema.json`), json(s));
  io.out(`wrote ${Object.keys(SCHEMAS).map((n) => `${n}.schema.json`).join(', ')} to ${args.values.out}\n`);
  return 0;
}
