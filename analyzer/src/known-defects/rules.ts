/**
 * Puts team known-defect entries into a rule list: the shipped `known-defect` rule is replaced by
 * one built over the shipped entries plus the team's (a team entry with a shipped id replaces it).
 * Used by `analyze --known-defects` and by batch jobs (inside each worker).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Rule } from '../rules/types.js';
import { RULES } from '../rules/index.js';
import { createKnownDefectRule, KNOWN_DEFECT_RULE_ID } from '../rules/known-defect.js';
import { BUILTIN_KNOWN_DEFECTS, loadKnownDefectsFile, mergeKnownDefects } from './load.js';
import type { KnownDefect } from './types.js';

export function rulesWithKnownDefects(rules: readonly Rule[], extra: readonly KnownDefect[]): { rules: Rule[]; replaced: string[] } {
  const { entries, replaced } = mergeKnownDefects(BUILTIN_KNOWN_DEFECTS.entries, [...extra]);
  const rule = createKnownDefectRule(entries) as unknown as Rule;
  return { rules: rules.map((r) => (r.meta.id === KNOWN_DEFECT_RULE_ID ? rule : r)), replaced };
}

export interface TeamRules {
  rules: readonly Rule[];
  /** Problems in the team files; callers refuse to run when there are any. */
  problems: string[];
  /** Team entries that replace shipped ones, for the user to see. */
  replaced: string[];
  /** sha256 (first 12 hex) over the files' bytes, for cache keys; '' without files. */
  fingerprint: string;
}

/** The rule list for a run with these team files (none: the shipped rules). */
export function teamRules(files: readonly string[] = []): TeamRules {
  if (files.length === 0) return { rules: RULES, problems: [], replaced: [], fingerprint: '' };
  const problems: string[] = [];
  const entries: KnownDefect[] = [];
  const hash = createHash('sha256');
  for (const f of files) {
    const r = loadKnownDefectsFile(f);
    problems.push(...r.problems);
    entries.push(...r.entries);
    try {
      hash.update(readFileSync(f));
    } catch {
      // unreadable: already a problem above
    }
    hash.update('\0');
  }
  const { rules, replaced } = rulesWithKnownDefects(RULES, entries);
  return { rules, problems, replaced, fingerprint: hash.digest('hex').slice(0, 12) };
}
