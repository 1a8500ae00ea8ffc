/**
 * report.md: the ticket summary, at most 60 lines, in plain CommonMark/GFM that ticket systems
 * render. Bundle text is either backslash-escaped prose or an inline code span whose fence is
 * longer than any backtick run inside it, so nothing from a bundle can open a link, a heading,
 * HTML or a table cell. GitHub-style Markdown also turns bare URLs, `www.` names and e-mail
 * addresses into links with no markup at all: prose words that could be one go in a code span.
 */
import type { AnalysisResult } from '../analyzer/src/analyze.js';
import type { Finding } from '../analyzer/src/rules/types.js';
import { SEVERITIES, severityRank } from '../analyzer/src/rules/types.js';
import type { Evidence } from '../analyzer/src/spine/types.js';
import { cut, utc, visible } from './text.js';

export const MAX_MARKDOWN_LINES = 60;

const oneLine = (s: string) => visible(String(s ?? '')).replace(/[\r\n\t]+/g, ' ');

/**
 * A word GFM's autolink extension could turn into a link: a scheme (`https://`, `ftp://`), `www.`,
 * or an e-mail address (`mailto:`/`xmpp:` ones have an `@` too). Deliberately broad, and linear:
 * plain substring tests, no backtracking.
 */
function autolinkable(word: string): boolean {
  return word.includes('://') || word.includes('@') || word.toLowerCase().includes('www.');
}

/**
 * Prose: every Markdown-active ASCII character backslash-escaped (CommonMark allows it for all),
 * and every autolinkable word in a code span (a backslash inside does not reliably stop GFM's autolinks).
 */
