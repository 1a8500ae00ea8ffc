/**
 * The one "collect next" request (AnalysisResult.collectRequest, analysis/collect-request.ts) as
 * plain text in the report's language, for every place that says what to collect: the HTML verdict,
 * report.md, the ticket text and the analyze command's story. Commands, artifact ids and times stay
 * as they are; the labels are translated. Nothing here decides what to collect.
 */
import type { AnalysisResult } from '../analyzer/src/analyze.js';
import type { CollectRequest } from '../analyzer/src/analysis/collect-request.js';
import type { UiKey } from '../analyzer/src/i18n/catalogs/en.js';
import type { LangTag } from '../analyzer/src/i18n/registry.js';
import { has, joinAnd, ui } from '../analyzer/src/i18n/translate.js';
import { span, visible } from './text.js';

export interface CollectView {
  /** The input's layout in words (our bundle, sosreport, loose folder, pasted log). */
  layout: string;
  /** One command, or two for a sosreport that lacks what sos never collects. Empty when nothing is to be collected. */
  steps: { label: string; command: string }[];
  /** "one hour either side of <finding>: <span>", when the request has a window. */
  window?: string;
  /** The artifacts still needed, each with its state, as one sentence (text formats)… */
  stillNeeded: string;
  /** …and as a label and a list (the HTML page marks the ids as code). */
  neededLabel: string;
  needed: { artifact: string; state: string }[];
  /** "lets 4 checks run fully", with the rule ids. */
  unblocks: string;
  unblockedRules: string[];
  /** Said when there is nothing to collect. */
  none?: string;
}

/** One line of text: hidden characters made visible, line breaks and tabs as spaces. */
export const oneLine = (s: string): string => visible(String(s ?? '')).replace(/[\r\n\t]+/g, ' ');

const stateLabel = (lang: LangTag, state: string) => (has(lang, `ui.artifact.state.${state}`) ? ui(lang, `artifact.state.${state}` as UiKey) : state);

/** The request in words; `titleOf` names a finding in the language (its translated title). */
export function collectView(req: CollectRequest | undefined, lang: LangTag, titleOf: (findingId: string) => string): CollectView | undefined {
  if (!req) return undefined;
  const steps: CollectView['steps'] = [];
  if (req.command) steps.push({ label: ui(lang, req.layout === 'sosreport' && req.sosPlugins.length ? 'collect.sos' : 'collect.collector'), command: req.command });
  if (req.collectorCommand) steps.push({ label: ui(lang, 'collect.sos-never'), command: req.collectorCommand });
  const list = req.items.map((i) => ({ artifact: i.artifact, state: stateLabel(lang, i.state) }));
  const needed = list.map((i) => ui(lang, 'artifact.with-state', i));
  return {
    layout: ui(lang, `collect.layout.${req.layout}` as UiKey),
    steps,
    ...(req.window && steps.length ? { window: oneLine(ui(lang, 'collect.window', { finding: titleOf(req.window.finding), span: span(req.window.since, req.window.until) })) } : {}),
    stillNeeded: needed.length ? ui(lang, 'collect.still-needed', { artifacts: joinAnd(lang, needed) }) : '',
    neededLabel: ui(lang, 'ticket.still-needed'),
    needed: list,
    unblocks: req.unblocks.length ? ui(lang, 'collect.unblocks', { count: req.unblocks.length }) : '',
    unblockedRules: [...req.unblocks],
    ...(steps.length ? {} : { none: ui(lang, 'collect.none') }),
  };
}

/** A finding's title in the language: the localized result's, else the English one. */
export function findingTitles(result: AnalysisResult): (id: string) => string {
  const byId = new Map(result.findings.map((f) => [f.id, (f as { i18n?: { title?: string } }).i18n?.title ?? f.title]));
  return (id) => oneLine(byId.get(id) ?? id);
}

/** The request as plain lines: each step's label and command, then the window and what it unblocks. */
export function collectLines(view: CollectView | undefined): string[] {
  if (!view) return [];
  if (!view.steps.length) return [oneLine(view.none ?? '')];
  const out = view.steps.map((s) => `${oneLine(s.label)}: ${oneLine(s.command)}`);
  if (view.window) out.push(`  (${view.window})`);
  if (view.stillNeeded) out.push(`  ${oneLine(view.stillNeeded)}${view.unblocks ? `; ${oneLine(view.unblocks)}` : ''}`);
  return out;
}
