import type { Rule } from '../types.js';
import { whitespaceOnly } from './whitespace-only.js';
import { linkTarget } from './link-target.js';
import { markdownFormatting } from './markdown-formatting.js';
import { punctuationCapitalisation } from './punctuation-capitalisation.js';
import { effectiveDate } from './effective-date.js';
import { spellingFix } from './spelling-fix.js';
import { headingRename } from './heading-rename.js';
import { tableRow } from './table-row.js';
import { negationModality } from './negation-modality.js';
import { dataCollected } from './data-collected.js';
import { recipients } from './recipients.js';
import { purposes } from './purposes.js';
import { tracking } from './tracking.js';
import { transfers } from './transfers.js';
import { retention } from './retention.js';
import { rights } from './rights.js';
import { children } from './children.js';
import { movedText } from './moved-text.js';
import { contactDetails } from './contact-details.js';
import { addedExample } from './added-example.js';
import { reworded } from './reworded.js';

/**
 * Rules in the order they are tried. Editorial rules come first and settle a change: a change
 * that reads the same once formatting, links, punctuation or the date are set aside is never
 * material. Then material rules, then minor ones; `reworded` catches the rest.
 */
export const RULES: readonly Rule[] = [
  whitespaceOnly, linkTarget, markdownFormatting, punctuationCapitalisation, effectiveDate, spellingFix, headingRename,
  tableRow, negationModality, dataCollected, recipients, purposes, tracking, transfers, retention, rights, children,
  movedText, contactDetails, addedExample, reworded,
];
