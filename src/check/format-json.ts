/**
 * `noticekit check --format json`: the CheckReport (./types.ts), schemaVersion 1.
 *
 * {
 *   "schemaVersion": 1,
 *   "document": "privacy",
 *   "regions": [{
 *     "region": "de", "name": "Germany", "jurisdictions": ["de", "eu"], "status": "pass" | "fail",
 *     "errors": 0, "warnings": 0, "notes": 2,
 *     "findings": [{ "severity": "error" | "warning" | "note", "element": "dpo_contact" | null,
 *                    "rule": "notice-element", "cite": "Art. 13(1)(b) …", "pack": "eu" | null,
 *                    "message": "…", "fix": "…", "lowConfidence": false }]
 *   }],
 *   "summary": { "regions": 25, "passed": 25, "failed": 0, "errors": 0, "warnings": 0, "notes": 40 }
 * }
 *
 * Fields are only ever added within a schema version; a change of meaning bumps schemaVersion.
 */
import type { CheckReport } from './types.js';

export function formatJson(report: CheckReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
