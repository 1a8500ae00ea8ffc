/**
 * The explicit rule registry (no globbing): test/docs/rules-doc.test.ts checks that it lists every
 * file in this folder. Keep it sorted by id.
 */
import type { Rule } from './types.js';

export const RULES: readonly Rule[] = Object.freeze([]);
