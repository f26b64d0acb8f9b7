import { practiceRule } from '../practice-rule.js';

export const transfers = practiceRule('transfers', 'transfers');
