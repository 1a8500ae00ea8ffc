/**
 * Reads and validates a team config. Every problem is reported with the path of the offending key
 * (unknown keys included: a misspelt `serverity` must not be silently ignored); a caller refuses to
 * run when there is any (exit 2).
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { RULES } from '../rules/index.js';
import { SEVERITIES } from '../rules/types.js';
import { CONFIG_FILE_NAME, CONFIG_FLAVORS, type RuleEntry, type RuleLevel, type RuleScope, type TeamConfig } from './types.js';

export interface LoadedConfig {
  config?: TeamConfig;
  problems: string[];
}

const LEVELS: readonly string[] = ['off', ...SEVERITIES];
const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

/** `docker-postmortem.config.json` in `dir`, if there is one. */
export function findConfig(dir: string = process.cwd()): string | undefined {
  const p = join(dir, CONFIG_FILE_NAME);
  return existsSync(p) ? p : undefined;
}

function stringList(v: unknown, where: string, problems: string[]): string[] | undefined {
  if (!Array.isArray(v) || v.length === 0 || !v.every((x) => typeof x === 'string' && x !== '')) {
    problems.push(`${where}: expected a non-empty list of non-empty strings`);
    return undefined;
  }
  return v as string[];
}

function parseScope(v: unknown, where: string, problems: string[]): RuleScope | undefined {
  if (!isObject(v)) {
    problems.push(`${where}: expected an object with flavor, hosts or caseIds`);
    return undefined;
  }
  const scope: RuleScope = {};
  for (const [k, x] of Object.entries(v)) {
    if (k === 'flavor') {
      if (typeof x === 'string' && Object.hasOwn(CONFIG_FLAVORS, x)) scope.flavor = x as RuleScope['flavor'];
      else problems.push(`${where}.flavor: expected one of ${Object.keys(CONFIG_FLAVORS).join(', ')} (got ${JSON.stringify(x)})`);
    } else if (k === 'hosts') {
      const l = stringList(x, `${where}.hosts`, problems);
      if (l) scope.hosts = l;
    } else if (k === 'caseIds') {
      const l = stringList(x, `${where}.caseIds`, problems);
      if (l) scope.caseIds = l;
    } else problems.push(`${where}: unknown key ${JSON.stringify(k)} (use flavor, hosts, caseIds)`);
  }
  if (Object.keys(v).length === 0) problems.push(`${where}: an empty scope; leave "when" out to apply everywhere`);
  return scope;
}

function parseEntry(rule: string, v: unknown, where: string, problems: string[]): RuleEntry | undefined {
  if (typeof v === 'string') {
    if (LEVELS.includes(v)) return { rule, level: v as RuleLevel, entry: where };
    problems.push(`${where}: expected one of ${LEVELS.join(', ')} (got ${JSON.stringify(v)})`);
    return undefined;
  }
  if (!isObject(v)) {
    problems.push(`${where}: expected "off", a severity or { "severity", "when" }`);
    return undefined;
  }
  let level: RuleLevel | undefined;
  let when: RuleScope | undefined;
  for (const [k, x] of Object.entries(v)) {
    if (k === 'severity') {
      if (typeof x === 'string' && LEVELS.includes(x)) level = x as RuleLevel;
      else problems.push(`${where}.severity: expected one of ${LEVELS.join(', ')} (got ${JSON.stringify(x)})`);
    } else if (k === 'when') when = parseScope(x, `${where}.when`, problems);
    else problems.push(`${where}: unknown key ${JSON.stringify(k)} (use severity, when)`);
  }
  if (!('severity' in v)) problems.push(`${where}: "severity" is required ("off" or ${SEVERITIES.join(', ')})`);
  if (!level) return undefined;
  return { rule, level, entry: where, ...(when ? { when } : {}) };
}

/** Validates a parsed config object; `file` is where relative known-defect paths are taken from. */
export function validateConfig(raw: unknown, file: string, bytes: Buffer | string): LoadedConfig {
  const problems: string[] = [];
  if (!isObject(raw)) return { problems: ['the config must be a JSON object with "rules" and/or "knownDefects"'] };
  const ruleIds = new Set(RULES.map((r) => r.meta.id));
  const rules: RuleEntry[] = [];
  const knownDefects: string[] = [];
  for (const [k, v] of Object.entries(raw)) {
    if (k === 'rules') {
      if (!isObject(v)) {
        problems.push('rules: expected an object of rule id → setting');
        continue;
      }
      for (const [id, setting] of Object.entries(v)) {
        const where = `rules[${JSON.stringify(id)}]`;
        if (!ruleIds.has(id)) {
          problems.push(`${where}: no rule has this id (docker-postmortem rules lists them)`);
          continue;
        }
        const list = Array.isArray(setting) ? setting : [setting];
        if (list.length === 0) problems.push(`${where}: an empty list`);
        list.forEach((s, i) => {
          const e = parseEntry(id, s, Array.isArray(setting) ? `${where}[${i}]` : where, problems);
          if (e) rules.push(e);
        });
      }
    } else if (k === 'knownDefects') {
      const l = stringList(v, 'knownDefects', problems);
      for (const f of l ?? []) {
        const p = isAbsolute(f) ? f : resolve(dirname(file), f);
        if (!existsSync(p)) problems.push(`knownDefects: ${f}: no such file (relative paths start at the config file's folder)`);
        knownDefects.push(p);
      }
    } else if (k !== '$schema' && k !== 'description') problems.push(`unknown key ${JSON.stringify(k)} (use rules, knownDefects, description)`);
  }
  const hash = createHash('sha256').update(bytes).digest('hex').slice(0, 12);
  return { problems, config: problems.length ? undefined : { path: resolve(file), hash, rules, knownDefects } };
}

/** 1-based line and column of a character offset, for JSON syntax errors. */
function lineColumn(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return `line ${line}, column ${offset - before.lastIndexOf('\n')}`;
}

export function loadConfig(file: string): LoadedConfig {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (e) {
    return { problems: [`cannot read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`] };
  }
  const text = bytes.toString('utf8');
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    const m = /position (\d+)/.exec((e as Error).message);
    return { problems: [`not valid JSON: ${(e as Error).message}${m ? ` (${lineColumn(text, Number(m[1]))})` : ''}`] };
  }
  return validateConfig(raw, file, bytes);
}
