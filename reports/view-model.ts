/**
 * The display model of a report: everything the HTML template shows, capped and turned into plain
 * strings. It formats and never analyses: findings keep the engine's order (sortFindings), the
 * timeline keeps the model's order (boot position, then time, then line), and every derived fact
 * (counts, "unknown", the data-root, semaphore usage) comes from `model.summary` or `result.verdict`.
 * So a report rendered from report.json alone is the same as one rendered from the analysis.
 * Nothing here produces markup; the templates escape every value. Caps keep a 20,000-line result
 * fast to render and the page light (counts say what was left out).
 */
import { chainFrom, rootCauseIds, timedRootCause } from '../analyzer/src/analysis/root-causes.js';
import type { AnalysisResult } from '../analyzer/src/analyze.js';
import type { CheckCoverage, Finding, FindingEpisode, RemediationStep, Severity } from '../analyzer/src/rules/types.js';
import { SEVERITIES } from '../analyzer/src/rules/types.js';
import type { Evidence } from '../analyzer/src/spine/types.js';
import type { HostModel, Known, TimelineEvent } from '../analyzer/src/model/host-model.js';
import { artifactSpec, isArtifactId, type ArtifactId } from '../analyzer/src/spine/artifacts.js';
import type { Seg } from './text.js';
import { bundleName, bytes, count, cut, span, splitMatch, utc, utcOffset, valueText, visible } from './text.js';
import type { ChartEvent, TimelineChart } from './timeline-svg.js';
import { layoutTimeline } from './timeline-svg.js';
import { localizeResult, type FindingI18n, type LocalizedResult } from '../analyzer/src/i18n/localize.js';
import { has, t, template, ui } from '../analyzer/src/i18n/translate.js';
import { languageOf, type LangTag } from '../analyzer/src/i18n/registry.js';
import type { UiKey } from '../analyzer/src/i18n/catalogs/en.js';
import type { Audience } from './formats.js';
import { riskWords } from './step-words.js';
import { foldChatter, kindWords, timelineControls, type TableRow, type TimelineControlsView } from './timeline-controls.js';
import { collectView, findingTitles, type CollectView } from './collect-text.js';
import { byCodeUnits } from '../analyzer/src/text-order.js';

/**
 * The page's language when it is not English: the localized result (`i18n` beside the English,
 * analyzer/src/i18n/localize.ts) and lookups. English pages pass `undefined` and keep the English
 * strings below exactly as they were; free text a rule composed at run time stays English and is
 * marked `lang="en"` by the templates (`foreign`).
 */
interface Tr {
  lang: LangTag;
  loc: LocalizedResult;
  finding: Map<string, FindingI18n>;
}

function trOf(result: AnalysisResult): Tr | undefined {
  const lang = (result as { lang?: LangTag }).lang ?? 'en';
  if (lang === 'en') return undefined;
  const loc = localizeResult(result, lang);
  return { lang, loc, finding: new Map((loc.findings as unknown as { id: string; i18n: FindingI18n }[]).map((f) => [f.id, f.i18n])) };
}

const UI_KEYS = Object.keys(languageOf('en').ui) as UiKey[];
const capital = (s: string) => s.charAt(0).toLocaleUpperCase() + s.slice(1);

/** Every UI string without placeholders, for the templates as `@root.L.<key with . and - as _>`. */
function pageLabels(lang: LangTag): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k of UI_KEYS) out[k.replace(/[.-]/g, '_')] = ui(lang, k);
  return out;
}

export interface ViewLimits {
  /** Evidence lines shown per finding (the rest is counted). */
  evidencePerFinding: number;
  /** Evidence lines shown in the whole page; past it each finding shows only its first line. */
  evidenceTotal: number;
  /** Findings shown in full; later ones (least severe) show title, summary and links only. */
  findingsFull: number;
  /** Findings listed at all (the rest are only counted: report.json has them). */
  findingsListed: number;
  timelineMarks: number;
  timelineRows: number;
  mounts: number;
  readerProblems: number;
  parseProblemsPerArtifact: number;
  pathsPerArtifact: number;
  packages: number;
  episodesPerFinding: number;
}

export const DEFAULT_VIEW_LIMITS: ViewLimits = {
  evidencePerFinding: 20,
  evidenceTotal: 2000,
  findingsFull: 300,
  findingsListed: 5000,
  timelineMarks: 2000,
  timelineRows: 500,
  mounts: 100,
  readerProblems: 200,
  parseProblemsPerArtifact: 5,
  pathsPerArtifact: 5,
  packages: 60,
  episodesPerFinding: 20,
};

export interface EvidenceView {
  artifact: string;
  path: string;
  line: number;
  hasLine: boolean;
  time: string;
  segs: Seg[];
}

export interface LinkView {
  anchor: string;
  label: string;
  severity: string;
}

export interface CommandView {
  id: string;
  text: string;
}

export interface StepView {
  text: string;
  /** False when the text stays English on a translated page. */
  translated: boolean;
  source: string;
  commands: CommandView[];
  kind: 'check' | 'fix';
  /** "check" or "fix" in the page's language. */
  kindLabel: string;
  /** A fix's cost in words: restart, data loss, undo (empty for a check). */
  risks: string[];
  /** The "openEuler docker-engine only" mark, when the host's flavour is unknown. */
  flavourMark?: string;
  /** "…and N more commands", when the filled commands were capped. */
  more?: string;
}

export interface EpisodeView {
  severity: Severity;
  summary: string;
  /** The summary stayed English on a translated page (its data could not be read back): marked lang="en". */
  summaryEn: boolean;
  when: string;
  evidence?: EvidenceView;
}

export interface UnconfirmedView {
  artifact: string;
  title: string;
  state: string;
  stateLabel: string;
  collectNext: string;
}

export interface FindingView {
  id: string;
  anchor: string;
  severity: Severity;
  severityLabel: string;
  confidence: string;
  confidenceLabel: string;
  categoryLabel: string;
  confidenceReason: string;
  /** The reason stayed English on a translated page (no catalog text for it): marked lang="en". */
  confidenceReasonEn: boolean;
  category: string;
  title: string;
  summary: string;
  /** Paragraphs; `en` marks the rule's run-time detail that stays English on a translated page. */
  explanation: { text: string; en: boolean }[];
  remediation: StepView[];
  evidence: EvidenceView[];
  evidenceShown: number;
  evidenceTotal: number;
  evidenceMore: number;
  evidenceCount: string;
  evidenceMoreText: string;
  episodesCount: string;
  causedBy: LinkView[];
  causes: LinkView[];
  /** When it happened: `first – last` (UTC), or "no time" for a config or state finding. */
  when: string;
  timed: boolean;
  /** Further occurrences folded into this finding (one card per rule and subject). */
  episodes: EpisodeView[];
  episodesMore: number;
  /** Log-only finding: the snapshots that would have confirmed it, with the command for each. */
  unconfirmed: UnconfirmedView[];
  hidden: boolean;
  open: boolean;
  isRoot: boolean;
  /** Past `findingsFull`: no explanation, remediation or evidence in the page (report.json has them). */
  compact: boolean;
}

