/**
 * Small helpers shared by rule modules (not a rule: the catalog test skips `util-*` files).
 */
import type { Evidence } from '../spine/types.js';

/** Excerpts kept per finding; the total is kept in evidenceTotal (the engine enforces it). */
export const MAX_EVIDENCE_PER_FINDING = 50;

/** Every artifact a journal event can come from; rules that read events require these. */
export const LOG_ARTIFACTS = ['journal', 'journal.docker', 'journal.containerd', 'journal.previous-boot', 'syslog'] as const;


export function iso(ms: number | undefined): string | undefined {
  return ms === undefined || !Number.isFinite(ms) ? undefined : new Date(ms).toISOString();
}

/** Records sorted by time (records without one keep their order, at the end). */
export function byTime<T extends { time?: number }>(list: readonly T[]): T[] {
  return [...list].sort((a, b) => (a.time ?? Infinity) - (b.time ?? Infinity));
}

/** Distinct values, first-seen order. */
export function unique<T>(list: Iterable<T>): T[] {
  return [...new Set(list)];
}


/**
 * Evidence of the first items only, for a finding over a list that bundle data can make huge
 * (a million leaked veths): at most `room` items are turned into evidence, and `total` keeps the
 * true count for ReportInput.evidenceTotal. The engine keeps MAX_EVIDENCE_PER_FINDING anyway.
 */
export function someEvidence<T>(items: readonly T[], toEvidence: (item: T) => Evidence, room = MAX_EVIDENCE_PER_FINDING): { evidence: Evidence[]; total: number } {
  return { evidence: items.slice(0, Math.max(0, room)).map(toEvidence), total: items.length };
}

/** `a, b, c and 4 more` for summaries. */
export function listSome(items: readonly string[], max = 3): string {
  if (items.length <= max) return items.join(', ');
  return `${items.slice(0, max).join(', ')} and ${items.length - max} more`;
}
