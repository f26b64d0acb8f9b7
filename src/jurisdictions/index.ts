/**
 * Jurisdiction packs: per-jurisdiction legal data (laws, authority, required notice elements, age
 * of consent, languages, notice-change rules, cross-border rules) read from data/<id>.yaml, which
 * were converted from the research reference (shared/reference/jurisdictions.yaml).
 *
 * Nothing is read at import time; loadJurisdictions() reads every pack synchronously on first use
 * and caches the registry per data directory. Returned packs are frozen: copy before changing.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DiagnosticError } from '../model/diagnostics.js';
import { composePacks } from './compose.js';
import { readPack, type RawPack } from './read-pack.js';
import type { JurisdictionPack, JurisdictionRegistry, NoticeElement } from './types.js';

export type {
  ComposedJurisdiction,
  Confidence,
  JurisdictionPack,
  JurisdictionRegistry,
  NoticeElement,
  Requirement,
} from './types.js';

const cache = new Map<string, JurisdictionRegistry>();

/** <package root>/src/jurisdictions/data, from src/jurisdictions/index.ts and from dist/jurisdictions/index.js alike. */
function defaultDataDir(): string {
  return fileURLToPath(new URL('../../src/jurisdictions/data/', import.meta.url));
}

export function loadJurisdictions(dataDir?: string): JurisdictionRegistry {
  const dir = resolve(dataDir ?? defaultDataDir());
  let reg = cache.get(dir);
  if (!reg) {
    const pre = dataDir === undefined ? precompiledData(dir) : undefined;
    reg = registryFrom(pre ?? readRegistryData(dir));
    cache.set(dir, reg);
  }
  return reg;
}

/** Everything a registry holds, as plain data: what `npm run build` precompiles. */
export interface RegistryData {
  packs: Record<string, JurisdictionPack>;
  aliases: Record<string, string>;
  /** Per pack id, its parents, nearest first. */
  parentsOf: Record<string, string[]>;
  /** Per pack id, the pack it inherits from, if any. */
  inherits: Record<string, string>;
}

/** Where `npm run build` writes the registry of the package's packs (scripts/precompile-jurisdictions.mjs). */
export const PRECOMPILED_JURISDICTIONS = new URL('../../dist/jurisdictions.precompiled.json', import.meta.url);

/** The name and sha256 of every data file of a directory: what a precompiled registry was made from. */
export function dataFileHashes(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of readdirSync(dir).filter((n) => /\.ya?ml$/.test(n)).sort()) out[name] = createHash('sha256').update(readFileSync(join(dir, name))).digest('hex');
  return out;
}

/**
 * The package's registry as `npm run build` precompiled it, when the data files are still the ones
 * it was made from (same names, same bytes): reading and checking 32 packs costs a one-off command
 * ~40 ms, comparing their hashes ~2 ms. Otherwise undefined, and they are read as before.
 */
function precompiledData(dir: string): RegistryData | undefined {
  try {
    const file = JSON.parse(readFileSync(PRECOMPILED_JURISDICTIONS, 'utf8')) as { files: Record<string, string>; data: RegistryData };
    return JSON.stringify(dataFileHashes(dir)) === JSON.stringify(file.files) ? file.data : undefined;
  } catch {
    return undefined; // running from the sources, or not built
  }
}

function fail(file: string, where: { line: number; column: number } | undefined, message: string, expected?: string): never {
  throw new DiagnosticError([
    { severity: 'error', rule: 'jurisdiction-data', file, ...(where ?? {}), message, ...(expected ? { expected } : {}) },
  ]);
}