export interface ChainView {
  steps: LinkView[];
  /** The root cause's summary and time, so the verdict reads on its own. */
  summary: string;
  when: string;
}

export interface CountView {
  severity: Severity;
  label: string;
  count: number;
}

export interface VerdictView {
  host: string;
  bundle: string;
  layout: string;
  format: string;
  collectedAt: string;
  hostOffset: string;
  collector: string;
  asRoot: string;
  flavor: string;
  flavorReason: string;
  versions: { label: string; value: string }[];
  /** problems-found | no-problem-found | inconclusive (the analysis decides: result.verdict). */
  status: string;
  statusLabel: string;
  headline: string;
  /** Facts that matter without a finding: unclean shutdowns, dockerd not running, an empty journal. */
  facts: { kind: string; text: string; where: string }[];
  checked: string[];
  missing: { what: string; collectNext: string }[];
  /** The one "collect next" request (result.collectRequest); absent for a report.json written before it. */
  collect?: CollectView;
  counts: CountView[];
  countsText: string;
  total: number;
  worst: string;
  chains: ChainView[];
  /** When no cause chains exist: the most severe findings, so the verdict still leads somewhere. */
  top: LinkView[];
  notEvaluated: number;
  notEvaluatedText: string;
}

export interface TimelineRowView {
  index: number;
  rowId: string;
  time: string;
  /** UTC ms, for the page's focus and filters (data-time). */
  timeMs: number;
  lane: string;
  laneLabel: string;
  kind: string;
  /** The kind in words in the page's language (the event catalog's title, translated). */
  kindText: string;
  /** True when `label` is the model's English label on a translated page (marked lang="en"). */
  labelEn: boolean;
  bad: boolean;
  /** The root cause's own row (the focus centres on it). */
  root: boolean;
  label: string;
  evidence?: EvidenceView;
  findingAnchor?: string;
}

export interface TimelineView {
  chart: TimelineChart & { aria: string };
  rows: TimelineRowView[];
  total: number;
  undated: number;
  marksShown: number;
  marksOmitted: number;
  rowsShown: number;
  rowsOmitted: number;
  /** The table: `rows` with runs of chatter folded into one "N ×" row each (timeline-controls.ts). */
  table: TableRow<TimelineRowView>[];
  /** Focus, lane and kind filters, the count line and the CSV export (partials/timeline-controls.hbs). */
  controls: TimelineControlsView & { csvFile: string };
  /** Sentences around the chart in the page's language. */
  text: { empty: string; caption: string; rowsOmitted: string };
}

export interface KeyValue {
  label: string;
  value: string;
}

export interface ConfigRowView {
  key: string;
  value: string;
  source: string;
  where: string;
  overridden: string[];
}

export interface FactsView {
  config: ConfigRowView[];
  conflicts: { key: string; values: string[] }[];
  daemonJson: { present: boolean; error: string; unknownKeys: string[]; wrongTypes: string[] };
  env: ConfigRowView[];
  storage: KeyValue[];
  driverStatus: KeyValue[];
  thinPools: KeyValue[];
  counts: KeyValue[];
  semaphores: { text: string; atLimit: boolean; known: boolean };
  mounts: { mountPoint: string; fsType: string; source: string; options: string }[];
  mountsTotal: number;
  mountsOmitted: number;
  mountsOmittedText: string;
  mountsUnder: string;
  packages: { name: string; version: string; arch: string; manager: string }[];
  packagesOmitted: number;
  packagesOmittedText: string;
  boots: { index: number; bootId: string; first: string; last: string; verdict: string; reason: string }[];
}

export interface CheckView {
  title: string;
  status: string;
  statusLabel: string;
  missing: string;
  collectNext: string[];
}

export interface CoverageRowView {
  ruleId: string;
  status: string;
  statusLabel: string;
  reason: string;
  /** A rule-written reason that stays English on a translated page. */
  reasonEn: boolean;
  artifacts: string;
  collectNext: string[];
  /** Per check (the rule's logs and its snapshot). */
  checks: CheckView[];
  /** Replaced by another rule's finding for the same time (meta.supersedes). */
  supersededBy?: LinkView;
  passed: boolean;
  findings: LinkView[];
  findingsMore: number;
  findingsMoreText: string;
}

export interface HealthView {
  artifacts: { artifact: string; title: string; state: string; stateLabel: string; detail: string; paths: string }[];
  parseProblems: { artifact: string; count: number; countText: string; shown: { line: number; lineText: string; reason: string; excerpt: string }[] }[];
  /** "(24, 23 passed)" in the page's language. */
  evaluatedText: string;
  gaps: CoverageRowView[];
  checks: CoverageRowView[];
  superseded: CoverageRowView[];
  passedCount: number;
  evaluatedCount: number;
  truncatedJournal: boolean;
}

export interface InventoryView {
  summary: KeyValue[];
  artifacts: { artifact: string; state: string; stateLabel: string; paths: string[]; pathsMore: number; pathsMoreText: string; size: string; bytes: number }[];
  problems: { kind: string; path: string; message: string }[];
  problemsTotal: number;
  problemsOmitted: number;
  problemsOmittedText: string;
}

export interface FilterView {
  severities: { severity: Severity; label: string; count: number; checked: boolean }[];
  categories: { category: string; label: string; count: number }[];
}

export interface ReportView {
  /** The page's language (`<html lang>`), and true when it is not English (English free text is marked). */
  lang: LangTag;
  foreign: boolean;
  /** UI strings in the page's language (pageLabels). */
  L: Record<string, string>;
  /** The collector's `--case-id` / `--label` (the model's collection facts), shown in the top bar; absent when neither was given. */
  caseInfo?: CaseInfoView;
  /** What a team config changed (result.configApplied), shown beside the verdict. */
  config: { lines: { kind: string; text: string; detail: string }[]; file: string };
  footer: string;
  filterCount: string;
  /** The catalog's template of `filterCount`, for report.js to count again in the page's language. */
  filterCountTemplate: string;
  findingsCompactText: string;
  findingsOmittedText: string;
  timelineCount: string;
  title: string;
  tool: string;
  verdict: VerdictView;
  filters: FilterView;
  findings: FindingView[];
  findingsShownByDefault: number;
  findingsCompact: number;
  findingsOmitted: number;
  timeline: TimelineView;
  facts: FactsView;
  health: HealthView;
  inventory: InventoryView;
  /**
   * The collapsed technical section (`--audience engineer`): coverage per rule, reader and parser
   * problems, the inventory, and each finding's internal ids. Absent for `--audience customer`.
   */
  technical?: TechnicalView;
  /** Data for the page script (embedded as application/json, escaped by html.ts). */
  data: PageData;
  /** The ticket text (reports/ticket.ts) the "Copy ticket text" button copies; html.ts embeds it as data. */
  ticket?: string;
}

export interface CaseInfoView {
  caseId?: string;
  label?: string;
}

/** Case id and label as the manifest gave them (the reader keeps only `[A-Za-z0-9._-]{1,64}`). */
export function caseInfoOf(result: AnalysisResult): CaseInfoView | undefined {
  const c = result.model?.collection;
  if (!c?.caseId && !c?.label) return undefined;
  return { ...(c.caseId ? { caseId: visible(c.caseId) } : {}), ...(c.label ? { label: visible(c.label) } : {}) };
}

