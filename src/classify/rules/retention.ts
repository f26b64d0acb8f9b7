import { practiceRule } from '../practice-rule.js';

export const retention = practiceRule('retention', 'retention');
