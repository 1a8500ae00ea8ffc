/**
 * The terminal story of one analysis (`analyze` prints it on stdout): the verdict, the root cause
 * with its time, the top findings one line each, how many checks were not evaluated and the one
 * command that would collect what is missing, then the report paths. Like every report it only
 * formats what the analysis decided. The lines are plain text; the CLI makes each one safe for a
 * terminal (bundle text may carry escapes).
 */
import { leadRootCause } from '../analyzer/src/analysis/root-causes.js';
import type { AnalysisResult } from '../analyzer/src/analyze.js';
import type { Finding } from '../analyzer/src/rules/types.js';
import { bundleName, count, cut, span } from './text.js';
import { collectView, findingTitles } from './collect-text.js';

/** Findings listed one line each; the rest are counted. */
export const STORY_TOP_FINDINGS = 5;

export interface Story {
  host: string;
  bundle: string;
  status: string;
  headline: string;
  facts: string[];
  rootCause?: { id: string; title: string; when: string; leadsTo: string[] };
  top: { id: string; severity: string; title: string; when: string }[];
  findingsMore: number;
  notEvaluated: number;
  /** The one command that would collect what is missing (empty when nothing is): AnalysisResult.collectRequest. */
  collectNext: string;
  /** The window that command's `--since/--until` cover, in words (empty without one). */
  collectWindow?: string;
  /** A sosreport lacking what sos never collects: our collector, as a second step. */
  collectAlso?: { label: string; command: string };
  reports: string[];
}

const when = (f: Finding) => {
  const s = span(f.firstTime, f.lastTime);
  return s ? `${s}${f.bootIndex !== undefined ? `, boot ${f.bootIndex}` : ''}` : 'no time';
};

/**
 * For a report.json written before collectRequest: the verdict's missing key evidence first (logs, dockerd's state); else the
 * command named by the most checks that could not run, the first of them on a tie.
 */
export function oneCollectNext(result: AnalysisResult): string {
  const key = result.verdict?.missing?.[0]?.collectNext;
  if (key) return key;
  const votes = new Map<string, number>();
  for (const c of result.coverage ?? []) {
    if (c.status === 'evaluated') continue;
    const cmds = new Set([...(c.collectNext ?? []), ...(c.checks ?? []).filter((k) => k.status !== 'evaluated').flatMap((k) => k.collectNext ?? [])]);
    for (const cmd of cmds) votes.set(cmd, (votes.get(cmd) ?? 0) + 1);
  }
  let best = '';
  let n = 0;
  for (const [cmd, v] of votes) if (v > n) [best, n] = [cmd, v];
  return best;
}

export function buildStory(result: AnalysisResult, reports: readonly string[]): Story {
  const v = result.verdict;
  const byId = new Map(result.findings.map((f) => [f.id, f]));
  const { finding: root, chain } = leadRootCause(result);
  // The engine's order: severity, then time.
  const serious = result.findings.filter((f) => f.severity !== 'info');
  return {
    host: result.model.identity?.hostname || result.inventory.host || '(unknown host)',
    bundle: bundleName(result.inventory.input ?? ''),
    status: v?.status ?? 'inconclusive',
    headline: v?.headline ?? '',
    facts: (v?.facts ?? []).map((f) => f.text),
    // Called the root cause when it starts a chain; a lone headline finding is listed among the top findings (the ticket says "most severe").
    ...(root && chain.length ? { rootCause: { id: root.id, title: root.title, when: when(root), leadsTo: chain.slice(1).map((id) => byId.get(id)!.title) } } : {}),
    top: serious.slice(0, STORY_TOP_FINDINGS).map((f) => ({ id: f.id, severity: f.severity, title: f.title, when: when(f) })),
    findingsMore: Math.max(0, serious.length - STORY_TOP_FINDINGS),
    notEvaluated: (v?.rules?.notEvaluated ?? 0) + (v?.rules?.insufficient ?? 0),
    ...collectOf(result),
    reports: [...reports],
  };
}

function collectOf(result: AnalysisResult): Pick<Story, 'collectNext' | 'collectWindow' | 'collectAlso'> {
  const view = collectView(result.collectRequest, 'en', findingTitles(result));
  if (!view) return { collectNext: oneCollectNext(result) };
  const [first, also] = view.steps;
  return { collectNext: first?.command ?? '', ...(view.window ? { collectWindow: view.window } : {}), ...(also ? { collectAlso: also } : {}) };
}

const STATUS: Record<string, string> = { 'problems-found': 'PROBLEMS FOUND', 'no-problem-found': 'NO PROBLEM FOUND', inconclusive: 'INCONCLUSIVE' };

/** The story as lines of plain text (each one line: the caller makes it terminal-safe). */
export function storyLines(s: Story): string[] {
  const out = [`${s.host} (${s.bundle})`, `${STATUS[s.status] ?? s.status.toUpperCase()}: ${s.headline}`];
  for (const f of s.facts) out.push(`  ! ${cut(f, 200)}`);
  if (s.rootCause) {
    out.push('', `Root cause: ${cut(s.rootCause.title, 120)} (${s.rootCause.when})`);
    for (const t of s.rootCause.leadsTo) out.push(`  -> ${cut(t, 120)}`);
  }
  if (s.top.length) {
    out.push('', 'Findings:');
    const w = Math.max(...s.top.map((f) => f.severity.length));
    for (const f of s.top) out.push(`  ${f.severity.toUpperCase().padEnd(w)}  ${cut(f.title, 100)} (${f.when})`);
    if (s.findingsMore) out.push(`  … and ${count(s.findingsMore, 'more finding')} in the report`);
  }
  if (s.notEvaluated) {
    out.push('', `${count(s.notEvaluated, 'check was', 'checks were')} not evaluated fully.${s.collectNext ? ` To collect what is missing: ${s.collectNext}` : ''}`);
  } else if (s.collectNext) {
    out.push('', `To collect what is missing: ${s.collectNext}`);
  }
  if (s.collectNext && s.collectWindow) out.push(`  (${s.collectWindow})`);
  if (s.collectAlso) out.push(`  ${s.collectAlso.label}: ${s.collectAlso.command}`);
  if (s.reports.length) out.push('', 'Reports:', ...s.reports.map((p) => `  ${p}`));
  return out;
}
