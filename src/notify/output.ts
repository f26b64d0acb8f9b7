import { blocksToHtml, escapeHtml } from '../render/markdown-html.js';
import type { TemplateStore } from '../render/templates.js';
import { pagePath } from '../render/page.js';
import { sha256 } from '../util/hash.js';
import { isTextChange, type DraftedNotice, type NoticeChange, type NotifyFormat, type NotifyResult, type RegionOutcome } from './types.js';
import type { NotifyTexts } from './texts.js';
import { stripInlineMarkdown } from './sentences.js';

export const NOTIFY_MARKER = '.noticekit-notify.json';
export const NOTIFY_SCHEMA_VERSION = 1;

/** A change as the JSON report shows it: what changed, by id, without the drafted words. */
function changeJson(c: NoticeChange): Record<string, unknown> {
  if (isTextChange(c)) {
    return { kind: c.kind, severity: c.severity, section: c.section.id, sectionPath: c.section.path, rules: c.rules, reasons: c.reasons, units: c.units.map((u) => ({ ...(u.old ? { old: u.old.id } : {}), ...(u.new ? { new: u.new.id } : {}) })) };
  }
  const { kind, severity, id, ...rest } = c;
  return { kind, severity, id, ...rest };
}

function consentJson(r: RegionOutcome): Record<string, unknown> | null {
  if (!r.consent) return null;
  const { changes, ...rest } = r.consent;
  return { ...rest, changes: changes.map((c) => (isTextChange(c) ? { kind: c.kind, section: c.section.id } : { kind: c.kind, id: c.id })) };
}

/** One region's outcome, for summary.json and the stdout report (drafts left out unless asked). */
export function regionJson(r: RegionOutcome, withNotices: boolean): Record<string, unknown> {
  return {
    region: r.region,
    name: r.name,
    status: r.status,
    severity: r.severity,
    reason: r.reason,
    locales: r.locales,
    jurisdictions: r.jurisdictions,
    noticePeriodDays: r.noticePeriodDays,
    sendBy: r.sendBy,
    consent: consentJson(r),
    changes: r.changes.map(changeJson),
    ...(withNotices ? { notices: r.notices.map((n) => noticeJson(n, r)) } : {}),
  };
}

/** The drafted notices of one region in one language (`<region>/<lng>/notices.json`). */
export function noticeJson(n: DraftedNotice, r: RegionOutcome, result?: NotifyResult): Record<string, unknown> {
  return {
    ...(result ? { schemaVersion: NOTIFY_SCHEMA_VERSION, document: result.document, from: result.from, to: result.to, effective: result.effective } : {}),
    region: r.region,
    locale: n.locale,
    url: n.url,
    effectiveText: n.effectiveText,
    severity: r.severity,
    noticePeriodDays: r.noticePeriodDays,
    sendBy: r.sendBy,
    changes: n.changes,
    email: n.email,
    banner: n.banner.trimEnd(),
    changesPage: n.changesPage,
    consent: r.consent && n.consent ? { rule: r.consent.rule, type: r.consent.type, citation: r.consent.citation, reason: r.consent.reason, markdown: n.consent } : null,
  };
}

