import { DOMParser } from '@xmldom/xmldom';
import type { Project } from '../parse/project.js';
import type { Diagnostic } from '../model/diagnostics.js';
import { unitHash } from '../util/hash.js';
import { PLACEHOLDER_RE } from '../resolve/placeholders.js';
import { entriesOf, type TranslationState, type UnitTranslation } from './translations.js';
import type { LocaleStatus, UnitStatus } from './status.js';
import { inlineStructure } from './check-translations.js';

/**
 * XLIFF 2.0 (OASIS, urn:oasis:names:tc:xliff:document:2.0) export and import of translation units.
 * Placeholders travel as `<ph>` inline codes (an agency's tool protects them); Markdown stays text.
 */
export const XLIFF_NS = 'urn:oasis:names:tc:xliff:document:2.0';

const xml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Inline content with placeholders as `<ph>` codes; ids are numbered in order of appearance. */
function inline(text: string): string {
  let n = 0;
  let out = '';
  let last = 0;
  for (const m of text.matchAll(PLACEHOLDER_RE)) {
    out += xml(text.slice(last, m.index));
    n++;
    out += `<ph id="ph${n}" equiv="${xml(m[0])}" disp="${xml(m[1]!)}"/>`;
    last = m.index! + m[0].length;
  }
  return out + xml(text.slice(last));
}

export interface ExportOptions {
  /** Every unit, not only those that need work (their current targets included). */
  all?: boolean;
}

export function needsWork(u: UnitStatus): boolean {
  return u.state === 'missing' || u.state === 'stale' || u.state === 'needs-review';
}

