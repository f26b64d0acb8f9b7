import { practiceRule } from '../practice-rule.js';

export const purposes = practiceRule('purposes', 'purposes');