export interface PageData {
  findings: { id: string; anchor: string; severity: string; category: string; title: string }[];
  /** Words report.js shows, in the page's language. */
  labels: { copy: string; copied: string };
  timeline: {
    total: number;
    marks: number;
    rows: number;
  };
}

const SEV_LABEL: Record<Severity, string> = { critical: 'Critical', error: 'Error', warning: 'Warning', info: 'Info' };

/** `finding-<rule id>-<n>` from characters that are safe in ids and URLs; unique per report. */
export function anchorsFor(findings: readonly Finding[]): Map<string, string> {
  const out = new Map<string, string>();
  const used = new Set<string>();
  findings.forEach((f, i) => {
    let a = `finding-${f.id.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 80) || String(i + 1)}`;
    if (used.has(a)) a = `${a}-${i + 1}`;
    used.add(a);
    out.set(f.id, a);
  });
  return out;
}

function evidenceView(e: Evidence): EvidenceView {
  return {
    artifact: visible(String(e.artifact ?? '')),
    path: visible(String(e.path ?? '')),
    line: typeof e.line === 'number' ? e.line : 0,
    hasLine: typeof e.line === 'number' && e.line > 0,
    time: e.time ? utc(e.time) : '',
    // Excerpts are cut to 500 characters upstream; a hand-made result may not be.
    segs: splitMatch(cut(String(e.excerpt ?? ''), 2000), e.match),
  };
}

function where(e: Evidence | undefined): string {
  if (!e) return '';
  return visible(e.line > 0 ? `${e.path}:${e.line}` : e.path);
}

function stepView(s: RemediationStep, fi: number, si: number, lang: LangTag, local?: FindingI18n['remediation'][number]): StepView {
  // A report.json from an older version has steps without a kind: show them as fixes of unknown risk.
  const kind = s.kind === 'check' ? 'check' : 'fix';
  return {
    text: visible(local ? local.text : s.text),
    translated: local ? local.translated : true,
    source: visible(local ? local.source : (s.source ?? '')),
    commands: (s.commands ?? []).map((c, ci) => ({ id: `cmd-${fi}-${si}-${ci}`, text: visible(c) })),
    kind,
    kindLabel: ui(lang, `remediation.${kind}`),
    risks: riskWords(lang, s),
    ...(s.flavour === 'openeuler' && s.flavourUnconfirmed ? { flavourMark: ui(lang, 'remediation.openeuler-only') } : {}),
    ...(s.commandsMore ? { more: ui(lang, 'remediation.more-commands', { count: s.commandsMore }) } : {}),
  };
}

function artifactTitle(id: string): string {
  return isArtifactId(id) ? artifactSpec(id).title : '';
}

/** A timeline lane in the page's language: findings, boots, a category; other lanes (dockerd, containerd) are names. */
function laneLabel(lane: string, tr?: Tr): string {
  if (!tr) return lane;
  if (lane === 'finding') return ui(tr.lang, 'page.lane.finding');
  if (lane === 'boot') return ui(tr.lang, 'event.lifecycle.boot');
  return has(tr.lang, `ui.category.${lane}`) ? ui(tr.lang, `category.${lane}` as UiKey) : lane;
}

/** A finding's or episode's time span, with its boot when known: "no time" for config and state findings. */
function when(x: { firstTime?: string; lastTime?: string; bootIndex?: number }, tr?: Tr): string {
  const s = span(x.firstTime, x.lastTime);
  if (tr) return s ? (x.bootIndex !== undefined ? ui(tr.lang, 'page.when-boot', { span: s, boot: x.bootIndex }) : s) : ui(tr.lang, 'page.no-time');
  return s ? `${s}${x.bootIndex !== undefined ? ` (boot ${x.bootIndex})` : ''}` : 'no time';
}

function episodeView(e: FindingEpisode, tr?: Tr, local?: FindingI18n['episodes'][number]): EpisodeView {
  const first = e.evidence?.[0];
  const translated = !!local?.translated;
  return { severity: e.severity, summary: visible(translated ? local!.summary : e.summary), summaryEn: !!tr && !translated, when: when(e, tr), ...(first ? { evidence: evidenceView(first) } : {}) };
}

/** A finding's explanation: the translated paragraph, then the rule's English run-time detail (engine.ts appends it). */
function explanationOf(f: Finding, local: FindingI18n | undefined): { main: string; en: string } {
  if (!local) return { main: f.explanation ?? '', en: '' };
  const english = t('en', `rule.${f.ruleId}.explanation`);
  const rest = (f.explanation ?? '').startsWith(english) ? (f.explanation ?? '').slice(english.length) : local.explanation === f.explanation ? '' : (f.explanation ?? '');
  return { main: local.explanation, en: rest };
}

const paragraphs = (text: string) => text.split(/\n\s*\n/).map((p) => visible(p.trim())).filter(Boolean);

function findingViews(result: AnalysisResult, anchors: Map<string, string>, limits: ViewLimits, tr?: Tr): FindingView[] {
  const byId = new Map(result.findings.map((f) => [f.id, f]));
  // Marked "root cause" when it starts a chain, as the story and the ticket word it; a lone headline finding is not.
  const roots = new Set(rootCauseIds(result).filter((id) => chainFrom(result, id).length > 0));
  const link = (id: string): LinkView | undefined => {
    const f = byId.get(id);
    const anchor = anchors.get(id);
    return f && anchor ? { anchor, label: visible(tr?.finding.get(id)?.title ?? f.title), severity: f.severity } : undefined;
  };
  let budget = limits.evidenceTotal;
  // The engine's order (severity, then time, then id): the one sort of findings is sortFindings.
  return result.findings.slice(0, limits.findingsListed).map((f, fi) => {
    const compact = fi >= limits.findingsFull;
    const ev = compact ? [] : (f.evidence ?? []);
    const want = Math.min(ev.length, limits.evidencePerFinding);
    const n = budget >= want ? want : Math.min(ev.length, Math.max(1, budget));
    budget = Math.max(0, budget - n);
    const total = Math.max(f.evidenceTotal ?? 0, (f.evidence ?? []).length);
    const episodes = compact ? [] : (f.episodes ?? []);
    const local = tr?.finding.get(f.id);
    const expl = explanationOf(f, local);
    const shownEpisodes = Math.min(episodes.length, limits.episodesPerFinding);
    const episodesMore = Math.max(0, episodes.length - limits.episodesPerFinding);
    return {
      id: visible(f.id),
      anchor: anchors.get(f.id)!,
      severity: f.severity,
      severityLabel: local ? capital(local.severity) : (SEV_LABEL[f.severity] ?? f.severity),
      confidence: f.confidence,
      confidenceLabel: local ? local.confidence : f.confidence,
      confidenceReason: visible(local?.confidenceReason ?? f.confidenceReason ?? ''),
      confidenceReasonEn: !!tr && local?.confidenceReason === undefined,
      category: f.category,
      categoryLabel: local ? local.category : f.category,
      title: visible(local ? local.title : f.title),
      summary: visible(local ? local.summary : f.summary),
      explanation: compact ? [] : [...paragraphs(expl.main).map((text) => ({ text, en: false })), ...paragraphs(expl.en).map((text) => ({ text, en: true }))],
      remediation: compact ? [] : (f.remediation ?? []).map((s, si) => stepView(s, fi, si, tr?.lang ?? 'en', local?.remediation[si])),
      evidence: ev.slice(0, n).map(evidenceView),
      evidenceShown: n,
      evidenceTotal: total,
      evidenceMore: total - n,
      evidenceCount: tr ? ui(tr.lang, 'page.evidence-count', { shown: n, total }) : `(${n} of ${total})`,
      evidenceMoreText: ui(tr?.lang ?? 'en', 'page.evidence-more', { more: total - n, total }),
      episodesCount: tr
        ? episodesMore ? ui(tr.lang, 'page.episodes-count', { shown: shownEpisodes, more: episodesMore }) : `(${shownEpisodes})`
        : `(${shownEpisodes}${episodesMore ? ` shown, ${episodesMore} more` : ''})`,
      causedBy: (f.causedBy ?? []).map(link).filter((l): l is LinkView => !!l),
      causes: (f.causes ?? []).map(link).filter((l): l is LinkView => !!l),
      when: when(f, tr),
      timed: !!f.firstTime,
      episodes: episodes.slice(0, limits.episodesPerFinding).map((e, ei) => episodeView(e, tr, local?.episodes[ei])),
      episodesMore,
      unconfirmed: (f.unconfirmed ?? []).map((u) => ({
        artifact: visible(u.artifact),
        title: artifactTitle(u.artifact),
        state: visible(u.state),
        stateLabel: tr && has(tr.lang, `ui.artifact.state.${u.state}`) ? ui(tr.lang, `artifact.state.${u.state}` as UiKey) : visible(u.state),
        collectNext: visible(u.collectNext),
      })),
      hidden: f.severity === 'info',
      open: f.severity !== 'info',
      isRoot: roots.has(f.id),
      compact,
    };
  });
}

