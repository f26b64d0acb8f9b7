/**
 * data-localization: a region whose law requires local storage (pack cross_border.localization
 * true) has a storage entry in the facts and keeps ::facts{show="storage"} in its notice. Under
 * partial localization the same holds once the facts list a storage entry; without one it is a
 * note, since the rule covers only some processing.
 */
import type { CheckRule } from '../context.js';
import type { Finding } from '../types.js';

export const dataLocalization: CheckRule = (ctx) => {
  const { r, cov } = ctx;
  const loc = r.jurisdiction.localization;
  if (loc === false) return [];
  const pack = r.jurisdiction.ids.map((id) => ctx.pack(id)).find((p) => p.crossBorder.localization === loc) ?? r.jurisdiction.primary;
  const el = ctx.element('data_localization');
  const base = {
    element: 'data_localization',
    rule: 'data-localization',
    cite: el?.cite ?? pack.crossBorder.summary ?? 'cross_border.localization',
    pack: el?.from ?? pack.id,
    lowConfidence: ctx.low(pack.id, 'cross_border', pack.crossBorder.conf) || (el ? ctx.low(el.from, 'notice_elements.data_localization', el.conf) : false),
  };
  const region = r.region.id;
  const addStorage = `add a storage entry to ${ctx.factsFile}: storage: [{regions: [${region}], location: ${region}}]`;
  const keepBlock = `keep ::facts{show="storage"} in text that applies to region ${region} (e.g. add ${r.jurisdiction.primary.id} to the :::only{jurisdictions="…"} around it)`;
  if (loc === 'partial' && !r.storage.length) {
    return [{
      ...base,
      severity: 'note',
      message: `the law of region ${region} requires local storage for some processing (partial localization); the facts list no storage location for this region`,
      fix: `if the rule applies to this processing, ${addStorage} and ${keepBlock}`,
    }];
  }
  const out: Finding[] = [];
  if (!r.storage.length) {
    out.push({ ...base, severity: 'error', message: `the law of region ${region} requires personal data to be stored locally, but the facts list no storage location for this region`, fix: addStorage });
  }
  if (!cov.factsBlocks.has('storage')) {
    out.push({ ...base, severity: 'error', message: `the notice of region ${region} does not say where data is stored: ::facts{show="storage"} is not part of this region's notice`, fix: keepBlock });
  }
  return out;
};
