import type { DiagnosticBag } from '../model/diagnostics.js';
import type { MasterDocument } from '../model/document.js';
import type { Facts, Region } from '../model/schema.js';
import type { JurisdictionRegistry } from '../jurisdictions/index.js';
import type { LocaleSet } from '../i18n/locales.js';
import type { YamlSource, YamlPath } from './yaml-source.js';
import { PLACEHOLDERS, placeholdersIn } from '../resolve/placeholders.js';

interface RefInput {
  facts: Facts;
  regions: Region[];
  factsSrc: YamlSource;
  regionsSrc: YamlSource;
  jurisdictions: JurisdictionRegistry;
  locales: LocaleSet;
  enLabels: Map<string, string>;
  master: MasterDocument | undefined;
  diags: DiagnosticBag;
}

/** Cross-file checks: every id referred to exists, every label exists, every placeholder is known. */
export function checkReferences(inp: RefInput): void {
  const { facts, regions, factsSrc, regionsSrc, jurisdictions, diags } = inp;
  const err = (src: YamlSource, path: YamlPath, message: string, expected: string, hint?: string) => {
    const at = src.locate(path);
    diags.add({ rule: 'unknown-id', file: src.file, line: at.line, column: at.column, message, expected, ...(hint ? { hint } : {}) });
  };
  const ids = (list: { id: string }[], listName: string, src: YamlSource): Set<string> => {
    const seen = new Set<string>();
    list.forEach((item, i) => {
      if (seen.has(item.id)) {
        const at = src.locate([listName, i, 'id']);
        diags.add({ rule: 'duplicate-id', file: src.file, line: at.line, column: at.column, message: `duplicate id "${item.id}" in ${listName}`, expected: 'each id once', hint: 'rename or merge the entries' });
      }
      seen.add(item.id);
    });
    return seen;
  };
  const refs = (values: string[] | undefined, known: Set<string>, path: YamlPath, what: string, src = factsSrc) => {
    (values ?? []).forEach((v, i) => {
      if (!known.has(v)) err(src, [...path, i], `unknown ${what} "${v}"`, `one of the ${what} ids defined: ${[...known].sort().join(', ') || '(none)'}`, `define "${v}" or fix the spelling`);
    });
  };
  const jurKnown = new Set<string>(jurisdictions.ids());
  const lawKnown = new Set<string>();
  for (const id of jurisdictions.ids()) for (const l of jurisdictions.lawIds(id)) lawKnown.add(l);
  const jurOrAll = (values: string[] | undefined, path: YamlPath) =>
    refs((values ?? []).filter((v) => v !== 'all'), jurKnown, path, 'jurisdiction');
  const label = (key: string, path: YamlPath, what: string) => {
    if (!inp.enLabels.has(key)) err(factsSrc, path, `no English label for ${what}`, `a "${key}" entry in locales/en/ui.json`, 'add the label (and its translations) to the locale files');
  };

  const cats = ids(facts.data_categories, 'data_categories', factsSrc);
  const sources = ids(facts.sources, 'sources', factsSrc);
  const purposes = ids(facts.purposes, 'purposes', factsSrc);
  const recipients = ids(facts.recipients, 'recipients', factsSrc);
  const entities = ids(facts.entities, 'entities', factsSrc);
  ids(facts.transfers, 'transfers', factsSrc);
  ids(facts.cookies, 'cookies', factsSrc);
  ids(facts.rights, 'rights', factsSrc);

  facts.data_categories.forEach((c, i) => {
    label(`data_categories.${c.id}.label`, ['data_categories', i, 'id'], `data category "${c.id}"`);
    jurOrAll(c.sensitive_in, ['data_categories', i, 'sensitive_in']);
  });
  facts.sources.forEach((s, i) => label(`sources.${s.id}`, ['sources', i, 'id'], `source "${s.id}"`));
  facts.purposes.forEach((p, i) => {
    label(`purposes.${p.id}.label`, ['purposes', i, 'id'], `purpose "${p.id}"`);
    refs(p.data_categories, cats, ['purposes', i, 'data_categories'], 'data category');
    refs(p.sources, sources, ['purposes', i, 'sources'], 'source');
    if (Object.keys(p.legal_basis).length === 0) {
      // one problem here rather than one per region when the regions are resolved
      const at = factsSrc.locate(['purposes', i, 'legal_basis']);
      diags.add({ rule: 'missing-legal-basis', file: factsSrc.file, line: at.line, column: at.column, message: `purpose "${p.id}" has no legal basis at all`, expected: 'a legal basis per jurisdiction or law, and/or a default, e.g. `default: contract`', hint: 'every purpose needs a legal basis in every region it reaches' });
    }
    for (const key of Object.keys(p.legal_basis)) {
      if (key !== 'default' && !jurKnown.has(key) && !lawKnown.has(key)) {
        const at = factsSrc.locate(['purposes', i, 'legal_basis', key], true);
        diags.add({ rule: 'unknown-id', file: factsSrc.file, line: at.line, column: at.column, message: `unknown jurisdiction or law "${key}" in the legal bases of purpose "${p.id}"`, expected: `default, a jurisdiction id (${[...jurKnown].sort().join(', ')}) or a law id such as gdpr, pipl`, hint: 'fix the spelling' });
      }
    }
  });
  facts.recipients.forEach((r, i) => {
    refs(r.data_categories, cats, ['recipients', i, 'data_categories'], 'data category');
    refs(r.purposes, purposes, ['recipients', i, 'purposes'], 'purpose');
  });
  facts.transfers.forEach((t, i) => {
    jurOrAll(t.from, ['transfers', i, 'from']);
    refs(t.recipients, recipients, ['transfers', i, 'recipients'], 'recipient');
  });
  facts.rights.forEach((r, i) => {
    label(`rights.${r.id}.label`, ['rights', i, 'id'], `right "${r.id}"`);
    jurOrAll(r.jurisdictions, ['rights', i, 'jurisdictions']);
  });
  facts.security_measures.forEach((m, i) => label(`security_measures.${m}`, ['security_measures', i], `security measure "${m}"`));
  jurOrAll(facts.contacts.dpo?.jurisdictions, ['contacts', 'dpo', 'jurisdictions']);
  (facts.contacts.officers ?? []).forEach((o, i) => jurOrAll([o.jurisdiction], ['contacts', 'officers', i, 'jurisdiction']));
  (facts.contacts.representatives ?? []).forEach((o, i) => jurOrAll([o.jurisdiction], ['contacts', 'representatives', i, 'jurisdiction']));

  // regions.yaml
  const regionIds = new Set<string>();
  regions.forEach((r, i) => {
    if (regionIds.has(r.id)) {
      const at = regionsSrc.locate(['regions', i, 'id']);
      diags.add({ rule: 'duplicate-id', file: regionsSrc.file, line: at.line, column: at.column, message: `duplicate region id "${r.id}"`, expected: 'each region once' });
    }
    regionIds.add(r.id);
    if (!entities.has(r.entity)) err(regionsSrc, ['regions', i, 'entity'], `region "${r.id}" names unknown controller entity "${r.entity}"`, `one of the entities in the facts: ${[...entities].join(', ')}`, 'add the entity to the facts file or fix the id');
    r.jurisdictions.forEach((j, k) => {
      if (!jurKnown.has(j)) err(regionsSrc, ['regions', i, 'jurisdictions', k], `region "${r.id}" names unknown jurisdiction "${j}"`, `one of: ${[...jurKnown].sort().join(', ')}`, 'use a jurisdiction id from the packs in src/jurisdictions/data');
    });
    r.locales.forEach((l, k) => {
      const base = l.split('-')[0]!;
      if (!inp.locales.ui.has(l) && !inp.locales.ui.has(base)) err(regionsSrc, ['regions', i, 'locales', k], `region "${r.id}" names locale "${l}" but there is no locales/${l}/ui.json${l !== base ? ` or locales/${base}/ui.json` : ''}`, `a locale with labels: ${inp.locales.available.join(', ')}`, `add locales/${l}/ui.json or fix the tag`);
    });
  });
  (facts.storage ?? []).forEach((s, i) => refs(s.regions, regionIds, ['storage', i, 'regions'], 'region'));

  // placeholders and conditional blocks in the master text
  if (inp.master) {
    for (const u of inp.master.units) {
      for (const p of placeholdersIn(u.text)) {
        if (!PLACEHOLDERS.includes(p)) {
          diags.add({ rule: 'unknown-placeholder', file: inp.master.file, line: u.position.line, column: u.position.column, message: `unknown placeholder {{${p}}}`, expected: `one of: ${PLACEHOLDERS.map((x) => `{{${x}}}`).join(' ')}`, hint: 'fix the spelling, or write the value as text' });
        }
      }
    }
    const visit = (blocks: MasterDocument['blocks']) => {
      for (const b of blocks) {
        if (b.type === 'conditional') {
          for (const r of b.regions) if (!regionIds.has(r)) inp.diags.add({ rule: 'unknown-id', file: inp.master!.file, line: b.position.line, column: b.position.column, message: `:::${b.mode} names unknown region "${r}"`, expected: `a region id from policy/regions.yaml: ${[...regionIds].join(', ')}` });
          for (const j of b.jurisdictions) if (!jurKnown.has(j) && !lawKnown.has(j)) inp.diags.add({ rule: 'unknown-id', file: inp.master!.file, line: b.position.line, column: b.position.column, message: `:::${b.mode} names unknown jurisdiction "${j}"`, expected: 'a jurisdiction id (eu, gb, us-ca, cn, …) or a law id (gdpr, uk-gdpr, ccpa, pipl, …)' });
          visit(b.blocks);
        } else if (b.type === 'list') for (const it of b.items) visit(it);
        else if (b.type === 'blockquote') visit(b.blocks);
      }
    };
    visit(inp.master.blocks);
  }
}
