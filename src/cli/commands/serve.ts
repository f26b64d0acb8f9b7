import { resolve } from 'node:path';
import type { CliIo } from '../io.js';
import type { ParsedArgs } from '../main.js';
import { UsageError } from '../usage-error.js';
import { formatDiagnostic, isDiagnosticError } from '../../model/diagnostics.js';
import { startPreview } from '../../site/preview.js';

export const DEFAULT_PORT = 4173;

export function parsePort(v: unknown): number {
  if (v === undefined) return DEFAULT_PORT;
  const s = String(v);
  if (!/^\d{1,5}$/.test(s) || Number(s) > 65535) throw new UsageError(`--port ${s}: expected a port number from 0 to 65535 (0 picks a free port)`);
  return Number(s);
}

/** `noticekit serve`: build, serve out/ on 127.0.0.1, rebuild on changes; runs until interrupted. */
export default async function serve(args: ParsedArgs, io: CliIo): Promise<number> {
  const port = parsePort(args.values.port);
  const root = resolve(io.cwd, String(args.values.root ?? '.'));
  const out = typeof args.values.out === 'string' ? resolve(io.cwd, args.values.out) : undefined;
  const preview = await startPreview({
    root,
    ...(out ? { out } : {}),
    ...(typeof args.values['base-url'] === 'string' ? { baseUrl: args.values['base-url'] } : {}),
    port,
    log: (line) => io.out(`${line}\n`),
    onError: (e) => {
      if (isDiagnosticError(e)) io.err(`${e.diagnostics.map(formatDiagnostic).join('\n')}\n\nnoticekit serve: the rebuild failed; still serving the previous build.\n`);
      else io.err(`noticekit serve: the rebuild failed: ${(e as Error)?.message ?? String(e)}\n`);
    },
  });
  io.out(`noticekit serve: serving ${preview.outDir} at ${preview.url} (only on this computer); rebuilding on changes to policy/, locales/, templates/ and noticekit.config.yaml. Press Ctrl+C to stop.\n`);
  await new Promise<void>((done) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      done();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  await preview.close();
  return 0;
}
