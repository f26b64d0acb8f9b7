import { resolve as resolvePath } from 'node:path';
import { quoted } from '../util/quote.js';
import { maxSeverity } from '../classify/severity.js';
import { UsageError } from '../cli/usage-error.js';
import { DiagnosticBag, DiagnosticError } from '../model/diagnostics.js';
import { loadProject, type Project } from '../parse/project.js';
import { compareVersions } from '../publish/manifest.js';
import { pagePath } from '../render/page.js';
import { loadTemplates, type TemplateStore } from '../render/templates.js';
import { resolveRegions, type ResolvedRegion } from '../resolve/resolve.js';
import { consentFor } from './consent/index.js';
import { NOTICE_TEMPLATES, draftNotice } from './draft.js';
import { classifiedFacts, regionChanges } from './reach.js';
import { diffProjects } from '../classify/project-diff.js';
import { loadNotifyTexts, type NotifyTexts } from './texts.js';
import type { NotifyResult, RegionOutcome } from './types.js';
import { WORKING, findVersion, loadPublished, loadWorking, versionsOf, type VersionSide } from './versions.js';

export interface NotifyOptions {
  root: string;
  /** A published version; default: the latest published version before `to`. */
  from?: string;
  /** A published version or `working` (default). */
  to?: string;
  /** Only these regions (default: every region of the new version). */
  regions?: string[];
  /** Overrides `base_url` of the config for the links to the new version. */
  baseUrl?: string;
}

