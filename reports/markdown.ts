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
import { localizeResult, type FindingI18n, type LocalizedResult } from '../analyzer/src/i18n/localize.js';
import { ui } from '../analyzer/src/i18n/translate.js';
import { formatUtc } from '../analyzer/src/i18n/dates.js';
import { riskWords } from './step-words.js';
import type { LangTag } from '../analyzer/src/i18n/registry.js';
import type { UiKey } from '../analyzer/src/i18n/catalogs/en.js';
import { collectView, findingTitles } from './collect-text.js';

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
  return cut(oneLine(s), max).split(/(\s+)/).map(mdWord).join('');
}

// Module-level, not an arrow inside mdText: a batch worker would compile a new one per bundle (bench/README, "hot callbacks").
function mdWord(w: string): string {
  return w === '' || /^\s/.test(w) ? w : autolinkable(w) ? codeSpan(w) : w.replace(/[\\`*_[\]<>#|~&]/g, backslashed);
}

const backslashed = (c: string): string => `\\${c}`;

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

/**
 * A message in the report's language, as Markdown: the translated text escaped as prose, and each
 * placeholder named in `codes` an inline code span (commands, artifact ids, rule ids).
 */
function mdUi(lang: LangTag, key: UiKey, data: Record<string, string | number>, codes: Record<string, string> = {}, max = 300): string {
  const marks = Object.keys(codes);
  const filled = ui(lang, key, { ...data, ...Object.fromEntries(marks.map((k, i) => [k, `\u0000${i}\u0000`])) });
  return filled
    .split(/\u0000(\d+)\u0000/)
    .map((part, i) => (i % 2 ? mdCode(codes[marks[Number(part)]!]!, 120) : mdText(part, max)))
    .join('');
}

const capital = (s: string) => s.charAt(0).toLocaleUpperCase() + s.slice(1);

function findingLines(f: Finding, lang: LangTag, local?: FindingI18n): string[] {
  const episodes = f.episodes?.length ?? 0;
  const e = f.evidence?.[0];
  const more = e ? Math.max(f.evidenceTotal ?? 0, f.evidence.length) - 1 : 0;
  const u = f.unconfirmed?.[0];
  if (!local) {
    const out = [
      `- **${f.severity.toUpperCase()}** ${mdText(f.title, 120)}: ${mdText(f.summary)} (${mdText(when(f), 60)}; confidence ${f.confidence}${episodes ? `; ${count(episodes, 'further occurrence')}` : ''})`,
    ];
    if (e) out.push(`  - Evidence: ${mdCode(e.excerpt, 160)} (${mdText(where(e), 160)})${more > 0 ? `, ${count(more, 'more line')}` : ''}`);
    if (u) out.push(`  - Logs only: ${mdCode(u.artifact, 60)} was not collected (${mdText(u.state, 40)}); collect ${mdCode(u.collectNext, 120)}`);
    out.push(...stepLines(f, lang));
    return out;
  }
  // Times stay numeric UTC (the same digits in every language); words come from the catalog.
  const time = span(f.firstTime, f.lastTime) || ui(lang, 'page.no-time');
  const out = [
    `- **${mdText(local.severity.toLocaleUpperCase(), 40)}** ${mdText(local.title, 120)}: ${mdText(local.summary)} (${mdText(time, 60)}; ${mdText(ui(lang, 'report.confidence'), 40)}: ${mdText(local.confidence, 40)}${episodes ? `; ${mdText(ui(lang, 'report.more-occurrences', { count: episodes }), 60)}` : ''})`,
  ];
  if (e) out.push(`  - ${mdText(ui(lang, 'report.evidence'), 40)}: ${mdCode(e.excerpt, 160)} (${mdText(where(e), 160)})${more > 0 ? `, ${mdText(ui(lang, 'report.more-lines', { count: more }), 60)}` : ''}`);
  if (u) out.push(`  - ${mdUi(lang, 'report.unconfirmed', {}, { artifact: u.artifact })}; ${mdUi(lang, 'report.collect-next-command', {}, { command: u.collectNext })}`);
  out.push(...stepLines(f, lang, local));
  return out;
}

/**
 * Every remediation step, one line each: "Check" or "Fix" with the fix's risk in words, the text,
 * its source, and all its commands as code spans (a ticket needs the whole procedure, not its first step).
 */
function stepLines(f: Finding, lang: LangTag, local?: FindingI18n): string[] {
  return (f.remediation ?? []).map((s, i) => {
    const kind = s.kind === 'check' ? 'check' : 'fix';
    const risks = riskWords(lang, s);
    const label = `${capital(ui(lang, `remediation.${kind}`))}${risks.length ? ` (${risks.join(', ')})` : ''}`;
    const text = local?.remediation[i]?.text ?? s.text;
    const source = local?.remediation[i]?.source ?? s.source;
    const mark = s.flavour === 'openeuler' && s.flavourUnconfirmed ? ` (${ui(lang, 'remediation.openeuler-only')})` : '';
    const cmds = (s.commands ?? []).map((c) => ` ${mdCode(c, 200)}`).join('');
    const more = s.commandsMore ? ` ${mdText(ui(lang, 'remediation.more-commands', { count: s.commandsMore }), 60)}` : '';
    return `  - ${mdText(label, 120)}: ${mdText(text + mark, 300)}${source ? ` (${mdText(source, 120)})` : ''}${cmds}${more}`;
  });
}

const STATUS_TEXT: Record<string, string> = {
  'problems-found': 'Problems found',
  'no-problem-found': 'No problem found in what could be checked',
  inconclusive: 'Inconclusive',
};

export function renderMarkdown(input: AnalysisResult): string {
  const lang: LangTag = (input as { lang?: LangTag }).lang ?? 'en';
  // Other languages read the i18n blocks beside the English; English keeps its own wording below.
  const loc: LocalizedResult | undefined = lang === 'en' ? undefined : localizeResult(input, lang);
  const result = input;
  const m = result.model;
  const inv = result.inventory;
  const v = result.verdict;
  const host = m.identity?.hostname || inv.host || bundleName(inv.input ?? '') || 'unknown host';
  // The engine's order (sortFindings): reports never re-sort.
  const findings = result.findings;
  const byId = new Map(findings.map((f) => [f.id, f]));
  const localOf = new Map<string, FindingI18n>(loc ? (loc.findings as (Finding & { i18n: FindingI18n })[]).map((f) => [f.id, f.i18n]) : []);
  const titleOf = (id: string) => localOf.get(id)?.title ?? byId.get(id)!.title;
  const counts = SEVERITIES.map((sev) => [sev, findings.filter((f) => f.severity === sev).length] as const).filter(([, n]) => n > 0);
  const gaps = (loc?.coverage ?? result.coverage ?? []).filter((c) => c.status !== 'evaluated');
  const L = (key: UiKey, data: Record<string, string | number> = {}) => ui(lang, key, data);

  const head: string[] = [`# docker-postmortem: ${mdText(host, 120)}`, ''];
  if (loc) {
    const vi = loc.verdict.i18n;
    head.push(`**${mdText(vi.status, 60)}:** ${mdText(vi.headline, 300)}`, '');
    for (const f of vi.facts.slice(0, 5)) head.push(`- ${mdText(f, 200)}`);
  } else {
    head.push(`**${mdText(STATUS_TEXT[v?.status ?? ''] ?? v?.status ?? 'Verdict', 60)}:** ${mdText(v?.headline ?? '', 300)}`, '');
    for (const f of (v?.facts ?? []).slice(0, 5)) head.push(`- ${mdText(f.text, 200)}`);
  }
  if (v?.facts?.length) head.push('');
  if (loc) {
    const list = counts.map(([sev, n]) => L('report.severity-counts', { count: n, severity: L(`severity.${sev}` as UiKey) })).join(', ');
    head.push(mdText(`${counts.length ? `${L('report.findings')}: ${list}` : L('page.counts-none')}${gaps.length ? `${L('list.separator')}${L('report.checks-not-evaluated', { count: gaps.length })}` : ''}`));
  } else {
    head.push(`Findings: ${counts.length ? counts.map(([sev, n]) => `${n} ${sev}`).join(', ') : 'none'}${gaps.length ? `; ${count(gaps.length, 'check')} not fully evaluated` : ''}`);
  }
  const docker = m.identity?.docker;
  const flavorId = m.identity?.flavor === 'openeuler-docker-engine' || m.identity?.flavor === 'upstream' ? m.identity.flavor : 'unknown';
  const facts = loc
    ? [
        `${mdText(L('report.bundle'), 40)} ${mdCode(bundleName(inv.input ?? ''), 120)}`,
        mdText(L('report.collected-at', { time: inv.collectedAt !== undefined ? formatUtc(new Date(inv.collectedAt).toISOString(), lang) : L('report.unknown') }), 80),
        `${docker?.version ? mdText(L('report.docker-version', { version: docker.version }), 80) : mdText(L('report.docker-version-unknown'), 60)}${docker?.package ? ` (${mdText(docker.package, 80)})` : ''}, ${mdText(L(`report.flavor.${flavorId}` as UiKey), 60)}`,
        m.identity?.kernel ? mdText(L('report.kernel', { kernel: m.identity.kernel }), 100) : '',
      ].filter(Boolean)
    : [
        `Bundle ${mdCode(bundleName(inv.input ?? ''), 120)}`,
        `collected ${inv.collectedAt !== undefined ? utc(inv.collectedAt) : 'unknown'}`,
        `Docker ${docker?.version ? mdText(docker.version, 60) : 'version unknown'}${docker?.package ? ` (${mdText(docker.package, 80)})` : ''}, ${flavorId === 'openeuler-docker-engine' ? 'openEuler docker-engine' : flavorId === 'upstream' ? 'upstream Docker' : 'unknown flavor'}`,
        m.identity?.kernel ? `kernel ${mdText(m.identity.kernel, 80)}` : '',
      ].filter(Boolean);
  // The case id and label the collector was given: what a ticket is filed under.
  const c = m.collection;
  const caseFacts = [
    c?.caseId ? `${mdText(L('report.case-id'), 40)} ${mdCode(c.caseId, 80)}` : '',
    c?.label ? `${mdText(L('report.case-label'), 40)} ${mdCode(c.label, 80)}` : '',
  ].filter(Boolean);
  head.push('', [...caseFacts, ...facts].join(' · '), '');
  // What a team config changed is said on the page, so no finding disappears silently (docs/config.md).
  const applied = result.configApplied ?? [];
  for (const a of applied.slice(0, 5)) {
    if (loc) {
      const what = a.change === 'off' ? mdUi(lang, 'page.config-suppressed', { scope: a.scope }, { rule: a.rule }) : mdUi(lang, 'page.config-severity', { change: a.change, scope: a.scope }, { rule: a.rule });
      head.push(`- ${capital(what)}, ${mdUi(lang, 'page.config-findings', { count: a.findings.length, entry: a.entry })}`);
      continue;
    }
    const what = a.change === 'off' ? 'Suppressed by config' : `Changed by config (${mdText(a.change, 60)})`;
    head.push(`- ${what}: ${mdCode(a.rule, 60)} on ${mdText(a.scope, 120)}, ${count(a.findings.length, 'finding')} (${mdText(a.entry, 120)})`);
  }
  if (applied.length > 5) head.push(loc ? `- ${mdText(L('report.and-more', { count: applied.length - 5 }))}` : `- …and ${applied.length - 5} more config change(s) in the JSON report`);
  if (applied.length) head.push('');

  const roots: string[] = [];
  const chains = (result.causeChains ?? []).filter((c) => c.length > 0 && c.every((id) => byId.has(id)));
  if (chains.length) {
    roots.push(`## ${loc ? mdText(L('report.root-causes'), 60) : 'Root causes'}`, '');
    for (const c of chains.slice(0, 5)) roots.push(`1. ${c.map((id) => `**${mdText(titleOf(id), 100)}**`).join(' → ')} (${mdText(loc ? span(byId.get(c[0]!)!.firstTime, byId.get(c[0]!)!.lastTime) || L('page.no-time') : when(byId.get(c[0]!)!), 60)})`);
    if (chains.length > 5) roots.push(`1. ${loc ? mdText(L('report.more-chains', { count: chains.length - 5 })) : `…and ${count(chains.length - 5, 'more chain')} in the HTML report`}`);
    roots.push('');
  }

  const tail: string[] = [];
  // The one request (analysis/collect-request.ts) replaces the per-check commands; a report.json from before it keeps them.
  const request = collectView(result.collectRequest, lang, findingTitles(loc ?? result));
  if (request) {
    tail.push(`## ${mdText(L('page.collect-title'), 60)}`, '');
    for (const st of request.steps) tail.push(`- ${mdText(st.label, 120)}: ${mdCode(st.command, 300)}`);
    if (request.window) tail.push(`- ${mdText(request.window, 200)}`);
    if (request.needed.length) tail.push(`- ${mdText(request.neededLabel, 40)}: ${request.needed.slice(0, 12).map((n) => `${mdCode(n.artifact, 60)} (${mdText(n.state, 40)})`).join(', ')}${request.needed.length > 12 ? ' …' : ''}${request.unblocks ? `; ${mdText(request.unblocks, 80)}` : ''}`);
    if (request.none) tail.push(`- ${mdText(request.none, 120)}`);
    tail.push('');
  }
  if (v?.missing?.length || gaps.length) tail.push(`## ${loc ? mdText(L('report.not-evaluated'), 60) : 'Not evaluated'}`, '');
  (v?.missing ?? []).slice(0, 3).forEach((x, i) => {
    if (loc) tail.push(`- ${mdText(capital(L('page.missing-label')), 40)}: ${mdText(loc.verdict.i18n.missing[i] ?? x.what, 100)}${request ? '' : `; ${mdUi(lang, 'report.collect-next-command', {}, { command: x.collectNext })}`}`);
    else tail.push(`- Missing ${mdText(x.what, 100)}${request ? '' : `: collect ${mdCode(x.collectNext, 120)}`}`);
  });
  if (gaps.length) {
    const shown = gaps.slice(0, 8);
    for (const g of shown) {
      const next = request ? undefined : g.collectNext?.[0];
      const gi = loc ? (g as LocalizedResult['coverage'][number]).i18n : undefined;
      if (gi) tail.push(`- ${mdCode(g.ruleId, 60)} ${mdText(gi.status, 60)}: ${mdText(gi.reason ?? g.reason, 160)}${next ? `; ${mdUi(lang, 'report.collect-next-command', {}, { command: next })}` : ''}`);
      else tail.push(`- ${mdCode(g.ruleId, 60)} ${g.status === 'not-evaluated' ? 'not evaluated' : 'insufficient evidence'}: ${mdText(g.reason, 160)}${next ? `; collect ${mdCode(next, 100)}` : ''}`);
    }
    if (gaps.length > shown.length) tail.push(`- ${loc ? mdText(L('report.and-more', { count: gaps.length - shown.length })) : `…and ${gaps.length - shown.length} more (see the HTML report)`}`);
  }

  const body: string[] = [];
  if (findings.length) {
    body.push(`## ${loc ? mdText(L('report.findings-count', { count: findings.length }), 60) : `Findings (${findings.length})`}`, '');
    // Keep 2 lines for the "more" note and the blank line before the next section.
    const budget = MAX_MARKDOWN_LINES - head.length - roots.length - tail.length - body.length - 2;
    let used = 0;
    let shown = 0;
    for (const f of findings) {
      const lines = findingLines(f, lang, localOf.get(f.id));
      if (used + lines.length > budget) break;
      body.push(...lines);
      used += lines.length;
      shown++;
    }
    if (shown < findings.length) body.push(`- ${loc ? mdText(L('report.more-findings', { count: findings.length - shown })) : `…and ${count(findings.length - shown, 'more finding')} in the HTML report`}`);
    body.push('');
  } else {
    body.push(loc ? mdText(L('report.no-findings')) : 'No findings.', '');
  }

  const lines = [...head, ...roots, ...body, ...tail];
  while (lines.length && lines[lines.length - 1] === '') lines.pop();
  return `${lines.slice(0, MAX_MARKDOWN_LINES).join('\n')}\n`;
}
