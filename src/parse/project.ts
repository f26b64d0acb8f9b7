import { join, resolve as resolvePath } from 'node:path';
import { DiagnosticBag, isDiagnosticError } from '../model/diagnostics.js';
import type { MasterDocument } from '../model/document.js';
import type { Facts, Region } from '../model/schema.js';
import { readTextFile } from '../util/read-text.js';
import { parseYamlSource, type YamlSource } from './yaml-source.js';
import { validateSchema } from './validate.js';
import { parseMaster } from './markdown.js';
import { loadConfig, type ResolvedConfig } from './config.js';
import { loadLocales, flatten, type LocaleSet } from '../i18n/locales.js';
import { loadJurisdictions, type JurisdictionRegistry } from '../jurisdictions/index.js';
import { checkReferences } from './references.js';
import { assignUnitIds, type UnitLock } from './units.js';
import { checkTranslations } from '../i18n/check-translations.js';
import { makeStaleness, type Staleness } from '../i18n/staleness.js';

export interface Project {
  root: string;
  config: ResolvedConfig;
  master: MasterDocument;
  facts: Facts;
  regions: Region[];
  locales: LocaleSet;
  jurisdictions: JurisdictionRegistry;
  unitLock: UnitLock;
  /** Classifies how a unit's English changed since a translation's source hash. */
  staleness: Staleness;
  /** Where things are, for diagnostics raised after loading. */
  sources: { facts: YamlSource; regions: YamlSource };
}

export interface LoadOptions {
  /** Read the master text from this string instead of the file (diff of a git ref, tests). */
  readFile?: (rel: string) => string | undefined;
}

/** Loads and validates a policy project; every problem found is reported together. */
export function loadProject(rootDir: string, opts: LoadOptions = {}): Project {
  const root = resolvePath(rootDir);
  const diags = new DiagnosticBag();
  const config = loadConfig(root, diags);
  const doc = config.document;
  const read = (rel: string, optional = false): string | undefined => {
    if (opts.readFile) {
      const t = opts.readFile(rel);
      if (t === undefined && !optional) diags.add({ rule: 'file-missing', file: rel, message: `cannot read ${rel}: file not found`, expected: 'the file to exist' });
      return t;
    }
    try {
      return readTextFile(join(root, rel), rel, { optional });
    } catch (e) {
      if (!isDiagnosticError(e)) throw e;
      for (const d of e.diagnostics) diags.add(d);
      return undefined;
    }
  };

  const masterRel = `policy/${doc}.md`;
  const masterText = read(masterRel);
  let master: MasterDocument | undefined;
  if (masterText !== undefined) {
    if (masterText.trim() === '') diags.add({ rule: 'empty-file', file: masterRel, line: 1, column: 1, message: `${masterRel} is empty`, expected: 'the English master text of the policy', hint: 'write the policy in Markdown, starting with a # heading' });
    else {
      try {
        master = parseMaster(masterText, masterRel);
      } catch (e) {
        if (!isDiagnosticError(e)) throw e;
        for (const d of e.diagnostics) diags.add(d);
      }
    }
  }

  const factsSrc = loadYaml(`policy/${doc}.facts.yaml`, read, diags);
  const regionsSrc = loadYaml('policy/regions.yaml', read, diags);
  const factsOk = factsSrc ? validateSchema('facts', factsSrc, diags, `policy/${doc}.facts.yaml`) : false;
  const regionsOk = regionsSrc ? validateSchema('regions', regionsSrc, diags, 'policy/regions.yaml') : false;
  const locales = loadLocales(root, 'locales', diags);
  const jurisdictions = loadJurisdictions();

  if (factsOk && regionsOk && factsSrc && regionsSrc) {
    checkReferences({
      facts: factsSrc.data as Facts,
      regions: (regionsSrc.data as { regions: Region[] }).regions,
      factsSrc,
      regionsSrc,
      jurisdictions,
      locales,
      enLabels: flatten(locales.ui.get('en') ?? {}),
      master,
      diags,
    });
  }
  const lockRel = `policy/${doc}.units.json`;
  const lockText = read(lockRel, true);
  diags.throwIfErrors();
  const unitLock = assignUnitIds(master!, lockText, lockRel, (id, hash) => {
    for (const res of locales.privacy.values()) if ((res.units as Record<string, { source?: string }> | undefined)?.[id]?.source === hash) return true;
    return false;
  });
  checkTranslations(master!, locales, diags);
  diags.throwIfErrors();
  return {
    root,
    config,
    master: master!,
    facts: factsSrc!.data as Facts,
    regions: (regionsSrc!.data as { regions: Region[] }).regions,
    locales,
    jurisdictions,
    unitLock,
    staleness: makeStaleness(unitLock.data),
    sources: { facts: factsSrc!, regions: regionsSrc! },
  };
}

function loadYaml(rel: string, read: (rel: string) => string | undefined, diags: DiagnosticBag): YamlSource | undefined {
  const text = read(rel);
  if (text === undefined) return undefined;
  if (text.trim() === '') {
    diags.add({ rule: 'empty-file', file: rel, line: 1, column: 1, message: `${rel} is empty`, expected: 'a YAML mapping (see docs/policy-format.md)' });
    return undefined;
  }
  return parseYamlSource(text, rel, diags);
}
