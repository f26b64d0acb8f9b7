import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { realpathSync, statSync, createReadStream } from 'node:fs';
import { extname, isAbsolute, join, relative, resolve } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.pdf': 'application/pdf',
  '.xlf': 'application/xliff+xml; charset=utf-8',
};

const inside = (root: string, p: string) => {
  const rel = relative(root, p);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
};

/**
 * Maps a request path to a file below `root`, or says why not. Only files inside `root` are ever
 * returned: `..` segments, encoded separators, NUL bytes, dot-files and symbolic links that lead
 * outside are refused. A folder maps to its index.html (a path without the trailing slash is
 * redirected, so that relative links resolve).
 */
export function resolveRequestPath(root: string, rawPath: string): { file: string } | { redirect: string } | { status: 400 | 403 | 404 } {
  const pathname = rawPath.split('?')[0]!.split('#')[0]!;
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return { status: 400 };
  }
  if (!decoded.startsWith('/') || decoded.includes('\0') || decoded.includes('\\')) return { status: 400 };
  const segments = decoded.split('/').filter((s) => s !== '');
  if (segments.some((s) => s === '..' || s === '.')) return { status: 403 };
  if (segments.some((s) => s.startsWith('.'))) return { status: 404 };
  let realRoot: string;
  try {
    realRoot = realpathSync(root);
  } catch {
    return { status: 404 };
  }
  const target = resolve(realRoot, ...segments);
  if (!inside(realRoot, target)) return { status: 403 };
  let real: string;
  try {
    real = realpathSync(target);
  } catch {
    return { status: 404 };
  }
  if (!inside(realRoot, real)) return { status: 403 };
  const st = statSync(real);
  if (st.isDirectory()) {
    if (!decoded.endsWith('/')) return { redirect: `${pathname}/` };
    const index = join(real, 'index.html');
    try {
      const realIndex = realpathSync(index);
      if (!inside(realRoot, realIndex) || !statSync(realIndex).isFile()) return { status: 404 };
      return { file: realIndex };
    } catch {
      return { status: 404 };
    }
  }
  if (!st.isFile()) return { status: 404 };
  return { file: real };
}

function send(res: ServerResponse, status: number, text: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff', ...headers });
  res.end(text);
}

/** A request handler that serves the files below `root` (GET and HEAD only). */
export function staticHandler(root: () => string): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'method not allowed\n', { allow: 'GET, HEAD' });
    const r = resolveRequestPath(root(), req.url ?? '/');
    if ('status' in r) return send(res, r.status, `${r.status === 404 ? 'not found' : r.status === 403 ? 'forbidden' : 'bad request'}\n`);
    if ('redirect' in r) return send(res, 301, 'moved\n', { location: r.redirect });
    const type = TYPES[extname(r.file).toLowerCase()] ?? 'application/octet-stream';
    res.writeHead(200, { 'content-type': type, 'content-length': String(statSync(r.file).size), 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
    if (req.method === 'HEAD') return res.end();
    createReadStream(r.file).on('error', () => res.destroy()).pipe(res);
  };
}

export interface StaticServer {
  server: Server;
  /** `http://127.0.0.1:<port>/` */
  url: string;
  port: number;
  close(): Promise<void>;
}

/** Serves `root` on 127.0.0.1 only (port 0: any free port). */
export function serveStatic(root: string | (() => string), port = 0, handler?: (req: IncomingMessage, res: ServerResponse) => void): Promise<StaticServer> {
  const rootFn = typeof root === 'string' ? () => root : root;
  const server = createServer(handler ?? staticHandler(rootFn));
  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      const addr = server.address();
      const p = typeof addr === 'object' && addr ? addr.port : port;
      resolvePromise({
        server,
        url: `http://127.0.0.1:${p}/`,
        port: p,
        close: () =>
          new Promise((done) => {
            server.closeAllConnections?.();
            server.close(() => done());
          }),
      });
    });
  });
}
