/**
 * `localizeResult(result, lang)`: the same AnalysisResult with the translation beside the English
 * text, never instead of it, so report.json keeps its ids, data and English for tools:
 *
 * - `finding.i18n`: title, summary (the message template filled with the finding's data),
 *   explanation, remediation steps (text and source; commands stay as they are), episodes'
 *   summaries, labels of severity, confidence and category, the guide section;
 * - `verdict.i18n`: status, headline, checked, missing, facts;
 * - `coverage[].i18n`: status, checks, and the reason when the engine wrote it.
 *
 * Evidence, commands, paths, identifiers and data values are never translated. Texts a rule
 * composes at run time are translated by their exact English (runtime-text.ts): `finding.i18n.confidenceReason`
 * and a rule-written `coverage[].i18n.reason` are there when the catalog has the text, absent when
 * not (the renderers then show the English, marked lang="en"). Episodes' summaries are the rule's
 * message templates filled in: the data is read back from the English by the template.
 * Still without a key: a finding's detail addendum (`finding.explanation` after the paragraph)
 * and a boot's unclean-shutdown reason.
 * English in, English out: `lang` en adds the block too, so renderers read one shape.
 */
import type { AnalysisResult } from '../analyze.js';
import type { Verdict, VerdictMessage } from '../analysis/verdict.js';
import type { CoverageVerdict, Finding, RemediationStep } from '../rules/types.js';
import { RULES } from '../rules/index.js';
import { guideSegments, sourceKey } from './catalog.js';
import { formatUtc } from './dates.js';
import type { MessageData } from './format.js';
import { DEFAULT_LANG, type LangTag } from './registry.js';
import { patternOf, runtimeText } from './runtime-text.js';
import { has, joinAnd, t, ui } from './translate.js';
import type { UiKey } from './catalogs/en.js';

export interface LocalizedStep {
  text: string;
  source: string;
  /** Unchanged from the English step: commands are never translated. */
  commands?: string[];
  /** False for a step the rule wrote for this finding only (free text, still English). */
  translated: boolean;
}

export interface FindingI18n {
  lang: LangTag;
  title: string;
  summary: string;
  explanation: string;
  remediation: LocalizedStep[];
  /** Episodes' summaries: the message template in the language, its data read back from the English summary (`translated` false when that fails). */
  episodes: { summary: string; translated: boolean }[];
  /** The confidence reason in the language; absent when the catalog has no translation of the English. */
  confidenceReason?: string;
  severity: string;
  confidence: string;
  category: string;
  guideSection: string;
}

export interface VerdictI18n {
  lang: LangTag;
  status: string;
  headline: string;
  checked: string[];
  missing: string[];
  facts: string[];
}

export interface CoverageI18n {
  lang: LangTag;
  status: string;
  checks: { title: string; status: string }[];
  /** The reason in the language: the engine's own, or a rule's when the catalog translates it; absent otherwise. */
  reason?: string;
}

export type LocalizedResult = AnalysisResult & {
  lang: LangTag;
  findings: (Finding & { i18n: FindingI18n })[];
  verdict: Verdict & { i18n: VerdictI18n };
  coverage: (CoverageVerdict & { i18n: CoverageI18n })[];
};

/** Data keys that hold UTC times: shown as dates in the language. */
const TIME_KEYS = new Set(['time', 'from', 'to', 'restartTime', 'dockerRestart', 'earlierStart', 'first', 'last']);

function localData(lang: LangTag, data: Record<string, string | number | boolean>): MessageData {
  const out: MessageData = {};
  for (const [k, v] of Object.entries(data)) {
    out[k] = TIME_KEYS.has(k) && typeof v === 'string' && /^\d{4}-\d\d-\d\dT[\d:.]+Z$/.test(v) ? formatUtc(v, lang) : v;
  }
  return out;
}

export function localizeGuideSection(lang: LangTag, guideSection: string): string {
  return guideSegments(guideSection)
    .map((path) => path.map((seg) => t(lang, `section.${seg}`)).join(' › '))
    .join(ui(lang, 'list.separator'));
}

