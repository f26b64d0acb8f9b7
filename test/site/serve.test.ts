import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { request } from 'node:http';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cleanup, cli, edit } from '../helpers/project.js';
import { rtlProject } from './fixtures.js';
import { startPreview, type Preview } from '../../src/site/preview.js';
import { resolveRequestPath } from '../../src/site/static-server.js';

/** A raw request: the path goes out exactly as given (fetch would normalise `..`). */
function get(port: number, path: string, method = 'GET'): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('noticekit serve', () => {
  let dir: string;
  let preview: Preview;
  const errors: unknown[] = [];
  beforeAll(async () => {
    dir = rtlProject();
    preview = await startPreview({ root: dir, port: 0, debounceMs: 100, onError: (e) => errors.push(e) });
  });
  afterAll(async () => {
    await preview?.close();
    cleanup(dir);
  });

  it('builds, then serves out/ on 127.0.0.1 only', async () => {
    const addr = preview.server.address();
    expect(typeof addr === 'object' && addr?.address).toBe('127.0.0.1');
    expect(preview.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const index = await get(preview.port, '/');
    expect(index.status).toBe(200);
    expect(index.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(index.body).toContain('ישראל');
    const he = await get(preview.port, '/il/he/');
    expect(he.body).toContain('<html lang="he" dir="rtl">');
    const json = await get(preview.port, '/il/he/privacy.json');
    expect(json.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(JSON.parse(json.body).language).toBe('he');
    expect((await get(preview.port, '/sitemap.xml')).headers['content-type']).toBe('application/xml; charset=utf-8');
    expect((await get(preview.port, '/il/he/index.md')).headers['content-type']).toBe('text/markdown; charset=utf-8');
    const head = await get(preview.port, '/il/he/', 'HEAD');
    expect(head.status).toBe(200);
    expect(head.body).toBe('');
  });

  it('redirects a folder without its slash, so relative links work; 404 for what is not there; GET and HEAD only', async () => {
    const r = await get(preview.port, '/il/he');
    expect(r.status).toBe(301);
    expect(r.headers.location).toBe('/il/he/');
    expect((await get(preview.port, '/nope/')).status).toBe(404);
    expect((await get(preview.port, '/il/he/', 'POST')).status).toBe(405);
    expect((await get(preview.port, '/il/he/', 'PUT')).status).toBe(405);
  });

  it('never serves a file outside out/: dot-dot, encoded separators, backslashes, NUL, dot-files, symlinks', async () => {
    // a symbolic link inside out/ that leads out of it
    symlinkSync(join(dir, 'policy'), join(preview.outDir, 'evil'));
    symlinkSync(join(dir, 'policy/privacy.md'), join(preview.outDir, 'evil.md'));
    const attempts = [
      '/../noticekit.config.yaml',
      '/../../../../../../etc/passwd',
      '/%2e%2e/noticekit.config.yaml',
      '/%2E%2E%2Fnoticekit.config.yaml',
      '/..%2fnoticekit.config.yaml',
      '/il/../../policy/privacy.md',
      '/il/%2e%2e/%2e%2e/policy/privacy.md',
      '/..%5cnoticekit.config.yaml',
      '/%5c..%5cnoticekit.config.yaml',
      '//etc/passwd',
      '/%00',
      '/index.html%00.md',
      '/.noticekit-build.json',
      '/evil/privacy.md',
      '/evil.md',
      '/%',
    ];
    for (const path of attempts) {
      const r = await get(preview.port, path);
      expect([400, 403, 404], `${path} → ${r.status}`).toContain(r.status);
      expect(r.body, path).not.toMatch(/base_url|Privacy Policy|root:|generator/);
    }
  });

  it('maps request paths to files inside the root only (unit)', () => {
    const out = preview.outDir;
    expect(resolveRequestPath(out, '/il/he/')).toEqual({ file: join(out, 'il/he/index.html') });
    expect(resolveRequestPath(out, '/il/he/privacy.json?x=1#y')).toEqual({ file: join(out, 'il/he/privacy.json') });
    expect(resolveRequestPath(out, '/../x')).toEqual({ status: 403 });
    expect(resolveRequestPath(out, '/a%2f..%2f..%2fx')).toEqual({ status: 403 });
    expect(resolveRequestPath(out, 'il/he/')).toEqual({ status: 400 });
    expect(resolveRequestPath(out, '/%E0%A4%A')).toEqual({ status: 400 });
    mkdirSync(join(out, 'plain'), { recursive: true });
    writeFileSync(join(out, 'plain/file.txt'), 'x');
    expect(resolveRequestPath(out, '/plain/')).toEqual({ status: 404 });
  });

  it('rebuilds after a change to the locales or the policy, debounced, and serves the new pages', async () => {
    const before = preview.builds;
    const next = preview.nextBuild();
    edit(dir, 'locales/he/ui.json', (t) => t.replace('"skip_to_content": "דילוג לתוכן"', '"skip_to_content": "דלגו לתוכן"'));
    edit(dir, 'locales/he/ui.json', (t) => t.replace('"contents": "תוכן העניינים"', '"contents": "תוכן"'));
    edit(dir, 'policy/privacy.md', (t) => t.replace('makes a small note-taking app', 'makes a small, quiet note-taking app'));
    const outcome = await next;
    expect(outcome.ok).toBe(true);
    await new Promise((r) => setTimeout(r, 400));
    expect(preview.builds).toBe(before + 1);
    const he = await get(preview.port, '/il/he/');
    expect(he.body).toContain('דלגו לתוכן');
    expect(he.body).toContain('<h2 id="nk-toc-title">תוכן</h2>');
    expect((await get(preview.port, '/il/en/')).body).toContain('a small, quiet note-taking app');
  });

  it('rebuilds after a template change', async () => {
    const next = preview.nextBuild();
    mkdirSync(join(dir, 'templates/partials'), { recursive: true });
    writeFileSync(join(dir, 'templates/partials/style.hbs'), '<style>body{margin:0}</style>\n');
    expect((await next).ok).toBe(true);
    expect((await get(preview.port, '/il/he/')).body).toContain('<style>body{margin:0}</style>');
  });

  it('keeps serving the previous build when a rebuild fails, and recovers', async () => {
    const failing = preview.nextBuild();
    edit(dir, 'locales/he/ui.json', (t) => t.replace(/,\n/, '\n'));
    const bad = await failing;
    expect(bad.ok).toBe(false);
    expect(errors.length).toBeGreaterThan(0);
    expect((await get(preview.port, '/il/he/')).status).toBe(200);
    const fixed = preview.nextBuild();
    edit(dir, 'locales/he/ui.json', (t) => t.replace(/^(\s*"ui": \{\n\s*"contents": "[^"]*")\n/m, '$1,\n'));
    expect((await fixed).ok).toBe(true);
  });
});

describe('noticekit serve on the command line', () => {
  it('explains itself and rejects a bad port with exit 2', async () => {
    const help = await cli(process.cwd(), 'serve', '--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/--port N/);
    const bad = await cli(process.cwd(), 'serve', '--port', 'eighty');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--port eighty: expected a port number/);
  });
});