/** The XLIFF 2.0 document of a language's units that need work (or all of them). */
export function exportXliff(project: Project, status: LocaleStatus, opts: ExportOptions = {}): { xml: string; units: number } {
  const doc = project.config.document;
  const lines: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<xliff xmlns="${XLIFF_NS}" version="2.0" srcLang="en" trgLang="${xml(status.locale)}">`,
    ` <file id="${xml(doc)}" original="policy/${xml(doc)}.md">`,
  ];
  let count = 0;
  for (const u of status.units) {
    if (!opts.all && !needsWork(u)) continue;
    count++;
    const notes: string[] = [`<note category="noticekit-status">${u.state}</note>`, `<note category="section">${xml(u.section)}</note>`];
    const l = u.lookup;
    if (l.state === 'needs-review' || l.state === 'stale') {
      notes.push(`<note category="change">${xml(`${l.change.rule}: ${l.change.reason}`)}</note>`);
      if (l.change.before !== undefined) notes.push(`<note category="previous-source">${xml(l.change.before)}</note>`);
      notes.push(`<note category="previous-target">${xml(l.entry.text)}</note>`);
    }
    const current = l.state === 'current' ? l : undefined;
    lines.push(`  <unit id="${xml(u.id)}" name="${xml(u.section)}">`);
    lines.push(`   <notes>\n    ${notes.join('\n    ')}\n   </notes>`);
    lines.push(`   <segment state="${current ? current.entry.state : 'initial'}">`);
    lines.push(`    <source>${inline(u.unit.text)}</source>`);
    if (current) lines.push(`    <target>${inline(current.text)}</target>`);
    lines.push('   </segment>');
    lines.push('  </unit>');
  }
  lines.push(' </file>', '</xliff>', '');
  return { xml: lines.join('\n'), units: count };
}

export interface ImportResult {
  locale: string;
  /** The new `units` of locales/<locale>/privacy.json. */
  entries: Record<string, UnitTranslation>;
  updated: number;
  problems: Diagnostic[];
}

interface Loc {
  lineNumber?: number;
  columnNumber?: number;
}

/** Reads an XLIFF 2.0 file and validates it against the project; nothing is written here. */
export function importXliff(project: Project, text: string, file: string, knownLocales: string[]): ImportResult {
  const problems: Diagnostic[] = [];
  const add = (message: string, at: Loc | undefined, expected?: string, hint?: string) =>
    problems.push({ severity: 'error', rule: 'xliff', file, line: at?.lineNumber ?? 1, column: at?.columnNumber ?? 1, message, ...(expected ? { expected } : {}), ...(hint ? { hint } : {}) });
  const parser = new DOMParser({
    locator: {},
    errorHandler: {
      warning: () => undefined,
      error: (m: string) => xmlError(m),
      fatalError: (m: string) => xmlError(m),
    },
  });
  function xmlError(m: string) {
    const pos = /line:(\d+),col:(\d+)/.exec(m);
    problems.push({ severity: 'error', rule: 'xliff-syntax', file, line: pos ? Number(pos[1]) : 1, column: pos ? Number(pos[2]) : 1, message: `not well-formed XML: ${m.split('\n')[0]!.replace(/\s*@#\[.*$/, '')}`, expected: 'an XLIFF 2.0 file as exported by `noticekit translate export`' });
  }
  const dom = parser.parseFromString(text, 'text/xml');
  const empty: ImportResult = { locale: '', entries: {}, updated: 0, problems };
  if (problems.length) return empty;
  const root = dom.documentElement as unknown as Element & Loc;
  if (!root || root.localName !== 'xliff' || root.namespaceURI !== XLIFF_NS) {
    add('the root element is not <xliff> in the XLIFF 2.0 namespace', root ?? undefined, `<xliff xmlns="${XLIFF_NS}" version="2.0">`);
    return empty;
  }
  if (root.getAttribute('version') !== '2.0') add(`XLIFF version ${root.getAttribute('version') ?? '(none)'} is not supported`, root, 'version="2.0"');
  if (root.getAttribute('srcLang') !== 'en') add(`srcLang is "${root.getAttribute('srcLang') ?? ''}"`, root, 'srcLang="en" (the master text is English)');
  const locale = root.getAttribute('trgLang') ?? '';
  if (!knownLocales.includes(locale)) add(`trgLang "${locale}" is not a language of any region`, root, `one of: ${knownLocales.join(', ')}`, 'export the file again with `noticekit translate export --locale <lng>`');
  const byId = new Map(project.master.units.map((u) => [u.id, u]));
  const existing = entriesOf(project.locales, locale) ?? {};
  const entries: Record<string, UnitTranslation> = { ...existing };
  let updated = 0;
  const units = Array.from(dom.getElementsByTagNameNS(XLIFF_NS, 'unit')) as unknown as (Element & Loc)[];
  const seen = new Set<string>();
  for (const el of units) {
    const id = el.getAttribute('id') ?? '';
    if (seen.has(id)) add(`unit ${id} appears twice`, el, 'each unit once');
    seen.add(id);
    const unit = byId.get(id);
    if (!unit) {
      add(`unknown unit id "${id}"`, el, 'a unit id of policy/privacy.units.json', 'the master text changed since the export: export again');
      continue;
    }
    const segs = Array.from(el.getElementsByTagNameNS(XLIFF_NS, 'segment')) as unknown as (Element & Loc)[];
    if (segs.length !== 1) {
      add(`unit ${id} has ${segs.length} segments`, el, 'exactly one <segment> per unit (do not split or join segments)');
      continue;
    }
    const seg = segs[0]!;
    const src = first(seg, 'source');
    const tgt = first(seg, 'target');
    if (!src) {
      add(`unit ${id} has no <source>`, seg, '<source> with the English text');
      continue;
    }
    if (!tgt) continue;
    const sourceText = contentOf(src, add);
    const targetText = contentOf(tgt, add);
    if (sourceText === undefined || targetText === undefined) continue;
    if (!targetText.trim()) {
      add(`unit ${id} has an empty <target>`, tgt, 'the translation, or no <target> element');
      continue;
    }
    const want = inlineStructure(sourceText);
    const got = inlineStructure(targetText);
    if (want.placeholders.join() !== got.placeholders.join()) add(`unit ${id}: the target's placeholders (${got.placeholders.join(', ') || 'none'}) differ from the source's (${want.placeholders.join(', ') || 'none'})`, tgt, 'every <ph> of the source exactly once in the target');
    if (want.links.join() !== got.links.join()) add(`unit ${id}: the target links to ${got.links.join(', ') || 'nothing'} but the source to ${want.links.join(', ') || 'nothing'}`, tgt, 'the same link targets: translate the [link text], keep the (URL)');
    const strong = (t: string) => (t.match(/\*\*/g) ?? []).length;
    if (strong(sourceText) !== strong(targetText)) add(`unit ${id}: the target has ${strong(targetText) / 2} bold spans, the source ${strong(sourceText) / 2}`, tgt, 'the same Markdown emphasis (**…**) as the source');
    const stateAttr = seg.getAttribute('state') ?? 'translated';
    if (!['initial', 'translated', 'reviewed', 'final'].includes(stateAttr)) add(`unit ${id}: unknown segment state "${stateAttr}"`, seg, 'initial, translated, reviewed or final');
    const state: TranslationState = stateAttr === 'reviewed' || stateAttr === 'final' ? stateAttr : 'translated';
    const entry: UnitTranslation = { text: targetText, source: unitHash(sourceText), state };
    const prev = entries[id];
    if (!prev || prev.text !== entry.text || prev.source !== entry.source || prev.state !== entry.state) updated++;
    entries[id] = entry;
  }
  return { locale, entries, updated, problems };
}

function first(el: Element, name: string): (Element & Loc) | undefined {
  return (Array.from(el.getElementsByTagNameNS(XLIFF_NS, name)) as unknown as (Element & Loc)[])[0];
}

function contentOf(el: Element & Loc, add: (m: string, at: Loc | undefined, e?: string) => void): string | undefined {
  let out = '';
  for (const n of Array.from(el.childNodes) as unknown as (Node & Loc)[]) {
    if (n.nodeType === 3 || n.nodeType === 4) out += n.nodeValue ?? '';
    else if (n.nodeType === 1 && (n as unknown as Element).localName === 'ph') {
      const equiv = (n as unknown as Element).getAttribute('equiv') ?? '';
      if (!/^\{\{\s*[a-zA-Z0-9_.]+\s*\}\}$/.test(equiv)) {
        add(`a <ph> code without a placeholder in equiv="…"`, n, 'the <ph> codes exactly as exported');
        return undefined;
      }
      out += equiv;
    } else if (n.nodeType === 1) {
      add(`unsupported inline element <${(n as unknown as Element).localName}>`, n, 'text and <ph/> codes only');
      return undefined;
    }
  }
  return out;
}

/** `locales/<lng>/privacy.json` text: units sorted by id, two-space JSON, a final newline. */
export function serializeTranslations(entries: Record<string, UnitTranslation>): string {
  const units: Record<string, UnitTranslation> = {};
  for (const id of Object.keys(entries).sort()) {
    const e = entries[id]!;
    units[id] = { text: e.text, source: e.source, state: e.state };
  }
  return `${JSON.stringify({ units }, null, 2)}\n`;
}
