import { practiceRule } from '../practice-rule.js';

export const tracking = practiceRule('tracking', 'tracking');
