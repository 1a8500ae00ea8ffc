import type { Rule } from './types.js';
import graphDeprecated from './graph-deprecated.js';

/** storage-hazards rules, sorted by id. rules/index.ts joins the lists. */
export const STORAGE_HAZARDS_RULES: readonly Rule[] = [graphDeprecated] as Rule[];
