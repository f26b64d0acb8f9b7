import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DiagnosticError, type Diagnostic } from '../model/diagnostics.js';
import { loadProject } from '../parse/project.js';
import { resolveRegions } from '../resolve/resolve.js';
import { loadProjectTemplates, renderSite } from '../build/build.js';
import { UsageError } from '../cli/usage-error.js';
import { readTextFile } from '../util/read-text.js';
import { sha256 } from '../util/hash.js';
import { writeFileAtomic } from '../util/atomic.js';
import { computeChanges } from './changes.js';
import { publishedVersions } from './history.js';
import { compareVersions, isVersion, SNAPSHOT_MANIFEST, snapshotsDir, type SnapshotChanges, type SnapshotManifest } from './manifest.js';
import { noticePeriodViolations, type NoticePeriodViolation } from './notice-period.js';
import { planSnapshot } from './plan.js';
import { preflight, type PublishProblem } from './preflight.js';
import { loadSnapshotProject, sourceFiles } from './snapshot-source.js';
import { verifySnapshots } from './verify.js';
import { removeStaleTemps, VersionExistsError, writeSnapshot, type WriteHooks } from './write-snapshot.js';

export interface PublishOptions {
  root: string;
  version: string;
  /** YYYY-MM-DD: when the new version takes effect. */
  effective: string;
  /** YYYY-MM-DD: the publication date (the CLI defaults it to today, UTC). */
  published: string;
  /** Publish although a notice period is too short; needs a justification, recorded in the manifest. */
  force?: boolean;
  justification?: string;
  /** Check, diff and plan, but write nothing. */
  dryRun?: boolean;
  hooks?: WriteHooks;
}

export interface PublishResult {
  version: string;
  /** The version folder, relative to the project root. */
  dir: string;
  manifest: SnapshotManifest;
  changes: SnapshotChanges | undefined;
  /** Notice periods overridden with --force. */
  overridden: NoticePeriodViolation[];
  /** Temporary folders of interrupted publishes that were removed. */
  leftoversRemoved: string[];
  unitLockUpdated: boolean;
  dryRun: boolean;
}

/** The checks failed: nothing was published. Exit 1, with the problems. */
export class PublishBlocked extends Error {
  constructor(readonly problems: PublishProblem[]) {
    super(`${problems.length} problem${problems.length === 1 ? '' : 's'} block publishing`);
    this.name = 'PublishBlocked';
  }
}

/** A material change would take effect before a region's notice period has run. Exit 2. */
export class NoticePeriodRefused extends Error {
  constructor(readonly violations: NoticePeriodViolation[], readonly published: string, readonly effective: string) {
    super(`the notice period is too short for ${violations.map((v) => v.region).join(', ')}`);
    this.name = 'NoticePeriodRefused';
  }
}

const refuse = (d: Omit<Diagnostic, 'severity'>): never => {
  throw new DiagnosticError([{ severity: 'error', ...d }]);
};

/**
 * `noticekit publish`: checks everything, diffs against the previous published version, enforces
 * the notice period of every region the change is material for, then writes
 * `snapshots/<doc>/<version>/` at once. A published version is never replaced.
 */
