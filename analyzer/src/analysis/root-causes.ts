/**
 * The root causes of an analysis, most important first, as finding ids: the root of each cause chain
 * (in the engine's chain order), else — when problems were found but no chain links them — the
 * verdict's headline finding, else the most severe finding at warning or above.
 *
 * One definition for everything that names "the root cause": the terminal story, the ticket text, the
 * report's root-cause marks and timeline focus, and batch grouping. Computed once at analysis
 * (Verdict.rootCauses); `rootCauseIds` also serves reports rendered from an older report.json.
 */
import type { Finding } from '../rules/types.js';
import { severityRank } from '../rules/types.js';
import type { Verdict } from './verdict.js';

export function findRootCauses(findings: readonly Finding[], causeChains: readonly (readonly string[])[], verdict: Pick<Verdict, 'status' | 'headlineMessage'>): string[] {
  const ids = new Set(findings.map((f) => f.id));
  const roots: string[] = [];
  for (const c of causeChains) {
    const r = c[0];
    if (r !== undefined && ids.has(r) && !roots.includes(r)) roots.push(r);
  }
  if (roots.length === 0 && verdict.status === 'problems-found') {
    const head = verdict.headlineMessage?.data?.['finding'];
    const headline = head !== undefined && ids.has(String(head)) ? String(head) : undefined;
    // Findings come in the engine's order (severity, then time): the first at warning or above is the most severe.
    const worst = findings.find((f) => severityRank(f.severity) >= severityRank('warning'))?.id;
    const lead = headline ?? worst;
    if (lead !== undefined) roots.push(lead);
  }
  return roots;
}

/** What the readers of root causes need of an analysis result. */
type WithRootCauses = { findings: readonly Finding[]; causeChains?: readonly (readonly string[])[]; verdict: Pick<Verdict, 'status' | 'headlineMessage' | 'rootCauses'> };

/** The result's root causes (see findRootCauses), as recorded by the analysis or, for an older report.json, derived. */
export function rootCauseIds(result: WithRootCauses): string[] {
  return result.verdict.rootCauses ?? findRootCauses(result.findings, result.causeChains ?? [], result.verdict);
}

/** The cause chain a root cause starts, or [] when it starts none (a lone headline finding). */
export function chainFrom(result: { causeChains?: readonly (readonly string[])[] }, rootId: string | undefined): readonly string[] {
  return (rootId !== undefined && result.causeChains?.find((c) => c[0] === rootId)) || [];
}

/** The first root cause and the chain it starts (its findings only; [] for a lone headline finding): what the story and the ticket lead with. */
export function leadRootCause(result: WithRootCauses): { finding?: Finding; chain: string[] } {
  const byId = new Map(result.findings.map((f) => [f.id, f]));
  const finding = byId.get(rootCauseIds(result)[0] ?? '');
  return { finding, chain: chainFrom(result, finding?.id).filter((id) => byId.has(id)) };
}


/**
 * The root cause a time window centres on: the first root cause that has a time, else undefined (callers fall
 * back to the first timed finding). The timeline focus, its marked row and the collect-request window use this,
 * so a root cause without a time (a configuration finding) does not leave them on different findings.
 */
export function timedRootCause(result: WithRootCauses): Finding | undefined {
  const byId = new Map(result.findings.map((f) => [f.id, f]));
  for (const id of rootCauseIds(result)) {
    const f = byId.get(id);
    if (f?.firstTime && Number.isFinite(Date.parse(f.firstTime))) return f;
  }
  return undefined;
}
