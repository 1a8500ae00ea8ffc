/**
 * The config as a post-pass over an analysis: rules turned off lose their findings (and their
 * coverage line, so a suppressed rule never reads as a passed check), severities are replaced, cause
 * links and chains are kept to the findings that remain, and the verdict is computed again. Each
 * entry that applied is listed in `configApplied`, so nothing disappears silently.
 */
import { basename } from 'node:path';
import picomatch from 'picomatch';
import type { AnalysisResult } from '../analyze.js';
import { computeVerdict } from '../analysis/verdict.js';
import { computeCollectRequest } from '../analysis/collect-request.js';
import { causeChains, sortFindings } from '../rules/engine.js';
import type { Finding } from '../rules/types.js';
import { CONFIG_FLAVORS, type ConfigApplied, type RuleEntry, type RuleScope, type TeamConfig } from './types.js';

/** What a scope is matched against: the bundle's flavor, host name and case id. */
export interface ScopeSubject {
  flavor: string;
  host?: string;
  caseId?: string;
}

export function scopeSubject(r: AnalysisResult): ScopeSubject {
  const s: ScopeSubject = { flavor: r.model.identity.flavor };
  const host = r.model.identity.hostname ?? r.inventory.host;
  if (host) s.host = host;
  if (r.model.collection.caseId) s.caseId = r.model.collection.caseId;
  return s;
}

/** All of a scope's conditions hold (each list: any one item). A condition on an unknown host or case never holds. */
export function scopeMatches(when: RuleScope | undefined, s: ScopeSubject): boolean {
  if (!when) return true;
  if (when.flavor && CONFIG_FLAVORS[when.flavor] !== s.flavor) return false;
  if (when.hosts && !(s.host !== undefined && when.hosts.some((g) => picomatch.isMatch(s.host!, g, { nocase: true, dot: true })))) return false;
  if (when.caseIds && !(s.caseId !== undefined && when.caseIds.includes(s.caseId))) return false;
  return true;
}

export function scopeText(when: RuleScope | undefined): string {
  if (!when) return 'all hosts';
  const parts: string[] = [];
  if (when.flavor) parts.push(`flavor ${when.flavor}`);
  if (when.hosts) parts.push(`hosts ${when.hosts.join(', ')}`);
  if (when.caseIds) parts.push(`case ${when.caseIds.join(', ')}`);
  return parts.join('; ');
}

/** The entry that decides each rule here: the last one whose scope matches. */
function decidingEntries(config: TeamConfig, s: ScopeSubject): Map<string, RuleEntry> {
  const out = new Map<string, RuleEntry>();
  for (const e of config.rules) if (scopeMatches(e.when, s)) out.set(e.rule, e);
  return out;
}

export function applyConfig(result: AnalysisResult, config: TeamConfig): AnalysisResult {
  const deciding = decidingEntries(config, scopeSubject(result));
  const file = basename(config.path);
  const applied = new Map<string, ConfigApplied>();
  const note = (e: RuleEntry, change: string, id?: string) => {
    const k = `${e.entry}\0${change}`;
    const a = applied.get(k) ?? { rule: e.rule, change, entry: `${file} ${e.entry}`, scope: scopeText(e.when), findings: [] };
    if (id) a.findings.push(id);
    applied.set(k, a);
  };

  const removed = new Set<string>();
  const findings: Finding[] = [];
  for (const f of result.findings) {
    const e = deciding.get(f.ruleId);
    if (!e) findings.push(f);
    else if (e.level === 'off') {
      removed.add(f.id);
      note(e, 'off', f.id);
    } else if (e.level !== f.severity) {
      note(e, `severity ${f.severity} → ${e.level}`, f.id);
      findings.push({ ...f, severity: e.level });
    } else findings.push(f);
  }
  // An entry that matched this bundle but found nothing to change is still listed (with no findings).
  for (const e of deciding.values()) if (![...applied.values()].some((a) => a.entry === `${file} ${e.entry}`)) note(e, e.level === 'off' ? 'off' : `severity → ${e.level}`);

  const kept = sortFindings(findings.map((f) => (removed.size ? { ...f, causedBy: f.causedBy.filter((id) => !removed.has(id)), causes: f.causes.filter((id) => !removed.has(id)) } : f)));
  const off = new Set([...deciding.values()].filter((e) => e.level === 'off').map((e) => e.rule));
  const coverage = result.coverage.filter((c) => !off.has(c.ruleId));
  const chains = causeChains(kept);
  const verdict = computeVerdict(result.model, kept, coverage, chains);
  return {
    ...result,
    findings: kept,
    coverage,
    causeChains: chains,
    verdict,
    // A rule turned off unblocks nothing, and the window follows the root cause that remains.
    collectRequest: computeCollectRequest(result.model, kept, coverage, chains, verdict),
    config: { file: basename(config.path), hash: config.hash },
    configApplied: [...applied.values()],
  };
}
