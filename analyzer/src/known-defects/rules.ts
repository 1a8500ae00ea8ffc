/**
 * Puts team known-defect entries into a rule list: the shipped `known-defect` rule is replaced by
 * one built over the shipped entries plus the team's (a team entry with a shipped id replaces it).
 */
import type { Rule } from '../rules/types.js';
import { createKnownDefectRule, KNOWN_DEFECT_RULE_ID } from '../rules/known-defect.js';
import { BUILTIN_KNOWN_DEFECTS, mergeKnownDefects } from './load.js';
import type { KnownDefect } from './types.js';

export function rulesWithKnownDefects(rules: readonly Rule[], extra: readonly KnownDefect[]): { rules: Rule[]; replaced: string[] } {
  const { entries, replaced } = mergeKnownDefects(BUILTIN_KNOWN_DEFECTS.entries, [...extra]);
  const rule = createKnownDefectRule(entries) as unknown as Rule;
  return { rules: rules.map((r) => (r.meta.id === KNOWN_DEFECT_RULE_ID ? rule : r)), replaced };
}
