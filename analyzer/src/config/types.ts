/**
 * A team's configuration, `docker-postmortem.config.json` (docs/config.md): ESLint-style rule
 * settings, optionally scoped to a flavor, host-name globs or case ids, and extra known-defect files.
 */
import type { Severity } from '../rules/types.js';

export const CONFIG_FILE_NAME = 'docker-postmortem.config.json';

/** `off` removes the rule's findings; a severity replaces theirs. */
export type RuleLevel = 'off' | Severity;

/** Flavor names in the config: the short ones, matched against `identity.flavor`. */
export const CONFIG_FLAVORS = { openeuler: 'openeuler-docker-engine', upstream: 'upstream', unknown: 'unknown' } as const;
export type ConfigFlavor = keyof typeof CONFIG_FLAVORS;

export interface RuleScope {
  flavor?: ConfigFlavor;
  /** Host-name globs (picomatch, case-insensitive); any one matching is enough. */
  hosts?: string[];
  /** Case ids given to the collector (`--case-id`, manifest.json `caseId`); any one equal is enough. */
  caseIds?: string[];
}

/** One setting of one rule, after validation. */
export interface RuleEntry {
  rule: string;
  level: RuleLevel;
  when?: RuleScope;
  /** Where it is in the file: `rules["overlay2-redirect-dir"][1]`. */
  entry: string;
}

export interface TeamConfig {
  /** The file it came from (absolute), and sha256 (first 12 hex) of its bytes for cache keys. */
  path: string;
  hash: string;
  /** In file order; for one rule, the last entry whose scope matches wins (as ESLint's later overrides do). */
  rules: RuleEntry[];
  /** Absolute paths (relative ones are taken from the config file's folder). */
  knownDefects: string[];
}

/** What the config changed in one report: report.json `configApplied`. */
export interface ConfigApplied {
  rule: string;
  /** `off`, or `severity <from> → <to>` per distinct change. */
  change: string;
  /** Which entry of which file: `docker-postmortem.config.json rules["x"][0]`. */
  entry: string;
  /** Why it applied here, in words: `all hosts`, `flavor upstream, hosts deb*`. */
  scope: string;
  /** Ids of the findings it removed or changed (as numbered before the change). */
  findings: string[];
}
