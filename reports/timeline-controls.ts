/**
 * What the timeline table needs beyond its rows, so a person can read it: the kind of each event in
 * words, runs of chatter (kinds the event catalog marks `chatter`) folded into one "N ×" row, the
 * lanes and kinds to filter by, and the root cause's time the default focus centres on. The CSV
 * export reads the table itself (report.js), so the page carries each excerpt once.
 * It formats only: which kinds are chatter is the catalog's fact, which finding is the root cause
 * is the analysis' (result.causeChains).
 */
import { chainFrom, timedRootCause } from '../analyzer/src/analysis/root-causes.js';
import type { AnalysisResult } from '../analyzer/src/analyze.js';
import { isChatter } from '../analyzer/src/events/catalog.js';
import { timelineKind } from '../analyzer/src/i18n/localize.js';
import { has, template, ui } from '../analyzer/src/i18n/translate.js';
import type { LangTag } from '../analyzer/src/i18n/registry.js';
import type { UiKey } from '../analyzer/src/i18n/catalogs/en.js';
import { SEVERITIES } from '../analyzer/src/rules/types.js';
import { span } from './text.js';

/** Focus choices in minutes around the root cause; 0 is "all". The default is ±15. */
export const FOCUS_MINUTES = [5, 15, 60, 360, 0] as const;
export const DEFAULT_FOCUS = 15;

/** The row fields this module reads (view-model.ts's TimelineRowView has them all). */
export interface RowLike {
  index: number;
  timeMs: number;
  lane: string;
  laneLabel: string;
  kind: string;
  kindText: string;
  label: string;
  evidence?: { path: string; line: number; hasLine: boolean; segs: { text: string }[] };
}

/** One table row: an event, or a run of one chatter kind folded into a count. */
export type TableRow<R extends RowLike> = R & {
  /** Last time of the row (the fold's last member; the event's own time otherwise), for the focus. */
  timeEndMs: number;
  fold?: { count: number; countText: string; span: string; members: R[] };
};

/** An event kind in words in the page's language; a finding row's kind is its severity. */
export function kindWords(lang: LangTag, kind: string): string {
  if ((SEVERITIES as readonly string[]).includes(kind)) return ui(lang, `severity.${kind}` as UiKey);
  const known = has(lang, `event.${kind}`) || has('en', `event.${kind}`) || has(lang, `ui.event.${kind}`) || has('en', `ui.event.${kind}`);
  return known ? timelineKind(lang, kind) : kind;
}

/**
 * Folds chatter: inside a run of consecutive chatter rows, the rows of one kind and lane become one
 * row (a kind seen once stays a plain row). Other rows are kept as they are, in order.
 */
export function foldChatter<R extends RowLike>(rows: readonly R[], lang: LangTag, chatter: (kind: string) => boolean = isChatter): TableRow<R>[] {
  const out: TableRow<R>[] = [];
  let run: R[] = [];
  const flush = () => {
    const groups = new Map<string, R[]>();
    for (const r of run) {
      const key = `${r.lane}\u0000${r.kind}`;
      (groups.get(key) ?? groups.set(key, []).get(key)!).push(r);
    }
    for (const members of groups.values()) {
      const first = members[0]!;
      const last = members[members.length - 1]!;
      if (members.length === 1) out.push({ ...first, timeEndMs: first.timeMs });
      else
        out.push({
          ...first,
          timeEndMs: Math.max(...members.map((m) => m.timeMs)),
          fold: { count: members.length, countText: ui(lang, 'page.tl-fold-count', { count: members.length }), span: span(first.timeMs, last.timeMs), members },
        });
    }
    run = [];
  };
  for (const r of rows) {
    if (chatter(r.kind)) {
      run.push(r);
      continue;
    }
    flush();
    out.push({ ...r, timeEndMs: r.timeMs });
  }
  flush();
  return out;
}

/** The time the focus centres on: the first timed root cause (analysis/root-causes.ts), else the most severe timed finding. */
export function focusCentre(result: AnalysisResult): { time: number; root: boolean } | undefined {
  const root = timedRootCause(result);
  if (root) return { time: Date.parse(root.firstTime!), root: chainFrom(result, root.id).length > 0 };
  // Findings come in the engine's order (most severe first).
  for (const f of result.findings) {
    const t = Date.parse(f.firstTime ?? '');
    if (Number.isFinite(t)) return { time: t, root: false };
  }
  return undefined;
}

export interface FilterChip {
  value: string;
  label: string;
  count: number;
}

/** Lanes and kinds with their event counts, in first-seen order (the timeline's order). */
export function timelineFilters(rows: readonly RowLike[]): { lanes: FilterChip[]; kinds: FilterChip[] } {
  const tally = (key: (r: RowLike) => string, label: (r: RowLike) => string) => {
    const m = new Map<string, FilterChip>();
    for (const r of rows) {
      const k = key(r);
      const c = m.get(k);
      if (c) c.count++;
      else m.set(k, { value: k, label: label(r), count: 1 });
    }
    return [...m.values()];
  };
  return { lanes: tally((r) => r.lane, (r) => r.laneLabel), kinds: tally((r) => r.kind, (r) => r.kindText) };
}

export interface TimelineControlsView {
  /** Epoch ms of the focus centre ('' when no finding has a time: the focus starts at "all"). */
  centre: string;
  centreText: string;
  focus: { value: number; label: string; selected: boolean }[];
  lanes: FilterChip[];
  kinds: FilterChip[];
  /** The catalog's own message templates, formatted by report.js (ICU plurals included). */
  countTemplate: string;
  countText: string;
}

export function timelineControls(result: AnalysisResult, rows: readonly RowLike[], lang: LangTag): TimelineControlsView {
  const centre = focusCentre(result);
  const def = centre ? DEFAULT_FOCUS : 0;
  const { lanes, kinds } = timelineFilters(rows);
  return {
    centre: centre ? String(centre.time) : '',
    centreText: centre ? ui(lang, centre.root ? 'page.tl-focus-root' : 'page.tl-focus-finding', { time: span(centre.time) }) : '',
    focus: FOCUS_MINUTES.filter((m) => m === 0 || centre).map((m) => ({ value: m, label: m ? ui(lang, 'page.tl-focus-minutes', { count: m }) : ui(lang, 'page.tl-focus-all'), selected: m === def })),
    lanes,
    kinds,
    countTemplate: template(lang, 'ui.page.tl-count') ?? '',
    countText: ui(lang, 'page.tl-count', { shown: rows.length, total: rows.length }),
  };
}
