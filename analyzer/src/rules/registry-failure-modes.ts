import type { Rule } from './types.js';

/** failure-modes rules, sorted by id. rules/index.ts joins the lists. */
export const FAILURE_MODES_RULES: readonly Rule[] = [];
