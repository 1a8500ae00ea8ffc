/**
 * The ticket text (`--format ticket`, and the HTML page's "Copy ticket text" button): 12 or 13
 * plain lines to paste into a support ticket — the verdict, the root cause with its time, the fix
 * and its commands, what is still needed and the one command that collects it, the bundle.
 *
 * Every line is `Label: value` with the label in the report's language; a line with nothing to say
 * says so, so the shape is the same for every bundle. No markup: bundle text has its hidden
 * characters made visible and its line breaks flattened (text.ts `visible`). Like every report it
 * only formats what the analysis decided.
 */
import { leadRootCause } from '../analyzer/src/analysis/root-causes.js';
import type { AnalysisResult } from '../analyzer/src/analyze.js';
import { COLLECTOR_SCRIPT } from '../analyzer/src/analysis/collect-request.js';
import type { UiKey } from '../analyzer/src/i18n/catalogs/en.js';
import { localizeResult, type FindingI18n, type LocalizedResult } from '../analyzer/src/i18n/localize.js';
import type { LangTag } from '../analyzer/src/i18n/registry.js';
import { ui } from '../analyzer/src/i18n/translate.js';
import type { Finding } from '../analyzer/src/rules/types.js';
import { SEVERITIES } from '../analyzer/src/rules/types.js';
import { collectView, findingTitles, oneLine } from './collect-text.js';
import { bundleName, cut, span, utc } from './text.js';

/** Longest line kept: a ticket field, not a log dump. */
export const TICKET_LINE_MAX = 400;
/** Remediation commands shown (the report has the rest). */
export const TICKET_COMMANDS = 3;

const line = (label: string, value: string) => cut(`${oneLine(label)}: ${oneLine(value)}`, TICKET_LINE_MAX);

export function ticketLines(input: AnalysisResult): string[] {
  const lang: LangTag = (input as { lang?: LangTag }).lang ?? 'en';
  // English too reads the i18n blocks: one path for every language.
  const loc: LocalizedResult = localizeResult(input, lang);
  const L = (key: UiKey, data: Record<string, string | number> = {}) => ui(lang, key, data);
  const none = L('ticket.none');
  const local = new Map<string, FindingI18n>((loc.findings as (Finding & { i18n: FindingI18n })[]).map((f) => [f.id, f.i18n]));
  const titleOf = findingTitles(loc);
  const m = input.model;
  const inv = input.inventory;
  const v = loc.verdict;
  const out: string[] = [];

  const host = m.identity?.hostname || inv.host || '?';
  out.push(`docker-postmortem: ${oneLine(host)} (${oneLine(bundleName(inv.input ?? m.collection?.source ?? ''))})`);
  out.push(line(L('ticket.verdict'), `${v.i18n.status}: ${v.i18n.headline}`));

  const { finding: lead, chain } = leadRootCause(input);
  if (lead) {
    const when = span(lead.firstTime, lead.lastTime) || L('page.no-time');
    const leads = chain.slice(1).map(titleOf);
    const what = `${titleOf(lead.id)} (${L(`severity.${lead.severity}` as UiKey)}, ${when})${leads.length ? `; ${L('ticket.leads-to')} ${leads.join(', ')}` : ''}`;
    out.push(line(L(chain.length ? 'ticket.root-cause' : 'ticket.most-severe'), what));
  } else {
    out.push(line(L('ticket.root-cause'), none));
  }

  const counts = SEVERITIES.map((s) => [s, input.findings.filter((f) => f.severity === s).length] as const).filter(([, n]) => n > 0);
  const notEvaluated = (v.rules?.notEvaluated ?? 0) + (v.rules?.insufficient ?? 0);
  const countText = counts.length ? counts.map(([s, n]) => L('report.severity-counts', { count: n, severity: L(`severity.${s}` as UiKey) })).join(', ') : none;
  out.push(line(L('ticket.findings'), `${countText}${notEvaluated ? `${L('list.separator')}${L('report.checks-not-evaluated', { count: notEvaluated })}` : ''}`));
  out.push(line(L('ticket.facts'), v.i18n.facts.length ? v.i18n.facts.join(L('list.separator')) : none));

  const steps = lead ? local.get(lead.id)?.remediation ?? [] : [];
  out.push(line(L('ticket.fix'), steps[0]?.text ?? none));
  const commands = steps.flatMap((s) => s.commands ?? []).slice(0, TICKET_COMMANDS);
  out.push(line(L('ticket.commands'), commands.length ? commands.join(' ; ') : none));

  const collect = collectView(input.collectRequest, lang, titleOf);
  const needed = input.collectRequest?.items ?? [];
  out.push(line(L('ticket.still-needed'), needed.length ? `${needed.map((i) => i.artifact).join(', ')}${collect?.unblocks ? ` (${collect.unblocks})` : ''}` : L('ticket.nothing-needed')));
  const [first, also] = collect?.steps ?? [];
  out.push(line(L('ticket.collect-next'), first?.command ?? L('ticket.nothing-to-collect')));
  out.push(line(L('ticket.window'), first ? (collect?.window ?? L('ticket.whole-journal')) : none));
  if (also) out.push(line(L('ticket.also'), `${also.command} (${also.label})`));

  const collected = inv.collectedAt !== undefined ? L('ticket.collected', { time: utc(inv.collectedAt) }) : L('ticket.unknown-time');
  const layout = input.collectRequest ? L(`collect.layout.${input.collectRequest.layout}` as UiKey) : oneLine(inv.layout ?? '');
  const source = inv.collectorVersion ? `${COLLECTOR_SCRIPT} ${inv.collectorVersion}` : inv.sosVersion ? `sos ${inv.sosVersion}` : '';
  out.push(line(L('ticket.bundle'), [layout, source, collected].filter(Boolean).join(', ')));
  out.push(line(L('ticket.analyzed-with'), `${input.tool?.name ?? 'docker-postmortem'} ${input.tool?.version ?? ''} (${input.tool?.rulesVersion ?? '?'})`));
  return out;
}

export function renderTicket(result: AnalysisResult): string {
  return `${ticketLines(result).join('\n')}\n`;
}