function flavorLabel(m: HostModel): string {
  switch (m.identity?.flavor) {
    case 'openeuler-docker-engine':
      return 'openEuler docker-engine';
    case 'upstream':
      return 'upstream Docker (moby)';
    default:
      return 'unknown Docker flavor';
  }
}

const STATUS_TEXT: Record<string, string> = {
  'problems-found': 'Problems found',
  'no-problem-found': 'No problem found in what could be checked',
  inconclusive: 'Inconclusive',
};

function verdictView(result: AnalysisResult, anchors: Map<string, string>, tr?: Tr): VerdictView {
  const m = result.model;
  const inv = result.inventory;
  const v = result.verdict;
  const lv = tr?.loc.verdict.i18n;
  const id = m.identity ?? { flavor: 'unknown', flavorReason: '' };
  const byId = new Map(result.findings.map((f) => [f.id, f]));
  const counts = SEVERITIES.map((s) => ({ severity: s, label: SEV_LABEL[s], count: result.findings.filter((f) => f.severity === s).length }));
  const worst = counts.find((c) => c.count > 0)?.severity ?? 'none';
  const ver = (name: string, x?: { version?: string; package?: string }) =>
    x && (x.version || x.package) ? { label: name, value: visible([x.version, x.package ? `(${x.package})` : ''].filter(Boolean).join(' ')) } : undefined;
  const versions = [
    ver('Docker', id.docker),
    ver('containerd', id.containerd),
    ver('runc', id.runc),
    id.kernel ? { label: ui(tr?.lang ?? 'en', 'page.version.kernel'), value: visible(id.kernel) } : undefined,
    id.os && (id.os.prettyName || id.os.id) ? { label: ui(tr?.lang ?? 'en', 'page.version.os'), value: visible(id.os.prettyName ?? `${id.os.id ?? ''} ${id.os.versionId ?? ''}`.trim()) } : undefined,
    id.systemd?.version ? { label: 'systemd', value: String(id.systemd.version) } : undefined,
  ].filter((x): x is { label: string; value: string } => !!x);
  const link = (fid: string): LinkView => {
    const f = byId.get(fid);
    return { anchor: anchors.get(fid) ?? '', label: visible(f ? (tr?.finding.get(fid)?.title ?? f.title) : fid), severity: f?.severity ?? 'info' };
  };
  const chains = (result.causeChains ?? [])
    .filter((c) => c.length > 0 && c.every((fid) => anchors.has(fid)))
    .map((c) => {
      const root = byId.get(c[0]!);
      return { steps: c.map(link), summary: visible((root && tr?.finding.get(root.id)?.summary) ?? root?.summary ?? ''), when: root ? when(root, tr) : '' };
    });
  const top = chains.length
    ? []
    : result.findings
        .filter((f) => f.severity !== 'info')
        .slice(0, 5)
        .map((f) => link(f.id));
  const notEvaluated = (v?.rules?.notEvaluated ?? 0) + (v?.rules?.insufficient ?? 0);
  const nonZero = counts.filter((c) => c.count > 0);
  return {
    host: visible(m.identity?.hostname || inv.host || '(unknown host)'),
    bundle: visible(bundleName(inv.input ?? m.collection?.source ?? '')),
    layout: visible(inv.layout ?? ''),
    format: visible(inv.format ?? ''),
    collectedAt: utc(inv.collectedAt ?? m.collection?.collectedAt) || 'unknown',
    hostOffset: utcOffset(inv.hostUtcOffsetMinutes ?? m.collection?.hostUtcOffsetMinutes),
    collector: visible(inv.collectorVersion ?? m.collection?.collectorVersion ?? (inv.sosVersion ? `sos ${inv.sosVersion}` : '')),
    asRoot: ui(tr?.lang ?? 'en', inv.asRoot === undefined ? 'report.unknown' : inv.asRoot ? 'page.yes' : 'page.no'),
    flavor: tr ? ui(tr.lang, `report.flavor.${m.identity?.flavor === 'openeuler-docker-engine' || m.identity?.flavor === 'upstream' ? m.identity.flavor : 'unknown'}` as UiKey) : flavorLabel(m),
    flavorReason: visible(id.flavorReason ?? ''),
    versions,
    status: v?.status ?? 'inconclusive',
    statusLabel: lv ? lv.status : (STATUS_TEXT[v?.status ?? ''] ?? visible(v?.status ?? '')),
    headline: visible(lv ? lv.headline : (v?.headline ?? '')),
    facts: (v?.facts ?? []).map((f, i) => ({ kind: f.kind, text: visible(lv?.facts[i] ?? f.text), where: where(f.evidence) })),
    checked: (lv ? lv.checked : (v?.checked ?? [])).map(visible),
    missing: (v?.missing ?? []).map((x, i) => ({ what: visible(lv?.missing[i] ?? x.what), collectNext: visible(x.collectNext) })),
    ...(result.collectRequest ? { collect: collectView(result.collectRequest, tr?.lang ?? 'en', findingTitles(tr?.loc ?? result)) } : {}),
    counts: tr ? counts.map((c) => ({ ...c, label: capital(ui(tr.lang, `severity.${c.severity}` as UiKey)) })) : counts,
    countsText: tr
      ? nonZero.length ? nonZero.map((c) => ui(tr.lang, 'report.severity-counts', { count: c.count, severity: ui(tr.lang, `severity.${c.severity}` as UiKey) })).join(', ') : ui(tr.lang, 'report.no-findings')
      : nonZero.length ? nonZero.map((c) => count(c.count, `${c.label.toLowerCase()} finding`)).join(', ') : 'no findings',
    total: result.findings.length,
    worst,
    chains,
    top,
    notEvaluated,
    notEvaluatedText: !notEvaluated ? '' : tr ? ui(tr.lang, 'report.checks-not-evaluated', { count: notEvaluated }) : `${count(notEvaluated, 'check')} could not be evaluated fully`,
  };
}