export function publishVersion(opts: PublishOptions): PublishResult {
  const { version, effective, published } = opts;
  if (!isVersion(version)) throw new UsageError(`--version "${version}" is not a semantic version: expected MAJOR.MINOR.PATCH, e.g. --version 2.0.0`);
  if (opts.force && !opts.justification?.trim()) throw new UsageError('--force needs --justification "why the notice period may be shorter", recorded in the manifest');
  if (opts.justification !== undefined && !opts.force) throw new UsageError('--justification is recorded only with --force (overriding a notice period)');
  if (effective < published) throw new UsageError(`--effective ${effective} is before the publication date ${published}: a notice cannot take effect before it is published`);

  // 1. the model, its references and the locale files (loading reports every problem together)
  const project = loadProject(opts.root);
  const doc = project.config.document;
  const baseRel = snapshotsDir(doc);
  const base = join(project.root, baseRel);
  const dirRel = `${baseRel}/${version}`;
  if (existsSync(join(base, version))) {
    refuse({ rule: 'version-exists', file: dirRel, message: `version ${version} is already published; a published version is never overwritten or edited`, expected: 'a new version number', hint: `publish the next version instead (see \`noticekit versions\`); to check ${version}, run \`noticekit verify --version ${version}\`` });
  }
  const history = publishedVersions(project.root, doc);
  const latest = history[history.length - 1];
  if (latest) {
    const lm = latest.manifest;
    if (compareVersions(version, latest.version) <= 0) refuse({ rule: 'version-order', file: dirRel, message: `version ${version} is not after the latest published version ${latest.version}`, expected: `a version greater than ${latest.version}`, hint: 'versions are published in order; choose the next number' });
    if (published < lm.published) refuse({ rule: 'publication-date', file: dirRel, message: `publication date ${published} is before ${latest.version} was published (${lm.published})`, expected: `a date on or after ${lm.published}`, hint: 'check --date' });
    if (effective <= lm.effective) refuse({ rule: 'effective-date', file: dirRel, message: `effective date ${effective} is not after ${latest.version}'s (${lm.effective})`, expected: `a date after ${lm.effective}`, hint: 'check --effective' });
  }

  // 2. templates, compliance, translations, and the published history itself
  loadProjectTemplates(project);
  const regions = resolveRegions(project);
  const problems = preflight(project, regions);
  const integrity = verifySnapshots(project.root, doc);
  for (const v of integrity.versions.filter((x) => !x.ok)) {
    const what = [...v.edited.map((f) => `edited ${f}`), ...v.added.map((f) => `added ${f}`), ...v.removed.map((f) => `removed ${f}`), ...v.manifest];
    problems.push({ check: 'history', region: null, rule: 'snapshot-modified', message: `${v.dir} changed after publication: ${what.slice(0, 5).join('; ')}${what.length > 5 ? '; …' : ''}`, fix: 'restore the published version from version control (`noticekit verify` lists every file)' });
  }
  if (problems.length) throw new PublishBlocked(problems);

  // 3. render every notice with this version's effective date and number
  const site = renderSite(project, { effective, version, extras: false });
  const notices = new Map<string, string>();
  for (const p of site.pages) {
    const dir = p.path.slice(0, -'index.html'.length);
    for (const f of [`${dir}index.md`, `${dir}index.html`]) {
      const c = site.files.get(f);
      if (typeof c === 'string') notices.set(f, c);
    }
  }

  // 4. what changed since the previous version, per region
  const changes = latest
    ? computeChanges({ document: doc, from: latest.version, to: version, oldProject: loadSnapshotProject(project, latest.dir, `${baseRel}/${latest.version}`), newProject: project })
    : undefined;

  // 5. the notice period of every region the change is material for
  const violations = noticePeriodViolations(changes, regions, project, published, effective);
  if (violations.length && !opts.force) throw new NoticePeriodRefused(violations, published, effective);

  // 6. the sources as published, then the version folder
  const sources = new Map<string, string>();
  const files = sourceFiles(doc);
  for (const f of [files.master, files.facts, files.regions]) sources.set(f.project, readTextFile(join(project.root, f.project), f.project)!);
  if (sha256(sources.get(files.master.project)!) !== project.master.sourceHash) {
    refuse({ rule: 'source-changed', file: files.master.project, message: `${files.master.project} changed while publishing`, expected: 'the policy files unchanged until publish finishes', hint: 'run noticekit publish again' });
  }
  const lockRel = files.units.project;
  sources.set(lockRel, project.unitLock.changed || !existsSync(join(project.root, lockRel)) ? project.unitLock.serialize() : readTextFile(join(project.root, lockRel), lockRel)!);
  const plan = planSnapshot({
    project,
    regions,
    version,
    published,
    effective,
    previous: latest ? { version: latest.version, manifestBytes: readFileSync(join(latest.dir, SNAPSHOT_MANIFEST)) } : undefined,
    sources,
    notices,
    changes,
    ...(violations.length ? { forced: { justification: opts.justification!.trim(), regions: violations.map((v) => v.region) } } : {}),
  });
  const result: PublishResult = { version, dir: dirRel, manifest: plan.manifest, changes, overridden: violations, leftoversRemoved: [], unitLockUpdated: false, dryRun: Boolean(opts.dryRun) };
  if (opts.dryRun) return result;
  result.leftoversRemoved = removeStaleTemps(base);
  try {
    writeSnapshot(base, version, plan.files, opts.hooks ?? {});
  } catch (e) {
    if (e instanceof VersionExistsError) refuse({ rule: 'version-exists', file: dirRel, message: `version ${version} was published by another process meanwhile; it was not overwritten`, expected: 'a new version number', hint: 'run `noticekit versions`' });
    throw e;
  }
  if (project.unitLock.changed) {
    writeFileAtomic(join(project.root, lockRel), project.unitLock.serialize());
    result.unitLockUpdated = true;
  }
  return result;
}