/** Reads and checks every pack of a data directory (errors name the file, line and column). */
export function readRegistryData(dir: string): RegistryData {
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => /\.ya?ml$/.test(n)).sort();
  } catch (e) {
    return fail(dir, undefined, `cannot read the jurisdiction data directory: ${(e as Error).message}`);
  }
  if (names.length === 0) fail(dir, undefined, 'no jurisdiction data files (*.yaml) found');

  const raws = new Map<string, RawPack>();
  const files = new Map<string, string>();
  for (const name of names) {
    const file = join(dir, name);
    const id = name.replace(/\.ya?ml$/, '');
    if (raws.has(id)) fail(file, undefined, `a second data file for jurisdiction "${id}"`);
    raws.set(id, readPack(file, file, id));
    files.set(id, file);
  }

  const aliases = new Map<string, string>();
  for (const raw of raws.values()) {
    for (const a of raw.aliases) {
      if (raws.has(a) || aliases.has(a)) fail(files.get(raw.id)!, raw.where(['aliases']), `alias "${a}" is already a jurisdiction id or alias`);
      aliases.set(a, raw.id);
    }
  }
  const ref = (raw: RawPack, path: (string | number)[], target: string | undefined): string | undefined => {
    if (target !== undefined && !raws.has(target)) fail(files.get(raw.id)!, raw.where(path), `unknown jurisdiction id "${target}"`, `one of ${[...raws.keys()].join(', ')}`);
    return target;
  };
  for (const raw of raws.values()) {
    if (raw.inherits !== undefined && raw.parent !== undefined) fail(files.get(raw.id)!, raw.where(['parent']), 'both inherits and parent are set', 'one of them');
    ref(raw, ['inherits'], raw.inherits);
    ref(raw, ['parent'], raw.parent);
    ref(raw, ['notice_elements_from'], raw.noticeElementsFrom);
    ref(raw, ['notice_changes', 'inherits'], raw.noticeChanges?.inherits);
  }

  const parentsOf = new Map<string, string[]>();
  for (const raw of raws.values()) {
    const chain: string[] = [];
    for (let p = raw.inherits ?? raw.parent; p !== undefined; ) {
      if (p === raw.id || chain.includes(p)) fail(files.get(raw.id)!, raw.where([raw.inherits ? 'inherits' : 'parent']), `inheritance cycle: ${[raw.id, ...chain, p].join(' -> ')}`);
      chain.push(p);
      const next = raws.get(p)!;
      p = next.inherits ?? next.parent;
    }
    parentsOf.set(raw.id, chain);
  }

  const packs = new Map<string, JurisdictionPack>();
  const building = new Set<string>();
  const build = (id: string): JurisdictionPack => {
    const done = packs.get(id);
    if (done) return done;
    const raw = raws.get(id)!;
    const file = files.get(id)!;
    if (building.has(id)) fail(file, raw.where([]), `circular reference while composing "${id}"`);
    building.add(id);
    const base = raw.inherits !== undefined ? build(raw.inherits) : undefined;
    const need = <T>(v: T | undefined, key: string): T => v ?? fail(file, raw.where([]), `missing ${key}`, `a ${key} section (or inherits: from a pack that has one)`);

    const elementsFrom = raw.inherits ?? raw.noticeElementsFrom;
    const noticeElements: NoticeElement[] = elementsFrom !== undefined ? [...build(elementsFrom).noticeElements] : [];
    for (const e of [...(raw.noticeElements ?? []), ...(raw.noticeElementsExtra ?? [])]) {
      const el: NoticeElement = { ...e, from: id };
      const i = noticeElements.findIndex((x) => x.id === e.id);
      if (i >= 0) noticeElements[i] = el;
      else noticeElements.push(el);
    }

    const nc = raw.noticeChanges;
    const ncBase = nc?.inherits !== undefined ? build(nc.inherits).noticeChanges : nc ? undefined : base?.noticeChanges;
    if (!nc && !ncBase) need(undefined, 'notice_changes');
    const { inherits: _i, ...ncOwn } = nc ?? { conf: ncBase!.conf, src: [] };
    const src = [...ncOwn.src, ...(ncBase?.src ?? [])].filter((s, i, a) => a.indexOf(s) === i);
    const noticeChanges: JurisdictionPack['noticeChanges'] = {
      ...(ncBase ?? {}),
      ...ncOwn,
      noticePeriodDays: raw.noticePeriodDays ? raw.noticePeriodDays.days : (ncBase?.noticePeriodDays ?? null),
      src,
    };

    const cb = need(raw.crossBorder ?? base?.crossBorder, 'cross_border');
    const adequacyList = cb.adequacyList ?? base?.crossBorder.adequacyList;

    const pack: JurisdictionPack = {
      id,
      name: raw.name,
      parents: parentsOf.get(id)!,
      laws: raw.laws,
      ...((raw.authority ?? base?.authority) ? { authority: raw.authority ?? base!.authority! } : {}),
      ...((raw.dpo ?? base?.dpo) ? { dpo: raw.dpo ?? base!.dpo! } : {}),
      ...((raw.representative ?? base?.representative) ? { representative: raw.representative ?? base!.representative! } : {}),
      noticeElements,
      ageOfConsent: need(raw.ageOfConsent ?? base?.ageOfConsent, 'digital_age_of_consent'),
      languages: need(raw.languages ?? base?.languages, 'languages'),
      noticeChanges,
      crossBorder: { ...cb, ...(adequacyList ? { adequacyList } : {}) },
      siteLocales: raw.siteLocales,
      lowConfidence: raw.lowConfidence,
    };
    building.delete(id);
    packs.set(id, pack);
    return pack;
  };
  for (const id of raws.keys()) build(id);
  const inherits: Record<string, string> = {};
  for (const [id, raw] of raws) if (raw.inherits !== undefined) inherits[id] = raw.inherits;
  // as plain JSON data (no keys holding undefined), the same whether read here or precompiled
  return JSON.parse(JSON.stringify({ packs: Object.fromEntries(packs), aliases: Object.fromEntries(aliases), parentsOf: Object.fromEntries(parentsOf), inherits })) as RegistryData;
}

function registryFrom(data: RegistryData): JurisdictionRegistry {
  const packs = new Map(Object.entries(data.packs).map(([id, p]) => [id, deepFreeze(p)]));
  const aliases = new Map(Object.entries(data.aliases));
  const parentsOf = new Map(Object.entries(data.parentsOf));
  const sortedIds = [...packs.keys()].sort();
  const canonical = (id: string): string | undefined => (packs.has(id) ? id : aliases.get(id));
  const known = (id: string): string => {
    const c = canonical(id);
    if (c === undefined) throw new Error(`unknown jurisdiction id "${id}" (known: ${sortedIds.join(', ')})`);
    return c;
  };
  const chain = (id: string): string[] => {
    const c = known(id);
    return [c, ...parentsOf.get(c)!];
  };
  const get = (id: string): JurisdictionPack | undefined => {
    const c = canonical(id);
    return c === undefined ? undefined : packs.get(c);
  };

  return {
    ids: () => [...sortedIds],
    get,
    has: (id) => canonical(id) !== undefined,
    chain,
    lawIds: (id) => {
      const out: string[] = [];
      for (const c of chain(id)) for (const l of packs.get(c)!.laws) if (!out.includes(l.id)) out.push(l.id);
      return out;
    },
    compose: (ids) => composePacks(ids, { get, chain, inheritsFrom: (id) => (Object.hasOwn(data.inherits, id) ? data.inherits[id] : undefined) }),
  };
}

function deepFreeze<T>(v: T): T {
  if (v && typeof v === 'object' && !Object.isFrozen(v)) {
    Object.freeze(v);
    for (const x of Object.values(v)) deepFreeze(x);
  }
  return v;
}
