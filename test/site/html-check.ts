/**
 * A small conformance checker for the HTML noticekit writes: the rules of HTML5 that a generator can
 * get wrong (document structure, nesting, content models, ids and references, language tags),
 * checked on the source text, without error recovery. The pages are generated with every end tag
 * written, so an unclosed or misnested element is an error here even where a browser would cope.
 */

export interface Element {
  name: string;
  attrs: Map<string, string>;
  children: Element[];
  parent: Element | undefined;
  text: string;
  /** Offset in the source, for messages. */
  at: number;
}

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
const RAW = new Set(['script', 'style', 'textarea', 'title']);
const BLOCK_IN_P = new Set(['address', 'article', 'aside', 'blockquote', 'details', 'div', 'dl', 'fieldset', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'table', 'ul', 'menu', 'figcaption', 'li', 'dd', 'dt']);
const INTERACTIVE = new Set(['a', 'button', 'details', 'embed', 'iframe', 'input', 'label', 'select', 'textarea', 'summary']);
const KNOWN = new Set([
  'html', 'head', 'body', 'meta', 'title', 'link', 'style', 'script', 'noscript', 'base',
  'header', 'footer', 'main', 'nav', 'section', 'article', 'aside', 'div', 'span', 'p', 'a', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
  'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'table', 'caption', 'colgroup', 'col', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td',
  'strong', 'em', 'b', 'i', 'u', 's', 'del', 'ins', 'code', 'pre', 'kbd', 'samp', 'var', 'sub', 'sup', 'small', 'mark', 'abbr', 'cite', 'q', 'dfn', 'time', 'data', 'bdi', 'bdo', 'br', 'wbr', 'hr',
  'blockquote', 'figure', 'figcaption', 'img', 'picture', 'source', 'details', 'summary', 'input', 'label', 'button', 'select', 'option', 'textarea', 'form', 'template', 'address', 'svg', 'path',
]);
const LANG_RE = /^[a-z]{2,3}(-[A-Z][a-z]{3})?(-([A-Z]{2}|[0-9]{3}))?$/;
const LANG_RE_CI = /^[a-z]{2,3}(-[a-z]{4})?(-([a-z]{2}|[0-9]{3}))?$/i;

export interface ParsedHtml {
  doctype: boolean;
  root: Element;
  errors: string[];
}

function parseAttrs(src: string, at: number, errors: string[], where: () => string): Map<string, string> {
  const attrs = new Map<string, string>();
  const re = /\s*([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/gy;
  let i = 0;
  while (i < src.length) {
    re.lastIndex = i;
    const m = re.exec(src);
    if (!m || m[0].length === 0) {
      if (src.slice(i).trim() === '' || src.slice(i).trim() === '/') break;
      errors.push(`${where()}: cannot parse attributes near "${src.slice(i, i + 20)}"`);
      break;
    }
    const name = m[1]!.toLowerCase();
    if (attrs.has(name)) errors.push(`${where()}: duplicate attribute ${name}`);
    attrs.set(name, decode(m[2] ?? m[3] ?? m[4] ?? ''));
    i = re.lastIndex;
  }
  void at;
  return attrs;
}

function decode(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos|nbsp);/gi, (_, e: string) => {
    const k = e.toLowerCase();
    if (k.startsWith('#x')) return String.fromCodePoint(parseInt(k.slice(2), 16));
    if (k.startsWith('#')) return String.fromCodePoint(Number(k.slice(1)));
    return ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' } as Record<string, string>)[k]!;
  });
}