/** The whole run as JSON: every region with its changes, consent decision and, optionally, drafts. */
export function reportJson(result: NotifyResult, withNotices: boolean): Record<string, unknown> {
  const notified = result.regions.filter((r) => r.status === 'notify');
  return {
    schemaVersion: NOTIFY_SCHEMA_VERSION,
    document: result.document,
    from: result.from,
    to: result.to,
    effective: result.effective,
    severity: result.severity,
    summary: {
      notified: notified.map((r) => r.region),
      noNotice: result.regions.filter((r) => r.status !== 'notify').map((r) => r.region),
      consentRequests: notified.filter((r) => r.consent).map((r) => r.region),
    },
    regions: result.regions.map((r) => regionJson(r, withNotices)),
    removedRegions: result.removedRegions,
  };
}

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** `summary.md`: regions notified, regions with no material change, consent requests (English, for the team). */
export function summaryMarkdown(result: NotifyResult, store: TemplateStore): string {
  const notified = result.regions.filter((r) => r.status === 'notify');
  const ctx = {
    document: result.document,
    from: result.from,
    to: result.to,
    effective: result.effective,
    severity: result.severity,
    notified: notified.map((r) => ({
      region: r.region,
      name: cell(r.name),
      locales: r.locales.join(', '),
      severity: r.severity,
      changeCount: r.changes.length,
      noticePeriodDays: r.noticePeriodDays,
      sendBy: r.sendBy,
      consentText: r.consent ? cell(`${r.consent.type.replace(/_/g, ' ')} (${r.consent.rule})`) : 'no',
    })),
    quiet: result.regions.filter((r) => r.status !== 'notify').map((r) => ({ region: r.region, name: cell(r.name), severity: r.severity, reason: cell(r.reason) })),
    consents: notified
      .filter((r) => r.consent)
      .map((r) => ({ region: r.region, name: r.name, type: r.consent!.type.replace(/_/g, ' '), rule: r.consent!.rule, citation: r.consent!.citation, reason: r.consent!.reason, packRule: r.consent!.packRule ?? '' })),
    removedRegions: result.removedRegions,
    fallbacks: notified.flatMap((r) => r.notices.map((n) => ({ region: r.region, locale: n.locale, count: n.changes.filter((c) => c.fallback).length }))).filter((x) => x.count > 0),
  };
  return `${store.render('notices/summary.md.hbs', ctx).replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
}

function htmlPage(store: TemplateStore, ctx: { lang: string; dir: string; title: string; kind: string; body: string; subject?: string; subjectLabel?: string }): string {
  const html = store.render('notices/page.html.hbs', ctx);
  return html.endsWith('\n') ? html : `${html}\n`;
}

/** Markdown without its front matter. */
const bodyOf = (md: string) => md.replace(/^---\n[\s\S]*?\n---\n+/, '');
const titleOf = (md: string, fallback: string) => stripInlineMarkdown(/^#\s+(.+)$/m.exec(md)?.[1]?.trim() ?? fallback);

/** The email draft as a Markdown file: the subject in front matter, then the body. */
export function emailMarkdown(n: DraftedNotice): string {
  return `---\nsubject: ${JSON.stringify(n.email.subject)}\n---\n\n${n.email.body}`;
}

/**
 * The files of a run, by path relative to the output folder: per region and language
 * `email.md`, `banner.txt`, `changes.md` and `consent.md` (md), `notices.json` (json), or the same
 * as standalone, sanitized HTML pages (html); plus `summary.md` (and `summary.json` for json).
 */
export function notifyFiles(result: NotifyResult, format: NotifyFormat, store: TemplateStore, texts: NotifyTexts): Map<string, string> {
  const files = new Map<string, string>();
  for (const r of result.regions) {
    for (const n of r.notices) {
      const dir = pagePath(r.region, n.locale);
      if (format === 'md') {
        files.set(`${dir}email.md`, emailMarkdown(n));
        files.set(`${dir}banner.txt`, n.banner);
        files.set(`${dir}changes.md`, n.changesPage);
        if (n.consent) files.set(`${dir}consent.md`, n.consent);
      } else if (format === 'json') {
        files.set(`${dir}notices.json`, `${JSON.stringify(noticeJson(n, r, result), null, 2)}\n`);
      } else {
        const t = texts.forLanguage(n.locale);
        const dirAttr = n.dir;
        const page = (kind: string, md: string, title: string, extra: { subject?: string; subjectLabel?: string } = {}) =>
          htmlPage(store, { lang: n.locale, dir: dirAttr, title, kind, body: blocksToHtml(bodyOf(md)), ...extra });
        files.set(`${dir}email.html`, page('email', n.email.body, n.email.subject, { subject: n.email.subject, subjectLabel: t('email.subject_label') }));
        const bannerHtml = `<div class="nk-banner" role="note"><p>${escapeHtml(n.banner.trim()).split(escapeHtml(n.url)).join(`<a href="${escapeHtml(n.url)}">${escapeHtml(n.url)}</a>`)}</p></div>`;
        files.set(`${dir}banner.html`, htmlPage(store, { lang: n.locale, dir: dirAttr, title: t('banner.title'), kind: 'banner', body: bannerHtml }));
        files.set(`${dir}changes.html`, page('changes', n.changesPage, titleOf(n.changesPage, t('banner.title'))));
        if (n.consent) files.set(`${dir}consent.html`, page('consent', n.consent, titleOf(n.consent, t('banner.title'))));
      }
    }
  }
  const summary = summaryMarkdown(result, store);
  files.set('summary.md', summary);
  if (format === 'json') files.set('summary.json', `${JSON.stringify(reportJson(result, false), null, 2)}\n`);
  const marker = {
    generator: 'noticekit notify',
    document: result.document,
    from: result.from,
    to: result.to,
    format,
    files: Object.fromEntries([...files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([p, c]) => [p, sha256(c)])),
  };
  files.set(NOTIFY_MARKER, `${JSON.stringify(marker, null, 2)}\n`);
  return files;
}
