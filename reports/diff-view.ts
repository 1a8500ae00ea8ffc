/**
 * diff.json → display strings, shared by diff.html, diff.md and the stdout summary. Only formats:
 * every number and value shown is in the BundleDiff.
 */
import type { BundleDiff, DiffSide, FindingDiff, SectionDiff, ValueChange } from '../analyzer/src/diff/types.js';
import type { Evidence } from '../analyzer/src/spine/types.js';
import { count, cut, utc, visible } from './text.js';

export const CHANGE_LABEL: Record<FindingDiff['change'], string> = {
  new: 'new',
  resolved: 'resolved',
  persisting: 'persisting',
  unverified: 'gone, not verified',
};

export const sideName = (s: DiffSide): string => visible(s.hostname ?? s.input);

export function where(e: Evidence | undefined): string {
  if (!e) return '';
  return visible(e.line > 0 ? `${e.path}:${e.line}` : e.path);
}

/** One line on what a finding did: "no occurrence since before" matters for log-based findings. */
export function findingNote(f: FindingDiff): string {
  const parts: string[] = [];
  if (f.change === 'persisting' && f.before && f.after && f.before.severity !== f.after.severity) parts.push(`severity ${f.before.severity} → ${f.after.severity}`);
  if (f.sinceBefore === false) parts.push('every line predates the before collection (history, not a recurrence)');
  if (f.sinceBefore === true && f.change === 'persisting') parts.push('happened again after the before collection');
  if (f.reason) parts.push(visible(f.reason));
  return parts.join('; ');
}

export function findingSummary(f: FindingDiff): string {
  return visible((f.after ?? f.before)?.summary ?? '');
}

export function valueCell(v: string | undefined, source: string | undefined): string {
  if (v === undefined) return '—';
  return `${visible(cut(v, 300))}${source ? ` (${visible(source)})` : ''}`;
}

export function changeLine(c: ValueChange): string {
  return `${visible(c.item)}: ${valueCell(c.before, c.beforeSource)} → ${valueCell(c.after, c.afterSource)}`;
}

export function sectionNote(s: SectionDiff): string {
  const parts = [`${s.changes.length} change(s), ${s.unchanged} unchanged`];
  if (s.missing?.before || s.missing?.after) parts.push(`not collected in ${[s.missing.before ? 'before' : '', s.missing.after ? 'after' : ''].filter(Boolean).join(' and ')}: no change here proves nothing`);
  return parts.join('; ');
}

export function headline(d: BundleDiff): string {
  const c = d.counts;
  return `${c.new} new, ${c.resolved} resolved, ${c.persisting} persisting${c.unverified ? `, ${c.unverified} gone but not verified` : ''}`;
}

export const when = (s: DiffSide): string => (s.collectedAt ? utc(s.collectedAt) : 'unknown time');

/** The stdout summary: one screen (at most ~24 lines), plain text; the CLI makes each line terminal-safe. */
export function summaryLines(d: BundleDiff, max = 24): string[] {
  const out = [
    `before: ${sideName(d.before)} collected ${when(d.before)} (${count(d.before.findings, 'finding')})`,
    `after:  ${sideName(d.after)} collected ${when(d.after)} (${count(d.after.findings, 'finding')})`,
  ];
  for (const w of d.warnings) out.push(`WARNING: ${visible(w.text)}`);
  out.push(`findings: ${headline(d)}`);
  const rows = d.findings.filter((f) => f.change !== 'persisting' || f.sinceBefore);
  const room = Math.max(4, max - out.length - 4);
  for (const f of rows.slice(0, room)) out.push(`  ${CHANGE_LABEL[f.change].padEnd(10)} ${f.severity.padEnd(8)} ${visible(f.key)}`);
  if (rows.length > room) out.push(`  …and ${rows.length - room} more in diff.html`);
  const changed = d.sections.filter((s) => s.changes.length > 0);
  out.push(`changes: ${changed.length ? changed.map((s) => `${s.id} ${s.changes.length}`).join(', ') : 'none in packages, config, limits, storage, containers, networks, interfaces'}`);
  out.push(`boots: ${d.boots.newBoots.length} new between the two collections${d.boots.sameBoot ? ' (after is in the same boot as before)' : ''}`);
  return out;
}