// --- timeline -------------------------------------------------------------------------------

/** Timeline kinds drawn as failures (larger, red marks). Presentation only: the model says what happened. */
const BAD_KINDS = new Set(['lifecycle.crash', 'lifecycle.killed', 'lifecycle.start-failed', 'lifecycle.start-limit', 'lifecycle.timeout']);

interface RawEvent {
  time: number;
  lane: string;
  kind: string;
  bad: boolean;
  label: string;
  evidence?: Evidence;
  finding?: Finding;
  /** Lower is kept first when the page must leave events out. */
  priority: number;
}

const priorityOf = (kind: string) => (kind.startsWith('boot.') ? 0 : kind.startsWith('lifecycle.') ? 1 : 2);

/**
 * The model's timeline in the model's order (boot position, then time, then line: timeline.ts), with
 * each timed finding placed where its first evidence line is, or else before the first event of a
 * later boot or a later time in its own boot. Nothing is re-sorted.
 */
export function timelineEvents(result: AnalysisResult): { events: RawEvent[]; undated: number } {
  const m = result.model;
  const verdictOfBoot = new Map((m.boots ?? []).map((b) => [b.index, b.verdict]));
  const out: RawEvent[] = (m.timeline ?? []).map((t: TimelineEvent) => ({
    time: t.time,
    lane: t.category,
    kind: t.kind,
    bad: BAD_KINDS.has(t.kind) || (t.kind === 'boot.end' && t.bootIndex !== undefined && verdictOfBoot.get(t.bootIndex) === 'unclean'),
    label: t.label,
    evidence: t.evidence,
    priority: priorityOf(t.kind),
  }));
  const boots = (m.timeline ?? []).map((t) => t.bootIndex);
  const placed: { at: number; ev: RawEvent }[] = [];
  for (const f of result.findings) {
    const time = f.firstTime ? Date.parse(f.firstTime) : NaN;
    if (!Number.isFinite(time)) continue;
    const first = (f.evidence ?? []).find((e) => e.time !== undefined && Date.parse(String(e.time)) === time) ?? f.evidence?.[0];
    let at = first ? out.findIndex((e) => e.evidence?.path === first.path && e.evidence?.line === first.line && e.time === time) : -1;
    if (at < 0) {
      at = out.findIndex((e, i) => {
        const b = boots[i];
        if (f.bootIndex !== undefined && b !== undefined && b !== f.bootIndex) return b > f.bootIndex;
        return e.time > time;
      });
      if (at < 0) at = out.length;
    }
    placed.push({
      at,
      ev: { time, lane: 'finding', kind: f.severity, bad: f.severity === 'critical' || f.severity === 'error', label: `${f.title}: ${f.summary}`, evidence: first, finding: f, priority: 0 },
    });
  }
  // Insert from the back so earlier positions stay valid; findings at one position keep the engine's order.
  for (let i = placed.length - 1; i >= 0; i--) out.splice(placed[i]!.at, 0, placed[i]!.ev);
  return { events: out, undated: m.summary?.undatedLifecycleEvents ?? 0 };
}

function keepFirstByPriority(events: RawEvent[], max: number): RawEvent[] {
  if (events.length <= max) return events;
  const idx = events.map((_e, i) => i).sort((a, b) => events[a]!.priority - events[b]!.priority || a - b);
  const keep = new Set(idx.slice(0, max));
  return events.filter((_e, i) => keep.has(i));
}

function timelineView(result: AnalysisResult, anchors: Map<string, string>, limits: ViewLimits, tr?: Tr): TimelineView {
  const { events, undated } = timelineEvents(result);
  const lang = tr?.lang ?? 'en';
  const rootId = timedRootCause(result)?.id;
  const marked = keepFirstByPriority(events, limits.timelineMarks);
  const rowsKept = new Set(keepFirstByPriority(marked, limits.timelineRows));
  const rows: TimelineRowView[] = [];
  const chartEvents: ChartEvent[] = marked.map((e, i) => {
    const rowId = `tl-${i + 1}`;
    const local = tr && (e.finding ? tr.finding.get(e.finding.id) : undefined);
    // The kind is named in the page's language in its own column; a translated page keeps the model's
    // English label (marked lang="en") and translates a finding's title and summary.
    const kindText = kindWords(lang, e.kind);
    const label = visible(cut(local ? `${local.title}: ${local.summary}` : e.label, 300));
    if (rowsKept.has(e)) {
      rows.push({
        index: i + 1,
        rowId,
        time: utc(e.time),
        timeMs: e.time,
        lane: e.lane,
        laneLabel: laneLabel(e.lane, tr),
        kind: e.kind,
        kindText,
        bad: e.bad,
        root: !!e.finding && e.finding.id === rootId,
        label,
        labelEn: !!tr && !local,
        evidence: e.evidence ? evidenceView(e.evidence) : undefined,
        findingAnchor: e.finding ? anchors.get(e.finding.id) : undefined,
      });
    }
    return {
      index: i + 1,
      time: e.time,
      lane: e.lane,
      kind: e.kind,
      bad: e.bad,
      severity: e.finding?.severity,
      rowId: rowsKept.has(e) ? rowId : '',
      title: `${utc(e.time)} ${tr && !local ? kindText : label}`,
      iso: new Date(e.time).toISOString(),
    };
  });
  const laid = layoutTimeline(chartEvents);
  const named = tr ? { ...laid, lanes: laid.lanes.map((l) => ({ ...l, name: laneLabel(l.name, tr) })) } : laid;
  const chart = { ...named, aria: ui(lang, 'page.timeline-aria', { count: laid.marks.length }) };
  const marksOmitted = events.length - marked.length;
  return {
    chart,
    rows,
    total: events.length,
    undated,
    marksShown: marked.length,
    marksOmitted,
    rowsShown: rows.length,
    rowsOmitted: events.length - rows.length,
    table: foldChatter(rows, lang),
    controls: { ...timelineControls(result, rows, lang), csvFile: csvFileName(result.model.identity?.hostname || result.inventory.host || '') },
    text: {
      empty: `${ui(lang, 'page.timeline-empty')}${undated ? ` ${ui(lang, 'page.undated-left-out', { count: undated })}` : ''}.`,
      caption: `${ui(lang, 'page.chart-caption', { start: chart.start, end: chart.end })} ${marksOmitted ? ui(lang, 'page.marks-omitted', { count: marksOmitted }) : ''}${undated ? ` ${ui(lang, 'page.undated-sentence', { count: undated })}` : ''}`,
      rowsOmitted: ui(lang, 'page.rows-omitted', { count: events.length - rows.length, total: events.length }),
    },
  };
}