export function localizeSource(lang: LangTag, source: string): string {
  const s = sourceKey(source);
  return 'section' in s ? ui(lang, 'source.guide', { section: t(lang, `section.${s.section}`) }) : t(lang, `source.${s.source}`);
}

/**
 * An episode's summary in the language. The engine keeps only the filled-in English, so the data is
 * read back by the message template (`{{name}}` → a capture) and the language's template filled with it.
 */
function episodeSummary(lang: LangTag, f: Finding, e: Finding['episodes'][number], meta: (typeof RULES)[number]['meta'] | undefined): { summary: string; translated: boolean } {
  if (lang === DEFAULT_LANG) return { summary: e.summary, translated: true };
  const english = meta?.messages[e.messageId];
  const key = `rule.${f.ruleId}.message.${e.messageId}`;
  if (english === undefined || !has(lang, key)) return { summary: e.summary, translated: false };
  const { names, source } = patternOf(english);
  const m = new RegExp(`^${source}$`, 's').exec(e.summary);
  if (!m) return { summary: e.summary, translated: false };
  const data: Record<string, string> = {};
  names.forEach((n, i) => (data[n] = m[i + 1]!));
  return { summary: t(lang, key, localData(lang, data)), translated: true };
}

function localizeFinding(lang: LangTag, f: Finding, metaById: Map<string, (typeof RULES)[number]['meta']>): FindingI18n {
  const meta = metaById.get(f.ruleId);
  const key = (k: string) => `rule.${f.ruleId}.${k}`;
  const data = localData(lang, f.data);
  // The engine appends "(+N more occurrences)" to the summary; N is the number of folded reports.
  const more = /\(\+(\d+) more occurrences?\)$/.exec(f.summary);
  const moreText = more ? ` (+${ui(lang, 'report.more-occurrences', { count: Number(more[1]) })})` : '';
  const summary = has(lang, key(`message.${f.messageId}`)) || !meta ? t(lang, key(`message.${f.messageId}`), data) + moreText : f.summary;
  const reason = f.confidenceReason ? runtimeText(lang, f.confidenceReason) : undefined;
  // A step is the rule's own (translated by its index in meta) when its English text is; the engine
  // may have left out openEuler-only steps, so positions in the finding do not say it.
  const remediation = f.remediation.map((step: RemediationStep): LocalizedStep => {
    const at = meta ? meta.remediation.findIndex((m) => m.text === step.text) : -1;
    const own = at >= 0;
    return {
      text: own ? t(lang, key(`remediation.${at}`)) : step.text,
      source: localizeSource(lang, step.source),
      ...(step.commands ? { commands: step.commands } : {}),
      translated: own,
    };
  });
  return {
    lang,
    title: meta ? t(lang, key('title')) : f.title,
    summary,
    explanation: meta ? t(lang, key('explanation')) : f.explanation,
    remediation,
    episodes: f.episodes.map((e) => episodeSummary(lang, f, e, meta)),
    ...(reason !== undefined ? { confidenceReason: reason } : {}),
    severity: ui(lang, `severity.${f.severity}` as UiKey),
    confidence: ui(lang, `confidence.${f.confidence}` as UiKey),
    category: ui(lang, `category.${f.category}` as UiKey),
    guideSection: meta ? localizeGuideSection(lang, meta.guideSection) : '',
  };
}

function verdictText(lang: LangTag, m: VerdictMessage | undefined, english: string): string {
  return m ? ui(lang, `verdict.${m.id}` as UiKey, localData(lang, m.data ?? {})) : english;
}

