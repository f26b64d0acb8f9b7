import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cleanup, cli } from '../helpers/project.js';
import { rtlProject, xssProject } from './fixtures.js';
import { checkHtml, checkHeadings, find, parseHtml, walk } from './html-check.js';
import { listFiles } from './site-files.js';

describe('a right-to-left site (the Hebrew fixture)', () => {
  let dir: string;
  const page = (p: string) => readFileSync(join(dir, 'out', p), 'utf8');
  beforeAll(async () => {
    dir = rtlProject();
    const r = await cli(dir, 'build', '-q');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });
  afterAll(() => cleanup(dir));

  it('sets lang and dir on every page: rtl for Hebrew, ltr for English', () => {
    expect(page('il/he/index.html')).toContain('<html lang="he" dir="rtl">');
    expect(page('il/en/index.html')).toContain('<html lang="en" dir="ltr">');
    expect(page('gb/en/index.html')).toContain('<html lang="en" dir="ltr">');
    for (const p of listFiles(join(dir, 'out')).filter((f) => f.endsWith('.html'))) {
      expect(checkHtml(page(p), { allowInlineScript: p === 'index.html' }), p).toEqual([]);
      expect(checkHeadings(page(p)).errors, p).toEqual([]);
    }
  });

  it('marks English inside a Hebrew page, and Hebrew inside English pages, with their own lang and dir', () => {
    const { root } = parseHtml(page('il/he/index.html'));
    const fallback = [...walk(root)].find((e) => e.attrs.get('class') === 'nk-fallback');
    expect(fallback?.attrs.get('lang')).toBe('en');
    expect(fallback?.attrs.get('dir')).toBe('ltr');
    const english = find(root, 'a').find((a) => a.attrs.get('href') === '../../il/en/');
    expect(english?.attrs.get('lang')).toBe('en');
    expect(english?.attrs.get('dir')).toBe('ltr');
    const { root: en } = parseHtml(page('il/en/index.html'));
    const hebrew = find(en, 'a').find((a) => a.attrs.get('href') === '../../il/he/');
    expect(hebrew?.attrs.get('lang')).toBe('he');
    expect(hebrew?.attrs.get('dir')).toBe('rtl');
    const chooser = page('index.html');
    expect(chooser).toContain('<span class="nk-region-name" lang="he" dir="rtl">ישראל</span>');
  });

  it('gives the Hebrew page its Israeli hreflang and the whole cluster', () => {
    const he = page('il/he/index.html');
    expect(he).toContain('<link rel="alternate" hreflang="he-IL" href="https://www.example.test/privacy/il/he/">');
    expect(he).toContain('<link rel="alternate" hreflang="en-IL" href="https://www.example.test/privacy/il/en/">');
    expect(he).toContain('<link rel="alternate" hreflang="en-GB" href="https://www.example.test/privacy/gb/en/">');
    const json = JSON.parse(page('il/he/privacy.json')) as { language: string; direction: string; title: string };
    expect(json).toMatchObject({ language: 'he', direction: 'rtl', title: 'מדיניות פרטיות' });
  });

  it('uses logical CSS properties, so the layout mirrors for right-to-left text', () => {
    const css = /<style>([\s\S]*?)<\/style>/.exec(page('il/he/index.html'))![1]!;
    expect(css).not.toMatch(/(margin|padding|border)-(left|right)\b|\b(left|right)\s*:|text-align:\s*(left|right)|float:/);
  });
});

describe('markup in policy text, translations, labels and facts (the XSS fixture)', () => {
  let dir: string;
  beforeAll(async () => {
    dir = xssProject();
    const r = await cli(dir, 'build', '-q');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });
  afterAll(() => cleanup(dir));

  it('comes out as inert text: no script, no event handler, no javascript: or data: URL, no frame or object', () => {
    const out = join(dir, 'out');
    const pages = listFiles(out).filter((f) => f.endsWith('.html'));
    expect(pages).toContain('il/he/index.html');
    for (const p of pages) {
      const html = readFileSync(join(out, p), 'utf8');
      expect(checkHtml(html, { allowInlineScript: p === 'index.html' }), p).toEqual([]);
      const { root } = parseHtml(html);
      for (const e of walk(root)) {
        expect(['iframe', 'object', 'embed', 'svg', 'img', 'form', 'base'], `${p}: <${e.name}>`).not.toContain(e.name);
        if (e.name === 'script') expect(p).toBe('index.html');
        if (e.name === 'style') expect(e.parent?.name, `${p}: <style> outside head`).toBe('head');
        if (e.name === 'details') expect(e.attrs.get('class')).toBe('nk-regions');
        for (const [a, v] of e.attrs) {
          expect(a, `${p}: attribute ${a}`).not.toMatch(/^on/i);
          const favicon = e.name === 'link' && e.attrs.get('rel') === 'icon' && v === 'data:,';
          if (['href', 'src', 'action', 'data', 'formaction'].includes(a) && !favicon) expect(v, `${p}: ${a}`).not.toMatch(/^\s*(javascript|data|vbscript):/i);
        }
      }
    }
    const he = readFileSync(join(out, 'il/he/index.html'), 'utf8');
    // the payloads show as text (escaped), so a reader sees what the translator wrote
    expect(he).toContain('&lt;script&gt;window.__xss');
    expect(he).toContain('onerror&#x3D;&quot;window.__xss');
  });
});
