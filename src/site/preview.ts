import { existsSync, watch, type FSWatcher } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildSite, type BuildOptions, type BuildResult } from '../build/build.js';
import { serveStatic, type StaticServer } from './static-server.js';

/** The folders and file whose changes trigger a rebuild. */
export const WATCHED = ['policy', 'locales', 'templates'] as const;
const CONFIG = 'noticekit.config.yaml';

export interface PreviewOptions {
  root: string;
  out?: string;
  baseUrl?: string;
  /** 0: any free port. */
  port?: number;
  /** Quiet time after the last change before rebuilding (default 150 ms). */
  debounceMs?: number;
  log?: (line: string) => void;
  /** Reports problems of a rebuild (the previous output stays served). */
  onError?: (e: unknown) => void;
}

export interface BuildOutcome {
  ok: boolean;
  result?: BuildResult;
  error?: unknown;
  ms: number;
}

export interface Preview extends StaticServer {
  outDir: string;
  /** Builds done so far, the first one included. */
  builds: number;
  /** Resolves after the next build (a rebuild after a change) finishes. */
  nextBuild(): Promise<BuildOutcome>;
}

/**
 * Builds the site, serves the output folder on 127.0.0.1 and rebuilds it (debounced) whenever a
 * file under policy/, locales/ or templates/, or the config file, changes. Only files inside the
 * output folder are served. The first build must succeed (its error is thrown); a later failing
 * build is reported and the previous output stays up.
 */
export async function startPreview(opts: PreviewOptions): Promise<Preview> {
  const root = resolve(opts.root);
  const log = opts.log ?? (() => {});
  const buildOpts: BuildOptions = { root, ...(opts.out ? { out: opts.out } : {}), ...(opts.baseUrl ? { baseUrl: opts.baseUrl } : {}) };
  const build = (): BuildOutcome => {
    const t = performance.now();
    try {
      const result = buildSite(buildOpts);
      return { ok: true, result, ms: Math.round(performance.now() - t) };
    } catch (error) {
      return { ok: false, error, ms: Math.round(performance.now() - t) };
    }
  };
  const first = build();
  if (!first.ok) throw first.error;
  const outDir = first.result!.outDir;
  const server = await serveStatic(() => outDir, opts.port ?? 0);

  let builds = 1;
  let timer: NodeJS.Timeout | undefined;
  let building = false;
  let pending = false;
  let closed = false;
  let waiters: ((o: BuildOutcome) => void)[] = [];
  const unitLock = new RegExp(`^policy[\\\\/][^\\\\/]+\\.units\\.json$`);

  const run = () => {
    timer = undefined;
    if (closed) return;
    if (building) {
      pending = true;
      return;
    }
    building = true;
    const outcome = build();
    building = false;
    builds++;
    if (outcome.ok) {
      const r = outcome.result!;
      log(r.upToDate ? `noticekit serve: no changes (${outcome.ms} ms)` : `noticekit serve: rebuilt ${r.pages.length} pages in ${outcome.ms} ms`);
    } else {
      opts.onError?.(outcome.error);
    }
    const w = waiters;
    waiters = [];
    for (const f of w) f(outcome);
    if (pending) {
      pending = false;
      schedule();
    }
  };
  const schedule = () => {
    if (closed) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(run, opts.debounceMs ?? 150);
  };

  const watchers = new Map<string, FSWatcher>();
  const arm = () => {
    for (const dir of WATCHED) {
      const path = join(root, dir);
      if (watchers.has(dir) || !existsSync(path)) continue;
      const w = watch(path, { recursive: true }, (_event, file) => {
        const rel = `${dir}/${String(file ?? '')}`;
        if (unitLock.test(rel)) return; // written by the build itself
        schedule();
      });
      w.on('error', () => {
        w.close();
        watchers.delete(dir);
      });
      watchers.set(dir, w);
    }
  };
  arm();
  const top = watch(root, (_event, file) => {
    const name = String(file ?? '');
    if (name === CONFIG) schedule();
    else if ((WATCHED as readonly string[]).includes(name)) {
      arm();
      schedule();
    }
  });

  return {
    ...server,
    outDir,
    get builds() {
      return builds;
    },
    nextBuild: () => new Promise<BuildOutcome>((res) => waiters.push(res)),
    close: async () => {
      closed = true;
      if (timer) clearTimeout(timer);
      top.close();
      for (const w of watchers.values()) w.close();
      watchers.clear();
      await server.close();
    },
  };
}
