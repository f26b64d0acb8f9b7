import type { Region } from '../model/schema.js';

/** One page of the site as search engines see it: its folder and its `hreflang` value. */
export interface ClusterPage {
  region: string;
  lng: string;
  /** Folder of the page inside the output, e.g. `ch/fr/` (the same as `pagePath`). */
  dir: string;
  /** The page's `hreflang` value (`de-CH`), or null when it cannot get a unique one. */
  hreflang: string | null;
}

/** Region ids that are not ISO 3166-1 countries, and the one common alias. */
const NOT_COUNTRIES = new Set(['eu', 'un', 'zz', 'xx', 'aa', 'qo']);
const ALIASES: Record<string, string> = { uk: 'GB' };

/** The country of a region id for `hreflang`: `ch` → `CH`, `us-ca` → `US`; undefined for `eu` and the like. */
export function regionCountry(regionId: string): string | undefined {
  const first = regionId.split('-')[0]!.toLowerCase();
  if (ALIASES[first]) return ALIASES[first];
  if (!/^[a-z]{2}$/.test(first) || NOT_COUNTRIES.has(first)) return undefined;
  return first.toUpperCase();
}

/** `hreflang` of a locale on a region's site: the language (and script) of the locale with the region's country. */
export function hreflangTag(regionId: string, lng: string): string {
  const parts = lng.split('-');
  const language = parts[0]!.toLowerCase();
  const script = parts.find((p, i) => i > 0 && /^[A-Za-z]{4}$/.test(p));
  const country = regionCountry(regionId);
  if (!country) return lng;
  return [language, ...(script ? [script[0]!.toUpperCase() + script.slice(1).toLowerCase()] : []), country].join('-');
}

/** Folder of a page inside the output: `de/de/`, `ca/fr-ca/`. */
export function pageDir(region: string, lng: string): string {
  return `${region}/${lng.toLowerCase()}/`;
}

/**
 * Every page of the site with its `hreflang`, ordered by region id and then locale (never by the
 * order of regions.yaml, so listing the regions in another order changes no byte of the site). A
 * page whose tag another page already has (two regions of one country) falls back to its locale
 * tag; if that is taken too it stays out of the cluster (null), so that no two alternates share a value.
 */
export function hreflangCluster(regions: readonly Region[]): ClusterPage[] {
  const taken = new Set<string>();
  const out: ClusterPage[] = [];
  const byId = [...regions].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const r of byId) {
    for (const lng of [...r.locales].sort()) {
      let tag: string | null = hreflangTag(r.id, lng);
      if (taken.has(tag.toLowerCase())) tag = taken.has(lng.toLowerCase()) ? null : lng;
      if (tag) taken.add(tag.toLowerCase());
      out.push({ region: r.id, lng, dir: pageDir(r.id, lng), hreflang: tag });
    }
  }
  return out;
}

/** Joins a base URL and a relative path: `https://x.example/privacy/` + `de/de/`. */
export function absoluteUrl(baseUrl: string, path: string): string {
  return `${baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`}${path}`;
}

/** The `<link rel="alternate">` set of every page of the cluster: each page, then `x-default` (the chooser). */
export function alternateLinks(cluster: readonly ClusterPage[], baseUrl: string): { hreflang: string; href: string }[] {
  const links = cluster.filter((p) => p.hreflang).map((p) => ({ hreflang: p.hreflang!, href: absoluteUrl(baseUrl, p.dir) }));
  links.push({ hreflang: 'x-default', href: absoluteUrl(baseUrl, '') });
  return links;
}
