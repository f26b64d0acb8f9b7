import { practiceRule } from '../practice-rule.js';

export const dataCollected = practiceRule('data-collected', 'data-collected');
