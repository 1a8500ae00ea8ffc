/**
 * Loads and validates known-defect files. Bad input never throws from `parseKnownDefects`: it
 * returns the valid entries and a list of problems, each naming the entry index and field
 * (`entries[3].affected[0].ranges[1].fixed: "x:1" is not a valid rpm version`). The CLI refuses a
 * team file with problems (exit 2) so nothing is dropped silently.
 */
import { readFileSync } from 'node:fs';
import { SEVERITIES, type Severity } from '../rules/types.js';
import { isValidVersion, VERSION_SYSTEMS, type VersionSystem } from '../versions/index.js';
import { KNOWN_DEFECTS_FORMAT_VERSION, type AffectedPackage, type KnownDefect, type KnownDefectSource, type VersionRange } from './types.js';
import builtinData from '../../data/known-defects.json' with { type: 'json' };
import { EVENTS } from '../events/catalog.js';

export interface LoadResult {
  entries: KnownDefect[];
  problems: string[];
}

/** Event kinds an entry may name: the catalog's (analyzer/src/events/). */
const KNOWN_KINDS: ReadonlySet<string> = new Set(EVENTS.kinds());
const ENTRY_KEYS = new Set(['id', 'title', 'kind', 'severity', 'symptom', 'cves', 'affected', 'sources', 'events', 'note']);
const AFFECTED_KEYS = new Set(['package', 'system', 'distribution', 'distTags', 'ranges']);
const RANGE_KEYS = new Set(['introduced', 'fixed', 'lastAffected']);

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isNonEmptyString = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '';

/**
 * A range as an object, or as text: `< 1.1.12`, `>= 1.0.0-rc93, < 1.1.12`, `<= 1.2.0`.
 * Returns the range or a reason.
 */
export function parseRangeText(text: string): VersionRange | string {
  const out: VersionRange = {};
  for (const part of text.split(',').map((p) => p.trim()).filter(Boolean)) {
    const m = /^(>=|<=|<)\s*(\S+)$/.exec(part);
    if (!m) return `"${part}" is not ">= v", "< v" or "<= v"`;
    const key = m[1] === '>=' ? 'introduced' : m[1] === '<' ? 'fixed' : 'lastAffected';
    if (out[key] !== undefined) return `"${text}" gives ${m[1]} twice`;
    out[key] = m[2]!;
  }
  return out;
}

function checkRange(raw: unknown, system: VersionSystem, at: string, problems: string[]): VersionRange | undefined {
  let range: VersionRange;
  if (typeof raw === 'string') {
    const r = parseRangeText(raw);
    if (typeof r === 'string') {
      problems.push(`${at}: ${r}`);
      return undefined;
    }
    range = r;
  } else if (isObject(raw)) {
    for (const k of Object.keys(raw)) if (!RANGE_KEYS.has(k)) problems.push(`${at}: unknown key "${k}" (expected introduced, fixed, lastAffected)`);
    range = {};
    for (const k of RANGE_KEYS) {
      const v = raw[k];
      if (v === undefined) continue;
      if (!isNonEmptyString(v)) {
        problems.push(`${at}.${k}: must be a non-empty string`);
        return undefined;
      }
      range[k as keyof VersionRange] = v;
    }
  } else {
    problems.push(`${at}: must be an object or a text like "< 1.1.12"`);
    return undefined;
  }
  if (range.fixed === undefined && range.lastAffected === undefined && range.introduced === undefined) {
    problems.push(`${at}: needs at least one of introduced, fixed, lastAffected`);
    return undefined;
  }
  if (range.fixed !== undefined && range.lastAffected !== undefined) {
    problems.push(`${at}: give fixed or lastAffected, not both`);
    return undefined;
  }
  for (const k of RANGE_KEYS) {
    const v = range[k as keyof VersionRange];
    if (v !== undefined && !isValidVersion(system, v)) {
      problems.push(`${at}.${k}: "${v}" is not a valid ${system} version`);
      return undefined;
    }
  }
  return range;
}

