import { practiceRule } from '../practice-rule.js';

export const children = practiceRule('children', 'children');
