/**
 * Everything a team adds to a run, in one place for analyze, diff and batch: the config file (given,
 * or found in the current folder) and the known-defect files (from `--known-defects` and from the
 * config's `knownDefects`), validated together.
 */
import { resolve } from 'node:path';
import { teamRules, type TeamRules } from '../known-defects/rules.js';
import { findConfig, loadConfig } from './load.js';
import type { TeamConfig } from './types.js';

export interface TeamSetup extends TeamRules {
  config?: TeamConfig;
}

/**
 * `config`: a path (`--config`), `false` (`--no-config`) or undefined (look in `cwd`).
 * Problems are whole messages, one per line, for stderr (the caller exits 2).
 */
export function teamSetup(opts: { config?: string | false; knownDefects?: readonly string[]; cwd?: string }): { setup?: TeamSetup; problems: string[] } {
  const file = opts.config === false ? undefined : opts.config !== undefined ? resolve(opts.config) : findConfig(opts.cwd);
  let config: TeamConfig | undefined;
  if (file) {
    const loaded = loadConfig(file);
    if (loaded.problems.length) return { problems: loaded.problems.map((p) => `config ${file}: ${p}`) };
    config = loaded.config;
  }
  const rules = teamRules([...(opts.knownDefects ?? []).map((f) => resolve(f)), ...(config?.knownDefects ?? [])]);
  if (rules.problems.length) return { problems: rules.problems.map((p) => `known-defect file: ${p}`) };
  return { setup: { ...rules, ...(config ? { config } : {}) }, problems: [] };
}
