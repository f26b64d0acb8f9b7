/**
 * Reads one jurisdiction data file (data/<id>.yaml) into a checked raw pack. Syntax and shape
 * errors throw a DiagnosticError whose message starts with `<file>:<line>:<column>`.
 */
import { readFileSync } from 'node:fs';
import type { Document, LineCounter } from 'yaml';
import { yamlLib } from '../util/lazy-modules.js';
import { DiagnosticError } from '../model/diagnostics.js';
import { parseSimpleYaml } from './simple-yaml.js';
import type { Confidence, Requirement } from './types.js';

export type Tri = boolean | 'conditional';
type Path = (string | number)[];

export interface RawElement { id: string; req: Requirement; cite: string; conf: Confidence }

export interface RawPack {
  id: string;
  name: string;
  inherits?: string;
  parent?: string;
  aliases: string[];
  siteLocales: string[];
  laws: { id: string; cite: string; conf: Confidence }[];
  authority?: {
    nameEn: string; nameLocal?: string; localLang?: string; localLangs?: string[]; website?: string; otherWebsites?: string[];
    conf: Confidence; src: string[];
  };
  dpo?: { required: Tri; rule: string; conf: Confidence };
  representative?: { required: Tri; rule: string; conf: Confidence };
  noticeElements?: RawElement[];
  noticeElementsFrom?: string;
  noticeElementsExtra?: RawElement[];
  ageOfConsent?: { age: number | null; rule?: string; conf: Confidence; src: string[] };
  languages?: { required: string[]; customary: string[]; rule?: string; conf: Confidence };
  noticeChanges?: {
    inherits?: string; extra?: string; materialChange?: string; notifyUsers?: string; method?: string;
    advanceNotice?: string; reconsent?: string; conf: Confidence; src: string[];
  };
  noticePeriodDays?: { days: number | null; basis: string; conf: Confidence };
  crossBorder?: { summary?: string; localization: boolean | 'partial'; adequacyList?: string[]; conf: Confidence };
  lowConfidence: string[];
  /** Position of a path in the file, for errors found after reading (e.g. an unknown `inherits`). */
  where(path: Path): { line: number; column: number };
}

const CONF = new Set(['high', 'medium', 'low']);
const REQ = new Set(['required', 'conditional', 'on_request', 'recommended']);

type Obj = Record<string, unknown>;

interface Parsed { doc: Document; lc: LineCounter }

class Reader {
  /** The `yaml` document is only built when needed: for the fallback parse and for error positions. */
  constructor(readonly file: string, readonly full: () => Parsed) {}

  where(path: Path): { line: number; column: number } {
    const { isNode } = yamlLib();
    const { doc, lc } = this.full();
    for (let n = path.length; n >= 0; n--) {
      const node = n === 0 ? doc.contents : doc.getIn(path.slice(0, n), true);
      if (isNode(node) && node.range) {
        const p = lc.linePos(node.range[0]);
        return { line: p.line, column: p.col };
      }
    }
    return { line: 1, column: 1 };
  }

  fail(path: Path, message: string, expected?: string): never {
    const { line, column } = this.where(path);
    const at = path.length ? `${path.join('.')}: ` : '';
    throw new DiagnosticError([
      { severity: 'error', rule: 'jurisdiction-data', file: this.file, line, column, message: at + message, ...(expected ? { expected } : {}) },
    ]);
  }

  obj(v: unknown, path: Path): Obj {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) this.fail(path, `found ${show(v)}`, 'a mapping');
    return v as Obj;
  }
  arr(v: unknown, path: Path): unknown[] {
    if (!Array.isArray(v)) this.fail(path, `found ${show(v)}`, 'a list');
    return v;
  }
  str(o: Obj, key: string, path: Path): string {
    const v = o[key];
    if (typeof v !== 'string' || v === '') this.fail([...path, key], `found ${show(v)}`, 'a non-empty string');
    return v;
  }
  optStr(o: Obj, key: string, path: Path): string | undefined {
    return o[key] === undefined ? undefined : this.str(o, key, path);
  }
  strList(o: Obj, key: string, path: Path, optional = false): string[] {
    const v = o[key];
    if (v === undefined && optional) return [];
    return this.arr(v, [...path, key]).map((x, i) => {
      if (typeof x !== 'string' || x === '') this.fail([...path, key, i], `found ${show(x)}`, 'a non-empty string');
      return x;
    });
  }
  conf(o: Obj, path: Path): Confidence {
    const v = o.conf;
    if (typeof v !== 'string' || !CONF.has(v)) this.fail([...path, 'conf'], `found ${show(v)}`, 'high, medium or low');
    return v as Confidence;
  }
  tri(o: Obj, key: string, path: Path): Tri {
    const v = o[key];
    if (v !== true && v !== false && v !== 'conditional') this.fail([...path, key], `found ${show(v)}`, 'true, false or conditional');
    return v;
  }
  intOrNull(o: Obj, key: string, path: Path): number | null {
    const v = o[key];
    if (v !== null && !(typeof v === 'number' && Number.isInteger(v) && v >= 0)) this.fail([...path, key], `found ${show(v)}`, 'a whole number or null');
    return v;
  }
}

