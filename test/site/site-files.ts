import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';
import { find, parseHtml, type Element } from './html-check.js';

/** Every file below `dir`, as paths relative to it with `/`. */
export function listFiles(dir: string, prefix = ''): string[] {
  const out: string[] = [];
  for (const e of readdirSync(join(dir, prefix)).sort()) {
    const rel = prefix ? `${prefix}/${e}` : e;
    if (statSync(join(dir, rel)).isDirectory()) out.push(...listFiles(dir, rel));
    else out.push(rel);
  }
  return out;
}

export interface PageLinks {
  path: string;
  lang: string | undefined;
  canonical: string | undefined;
  alternates: { hreflang: string; href: string }[];
  anchors: Element[];
}

/** The `<head>` links and the anchors of a page. */
export function pageLinks(out: string, path: string): PageLinks {
  const { root } = parseHtml(readFileSync(join(out, path), 'utf8'));
  const links = find(root, 'link');
  return {
    path,
    lang: find(root, 'html')[0]?.attrs.get('lang'),
    canonical: links.find((l) => l.attrs.get('rel') === 'canonical')?.attrs.get('href'),
    alternates: links.filter((l) => l.attrs.get('rel') === 'alternate' && l.attrs.has('hreflang')).map((l) => ({ hreflang: l.attrs.get('hreflang')!, href: l.attrs.get('href')! })),
    anchors: find(root, 'a'),
  };
}

/** The file an absolute URL of the site stands for, or undefined when it is not below the base URL. */
export function fileOfUrl(baseUrl: string, url: string): string | undefined {
  if (!url.startsWith(baseUrl)) return undefined;
  const rel = url.slice(baseUrl.length);
  return rel === '' || rel.endsWith('/') ? `${rel}index.html` : rel;
}

/** The file a relative link of page `from` points to (folders to their index.html), or undefined for other links. */
export function fileOfLink(from: string, href: string): string | undefined {
  if (/^[a-z][a-z0-9+.-]*:|^\/\/|^#/i.test(href)) return undefined;
  const clean = href.split('#')[0]!.split('?')[0]!;
  if (!clean) return undefined;
  const joined = posix.normalize(posix.join(posix.dirname(from), clean));
  return clean.endsWith('/') ? `${joined.replace(/\/$/, '')}/index.html`.replace(/^\.\//, '') : joined;
}

export function exists(out: string, rel: string): boolean {
  return existsSync(join(out, rel)) && statSync(join(out, rel)).isFile();
}

export { dirname };
