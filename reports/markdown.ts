/**
 * report.md: the ticket summary, at most 60 lines, in plain CommonMark/GFM that ticket systems
 * render. Bundle text is either backslash-escaped prose or an inline code span whose fence is
 * longer than any backtick run inside it, so nothing from a bundle can open a link, a heading,
 * HTML or a table cell. GitHub-style Markdown also turns bare URLs, `www.` names and e-mail
 * addresses into links with no markup at all: prose words that could be one go in a code span.
 */
import type { AnalysisResult } from '../analyzer/src/analyze.js';
import type { Finding } from '../analyzer/src/rules/types.js';
import { SEVERITIES } from '../analyzer/src/rules/types.js';
import type { Evidence } from '../analyzer/src/spine/types.js';
import { bundleName, count, cut, span, utc, visible } from './text.js';

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

/** A finding's time span, or "no time" for a config or state finding. */
function when(f: { firstTime?: string; lastTime?: string }): string {
  return span(f.firstTime, f.lastTime) || 'no time';
}

function findingLines(f: Finding): string[] {
  const episodes = f.episodes?.length ?? 0;
  const out = [
    `- **${f.severity.toUpperCase()}** ${mdText(f.title, 120)}: ${mdText(f.summary)} (${mdText(when(f), 60)}; confidence ${f.confidence}${episodes ? `; ${count(episodes, 'further occurrence')}` : ''})`,
  ];
  const e = f.evidence?.[0];
  if (e) {
    const more = Math.max(f.evidenceTotal ?? 0, f.evidence.length) - 1;
    out.push(`  - Evidence: ${mdCode(e.excerpt, 160)} (${mdText(where(e), 160)})${more > 0 ? `, ${count(more, 'more line')}` : ''}`);
  }
  const u = f.unconfirmed?.[0];
  if (u) out.push(`  - Logs only: ${mdCode(u.artifact, 60)} was not collected (${mdText(u.state, 40)}); collect ${mdCode(u.collectNext, 120)}`);
  const step = f.remediation?.[0];
  if (step) {
    const cmd = step.commands?.[0];
    out.push(`  - Fix: ${mdText(step.text, 200)}${cmd ? ` ${mdCode(cmd, 160)}` : ''}`);
  }
  return out;
}

const STATUS_TEXT: Record<string, string> = {
  'problems-found': 'Problems found',
  'no-problem-found': 'No problem found in what could be checked',
  inconclusive: 'Inconclusive',
};

export function renderMarkdown(result: AnalysisResult): string {
  const m = result.model;
  const inv = result.inventory;
  const v = result.verdict;
  const host = m.identity?.hostname || inv.host || bundleName(inv.input ?? '') || 'unknown host';
  // The engine's order (sortFindings): reports never re-sort.
  const findings = result.findings;
  const byId = new Map(findings.map((f) => [f.id, f]));
  const counts = SEVERITIES.map((sev) => [sev, findings.filter((f) => f.severity === sev).length] as const).filter(([, n]) => n > 0);
  const gaps = (result.coverage ?? []).filter((c) => c.status !== 'evaluated');

  const head: string[] = [`# docker-postmortem: ${mdText(host, 120)}`, ''];
  head.push(`**${mdText(STATUS_TEXT[v?.status ?? ''] ?? v?.status ?? 'Verdict', 60)}:** ${mdText(v?.headline ?? '', 300)}`, '');
  for (const f of (v?.facts ?? []).slice(0, 5)) head.push(`- ${mdText(f.text, 200)}`);
  if (v?.facts?.length) head.push('');
  head.push(`Findings: ${counts.length ? counts.map(([sev, n]) => `${n} ${sev}`).join(', ') : 'none'}${gaps.length ? `; ${count(gaps.length, 'check')} not fully evaluated` : ''}`);
  const docker = m.identity?.docker;
  const flavor = m.identity?.flavor === 'openeuler-docker-engine' ? 'openEuler docker-engine' : m.identity?.flavor === 'upstream' ? 'upstream Docker' : 'unknown flavor';
  const facts = [
    `Bundle ${mdCode(bundleName(inv.input ?? ''), 120)}`,
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
  const chains = (result.causeChains ?? []).filter((c) => c.length > 0 && c.every((id) => byId.has(id)));
  if (chains.length) {
    roots.push('## Root causes', '');
    for (const c of chains.slice(0, 5)) roots.push(`1. ${c.map((id) => `**${mdText(byId.get(id)!.title, 100)}**`).join(' → ')} (${mdText(when(byId.get(c[0]!)!), 60)})`);
    if (chains.length > 5) roots.push(`1. …and ${count(chains.length - 5, 'more chain')} in report.html`);
    roots.push('');
  }

  const tail: string[] = [];
  if (v?.missing?.length || gaps.length) tail.push('## Not evaluated', '');
  for (const x of (v?.missing ?? []).slice(0, 3)) tail.push(`- Missing ${mdText(x.what, 100)}: collect ${mdCode(x.collectNext, 120)}`);
  if (gaps.length) {
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
    if (shown < findings.length) body.push(`- …and ${count(findings.length - shown, 'more finding')} in report.html`);
    body.push('');
  } else {
    body.push('No findings.', '');
  }

  const lines = [...head, ...roots, ...body, ...tail];
  while (lines.length && lines[lines.length - 1] === '') lines.pop();
  return `${lines.slice(0, MAX_MARKDOWN_LINES).join('\n')}\n`;
}