export function mdText(s: string, max = 300): string {
  return cut(oneLine(s), max)
    .split(/(\s+)/)
    .map((w) => (w === '' || /^\s/.test(w) ? w : autolinkable(w) ? codeSpan(w) : w.replace(/[\\`*_[\]<>#|~&]/g, (c) => `\\${c}`)))
    .join('');
}

/** An inline code span that cannot be broken out of: fence longer than the longest backtick run. */
export function mdCode(s: string, max = 200): string {
  return codeSpan(cut(oneLine(s), max));
}

function codeSpan(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((r) => r.length));
  const fence = '`'.repeat(longest + 1);
  // One space each side is stripped by the renderer, so content starting/ending with ` is safe.
  return `${fence} ${text} ${fence}`;
}

function where(e: Evidence): string {
  const loc = e.line > 0 ? `${e.path}:${e.line}` : e.path;
  return [loc, e.time ? utc(e.time) : ''].filter(Boolean).join(', ');
}

function findingLines(f: Finding): string[] {
  const out = [`- **${f.severity.toUpperCase()}** ${mdText(f.title, 120)}: ${mdText(f.summary)} (confidence ${f.confidence})`];
  const e = f.evidence?.[0];
  if (e) {
    const more = Math.max(f.evidenceTotal ?? 0, f.evidence.length) - 1;
    out.push(`  - Evidence: ${mdCode(e.excerpt, 160)} (${mdText(where(e), 160)})${more > 0 ? `, ${more} more line(s)` : ''}`);
  }
  const step = f.remediation?.[0];
  if (step) {
    const cmd = step.commands?.[0];
    out.push(`  - Fix: ${mdText(step.text, 200)}${cmd ? ` ${mdCode(cmd, 160)}` : ''}`);
  }
  return out;
}

export function renderMarkdown(result: AnalysisResult): string {
  const m = result.model;
  const inv = result.inventory;
  const host = m.identity?.hostname || inv.host || inv.input || 'unknown host';
  const findings = [...result.findings].sort((a, b) => severityRank(b.severity) - severityRank(a.severity) || a.id.localeCompare(b.id));
  const byId = new Map(findings.map((f) => [f.id, f]));
  const counts = SEVERITIES.map((s) => [s, findings.filter((f) => f.severity === s).length] as const).filter(([, n]) => n > 0);
  const gaps = (result.coverage ?? []).filter((c) => c.status !== 'evaluated');

  const head: string[] = [`# docker-postmortem: ${mdText(host, 120)}`, ''];
  head.push(`**Verdict:** ${counts.length ? counts.map(([s, n]) => `${n} ${s}`).join(', ') : 'no findings'}${gaps.length ? `; ${gaps.length} check(s) not fully evaluated` : ''}`);
  const docker = m.identity?.docker;
  const flavor = m.identity?.flavor === 'openeuler-docker-engine' ? 'openEuler docker-engine' : m.identity?.flavor === 'upstream' ? 'upstream Docker' : 'unknown flavor';
  const facts = [
    `Bundle ${mdCode(inv.input ?? '', 120)}`,
    `collected ${inv.collectedAt !== undefined ? utc(inv.collectedAt) : 'unknown'}`,
    `Docker ${docker?.version ? mdText(docker.version, 60) : 'version unknown'}${docker?.package ? ` (${mdText(docker.package, 80)})` : ''}, ${flavor}`,
    m.identity?.kernel ? `kernel ${mdText(m.identity.kernel, 80)}` : '',
  ].filter(Boolean);
  head.push('', facts.join(' · '), '');
  // What a team config changed is said on the page, so no finding disappears silently (docs/config.md).
  const applied = result.configApplied ?? [];
  for (const a of applied.slice(0, 5)) {
    const what = a.change === 'off' ? 'Suppressed by config' : `Changed by config (${mdText(a.change, 60)})`;
    head.push(`- ${what}: ${mdCode(a.rule, 60)} on ${mdText(a.scope, 120)}, ${a.findings.length} finding(s) (${mdText(a.entry, 120)})`);
  }
  if (applied.length > 5) head.push(`- …and ${applied.length - 5} more config change(s) in report.json`);
  if (applied.length) head.push('');

  const roots: string[] = [];
  const chains = (result.causeChains ?? []).filter((c) => c.every((id) => byId.has(id)));
  if (chains.length) {
    roots.push('## Root causes', '');
    for (const c of chains.slice(0, 5)) roots.push(`1. ${c.map((id) => `**${mdText(byId.get(id)!.title, 100)}**`).join(' → ')}`);
    if (chains.length > 5) roots.push(`1. …and ${chains.length - 5} more chain(s) in report.html`);
    roots.push('');
  }

  const tail: string[] = [];
  if (gaps.length) {
    tail.push('## Not evaluated', '');
    const shown = gaps.slice(0, 8);
    for (const g of shown) {
      const next = g.collectNext?.[0];
      tail.push(`- ${mdCode(g.ruleId, 60)} ${g.status === 'not-evaluated' ? 'not evaluated' : 'insufficient evidence'}: ${mdText(g.reason, 160)}${next ? `; collect ${mdCode(next, 100)}` : ''}`);
    }
    if (gaps.length > shown.length) tail.push(`- …and ${gaps.length - shown.length} more (see report.html)`);
  }

  const body: string[] = [];
  if (findings.length) {
    body.push(`## Findings (${findings.length})`, '');
    // Keep 2 lines for the "more" note and the blank line before the next section.
    const budget = MAX_MARKDOWN_LINES - head.length - roots.length - tail.length - body.length - 2;
    let used = 0;
    let shown = 0;
    for (const f of findings) {
      const lines = findingLines(f);
      if (used + lines.length > budget) break;
      body.push(...lines);
      used += lines.length;
      shown++;
    }
    if (shown < findings.length) body.push(`- …and ${findings.length - shown} more finding(s) in report.html`);
    body.push('');
  } else {
    body.push('No findings.', '');
  }

  const lines = [...head, ...roots, ...body, ...tail];
  while (lines.length && lines[lines.length - 1] === '') lines.pop();
  return `${lines.slice(0, MAX_MARKDOWN_LINES).join('\n')}\n`;
}
