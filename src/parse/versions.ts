import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { DiagnosticBag, DiagnosticError } from '../model/diagnostics.js';
import type { Facts, Region } from '../model/schema.js';
import type { Project } from './project.js';
import { parseMaster } from './markdown.js';
import { parseYamlSource } from './yaml-source.js';
import { validateSchema } from './validate.js';
import { assignUnitIds } from './units.js';
import { makeStaleness } from '../i18n/staleness.js';
import { decodeText, readTextFile } from '../util/read-text.js';
import { compareVersions, isVersion } from '../publish/manifest.js';
import { UsageError } from '../cli/usage-error.js';
import type { VersionLabel } from '../classify/format/view.js';

/** The four policy files of a version, by project path. */
export function policyFiles(doc: string): { master: string; facts: string; regions: string; units: string } {
  return { master: `policy/${doc}.md`, facts: `policy/${doc}.facts.yaml`, regions: 'policy/regions.yaml', units: `policy/${doc}.units.json` };
}

/**
 * A version of the project from its four policy files read by `read` (a git ref, a snapshot),
 * with today's configuration, locales and jurisdiction packs. Lenient like a snapshot load: the
 * files are parsed and their schemas checked, but not cross-checked against today's locales
 * (an older version may name ids today's labels no longer have).
 */
export function loadVersion(current: Project, read: (rel: string) => string | undefined, display: (rel: string) => string, missingHint: string): Project {
  const files = policyFiles(current.config.document);
  const diags = new DiagnosticBag();
  const need = (rel: string): string => {
    const t = read(rel);
    if (t === undefined) diags.add({ rule: 'file-missing', file: display(rel), message: `${display(rel)} does not exist`, expected: `the ${rel} of that version`, hint: missingHint });
    return t ?? '';
  };
  const md = need(files.master);
  const factsText = need(files.facts);
  const regionsText = need(files.regions);
  diags.throwIfErrors();
  const master = parseMaster(md, display(files.master));
  const factsSrc = parseYamlSource(factsText, display(files.facts), diags);
  const regionsSrc = parseYamlSource(regionsText, display(files.regions), diags);
  if (factsSrc) validateSchema('facts', factsSrc, diags, display(files.facts));
  if (regionsSrc) validateSchema('regions', regionsSrc, diags, display(files.regions));
  diags.throwIfErrors();
  const lockText = read(files.units);
  const unitLock = assignUnitIds(master, lockText, display(files.units));
  // Without its lock, a version's unit ids are numbered afresh and mean nothing next to today's:
  // drop them, so the diff aligns the texts instead of pairing unrelated units by id.
  if (lockText === undefined) for (const u of master.units) u.id = '';
  return {
    ...current,
    master,
    facts: factsSrc!.data as Facts,
    regions: (regionsSrc!.data as { regions: Region[] }).regions,
    unitLock,
    staleness: makeStaleness(unitLock.data),
    sources: { facts: factsSrc!, regions: regionsSrc! },
  };
}

/** Published versions of a document (folders under snapshots/<doc>/ with a manifest.json), oldest first. */
export function publishedVersionNames(root: string, doc: string): string[] {
  const base = join(root, 'snapshots', doc);
  if (!existsSync(base)) return [];
  return readdirSync(base)
    .filter((v) => isVersion(v) && existsSync(join(base, v, 'manifest.json')))
    .sort(compareVersions);
}

/** The folder of a published version named `ref` (`1.2.0` or `v1.2.0`) when its sources exist. */
export function versionDir(root: string, doc: string, ref: string): { version: string; dir: string } | undefined {
  for (const v of [ref, ref.replace(/^v(?=\d)/, '')]) {
    if (!v || v.includes('/') || v.includes('\\') || v.startsWith('.')) continue;
    const dir = join(root, 'snapshots', doc, v);
    if (existsSync(join(dir, 'source'))) return { version: v, dir };
  }
  return undefined;
}

function git(root: string, args: string[]): Buffer {
  return execFileSync('git', args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 256 * 1024 * 1024 });
}

/** True when `ref` names a commit in the git repository around `root`. */
export function isGitRef(root: string, ref: string): boolean {
  if (!ref || ref.startsWith('-')) return false;
  try {
    git(root, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]);
    return true;
  } catch {
    return false;
  }
}

/** Reads a project file as it is at a git ref (undefined when the ref does not have it). */
export function gitReader(root: string, ref: string): (rel: string) => string | undefined {
  return (rel) => {
    let bytes: Buffer;
    try {
      bytes = git(root, ['show', `${ref}:./${rel}`]);
    } catch {
      return undefined;
    }
    return decodeText(bytes, `${ref}:${rel}`);
  };
}

export const WORKING = new Set(['working', 'working-tree', 'WORKING']);

/** Loads one side of a project diff: `working`, a published version, or a git ref. */
export function loadSide(root: string, current: Project, ref: string): { label: VersionLabel; project: Project } {
  const doc = current.config.document;
  if (WORKING.has(ref)) return { label: { kind: 'working', ref: 'working', label: 'working tree' }, project: current };
  const v = versionDir(root, doc, ref);
  if (v) {
    const display = (rel: string) => `snapshots/${doc}/${v.version}/source/${rel.replace(/^policy\//, '')}`;
    const read = (rel: string): string | undefined => readTextFile(join(v.dir, 'source', rel.replace(/^policy\//, '')), display(rel), { optional: true });
    return { label: { kind: 'version', ref, label: `v${v.version}` }, project: loadVersion(current, read, display, 'restore the published version from version control; run `noticekit verify`') };
  }
  if (isGitRef(root, ref)) {
    const display = (rel: string) => `${ref}:${rel}`;
    return { label: { kind: 'git', ref, label: `git ${ref}` }, project: loadVersion(current, gitReader(root, ref), display, `check that the policy files were committed at ${ref}`) };
  }
  const versions = publishedVersionNames(root, doc);
  throw new UsageError(
    `unknown version or git ref "${ref}": there is no published version snapshots/${doc}/${ref.replace(/^v(?=\d)/, '')}/source/ and no git commit of that name${
      versions.length ? ` (published versions: ${versions.join(', ')})` : ' (nothing is published yet)'
    }`,
  );
}

/** The highest published version, or a clear error when none is published. */
export function latestPublished(root: string, doc: string): string {
  const versions = publishedVersionNames(root, doc);
  const last = versions[versions.length - 1];
  if (!last) {
    throw new DiagnosticError([
      {
        severity: 'error',
        rule: 'nothing-published',
        file: `snapshots/${doc}`,
        message: `no published version of "${doc}" to compare the working tree with (no snapshots/${doc}/<version>/manifest.json)`,
        expected: 'a version published with `noticekit publish`',
        hint: 'name what to compare: `noticekit diff --from <git ref>` or `noticekit diff OLD.md NEW.md`',
      },
    ]);
  }
  return last;
}