function checkAffected(raw: unknown, at: string, problems: string[]): AffectedPackage | undefined {
  if (!isObject(raw)) {
    problems.push(`${at}: must be an object`);
    return undefined;
  }
  for (const k of Object.keys(raw)) if (!AFFECTED_KEYS.has(k)) problems.push(`${at}: unknown key "${k}"`);
  if (!isNonEmptyString(raw['package'])) {
    problems.push(`${at}.package: must be a non-empty string`);
    return undefined;
  }
  const system = raw['system'];
  if (!VERSION_SYSTEMS.includes(system as VersionSystem)) {
    problems.push(`${at}.system: must be one of ${VERSION_SYSTEMS.join(', ')}`);
    return undefined;
  }
  const out: AffectedPackage = { package: raw['package'], system: system as VersionSystem, ranges: [] };
  if (raw['distribution'] !== undefined) {
    if (!isNonEmptyString(raw['distribution']) || raw['distribution'] !== raw['distribution'].toLowerCase()) {
      problems.push(`${at}.distribution: must be a lowercase os-release ID such as "openeuler"`);
      return undefined;
    }
    out.distribution = raw['distribution'];
  }
  if (raw['distTags'] !== undefined) {
    const tags = raw['distTags'];
    if (!Array.isArray(tags) || tags.length === 0 || !tags.every((t) => isNonEmptyString(t) && /^[0-9a-z]+$/.test(t))) {
      problems.push(`${at}.distTags: must be a non-empty list of dist tags such as "oe1", "oe2203"`);
      return undefined;
    }
    if (system !== 'rpm') problems.push(`${at}.distTags: only rpm releases carry dist tags`);
    out.distTags = tags as string[];
  }
  const ranges = raw['ranges'];
  if (!Array.isArray(ranges) || ranges.length === 0) {
    problems.push(`${at}.ranges: must be a non-empty list`);
    return undefined;
  }
  ranges.forEach((r, k) => {
    const range = checkRange(r, out.system, `${at}.ranges[${k}]`, problems);
    if (range) out.ranges.push(range);
  });
  return out.ranges.length === ranges.length ? out : undefined;
}

function checkEntry(raw: unknown, at: string, origin: string, problems: string[]): KnownDefect | undefined {
  if (!isObject(raw)) {
    problems.push(`${at}: must be an object`);
    return undefined;
  }
  const before = problems.length;
  for (const k of Object.keys(raw)) if (!ENTRY_KEYS.has(k)) problems.push(`${at}: unknown key "${k}"`);
  for (const k of ['id', 'title', 'symptom'] as const) if (!isNonEmptyString(raw[k])) problems.push(`${at}.${k}: must be a non-empty string`);
  if (isNonEmptyString(raw['id']) && !/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(raw['id'])) problems.push(`${at}.id: use letters, digits, ".", "_" and "-"`);
  if (raw['kind'] !== 'defect' && raw['kind'] !== 'advisory') problems.push(`${at}.kind: must be "defect" or "advisory"`);
  if (!SEVERITIES.includes(raw['severity'] as Severity)) problems.push(`${at}.severity: must be one of ${SEVERITIES.join(', ')}`);
  const cves = raw['cves'];
  if (cves !== undefined && (!Array.isArray(cves) || !cves.every((c) => typeof c === 'string' && /^CVE-\d{4}-\d{4,}$/.test(c)))) problems.push(`${at}.cves: must be a list of CVE-YYYY-NNNN ids`);
  const events = raw['events'];
  if (events !== undefined && (!Array.isArray(events) || !events.every((e) => typeof e === 'string'))) problems.push(`${at}.events: must be a list of event kinds such as "bolt.panic"`);
  else if (events !== undefined) {
    const unknown = (events as string[]).filter((e) => !KNOWN_KINDS.has(e));
    if (unknown.length) problems.push(`${at}.events: unknown event kind(s) ${unknown.map((e) => JSON.stringify(e)).join(', ')} (see docs/events.md)`);
  }
  if (raw['note'] !== undefined && !isNonEmptyString(raw['note'])) problems.push(`${at}.note: must be a non-empty string`);
  const sources = raw['sources'];
  const okSources: KnownDefectSource[] = [];
  if (!Array.isArray(sources) || sources.length === 0) problems.push(`${at}.sources: must be a non-empty list (every entry cites a public source)`);
  else
    sources.forEach((s, k) => {
      if (!isObject(s) || typeof s['url'] !== 'string' || !/^https:\/\/\S+$/.test(s['url'])) problems.push(`${at}.sources[${k}].url: must be an https URL`);
      else if (s['note'] !== undefined && !isNonEmptyString(s['note'])) problems.push(`${at}.sources[${k}].note: must be a non-empty string`);
      else okSources.push(s['note'] !== undefined ? { url: s['url'], note: s['note'] as string } : { url: s['url'] });
    });
  const affected = raw['affected'];
  const okAffected: AffectedPackage[] = [];
  if (!Array.isArray(affected) || affected.length === 0) problems.push(`${at}.affected: must be a non-empty list`);
  else
    affected.forEach((a, k) => {
      const item = checkAffected(a, `${at}.affected[${k}]`, problems);
      if (item) okAffected.push(item);
    });
  if (problems.length > before) return undefined;
  const out: KnownDefect = {
    id: raw['id'] as string,
    title: raw['title'] as string,
    kind: raw['kind'] as KnownDefect['kind'],
    severity: raw['severity'] as Severity,
    symptom: raw['symptom'] as string,
    affected: okAffected,
    sources: okSources,
    origin,
  };
  if (cves !== undefined) out.cves = cves as string[];
  if (events !== undefined) out.events = events as string[];
  if (raw['note'] !== undefined) out.note = raw['note'] as string;
  return out;
}