function localizeVerdict(lang: LangTag, v: Verdict, findings: readonly (Finding & { i18n: FindingI18n })[]): VerdictI18n {
  const checked = v.checked.map((c, i) => verdictText(lang, v.checkedMessages?.[i], c));
  const missing = v.missing.map((m) => (m.id ? ui(lang, `verdict.${m.id}` as UiKey) : m.what));
  let headline = v.headline;
  const h = v.headlineMessage;
  if (h?.id === 'headline.problems-found') {
    const worst = findings.find((f) => f.id === h.data?.finding);
    headline = ui(lang, 'verdict.headline.problems-found', { count: h.data?.count, title: worst?.i18n.title ?? String(h.data?.rule), severity: ui(lang, `severity.${h.data?.severity}` as UiKey) });
  } else if (h?.id === 'headline.inconclusive') {
    headline = ui(lang, 'verdict.headline.inconclusive', { count: h.data?.count, missing: joinAnd(lang, missing) });
  } else if (h?.id === 'headline.no-problem-found') {
    headline = ui(lang, 'verdict.headline.no-problem-found', { checked: checked.join(ui(lang, 'list.separator')) });
  }
  return {
    lang,
    status: ui(lang, `verdict.status.${v.status}` as UiKey),
    headline,
    checked,
    missing,
    facts: v.facts.map((f) => verdictText(lang, f.message, f.text)),
  };
}

const artifactList = (lang: LangTag, list: readonly { artifact: string; state: string }[]) =>
  list.map((a) => ui(lang, 'artifact.with-state', { artifact: a.artifact, state: ui(lang, `artifact.state.${a.state}` as UiKey) })).join(', ');

/** The engine's own reasons (engine.ts), recognised by their exact English; anything else came from a rule (runtime-text.ts). */
function coverageReason(lang: LangTag, c: CoverageVerdict): string | undefined {
  let base = c.reason;
  let tail = '';
  const sup = /; replaced by (\S+) \((\S+) supersedes \S+ for the same time\)$/.exec(base);
  if (sup) {
    base = base.slice(0, sup.index);
    tail = `${ui(lang, 'list.separator')}${ui(lang, 'coverage.reason.superseded', { finding: sup[1], rule: sup[2] })}`;
  }
  const count = /^(\d+) findings?$/.exec(base);
  if (count) return ui(lang, 'coverage.reason.findings', { count: Number(count[1]) }) + tail;
  if (base === 'evaluated; nothing found') return ui(lang, 'coverage.reason.nothing-found') + tail;
  if (c.status === 'not-evaluated' && base === `needs ${c.artifacts.map((a) => `${a.artifact} (${a.state})`).join(', ')}`) {
    return ui(lang, 'coverage.reason.needs', { artifacts: artifactList(lang, c.artifacts) }) + tail;
  }
  // A rule's own reason (ctx.insufficient, ctx.notEvaluated), when the catalog has it.
  const own = base ? runtimeText(lang, base) : undefined;
  return own !== undefined ? own + tail : undefined;
}

function localizeCoverage(lang: LangTag, c: CoverageVerdict): CoverageI18n {
  const reason = coverageReason(lang, c);
  return {
    lang,
    status: ui(lang, `coverage.status.${c.status}` as UiKey),
    checks: c.checks.map((k) => ({ title: ui(lang, `coverage.check.${k.id}` as UiKey), status: ui(lang, `coverage.status.${k.status}` as UiKey) })),
    ...(reason !== undefined ? { reason } : {}),
  };
}

/** A timeline kind in words: a catalog event kind, `lifecycle.<kind>`, `boot.start`, `boot.end`, `audit.burst`. */
export function timelineKind(lang: LangTag, kind: string): string {
  return has(lang, `event.${kind}`) || has('en', `event.${kind}`) ? t(lang, `event.${kind}`) : t(lang, `ui.event.${kind}`);
}

export function localizeResult(result: AnalysisResult, lang: LangTag): LocalizedResult {
  const metaById = new Map(RULES.map((r) => [r.meta.id, r.meta]));
  const findings = result.findings.map((f) => ({ ...f, i18n: localizeFinding(lang, f, metaById) }));
  return {
    ...result,
    lang,
    findings,
    verdict: { ...result.verdict, i18n: localizeVerdict(lang, result.verdict, findings) },
    coverage: result.coverage.map((c) => ({ ...c, i18n: localizeCoverage(lang, c) })),
  };
}