/** Parses the source into a tree, reporting tags that are not closed, closed out of order, or void elements closed. */
export function parseHtml(html: string): ParsedHtml {
  const errors: string[] = [];
  const root: Element = { name: '#root', attrs: new Map(), children: [], parent: undefined, text: '', at: 0 };
  let cur = root;
  let i = 0;
  const line = (at: number) => html.slice(0, at).split('\n').length;
  const doctype = /^\uFEFF?<!DOCTYPE html>/i.test(html);
  if (!doctype) errors.push('line 1: the document does not start with <!DOCTYPE html>');
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    if (lt < 0) {
      cur.text += html.slice(i);
      break;
    }
    cur.text += html.slice(i, lt);
    if (html.startsWith('<!--', lt)) {
      const end = html.indexOf('-->', lt + 4);
      if (end < 0) {
        errors.push(`line ${line(lt)}: unterminated comment`);
        break;
      }
      i = end + 3;
      continue;
    }
    if (html.startsWith('<!', lt)) {
      i = html.indexOf('>', lt) + 1;
      continue;
    }
    const close = html.startsWith('</', lt);
    const end = html.indexOf('>', lt);
    if (end < 0) {
      errors.push(`line ${line(lt)}: unterminated tag`);
      break;
    }
    const inner = html.slice(lt + (close ? 2 : 1), end);
    const nameMatch = /^([a-zA-Z][a-zA-Z0-9-]*)/.exec(inner);
    if (!nameMatch) {
      errors.push(`line ${line(lt)}: "<" that does not start a tag (write &lt;)`);
      cur.text += '<';
      i = lt + 1;
      continue;
    }
    const name = nameMatch[1]!.toLowerCase();
    if (close) {
      if (VOID.has(name)) errors.push(`line ${line(lt)}: end tag </${name}> of a void element`);
      else if (cur.name !== name) {
        errors.push(`line ${line(lt)}: </${name}> closes <${cur.name}> (opened at line ${line(cur.at)})`);
        // recover: close up to the matching element if there is one
        let e: Element | undefined = cur;
        while (e && e.name !== name) e = e.parent;
        if (e?.parent) cur = e.parent;
      } else cur = cur.parent ?? root;
      i = end + 1;
      continue;
    }
    const selfClosing = inner.endsWith('/');
    const attrs = parseAttrs(inner.slice(name.length).replace(/\/$/, ''), lt, errors, () => `line ${line(lt)}: <${name}>`);
    const el: Element = { name, attrs, children: [], parent: cur, text: '', at: lt };
    cur.children.push(el);
    if (!KNOWN.has(name)) errors.push(`line ${line(lt)}: unknown element <${name}>`);
    if (selfClosing && !VOID.has(name) && name !== 'path') errors.push(`line ${line(lt)}: <${name}/> is not a void element`);
    i = end + 1;
    if (VOID.has(name) || selfClosing) continue;
    if (RAW.has(name)) {
      const endTag = html.toLowerCase().indexOf(`</${name}`, i);
      if (endTag < 0) {
        errors.push(`line ${line(lt)}: <${name}> never closed`);
        break;
      }
      el.text = html.slice(i, endTag);
      i = html.indexOf('>', endTag) + 1;
      continue;
    }
    cur = el;
  }
  for (let e: Element | undefined = cur; e && e !== root; e = e.parent) errors.push(`line ${line(e.at)}: <${e.name}> never closed`);
  return { doctype, root, errors };
}

export function* walk(e: Element): Generator<Element> {
  for (const c of e.children) {
    yield c;
    yield* walk(c);
  }
}

export function textOf(e: Element): string {
  return e.text + e.children.map(textOf).join('');
}

export const find = (root: Element, name: string) => [...walk(root)].filter((e) => e.name === name);

export interface CheckOptions {
  /** Inline scripts allowed (the chooser's redirect). */
  allowInlineScript?: boolean;
}

