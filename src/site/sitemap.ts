import type { SiteExtra } from './extras.js';
import { absoluteUrl, alternateLinks, hreflangCluster } from './hreflang.js';
import { lastUpdated, siteHistory } from './history.js';

const xml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);

/**
 * `sitemap.xml` (only when the base URL is known): the chooser and every notice page of the built
 * regions, each with the whole `hreflang` cluster as `xhtml:link` alternates, itself included.
 */
export const sitemap: SiteExtra = (ctx) => {
  if (!ctx.baseUrl) return;
  const baseUrl = ctx.baseUrl;
  const built = new Set(ctx.regions.map((r) => r.region.id));
  const cluster = hreflangCluster(ctx.project.regions);
  const links = alternateLinks(cluster, baseUrl).map((a) => `    <xhtml:link rel="alternate" hreflang="${xml(a.hreflang)}" href="${xml(a.href)}"/>`);
  const effective = String(ctx.project.master.frontMatter.effective ?? '');
  const updated = lastUpdated(ctx.project.master.frontMatter, siteHistory(ctx.project), undefined, effective);
  const lastmod = /^\d{4}-\d{2}-\d{2}$/.test(updated) ? `    <lastmod>${updated}</lastmod>\n` : '';
  // every entry of the cluster lists the whole cluster: the file grows with the square of the pages,
  // so it is written in pieces, the list of alternates joined once and repeated
  const alternates = `${links.join('\n')}\n`;
  const pieces = ['<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n'];
  const entry = (loc: string, inCluster: boolean) => {
    if (pieces.length > 1) pieces.push('\n');
    pieces.push(`  <url>\n    <loc>${xml(loc)}</loc>\n${lastmod}`);
    if (inCluster) pieces.push(alternates);
    pieces.push('  </url>');
  };
  entry(absoluteUrl(baseUrl, ''), true);
  for (const p of cluster) if (built.has(p.region)) entry(absoluteUrl(baseUrl, p.dir), p.hreflang !== null);
  pieces.push('\n</urlset>\n');
  ctx.files.set('sitemap.xml', pieces);
};
