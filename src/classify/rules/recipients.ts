import { practiceRule } from '../practice-rule.js';

export const recipients = practiceRule('recipients', 'recipients');