/** Validates parsed JSON. `origin` names the file in problems and on each entry. */
export function parseKnownDefects(json: unknown, origin: string): LoadResult {
  const problems: string[] = [];
  if (!isObject(json)) return { entries: [], problems: [`${origin}: the top level must be an object with formatVersion and entries`] };
  for (const k of Object.keys(json)) if (!['formatVersion', 'entries', '$comment'].includes(k)) problems.push(`${origin}: unknown top-level key "${k}"`);
  if (json['formatVersion'] !== KNOWN_DEFECTS_FORMAT_VERSION) {
    return { entries: [], problems: [...problems, `${origin}: formatVersion must be ${KNOWN_DEFECTS_FORMAT_VERSION} (found ${JSON.stringify(json['formatVersion'])})`] };
  }
  if (!Array.isArray(json['entries'])) return { entries: [], problems: [...problems, `${origin}: entries must be a list`] };
  const entries: KnownDefect[] = [];
  const seen = new Set<string>();
  json['entries'].forEach((raw, i) => {
    const e = checkEntry(raw, `${origin}: entries[${i}]`, origin, problems);
    if (!e) return;
    if (seen.has(e.id)) {
      problems.push(`${origin}: entries[${i}].id: "${e.id}" appears twice`);
      return;
    }
    seen.add(e.id);
    entries.push(e);
  });
  return { entries, problems };
}

/** Reads and validates a file; unreadable files and JSON syntax errors become problems too. */
export function loadKnownDefectsFile(path: string): LoadResult {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    return { entries: [], problems: [`${path}: cannot read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`] };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return { entries: [], problems: [`${path}: not JSON (${(e as Error).message})`] };
  }
  return parseKnownDefects(json, path);
}

/** The shipped data file, validated once. */
export const BUILTIN_KNOWN_DEFECTS: LoadResult = parseKnownDefects(builtinData, 'analyzer/data/known-defects.json');

/**
 * Built-in entries plus team files; a team entry with the id of an earlier one replaces it (so a
 * team can correct a shipped range), and the replacement is reported.
 */
export function mergeKnownDefects(...lists: readonly KnownDefect[][]): { entries: KnownDefect[]; replaced: string[] } {
  const byId = new Map<string, KnownDefect>();
  const replaced: string[] = [];
  for (const list of lists) {
    for (const e of list) {
      const prev = byId.get(e.id);
      if (prev) replaced.push(`${e.id} from ${e.origin} replaces the one from ${prev.origin}`);
      byId.set(e.id, e);
    }
  }
  return { entries: [...byId.values()], replaced };
}
