/**
 * Findings of two analyses matched by rule id and subject (the engine folds one finding per rule and
 * subject, or per message when a rule gives no subject: the same key here).
 */
import type { AnalysisResult } from '../analyze.js';
import type { Finding, Severity } from '../rules/types.js';
import { severityRank } from '../rules/types.js';
import type { FindingChange, FindingDiff, FindingSnapshot } from './types.js';
import { byCodeUnits } from '../text-order.js';

/** The subject a finding is matched on: its own, else its message id (distinct problems of one rule stay apart). */
export const matchSubject = (f: Finding): string => f.subject ?? `message:${f.messageId}`;

function keyed(findings: readonly Finding[]): Map<string, Finding> {
  const out = new Map<string, Finding>();
  for (const f of findings) {
    const base = `${f.ruleId} · ${matchSubject(f)}`;
    // The engine keeps keys unique; a second one (hand-made results) is kept apart, not dropped.
    let k = base;
    for (let n = 2; out.has(k); n++) k = `${base} #${n}`;
    out.set(k, f);
  }
  return out;
}

function snapshot(f: Finding): FindingSnapshot {
  const s: FindingSnapshot = { id: f.id, severity: f.severity, confidence: f.confidence, summary: f.summary, episodes: 1 + (f.episodes?.length ?? 0) };
  if (f.firstTime) s.firstTime = f.firstTime;
  if (f.lastTime) s.lastTime = f.lastTime;
  if (f.evidence[0]) s.evidence = f.evidence[0];
  return s;
}

const worse = (a: Severity, b: Severity): Severity => (severityRank(a) >= severityRank(b) ? a : b);

const ORDER: Record<FindingChange, number> = { new: 0, persisting: 1, unverified: 2, resolved: 3 };

export function diffFindings(before: AnalysisResult, after: AnalysisResult): FindingDiff[] {
  const b = keyed(before.findings);
  const a = keyed(after.findings);
  const afterCoverage = new Map(after.coverage.map((c) => [c.ruleId, c]));
  const beforeCollected = before.inventory.collectedAt;
  // In the wrong order (after collected first) "since before" has no meaning.
  const ordered = beforeCollected !== undefined && after.inventory.collectedAt !== undefined && after.inventory.collectedAt >= beforeCollected;
  const out: FindingDiff[] = [];
  for (const [key, fa] of a) {
    const fb = b.get(key);
    const d: FindingDiff = { key, ruleId: fa.ruleId, title: fa.title, subject: matchSubject(fa), change: fb ? 'persisting' : 'new', severity: fb ? worse(fb.severity, fa.severity) : fa.severity, after: snapshot(fa) };
    if (fb) d.before = snapshot(fb);
    // Logs keep the past: a finding whose evidence all predates "before" is history, not a recurrence.
    const last = Date.parse(fa.lastTime ?? fa.firstTime ?? '');
    if (ordered && Number.isFinite(last)) d.sinceBefore = last > beforeCollected;
    out.push(d);
  }
  for (const [key, fb] of b) {
    if (a.has(key)) continue;
    const cov = afterCoverage.get(fb.ruleId);
    const evaluated = cov?.status === 'evaluated';
    const d: FindingDiff = { key, ruleId: fb.ruleId, title: fb.title, subject: matchSubject(fb), change: evaluated ? 'resolved' : 'unverified', severity: fb.severity, before: snapshot(fb) };
    if (!evaluated) d.reason = cov ? `${cov.status}: ${cov.reason}` : 'the rule did not run on the after bundle';
    out.push(d);
  }
  return out.sort((x, y) => ORDER[x.change] - ORDER[y.change] || severityRank(y.severity) - severityRank(x.severity) || byCodeUnits(x.key, y.key));
}