function show(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a mapping';
  return JSON.stringify(v);
}

/** Paths of every `conf: low` (and `<name>_conf: low`) fact in a raw data object. */
export function lowConfidencePaths(root: unknown): string[] {
  const out: string[] = [];
  const walk = (v: unknown, path: string[]): void => {
    if (Array.isArray(v)) {
      v.forEach((item, i) => {
        const o = item && typeof item === 'object' ? (item as Obj) : undefined;
        const name = typeof o?.id === 'string' ? o.id : typeof o?.state === 'string' ? o.state : String(i);
        walk(item, [...path, name]);
      });
    } else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v as Obj)) {
        if (k === 'conf' && x === 'low') out.push(path.join('.'));
        else if (k.endsWith('_conf') && x === 'low') out.push([...path, k.slice(0, -5)].join('.'));
        else walk(x, [...path, k]);
      }
    }
  };
  walk(root, []);
  return out;
}

export function readPack(path: string, displayPath: string, expectedId: string): RawPack {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new DiagnosticError([{ severity: 'error', rule: 'jurisdiction-data', file: displayPath, message: `cannot read ${displayPath}: ${(e as Error).message}` }]);
  }
  let parsed: Parsed | undefined;
  const full = (): Parsed => {
    if (!parsed) {
      const { parseDocument, LineCounter } = yamlLib();
      const lc = new LineCounter();
      parsed = { doc: parseDocument(text, { lineCounter: lc, prettyErrors: true }), lc };
    }
    return parsed;
  };
  const r = new Reader(displayPath, full);
  let data: unknown = parseSimpleYaml(text);
  if (data === undefined) {
    const { doc, lc } = full();
    const err = doc.errors[0];
    if (err) {
      const pos = err.linePos?.[0] ?? lc.linePos(err.pos[0]);
      const first = err.message.split('\n')[0] ?? err.message;
      throw new DiagnosticError([
        { severity: 'error', rule: 'yaml-syntax', file: displayPath, line: pos.line, column: pos.col, message: first.replace(/ at line \d+, column \d+:?$/, '') },
      ]);
    }
    data = doc.toJS();
  }
  const root = r.obj(data, []);
  const id = r.str(root, 'id', []);
  if (id !== expectedId) r.fail(['id'], `found "${id}"`, `"${expectedId}" (the file name)`);

  const elements = (key: string): RawElement[] | undefined => {
    if (root[key] === undefined) return undefined;
    const seen = new Set<string>();
    return r.arr(root[key], [key]).map((v, i) => {
      const p = [key, i];
      const o = r.obj(v, p);
      const eid = r.str(o, 'id', p);
      if (seen.has(eid)) r.fail([...p, 'id'], `duplicate element id "${eid}"`);
      seen.add(eid);
      const req = r.str(o, 'req', p);
      if (!REQ.has(req)) r.fail([...p, 'req'], `found "${req}"`, 'required, conditional, on_request or recommended');
      return { id: eid, req: req as Requirement, cite: r.str(o, 'cite', p), conf: r.conf(o, p) };
    });
  };
  const section = (key: string): Obj | undefined => (root[key] === undefined ? undefined : r.obj(root[key], [key]));
  const duty = (key: string) => {
    const o = section(key);
    return o && { required: r.tri(o, 'required', [key]), rule: r.optStr(o, 'rule', [key]) ?? '', conf: r.conf(o, [key]) };
  };

  const laws = r.arr(root.laws, ['laws']).map((v, i) => {
    const o = r.obj(v, ['laws', i]);
    return { id: r.str(o, 'id', ['laws', i]), cite: r.str(o, 'cite', ['laws', i]), conf: r.conf(o, ['laws', i]) };
  });

  const a = section('authority');
  let authority: RawPack['authority'];
  if (a) {
    const p = ['authority'];
    const ll = a.local_lang;
    const localLang = Array.isArray(ll) ? r.strList(a, 'local_lang', p)[0] : r.optStr(a, 'local_lang', p);
    authority = {
      nameEn: r.str(a, 'name_en', p),
      ...opt('nameLocal', r.optStr(a, 'name_local', p)),
      ...opt('localLang', localLang),
      ...opt('localLangs', Array.isArray(ll) ? r.strList(a, 'local_lang', p) : localLang ? [localLang] : undefined),
      ...opt('website', r.optStr(a, 'website', p)),
      ...(a.other_websites !== undefined ? { otherWebsites: r.strList(a, 'other_websites', p) } : {}),
      conf: r.conf(a, p),
      src: r.strList(a, 'src', p, true),
    };
  }

  const ag = section('digital_age_of_consent');
  const lg = section('languages');
  const nc = section('notice_changes');
  const np = section('notice_period_days');
  const cb = section('cross_border');
  if (cb && cb.localization !== true && cb.localization !== false && cb.localization !== 'partial') {
    r.fail(['cross_border', 'localization'], `found ${show(cb.localization)}`, 'true, false or partial');
  }
  const noticeElements = elements('notice_elements');
  const noticeElementsExtra = elements('notice_elements_extra');
  const dpo = duty('dpo');
  const representative = duty('local_representative');

  return {
    id,
    name: r.str(root, 'name', []),
    ...opt('inherits', r.optStr(root, 'inherits', [])),
    ...opt('parent', r.optStr(root, 'parent', [])),
    aliases: r.strList(root, 'aliases', [], true),
    siteLocales: r.strList(root, 'site_locales', []),
    laws,
    ...opt('authority', authority),
    ...opt('dpo', dpo),
    ...opt('representative', representative),
    ...opt('noticeElements', noticeElements),
    ...opt('noticeElementsFrom', r.optStr(root, 'notice_elements_from', [])),
    ...opt('noticeElementsExtra', noticeElementsExtra),
    ...opt('ageOfConsent', ag && {
      age: r.intOrNull(ag, 'age', ['digital_age_of_consent']),
      ...opt('rule', r.optStr(ag, 'rule', ['digital_age_of_consent'])),
      conf: r.conf(ag, ['digital_age_of_consent']),
      src: r.strList(ag, 'src', ['digital_age_of_consent'], true),
    }),
    ...opt('languages', lg && {
      required: r.strList(lg, 'required', ['languages']),
      customary: r.strList(lg, 'customary', ['languages'], true),
      ...opt('rule', r.optStr(lg, 'rule', ['languages'])),
      conf: r.conf(lg, ['languages']),
    }),
    ...opt('noticeChanges', nc && {
      ...opt('inherits', r.optStr(nc, 'inherits', ['notice_changes'])),
      ...opt('extra', r.optStr(nc, 'extra', ['notice_changes'])),
      ...opt('materialChange', r.optStr(nc, 'material_change', ['notice_changes'])),
      ...opt('notifyUsers', r.optStr(nc, 'notify_users', ['notice_changes'])),
      ...opt('method', r.optStr(nc, 'method', ['notice_changes'])),
      ...opt('advanceNotice', r.optStr(nc, 'advance_notice', ['notice_changes'])),
      ...opt('reconsent', r.optStr(nc, 'reconsent', ['notice_changes'])),
      conf: r.conf(nc, ['notice_changes']),
      src: r.strList(nc, 'src', ['notice_changes'], true),
    }),
    ...opt('noticePeriodDays', np && {
      days: r.intOrNull(np, 'days', ['notice_period_days']),
      basis: r.str(np, 'basis', ['notice_period_days']),
      conf: r.conf(np, ['notice_period_days']),
    }),
    ...opt('crossBorder', cb && {
      ...opt('summary', r.optStr(cb, 'summary', ['cross_border'])),
      localization: cb.localization as boolean | 'partial',
      ...(cb.adequacy_list !== undefined ? { adequacyList: r.strList(cb, 'adequacy_list', ['cross_border']) } : {}),
      conf: r.conf(cb, ['cross_border']),
    }),
    lowConfidence: lowConfidencePaths(root),
    where: (p) => r.where(p),
  };
}

/** `{key: value}` when value is defined, else `{}` (keeps optional properties absent, not undefined). */
function opt<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}
