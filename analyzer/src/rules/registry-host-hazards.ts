import type { Rule } from './types.js';

/** host-hazards rules, sorted by id. rules/index.ts joins the lists. */
export const HOST_HAZARDS_RULES: readonly Rule[] = [];