// --- host facts -----------------------------------------------------------------------------

const known = (v: Known<number> | undefined, what = ''): string => (v === undefined || v === 'unknown' ? `unknown${what ? ` (${what})` : ''}` : String(v));

function semaphoreText(s: HostModel['summary']['semaphores'], lang: LangTag = 'en'): FactsView['semaphores'] {
  if (s.arrays === 'unknown' && s.limit === 'unknown') return { text: '', atLimit: false, known: false };
  if (lang !== 'en') return { text: semaphoreTextIn(s, lang), atLimit: s.atLimit, known: true };
  const arrays = s.arrays === 'unknown' ? 'an unknown number of' : s.arraysFrom === 'partial semaphore list' ? `at least ${s.arrays}` : String(s.arrays);
  const cookies = s.dmCookies === 'unknown' ? '' : `; ${s.dmCookiesPartial ? 'at least ' : ''}${count(s.dmCookies, 'is a device-mapper udev cookie', 'are device-mapper udev cookies')} (key 0x0D4D…)`;
  const partial = s.rowsNotRead ? ` (${count(s.rowsNotRead, 'listed row was', 'listed rows were')} not read)` : '';
  return {
    text: `${arrays} semaphore arrays in use of SEMMNI ${s.limit}${s.percent !== undefined ? ` (${s.percent}%)` : ''}${s.atLimit ? ', at the limit' : ''}${cookies}${partial}.`,
    atLimit: s.atLimit,
    known: true,
  };
}

/** The semaphore sentence from catalog keys (a translated page; English keeps semaphoreText's wording). */
function semaphoreTextIn(s: HostModel['summary']['semaphores'], lang: LangTag): string {
  const atLeast = (n: number | string) => ui(lang, 'facts.sem.at-least', { count: n });
  const arrays = s.arrays === 'unknown' ? ui(lang, 'facts.sem.unknown-count') : s.arraysFrom === 'partial semaphore list' ? atLeast(s.arrays) : String(s.arrays);
  const limit = s.limit === 'unknown' ? ui(lang, 'report.unknown') : s.limit;
  const cookies = s.dmCookies === 'unknown' ? '' : `${ui(lang, 'list.separator')}${ui(lang, 'facts.sem.cookies', { count: s.dmCookiesPartial ? atLeast(s.dmCookies) : s.dmCookies })}`;
  const partial = s.rowsNotRead ? ` ${ui(lang, 'facts.sem.rows-not-read', { count: s.rowsNotRead })}` : '';
  return `${ui(lang, 'facts.sem.in-use', { arrays, limit })}${s.percent !== undefined ? ` (${s.percent}%)` : ''}${s.atLimit ? ui(lang, 'facts.sem.at-limit') : ''}${cookies}${partial}.`;
}

function factsView(m: HostModel, limits: ViewLimits, lang: LangTag = 'en'): FactsView {
  const cfg = m.config;
  const sum = m.summary;
  const values = cfg?.values ?? {};
  const all = cfg?.all ?? [];
  const config: ConfigRowView[] = Object.keys(values)
    .sort()
    .map((k) => {
      const v = values[k]!;
      return {
        key: visible(k),
        value: cut(valueText(v.value), 1000),
        source: v.source,
        where: where(v.evidence),
        overridden: all.filter((o) => o.key === k && o !== v && !(o.source === v.source && valueText(o.value) === valueText(v.value))).map((o) => `${valueText(o.value)} (${o.source})`),
      };
    });
  const dj = cfg?.daemonJson;
  const env: ConfigRowView[] = Object.keys(cfg?.env ?? {})
    .sort()
    .map((k) => {
      const e = cfg.env[k]!;
      return { key: visible(k), value: visible(e.value), source: e.source, where: where(e.evidence), overridden: [] };
    });
  const st = m.storage;
  const storage: KeyValue[] = [
    { label: ui(lang, 'facts.label.storage-driver'), value: visible(st?.driver ?? cfg?.storageDriver ?? 'unknown') },
    { label: ui(lang, 'facts.label.data-root'), value: visible(sum.dataRoot) },
    { label: ui(lang, 'facts.label.exec-root'), value: visible(sum.execRoot) },
  ];
  const fs = st?.dataRootFs;
  if (fs) {
    storage.push({
      label: ui(lang, 'facts.label.data-root-fs'),
      value: visible(
        `${fs.filesystem} on ${fs.mountedOn}: ${[
          fs.sizeBytes !== undefined ? `size ${bytes(fs.sizeBytes)}` : '',
          fs.availBytes !== undefined ? `available ${bytes(fs.availBytes)}` : '',
          fs.usePercent !== undefined ? `${fs.usePercent}% used` : '',
          fs.inodesUsePercent !== undefined ? `inodes ${fs.inodesUsePercent}% used` : '',
        ]
          .filter(Boolean)
          .join(', ')}`,
      ),
    });
  }
  // Sorted by name: report.json sorts keys, and the page must read the same from it.
  const driverStatus = Object.keys(st?.driverStatus ?? {})
    .sort()
    .map((k) => ({ label: visible(k), value: visible(st.driverStatus[k]!) }));
  const pct = (n: number | undefined) => (n === undefined ? '?' : `${n}%`);
  const thinPools = sum.thinPools.map((t) => ({ label: visible(t.name), value: `data ${pct(t.dataPercent)}, metadata ${pct(t.metadataPercent)}${t.mode ? `, ${visible(t.mode)}` : ''}` }));
  const c = sum.containers;
  const counts: KeyValue[] = [
    { label: ui(lang, 'facts.label.containers'), value: c.listed === 'unknown' ? 'unknown (docker ps not collected or failed)' : `${c.listed}${c.byState.length ? ` (${c.byState.map((s) => `${s.count} ${visible(s.state)}`).join(', ')})` : ''}` },
    { label: ui(lang, 'facts.label.container-folders'), value: known(c.inDataRoot, 'no data-root listing') },
    { label: ui(lang, 'facts.label.orphans'), value: known(c.orphans, 'needs both docker ps and the data-root listing') },
    { label: ui(lang, 'facts.label.networks'), value: known(sum.networks, 'docker network ls not collected') },
    { label: ui(lang, 'facts.label.volumes'), value: known(sum.volumes, 'no data-root listing of volumes') },
    { label: ui(lang, 'facts.label.interfaces'), value: known(sum.interfaces, 'ip link not collected') },
  ];
  const mounts = sum.dockerMounts.list.slice(0, limits.mounts).map((x) => ({
    mountPoint: visible(x.mountPoint),
    fsType: visible(x.fsType),
    source: visible(x.source),
    options: visible(cut(x.options, 200)),
  }));
  const pk = sum.packagesOfInterest;
  return {
    config,
    conflicts: (cfg?.conflicts ?? []).map((x) => ({ key: visible(x.key), values: x.values.map((v) => `${valueText(v.value)} (${v.source}${v.evidence ? `, ${where(v.evidence)}` : ''})`) })),
    daemonJson: {
      present: !!dj?.present,
      error: dj?.error ? visible(`${dj.error.message} (line ${dj.error.line}, column ${dj.error.column})`) : '',
      unknownKeys: (dj?.unknownKeys ?? []).map((u) => `${visible(u.key)} (${where(u.evidence)})`),
      wrongTypes: (dj?.wrongTypes ?? []).map((w) => `${visible(w.key)}: expected ${visible(w.expected)} (${where(w.evidence)})`),
    },
    env,
    storage,
    driverStatus,
    thinPools,
    counts,
    semaphores: semaphoreText(sum.semaphores, lang),
    mounts,
    mountsTotal: sum.dockerMounts.total,
    mountsOmitted: Math.max(0, sum.dockerMounts.total - mounts.length),
    mountsOmittedText: ui(lang, 'facts.mounts-omitted', { count: Math.max(0, sum.dockerMounts.total - mounts.length) }),
    mountsUnder: visible(sum.dockerMounts.under.join(', ')),
    packages: pk.slice(0, limits.packages).map((p) => ({ name: visible(p.name), version: visible(p.version), arch: visible(p.arch ?? ''), manager: p.manager })),
    packagesOmitted: Math.max(0, pk.length - limits.packages),
    packagesOmittedText: ui(lang, 'facts.packages-omitted', { count: Math.max(0, pk.length - limits.packages) }),
    boots: (m.boots ?? []).map((b) => ({
      index: b.index,
      bootId: visible(b.bootId ?? ''),
      first: utc(b.firstEntry),
      last: utc(b.lastEntry),
      verdict: b.verdict,
      reason: visible(b.reason ?? ''),
    })),
  };
}

