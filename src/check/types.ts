/**
 * The result of `noticekit check`: per region, what its law requires in a privacy notice and what
 * the region's notice lacks. `CheckReport` is also the versioned JSON contract of
 * `noticekit check --format json` (schemaVersion 1; fields are only ever added).
 */
import type { DiagnosticSeverity } from '../model/diagnostics.js';

export type FindingSeverity = DiagnosticSeverity;

export interface Finding {
  /** error: the notice fails the law; warning: likely a mistake in the policy project; note: for review. */
  severity: FindingSeverity;
  /** The notice element concerned (`dpo_contact`, `right_complaint`, …), or null for rules about the notice as a whole. */
  element: string | null;
  /** Stable rule id: notice-element, legal-basis, required-language, children-age, complaint-authority, data-localization, covers-unknown-id, translation, raw-html. */
  rule: string;
  /** The legal citation from the jurisdiction pack (`Art. 13(1)(b) (where a DPO exists)`); empty when none applies. */
  cite: string;
  /** The jurisdiction pack the requirement comes from (`eu` for an element a member state inherits); null when none. */
  pack: string | null;
  /** What was found missing or wrong. */
  message: string;
  /** What to do about it. */
  fix: string;
  /** The pack marks the underlying fact as low confidence: verify it locally before relying on it. */
  lowConfidence: boolean;
}

export interface RegionReport {
  region: string;
  /** English region name from regions.yaml. */
  name: string;
  /** Composed jurisdiction ids, most specific first, parents included (`['de','eu']`). */
  jurisdictions: string[];
  /** `fail` when the region has at least one error. */
  status: 'pass' | 'fail';
  errors: number;
  warnings: number;
  notes: number;
  /** Errors first, then warnings, then notes. */
  findings: Finding[];
}

export interface CheckReport {
  schemaVersion: 1;
  /** The document checked (`privacy`). */
  document: string;
  regions: RegionReport[];
  summary: {
    regions: number;
    passed: number;
    failed: number;
    errors: number;
    warnings: number;
    notes: number;
  };
}

export interface CheckOptions {
  /** Only these region ids (default: every region in policy/regions.yaml). */
  regions?: string[];
}
