import type { FactRule, Rule } from '../types.js';
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
import { factsNewDataCategory } from './facts-new-data-category.js';
import { factsRemovedDataCategory } from './facts-removed-data-category.js';
import { factsDataCategorySensitivity } from './facts-data-category-sensitivity.js';
import { factsNewPurpose } from './facts-new-purpose.js';
import { factsRemovedPurpose } from './facts-removed-purpose.js';
import { factsPurposeDataAdded } from './facts-purpose-data-added.js';
import { factsLegalBasisChanged } from './facts-legal-basis-changed.js';
import { factsRetentionLengthened } from './facts-retention-lengthened.js';
import { factsRetentionShortened } from './facts-retention-shortened.js';
import { factsRetentionChanged } from './facts-retention-changed.js';
import { factsConsentAutomated } from './facts-consent-automated.js';
import { factsNewRecipient } from './facts-new-recipient.js';
import { factsRemovedRecipient } from './facts-removed-recipient.js';
import { factsRecipientExpanded } from './facts-recipient-expanded.js';
import { factsNewTransfer } from './facts-new-transfer.js';
import { factsTransferChanged } from './facts-transfer-changed.js';
import { factsRightRemoved } from './facts-right-removed.js';
import { factsRightAdded } from './facts-right-added.js';
import { factsNewController } from './facts-new-controller.js';
import { factsContactDetails } from './facts-contact-details.js';
import { factsNewCookie } from './facts-new-cookie.js';
import { factsChildren } from './facts-children.js';
import { factsStorage } from './facts-storage.js';
import { factsRegion } from './facts-region.js';
import { factsBlock } from './facts-block.js';
import { factsOther } from './facts-other.js';

/**
 * Rules in the order they are tried. A unit moved without any change is a reorganisation
 * (`moved-text`), whatever the text says. Editorial rules come next and settle a change: a change
 * that reads the same once formatting, links, punctuation or the date are set aside is never
 * material. Then material rules, then minor ones; `reworded` catches the rest.
 */
export const RULES: readonly Rule[] = [
  movedText, whitespaceOnly, linkTarget, markdownFormatting, punctuationCapitalisation, effectiveDate, spellingFix, headingRename,
  tableRow, negationModality, dataCollected, recipients, purposes, tracking, transfers, retention, rights, children,
  contactDetails, addedExample, reworded,
];

/**
 * Rules for changes of the structured facts and regions, in the order they are tried: the
 * specific material rules, then the minor ones; `facts-other` catches the rest.
 */
export const FACT_RULES: readonly FactRule[] = [
  factsNewDataCategory, factsRemovedDataCategory, factsDataCategorySensitivity, factsNewPurpose, factsRemovedPurpose,
  factsPurposeDataAdded, factsLegalBasisChanged, factsRetentionLengthened, factsRetentionShortened, factsRetentionChanged,
  factsConsentAutomated, factsNewRecipient, factsRemovedRecipient, factsRecipientExpanded, factsNewTransfer,
  factsTransferChanged, factsRightRemoved, factsRightAdded, factsNewController, factsContactDetails, factsNewCookie,
  factsChildren, factsStorage, factsRegion, factsBlock, factsOther,
];