/** Every conformance problem found in a generated page; an empty list means the page passes. */
export function checkHtml(html: string, opts: CheckOptions = {}): string[] {
  const { root, errors } = parseHtml(html);
  const out = [...errors];
  const all = [...walk(root)];
  const top = root.children;
  const htmlEl = top.find((e) => e.name === 'html');
  if (!htmlEl || top.filter((e) => e.name !== 'html').length) out.push('the document must have exactly one <html> root element');
  if (htmlEl) {
    const kids = htmlEl.children.map((e) => e.name);
    if (kids.join(',') !== 'head,body') out.push(`<html> must contain <head> then <body>, found ${kids.join(', ')}`);
    const lang = htmlEl.attrs.get('lang');
    if (!lang || !LANG_RE.test(lang)) out.push(`<html lang="${lang ?? ''}"> is not a valid language tag`);
    const dir = htmlEl.attrs.get('dir');
    if (dir !== 'ltr' && dir !== 'rtl') out.push(`<html dir="${dir ?? ''}"> must be ltr or rtl`);
  }
  const head = htmlEl?.children.find((e) => e.name === 'head');
  if (head) {
    const first = head.children[0];
    if (!first || first.name !== 'meta' || first.attrs.get('charset')?.toLowerCase() !== 'utf-8') out.push('<meta charset="utf-8"> must be the first element of <head>');
    const titles = head.children.filter((e) => e.name === 'title');
    if (titles.length !== 1 || !titles[0]!.text.trim()) out.push('<head> needs exactly one non-empty <title>');
    if (!head.children.some((e) => e.name === 'meta' && e.attrs.get('name') === 'viewport')) out.push('no <meta name="viewport">');
    for (const c of head.children) if (!['meta', 'title', 'link', 'style', 'script', 'base', 'noscript', 'template'].includes(c.name)) out.push(`<${c.name}> is not allowed in <head>`);
  }
  // ids and references
  const ids = new Map<string, number>();
  for (const e of all) {
    const id = e.attrs.get('id');
    if (id === undefined) continue;
    if (id === '' || /\s/.test(id)) out.push(`<${e.name} id="${id}">: an id must be non-empty without spaces`);
    ids.set(id, (ids.get(id) ?? 0) + 1);
  }
  for (const [id, n] of ids) if (n > 1) out.push(`duplicate id "${id}" (${n} times)`);
  for (const e of all) {
    const href = e.attrs.get('href');
    if (e.name === 'a' && href?.startsWith('#') && href.length > 1 && !ids.has(decodeURIComponent(href.slice(1)))) out.push(`<a href="${href}">: no element has that id`);
    for (const a of ['aria-labelledby', 'aria-describedby', 'aria-controls', 'for']) {
      const v = e.attrs.get(a);
      if (v !== undefined) for (const ref of v.split(/\s+/).filter(Boolean)) if (!ids.has(ref)) out.push(`<${e.name} ${a}="${v}">: no element has id "${ref}"`);
    }
    const lang = e.attrs.get('lang');
    if (lang !== undefined && lang !== '' && !LANG_RE.test(lang)) out.push(`<${e.name} lang="${lang}">: not a valid language tag`);
    const dir = e.attrs.get('dir');
    if (dir !== undefined && !['ltr', 'rtl', 'auto'].includes(dir)) out.push(`<${e.name} dir="${dir}">: must be ltr, rtl or auto`);
    const hreflang = e.attrs.get('hreflang');
    if (hreflang !== undefined && hreflang !== 'x-default' && !LANG_RE_CI.test(hreflang)) out.push(`<${e.name} hreflang="${hreflang}">: not a valid language tag`);
    for (const a of e.attrs.keys()) if (/^on/i.test(a)) out.push(`<${e.name} ${a}>: event handler attribute`);
    if (href && /^\s*javascript:/i.test(href)) out.push(`<${e.name} href="${href}">: javascript: URL`);
  }
  // content models
  for (const e of all) {
    const p = e.parent;
    const inside = (name: string) => {
      for (let x = p; x; x = x.parent) if (x.name === name) return true;
      return false;
    };
    if (BLOCK_IN_P.has(e.name) && inside('p')) out.push(`<${e.name}> inside <p> (line of <p> content model)`);
    if (INTERACTIVE.has(e.name) && (inside('a') || inside('button'))) out.push(`interactive <${e.name}> inside <a> or <button>`);
    if ((e.name === 'ul' || e.name === 'ol') && e.children.some((c) => !['li', 'script', 'template'].includes(c.name))) out.push(`<${e.name}> may only contain <li>`);
    if (e.name === 'li' && p && !['ul', 'ol', 'menu'].includes(p.name)) out.push(`<li> inside <${p.name}>`);
    if (e.name === 'table' && e.children.some((c) => !['caption', 'colgroup', 'thead', 'tbody', 'tfoot', 'tr', 'script', 'template'].includes(c.name))) out.push('<table> with children other than caption, thead, tbody, tfoot, tr');
    if (['thead', 'tbody', 'tfoot'].includes(e.name) && e.children.some((c) => c.name !== 'tr')) out.push(`<${e.name}> may only contain <tr>`);
    if (e.name === 'tr' && e.children.some((c) => c.name !== 'th' && c.name !== 'td')) out.push('<tr> may only contain <th> and <td>');
    if (e.name === 'summary' && (p?.name !== 'details' || p.children[0] !== e)) out.push('<summary> must be the first child of <details>');
    if ((e.name === 'dt' || e.name === 'dd') && p && !['dl', 'div'].includes(p.name)) out.push(`<${e.name}> outside <dl>`);
    if (e.name === 'main' && inside('main')) out.push('<main> inside <main>');
    if (e.name === 'meta' && p?.name !== 'head') out.push('<meta> outside <head>');
  }
  if (find(root, 'main').length !== 1) out.push(`expected one <main>, found ${find(root, 'main').length}`);
  // scripts and external requests
  for (const e of all) {
    if (e.name === 'script' && (e.attrs.has('src') || !opts.allowInlineScript)) out.push(`<script${e.attrs.has('src') ? ` src="${e.attrs.get('src')}"` : ''}>: no scripts allowed here`);
    const src = e.attrs.get('src');
    if (src && !src.startsWith('data:') && /^[a-z]+:|^\/\//i.test(src)) out.push(`<${e.name} src="${src}">: external resource`);
    if (e.name === 'link' && /\b(stylesheet|preload|prefetch|preconnect|dns-prefetch|modulepreload|icon|manifest)\b/i.test(e.attrs.get('rel') ?? '')) {
      const h = e.attrs.get('href') ?? '';
      if (/^[a-z]+:|^\/\//i.test(h) && !h.startsWith('data:')) out.push(`<link rel="${e.attrs.get('rel')}" href="${h}">: external resource`);
    }
    if (e.name === 'style' && /@import|url\(\s*['"]?(https?:)?\/\//i.test(e.text)) out.push('<style> loads an external resource');
    const style = e.attrs.get('style');
    if (style && /url\(/i.test(style)) out.push(`<${e.name} style="${style}">: url() in a style attribute`);
  }
  return out;
}

/** Heading levels in document order, and the problems: not exactly one h1, a level skipped going down. */
export function checkHeadings(html: string): { levels: number[]; errors: string[] } {
  const { root } = parseHtml(html);
  const levels = [...walk(root)].filter((e) => /^h[1-6]$/.test(e.name)).map((e) => Number(e.name[1]));
  const errors: string[] = [];
  if (levels.filter((x) => x === 1).length !== 1) errors.push(`expected one <h1>, found ${levels.filter((x) => x === 1).length}`);
  if (levels[0] !== 1) errors.push(`the first heading is h${levels[0]}, not h1`);
  for (let k = 1; k < levels.length; k++) if (levels[k]! > levels[k - 1]! + 1) errors.push(`heading h${levels[k]} follows h${levels[k - 1]} (a level skipped)`);
  return { levels, errors };
}