// --- collection health and coverage ---------------------------------------------------------

const STATUS_LABEL: Record<string, string> = { evaluated: 'evaluated', 'not-evaluated': 'not evaluated', 'insufficient-evidence': 'insufficient evidence' };

/** "docker.info (failed), dmesg (empty)": artifact ids with their state in the page's language. */
function artifactStates(list: readonly { artifact: string; state: string }[], lang: LangTag): string {
  return list.map((a) => ui(lang, 'artifact.with-state', { artifact: a.artifact, state: stateLabel(a.state, lang) })).join(', ');
}

function stateLabel(state: string, lang: LangTag): string {
  return lang === 'en' || !has(lang, `ui.artifact.state.${state}`) ? state : ui(lang, `artifact.state.${state}` as UiKey);
}

function checkView(c: CheckCoverage, lang: LangTag = 'en'): CheckView {
  return {
    title: visible(c.title),
    status: c.status,
    statusLabel: STATUS_LABEL[c.status] ?? visible(c.status),
    missing: visible(artifactStates(c.missing ?? [], lang)),
    collectNext: (c.collectNext ?? []).map(visible),
  };
}

function healthView(result: AnalysisResult, anchors: Map<string, string>, limits: ViewLimits, tr?: Tr): HealthView {
  const inv = result.inventory;
  const lang = tr?.lang ?? 'en';
  const byId = new Map(result.findings.map((f) => [f.id, f]));
  const findingsByRule = new Map<string, Finding[]>();
  for (const f of result.findings) (findingsByRule.get(f.ruleId) ?? findingsByRule.set(f.ruleId, []).get(f.ruleId)!).push(f);
  const artifacts = (inv.artifacts ?? [])
    .filter((a) => a.state !== 'present')
    .map((a) => ({
      artifact: visible(a.artifact),
      title: artifactTitle(a.artifact),
      state: a.state,
      stateLabel: stateLabel(a.state, lang),
      detail: visible([a.detail ?? '', a.exitCode !== undefined ? `exit code ${a.exitCode}` : ''].filter(Boolean).join('; ')),
      paths: visible(a.paths.slice(0, limits.pathsPerArtifact).join(', ')),
    }));
  const pp = result.model.collection?.parseProblems ?? {};
  const parseProblems = (Object.keys(pp) as ArtifactId[])
    .sort()
    .map((k) => ({
      artifact: visible(k),
      count: pp[k]!.length,
      countText: ui(lang, 'page.problems-count', { count: pp[k]!.length }),
      shown: pp[k]!.slice(0, limits.parseProblemsPerArtifact).map((p) => ({ line: p.line, lineText: ui(lang, 'page.line', { line: p.line }), reason: visible(p.reason), excerpt: visible(cut(p.excerpt ?? '', 200)) })),
    }));
  const localCoverage = tr?.loc.coverage;
  const rows: CoverageRowView[] = (result.coverage ?? []).map((c, ci) => {
    const lc = localCoverage?.[ci]?.i18n;
    const fs = findingsByRule.get(c.ruleId) ?? [];
    const by = c.supersededBy ? byId.get(c.supersededBy) : undefined;
    return {
      ruleId: visible(c.ruleId),
      status: c.status,
      statusLabel: lc ? lc.status : (STATUS_LABEL[c.status] ?? c.status),
      reason: visible(lc?.reason ?? c.reason ?? ''),
      reasonEn: !!lc && lc.reason === undefined && !!c.reason,
      artifacts: visible(artifactStates(c.artifacts ?? [], lang)),
      collectNext: (c.collectNext ?? []).map(visible),
      checks: (c.checks ?? []).map((k, ki) => (lc?.checks[ki] ? { ...checkView(k, lang), title: lc.checks[ki]!.title, statusLabel: lc.checks[ki]!.status } : checkView(k, lang))),
      ...(by ? { supersededBy: { anchor: anchors.get(by.id) ?? '', label: visible(tr?.finding.get(by.id)?.title ?? by.title), severity: by.severity } } : {}),
      passed: c.status === 'evaluated' && fs.length === 0 && !c.supersededBy,
      findings: fs.slice(0, 20).map((f) => ({ anchor: anchors.get(f.id) ?? '', label: visible(f.id), severity: f.severity })),
      findingsMore: Math.max(0, fs.length - 20),
      findingsMoreText: ui(lang, 'page.and-more', { count: Math.max(0, fs.length - 20) }),
    };
  });
  return {
    artifacts,
    parseProblems,
    gaps: rows.filter((r) => r.status !== 'evaluated'),
    checks: rows.filter((r) => r.status === 'evaluated'),
    superseded: rows.filter((r) => r.supersededBy),
    passedCount: rows.filter((r) => r.passed).length,
    evaluatedCount: rows.filter((r) => r.status === 'evaluated').length,
    evaluatedText: ui(lang, 'page.evaluated-count', { evaluated: rows.filter((r) => r.status === 'evaluated').length, passed: rows.filter((r) => r.passed).length }),
    truncatedJournal: !!result.model.journal?.truncated,
  };
}

