import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import type { SnapshotManifest } from '../../src/publish/manifest.js';
import { edit, exampleProject } from '../helpers/project.js';

type Facts = {
  purposes: { id: string; retention: { period: string }; legal_basis: Record<string, string> }[];
  recipients: { id: string; purposes?: string[] }[];
  transfers: { id: string; recipients?: string[] }[];
  [k: string]: unknown;
};

/** Edits applied to a copy of today's policy to make the "old" published version. */
export interface OldEdits {
  facts?: (f: Facts) => void;
  master?: (text: string) => string;
  regions?: (text: string) => string;
}

/** Writes `snapshots/privacy/<version>/` with the sources and a minimal manifest. */
export function writeSnapshot(dir: string, version: string, effective: string, edits: OldEdits = {}, previous: string | null = null): void {
  const base = join(dir, 'snapshots', 'privacy', version);
  const src = join(base, 'source');
  mkdirSync(src, { recursive: true });
  const facts = parse(readFileSync(join(dir, 'policy', 'privacy.facts.yaml'), 'utf8')) as Facts;
  edits.facts?.(facts);
  writeFileSync(join(src, 'privacy.facts.yaml'), stringify(facts));
  const master = readFileSync(join(dir, 'policy', 'privacy.md'), 'utf8').replace(/^effective: .*$/m, `effective: ${effective}`);
  writeFileSync(join(src, 'privacy.md'), edits.master ? edits.master(master) : master);
  const regions = readFileSync(join(dir, 'policy', 'regions.yaml'), 'utf8');
  writeFileSync(join(src, 'regions.yaml'), edits.regions ? edits.regions(regions) : regions);
  writeFileSync(join(src, 'privacy.units.json'), readFileSync(join(dir, 'policy', 'privacy.units.json'), 'utf8'));
  const manifest: SnapshotManifest = {
    schemaVersion: 1,
    document: 'privacy',
    version,
    previous,
    published: effective,
    effective,
    severity: 'none',
    regions: {},
    sourceHash: '',
    files: {},
  };
  writeFileSync(join(base, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
}

export const SHARE_PARAGRAPH = 'We also share data when you ask us to, for example when you share an album from Lumora Cloud.';

/**
 * The main scenario. Version 1.0.0 is today's policy without the analytics recipient, without the
 * consent-based purpose "personalization", with customer-support records kept 2 years instead of 3
 * and without one paragraph on sharing. The working tree (today's policy) takes effect 2026-06-01.
 */
export function mainScenario(): string {
  const dir = exampleProject();
  writeSnapshot(dir, '1.0.0', '2026-03-01', {
    facts: (f) => {
      f.recipients = f.recipients.filter((r) => r.id !== 'analytics');
      for (const t of f.transfers) if (t.recipients) t.recipients = t.recipients.filter((r) => r !== 'analytics');
      f.purposes = f.purposes.filter((p) => p.id !== 'personalization');
      for (const r of f.recipients) if (r.purposes) r.purposes = r.purposes.filter((p) => p !== 'personalization');
      const cs = f.purposes.find((p) => p.id === 'customer_support')!;
      cs.retention.period = 'P2Y';
    },
    master: (t) => t.replace(`${SHARE_PARAGRAPH}\n\n`, ''),
  });
  edit(dir, 'policy/privacy.md', (t) => t.replace(/^effective: .*$/m, 'effective: 2026-06-01'));
  return dir;
}

/** Reads the drafts of one region and language into one text, for golden files. */
export const DRAFT_FILES = ['email.md', 'banner.txt', 'changes.md', 'consent.md'] as const;

/**
 * Version 1.0.0 lacks the EU → Korea transfer (so only EU member states see a material change)
 * and a full stop in a paragraph every region shows (an editorial change everywhere).
 */
export function euOnlyScenario(): string {
  const dir = exampleProject();
  writeSnapshot(dir, '1.0.0', '2026-03-01', {
    facts: (f) => {
      f.transfers = f.transfers.filter((t) => t.id !== 'eu_to_kr');
    },
    master: (t) => t.replace('Backups are overwritten in a regular cycle.', 'Backups are overwritten in a regular cycle'),
  });
  edit(dir, 'policy/privacy.md', (t) => t.replace(/^effective: .*$/m, 'effective: 2026-06-01'));
  return dir;
}

/** Version 1.0.0 lacks one business partner (a recipient); nothing else changes. */
export function newRecipientScenario(): string {
  const dir = exampleProject();
  writeSnapshot(dir, '1.0.0', '2026-03-01', {
    facts: (f) => {
      f.recipients = f.recipients.filter((r) => r.id !== 'retailers');
    },
  });
  edit(dir, 'policy/privacy.md', (t) => t.replace(/^effective: .*$/m, 'effective: 2026-06-01'));
  return dir;
}

/** Version 1.0.0 had no family accounts: children's data practices change (COPPA). */
export function childrenScenario(): string {
  const dir = exampleProject();
  writeSnapshot(dir, '1.0.0', '2026-03-01', {
    facts: (f) => {
      (f.children as { family_accounts?: boolean }).family_accounts = false;
    },
  });
  edit(dir, 'policy/privacy.md', (t) => t.replace(/^effective: .*$/m, 'effective: 2026-06-01'));
  return dir;
}