export interface NotifyRun {
  result: NotifyResult;
  store: TemplateStore;
  texts: NotifyTexts;
  project: Project;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** `effective` minus `days`, as YYYY-MM-DD (UTC calendar days). */
export function sendByDate(effective: string, days: number): string {
  const d = new Date(`${effective}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return '';
  d.setUTCDate(d.getUTCDate() - days);
  return d.toISOString().slice(0, 10);
}

/** The link to the new version of a region's notice in one language. */
export function noticeUrl(baseUrl: string | undefined, region: string, lng: string): string {
  const path = pagePath(region, lng);
  if (!baseUrl) return path;
  return `${baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`}${path}`;
}

function loadSides(opts: NotifyOptions): { oldSide: VersionSide; newSide: VersionSide; working: Project } {
  const root = resolvePath(opts.root);
  const to = opts.to ?? WORKING;
  let working: Project | undefined;
  const getWorking = () => (working ??= loadProject(root));
  let newSide: VersionSide;
  if (to === WORKING) {
    newSide = loadWorking(root);
    working = newSide.project;
  } else {
    const doc = getWorking().config.document;
    newSide = loadPublished(findVersion(root, doc, to, '--to'), getWorking());
  }
  const doc = getWorking().config.document;
  let from = opts.from;
  if (from === WORKING) throw new UsageError('--from must be a published version (the working tree can only be --to)');
  if (from === undefined) {
    const older = versionsOf(root, doc).filter((v) => to === WORKING || compareVersions(v.version, to) < 0);
    const latest = older[older.length - 1];
    if (!latest) {
      throw new DiagnosticError([{ severity: 'error', rule: 'unknown-version', file: `snapshots/${doc}/`, message: to === WORKING ? `no published version of "${doc}" to compare the working tree with` : `no published version of "${doc}" before ${to}`, expected: 'a published version (snapshots/<doc>/<version>/manifest.json)', hint: 'pass --from VERSION, or publish a first version with `noticekit publish`' }]);
    }
    from = latest.version;
  }
  if (from === to) throw new UsageError(`--from and --to are the same version (${from}); there is nothing to notify`);
  const oldSide = loadPublished(findVersion(root, doc, from, '--from'), getWorking());
  return { oldSide, newSide, working: getWorking() };
}

/**
 * Drafts the change notices: compares two versions, decides per region whether the changes that
 * reach it are material and whether its law asks for new consent, and drafts the email, banner,
 * "what changed" page and consent request in each of the region's languages. Pure: reads the
 * project, writes nothing.
 */
export function notify(opts: NotifyOptions): NotifyRun {
  const { oldSide, newSide, working } = loadSides(opts);
  const oldP = oldSide.project;
  const newP = newSide.project;
  const effective = newSide.effective;
  if (!effective || !ISO_DATE.test(effective)) {
    const where = newSide.label === WORKING ? `policy/${newP.config.document}.md` : `snapshots/${newP.config.document}/${newSide.label}/manifest.json`;
    throw new DiagnosticError([{ severity: 'error', rule: 'effective-date', file: where, line: 1, column: 1, message: effective ? `effective date "${effective}" is not a date` : `the ${newSide.label === WORKING ? 'working tree' : `version ${newSide.label}`} has no effective date`, expected: 'an effective date YYYY-MM-DD (front matter `effective:` of the master text, or the manifest of a published version)', hint: 'add `effective: 2026-06-01` to the front matter of the master text' }]);
  }

  const known = newP.regions.map((r) => r.id);
  if (opts.regions) {
    const unknown = opts.regions.filter((id) => !known.includes(id));
    if (unknown.length) throw new UsageError(`unknown region${unknown.length > 1 ? 's' : ''} ${unknown.map(quoted).join(', ')} in --regions (regions in policy/regions.yaml: ${known.join(', ')})`);
  }

  const diags = new DiagnosticBag();
  const store = loadTemplates(working.root, diags);
  for (const name of Object.values(NOTICE_TEMPLATES)) {
    if (!diags.hasErrors && !store.has(name)) diags.add({ rule: 'template-missing', file: `templates/${name}`, message: `template ${name} not found`, expected: 'the template in the project or in noticekit' });
  }
  diags.throwIfErrors();
  const texts = loadNotifyTexts(working.root);

  const newRegions = resolveRegions(newP, opts.regions);
  const oldRegions = new Map<string, ResolvedRegion>(resolveRegions(oldP, opts.regions?.filter((id) => oldP.regions.some((r) => r.id === id))).map((r) => [r.region.id, r]));
  const pd = diffProjects(oldP, newP);
  const facts = classifiedFacts(pd);
  const baseUrl = opts.baseUrl ?? newP.config.baseUrl;

  const outcomes: RegionOutcome[] = [];
  for (const r of newRegions) {
    const o = oldRegions.get(r.region.id);
    const common = {
      region: r.region.id,
      name: r.region.name,
      locales: [...r.region.locales],
      jurisdictions: [...r.region.jurisdictions],
      noticePeriodDays: r.noticePeriodDays,
      sendBy: sendByDate(effective, r.noticePeriodDays),
    };
    if (!o) {
      outcomes.push({ ...common, severity: 'none', status: 'new-region', reason: `new region in ${newSide.label}: it had no notice in ${oldSide.label}, so there is nobody to notify`, changes: [], consent: null, notices: [] });
      continue;
    }
    const { severity, changes } = regionChanges(pd, facts, o, r);
    if (severity !== 'material') {
      const reason = severity === 'none' ? 'no notice needed: no change reaches this region' : 'no notice needed: changes are minor/editorial';
      outcomes.push({ ...common, severity, status: 'no-notice', reason, changes, consent: null, notices: [] });
      continue;
    }
    const consent = consentFor(changes, r.jurisdiction, newP.jurisdictions);
    const nMaterial = changes.filter((c) => c.severity === 'material').length;
    const outcome: RegionOutcome = {
      ...common,
      severity,
      status: 'notify',
      reason: `${nMaterial} material change${nMaterial === 1 ? '' : 's'} reach${nMaterial === 1 ? 'es' : ''} this region`,
      changes,
      consent,
      notices: [],
    };
    for (const lng of r.region.locales) {
      outcome.notices.push(draftNotice({ oldProject: oldP, newProject: newP, region: r, lng, changes, consent, effective, url: noticeUrl(baseUrl, r.region.id, lng), texts, store }));
    }
    outcomes.push(outcome);
  }
  const newIds = new Set(known);
  const removedRegions = oldP.regions.map((r) => r.id).filter((id) => !newIds.has(id) && (!opts.regions || opts.regions.includes(id)));
  const result: NotifyResult = {
    document: newP.config.document,
    from: oldSide.label,
    to: newSide.label,
    effective,
    severity: maxSeverity(...outcomes.map((x) => x.severity)),
    regions: outcomes,
    removedRegions,
  };
  return { result, store, texts, project: working };
}
