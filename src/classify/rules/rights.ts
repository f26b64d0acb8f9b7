import { practiceRule } from '../practice-rule.js';

export const rights = practiceRule('rights', 'rights');
