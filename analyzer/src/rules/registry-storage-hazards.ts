import type { Rule } from './types.js';

/** storage-hazards rules, sorted by id. rules/index.ts joins the lists. */
export const STORAGE_HAZARDS_RULES: readonly Rule[] = [];
