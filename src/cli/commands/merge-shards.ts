import { relative, resolve } from 'node:path';
import type { CliIo } from '../io.js';
import type { ParsedArgs } from '../main.js';
import { UsageError } from '../usage-error.js';
import { mergeShards } from '../../build/merge-shards.js';

export default function mergeShardsCommand(args: ParsedArgs, io: CliIo): number {
  if (args.positionals.length === 0) throw new UsageError('merge-shards needs the output folders of the shards');
  if (typeof args.values.out !== 'string') throw new UsageError('merge-shards needs --out DIR for the combined site');
  const out = resolve(io.cwd, args.values.out);
  const dirs = args.positionals.map((d) => resolve(io.cwd, d));
  if (dirs.includes(out)) throw new UsageError('--out must be a folder of its own, not one of the shards');
  const r = mergeShards(dirs, out, io.cwd);
  io.out(`noticekit merge-shards: ${r.shards} shards, ${r.pages} pages, ${r.files} files combined into ${relative(io.cwd, out) || '.'}/\n`);
  return 0;
}
