/**
 * diff.md: the ticket comment that proves what a fix changed, in the same safe Markdown as report.md
 * (every bundle value escaped prose or an unbreakable code span; see reports/markdown.ts).
 */
import type { BundleDiff } from '../analyzer/src/diff/types.js';
import { mdCode, mdText } from './markdown.js';
import { count } from './text.js';
import { CHANGE_LABEL, findingNote, findingSummary, headline, sectionNote, sideName, when } from './diff-view.js';

/** Rows listed per section and for findings; the rest is counted (diff.html and diff.json have all). */
export const MAX_MARKDOWN_ROWS = 15;

const val = (v: string | undefined, src: string | undefined) => (v === undefined ? '—' : `${mdCode(v, 120)}${src ? ` (${mdText(src, 60)})` : ''}`);

export function renderDiffMarkdown(d: BundleDiff): string {
  const out: string[] = [`# docker-postmortem diff: ${mdText(sideName(d.before), 80)} → ${mdText(sideName(d.after), 80)}`, ''];
  out.push(`- **Before:** ${mdCode(d.before.input, 120)}, collected ${when(d.before)}, ${count(d.before.findings, 'finding')}`);
  out.push(`- **After:** ${mdCode(d.after.input, 120)}, collected ${when(d.after)}, ${count(d.after.findings, 'finding')}`);
  for (const w of d.warnings) out.push(`- **Warning:** ${mdText(w.text)}`);
  out.push('', `## Findings: ${headline(d)}`, '');
  for (const f of d.findings.slice(0, MAX_MARKDOWN_ROWS)) {
    const note = findingNote(f);
    out.push(`- **${CHANGE_LABEL[f.change]}** ${f.severity} ${mdCode(f.ruleId, 60)} · ${mdText(f.subject, 80)}: ${mdText(findingSummary(f), 200)}${note ? ` — ${mdText(note, 200)}` : ''}`);
  }
  if (d.findings.length > MAX_MARKDOWN_ROWS) out.push(`- …and ${d.findings.length - MAX_MARKDOWN_ROWS} more in diff.html`);
  if (d.findings.length === 0) out.push('Neither bundle has a finding.');
  out.push('', '## What changed on the host', '');
  for (const s of d.sections) {
    out.push(`- **${mdText(s.title, 80)}**: ${mdText(sectionNote(s), 200)}`);
    for (const c of s.changes.slice(0, MAX_MARKDOWN_ROWS)) out.push(`  - ${c.change} ${mdCode(c.item, 100)}: ${val(c.before, c.beforeSource)} → ${val(c.after, c.afterSource)}`);
    if (s.changes.length > MAX_MARKDOWN_ROWS) out.push(`  - …and ${s.changes.length - MAX_MARKDOWN_ROWS} more in diff.html`);
  }
  out.push('', '## Boots', '');
  const b = d.boots;
  out.push(`${b.newBoots.length} new boot(s) between the two collections.${b.sameBoot ? ' The after bundle was collected in the same boot as the before bundle.' : ''}`);
  if (b.beforeBootEnded) out.push(`The boot the before bundle was collected in ended ${b.beforeBootEnded.verdict}: ${mdText(b.beforeBootEnded.reason, 200)}`);
  for (const n of b.newBoots.slice(0, MAX_MARKDOWN_ROWS)) out.push(`- ${mdCode(n.bootId ?? '(no id)', 40)} from ${n.firstEntry ?? '?'}: ${n.verdict}`);
  return `${out.join('\n')}\n`;
}