function inventoryView(result: AnalysisResult, limits: ViewLimits, lang: LangTag = 'en'): InventoryView {
  const inv = result.inventory;
  const summary: KeyValue[] = [
    { label: ui(lang, 'inventory.label.input'), value: visible(bundleName(inv.input ?? '')) },
    { label: ui(lang, 'inventory.label.format'), value: visible(inv.format ?? '') },
    { label: ui(lang, 'inventory.label.layout'), value: visible(inv.layout ?? '') },
    inv.topFolder ? { label: ui(lang, 'inventory.label.top-folder'), value: visible(inv.topFolder) } : undefined,
    { label: ui(lang, 'inventory.label.members'), value: String(inv.members ?? 0) },
    { label: ui(lang, 'inventory.label.bytes-read'), value: ui(lang, 'inventory.bytes', { size: bytes(inv.bytesRead), bytes: inv.bytesRead ?? 0 }) },
    inv.sosVersion ? { label: ui(lang, 'inventory.label.sos-version'), value: visible(inv.sosVersion) } : undefined,
    inv.collectorVersion ? { label: ui(lang, 'inventory.label.collector-version'), value: visible(inv.collectorVersion) } : undefined,
  ].filter((x): x is KeyValue => !!x);
  const problems = inv.problems ?? [];
  return {
    summary,
    artifacts: (inv.artifacts ?? []).map((a) => ({
      artifact: visible(a.artifact),
      state: a.state,
      stateLabel: stateLabel(a.state, lang),
      paths: a.paths.slice(0, limits.pathsPerArtifact).map(visible),
      pathsMore: Math.max(0, a.paths.length - limits.pathsPerArtifact),
      pathsMoreText: ui(lang, 'page.and-more', { count: Math.max(0, a.paths.length - limits.pathsPerArtifact) }),
      size: bytes(a.bytes),
      bytes: a.bytes,
    })),
    problems: problems.slice(0, limits.readerProblems).map((p) => ({ kind: p.kind, path: visible(p.path ?? ''), message: visible(p.message) })),
    problemsTotal: problems.length,
    problemsOmitted: Math.max(0, problems.length - limits.readerProblems),
    problemsOmittedText: ui(lang, 'inventory.problems-omitted', { count: Math.max(0, problems.length - limits.readerProblems) }),
  };
}

/** "suppressed by config: <rule> on <scope>" for each change a team config made (config/apply.ts). */
function configView(result: AnalysisResult, lang: LangTag): ReportView['config'] {
  const lines = (result.configApplied ?? []).map((a) => ({
    kind: a.change === 'off' ? 'off' : 'severity',
    text: visible(a.change === 'off' ? ui(lang, 'page.config-suppressed', { rule: a.rule, scope: a.scope }) : ui(lang, 'page.config-severity', { change: a.change, rule: a.rule, scope: a.scope })),
    detail: visible(ui(lang, 'page.config-findings', { count: a.findings.length, entry: a.entry })),
  }));
  const c = result.config;
  return { lines, file: c ? visible(ui(lang, 'page.config-file', { file: c.file, hash: c.hash.slice(0, 12) })) : '' };
}

/** `timeline-<host>.csv` from characters that are safe in a file name on every system. */
function csvFileName(host: string): string {
  const safe = host.replace(/[^A-Za-z0-9._-]+/g, '_').replace(/^[._]+/, '').slice(0, 60);
  return `timeline${safe ? `-${safe}` : ''}.csv`;
}

export interface ViewOptions {
  audience?: Audience;
}

export function buildViewModel(result: AnalysisResult, limits: Partial<ViewLimits> = {}, options: ViewOptions = {}): ReportView {
  const lim = { ...DEFAULT_VIEW_LIMITS, ...limits };
  const anchors = anchorsFor(result.findings);
  const tr = trOf(result);
  const lang = tr?.lang ?? 'en';
  const findings = findingViews(result, anchors, lim, tr);
  const verdict = verdictView(result, anchors, tr);
  const categories = new Map<string, number>();
  for (const f of findings) categories.set(f.category, (categories.get(f.category) ?? 0) + 1);
  const timeline = timelineView(result, anchors, lim, tr);
  const tool = ui(lang, 'page.tool', { name: result.tool?.name ?? 'docker-postmortem', version: result.tool?.version ?? '', rules: result.tool?.rulesVersion ?? '?', schema: result.schemaVersion });
  return {
    lang,
    foreign: !!tr,
    L: pageLabels(lang),
    ...(caseInfoOf(result) ? { caseInfo: caseInfoOf(result) } : {}),
    config: configView(result, lang),
    footer: ui(lang, 'page.footer', { tool }),
    filterCount: ui(lang, 'page.filter-count', { shown: findings.filter((f) => !f.hidden).length, total: verdict.total }),
    filterCountTemplate: template(lang, 'ui.page.filter-count') ?? '',
    findingsCompactText: ui(lang, 'page.findings-compact', { count: findings.filter((f) => f.compact).length }),
    findingsOmittedText: ui(lang, 'page.findings-omitted', { count: result.findings.length - findings.length }),
    timelineCount: ui(lang, 'page.timeline-count', { total: timeline.total }),
    title: ui(lang, 'page.title', { host: verdict.host }),
    tool,
    verdict,
    filters: {
      severities: verdict.counts.map((c) => ({ severity: c.severity, label: c.label, count: c.count, checked: c.severity !== 'info' })),
      categories: [...categories].sort((a, b) => byCodeUnits(a[0], b[0])).map(([category, count]) => ({ category, label: tr ? ui(lang, `category.${category}` as UiKey) : category, count })),
    },
    findings,
    findingsShownByDefault: findings.filter((f) => !f.hidden).length,
    findingsCompact: findings.filter((f) => f.compact).length,
    findingsOmitted: result.findings.length - findings.length,
    timeline,
    facts: factsView(result.model, lim, lang),
    health: healthView(result, anchors, lim, tr),
    inventory: inventoryView(result, lim, lang),
    technical: options.audience === 'customer' ? undefined : technicalView(result.findings, findings),
    data: {
      findings: findings.map((f) => ({ id: f.id, anchor: f.anchor, severity: f.severity, category: f.category, title: cut(f.title, 120) })),
      labels: { copy: ui(lang, 'report.copy'), copied: ui(lang, 'page.copied') },
      timeline: { total: timeline.total, marks: timeline.marksShown, rows: timeline.rowsShown },
    },
  };
}

/** One finding's ids, for the engineer who opens its rule module or greps report.json. */
export interface TechnicalFindingView {
  id: string;
  anchor: string;
  severity: string;
  label: string;
  ruleId: string;
  messageId: string;
  subject: string;
  /** Where the rule lives, so the logic behind a card is one file away. */
  ruleFile: string;
}

export interface TechnicalView {
  findings: TechnicalFindingView[];
}

/** The ids a customer never needs: kept out of the cards, listed once in the technical section. */
function technicalView(all: readonly Finding[], listed: readonly FindingView[]): TechnicalView {
  const byId = new Map(all.map((f) => [f.id, f]));
  return {
    findings: listed.map((v) => {
      const f = byId.get(v.id)!;
      return {
        id: f.id,
        anchor: v.anchor,
        severity: v.severity,
        label: v.title,
        ruleId: f.ruleId,
        messageId: f.messageId,
        subject: visible(f.subject ?? ''),
        ruleFile: `analyzer/src/rules/${f.ruleId}.ts`,
      };
    }),
  };
}
