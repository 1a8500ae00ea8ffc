/**
 * Runs rules against a frozen host model: checks coverage first (essential artifacts missing →
 * not-evaluated, coverage per check), folds each rule's occurrences into one finding per subject,
 * gives every finding its time span, lowers the confidence of log-only findings whose confirming
 * snapshot is missing, enforces declared precedence (meta.supersedes), and links cause chains that
 * respect time (a cause never begins after its effect's last moment, and lies in the same boot or the one before).
 */
import type { HostModel, LogEvent } from '../model/host-model.js';
import type { ArtifactId } from '../spine/artifacts.js';
import { artifactSpec } from '../spine/artifacts.js';
import type { Evidence } from '../spine/types.js';
import type { EventKind } from '../events/types.js';
import { bootForTime } from '../model/timeline.js';
import type { CheckCoverage, Confidence, CoverageVerdict, Finding, FindingEpisode, ReportInput, Rule, RuleContext, RuleMeta } from './types.js';
import { severityRank } from './types.js';
import { LOG_ARTIFACTS, MAX_EVIDENCE_PER_FINDING } from './util-evidence.js';
import { stepsForHost } from './util-remediation-fill.js';
import { formatMessage, type MessageData } from '../i18n/format.js';
import { byCodeUnits } from '../text-order.js';

export { MAX_EVIDENCE_PER_FINDING };
/** Episodes kept per finding (the rest are counted in the summary of the last one). */
export const MAX_EPISODES = 50;

const BAD_STATES = new Set(['missing', 'failed', 'timed-out', 'skipped', 'empty']);
const LOGS: ReadonlySet<string> = new Set<string>([...LOG_ARTIFACTS, 'dmesg', 'journal.boot-tails']);

/**
 * A rule message in English: `{{name}}` placeholders and plural parts (`{{count, plural, one{# time}
 * other{# times}}}`), with the formatter the translations use (i18n/format.ts), so a count reads
 * "1 time" / "3 times" instead of "time(s)". A value missing from `data` stays visible as `{{name}}`.
 */
export function fillTemplate(template: string, data: Record<string, unknown>): string {
  // No prototype: a placeholder named `constructor` missing from data must stay visible, not print a function.
  const values: MessageData = Object.create(null) as MessageData;
  for (const [k, v] of Object.entries(data)) if (v !== undefined) values[k] = typeof v === 'number' || typeof v === 'boolean' ? v : String(v);
  return formatMessage(template, values, 'en');
}

export interface RuleRun {
  findings: Finding[];
  coverage: CoverageVerdict[];
}

type Health = HostModel['collection']['health'];
// These run for every rule of every bundle. Loops and module-level functions, not arrows made per call:
// a batch worker would compile each new arrow again for every bundle (bench/README, "hot callbacks").

function unhealthy(health: Health, ids: readonly ArtifactId[]): CheckCoverage['missing'] {
  const out: CheckCoverage['missing'] = [];
  for (const a of ids) {
    const h = health[a];
    if (!h || BAD_STATES.has(h.state)) out.push({ artifact: a, state: h?.state ?? 'missing' });
  }
  return out;
}

const isLog = (a: ArtifactId): boolean => LOGS.has(a);
const isNotLog = (a: ArtifactId): boolean => !LOGS.has(a);

/** The rule's two checks: what its logs can show, and what its snapshots can show. */
function checksOf(meta: RuleMeta, health: Health): CheckCoverage[] {
  const out: CheckCoverage[] = [];
  addCheck(out, 'logs', 'log check (journal, syslog, daemon logs)', meta.requires.filter(isLog), health);
  addCheck(out, 'state', 'snapshot check (state collected from the host)', meta.requires.filter(isNotLog), health);
  return out;
}

function addCheck(out: CheckCoverage[], id: CheckCoverage['id'], title: string, ids: readonly ArtifactId[], health: Health): void {
  if (!ids.length) return;
  const missing = unhealthy(health, ids);
  const collectNext = new Set<string>();
  for (const m of missing) collectNext.add(artifactSpec(m.artifact).collectHint);
  out.push({ id, title, status: missing.length === ids.length ? 'not-evaluated' : 'evaluated', missing, collectNext: [...collectNext] });
}

const lower = (c: Confidence): Confidence => (c === 'high' ? 'medium' : 'low');
const evKey = (e: Evidence) => `${e.artifact}|${e.path}|${e.line}|${e.excerpt.length}`;

function dedupe(list: readonly Evidence[], seen: Set<string>): Evidence[] {
  const out: Evidence[] = [];
  for (const e of list) {
    const k = evKey(e);
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(e);
  }
  return out;
}

function span(evidence: readonly Evidence[]): { first?: string; last?: string } {
  let first: string | undefined;
  let last: string | undefined;
  for (const e of evidence) {
    if (!e.time) continue;
    if (first === undefined || e.time < first) first = e.time;
    if (last === undefined || e.time > last) last = e.time;
  }
  return { ...(first ? { first } : {}), ...(last ? { last } : {}) };
}

interface Report {
  input: ReportInput<string>;
  summary: string;
}

/** One finding from a rule's reports about one subject (or of one message): the most severe first, the others as its episodes. */
function fold(meta: RuleMeta, reports: Report[], model: HostModel): Finding {
  const sorted = [...reports].sort((a, b) => severityRank(b.input.severity ?? meta.severity) - severityRank(a.input.severity ?? meta.severity));
  const main = sorted[0]!;
  const seen = new Set<string>();
  const mainEvidence = dedupe(main.input.evidence, seen);
  const episodes: FindingEpisode[] = [];
  for (const r of sorted.slice(1)) {
    const evidence = dedupe(r.input.evidence, seen);
    const s = span(r.input.evidence);
    if (episodes.length < MAX_EPISODES) {
      episodes.push({ messageId: r.input.messageId, summary: r.summary, severity: r.input.severity ?? meta.severity, ...(s.first ? { firstTime: s.first } : {}), ...(s.last ? { lastTime: s.last } : {}), evidence: evidence.slice(0, MAX_EVIDENCE_PER_FINDING) });
    }
  }
  const all = [...main.input.evidence, ...sorted.slice(1).flatMap((r) => r.input.evidence)];
  const s = span(all);
  const f: Finding = {
    id: '',
    ruleId: meta.id,
    messageId: main.input.messageId,
    data: main.input.data ?? {},
    severity: main.input.severity ?? meta.severity,
    confidence: main.input.confidence,
    confidenceReason: main.input.confidenceReason,
    category: meta.category,
    title: meta.title,
    summary: main.summary + (sorted.length > 1 ? ` (+${sorted.length - 1} more occurrence${sorted.length > 2 ? 's' : ''})` : ''),
    explanation: main.input.detail ? `${meta.explanation}\n\n${main.input.detail}` : meta.explanation,
    evidence: mainEvidence.slice(0, MAX_EVIDENCE_PER_FINDING),
    evidenceTotal: Math.max(main.input.evidenceTotal ?? 0, mainEvidence.length),
    // Steps for this host: filled from the main report's facts, openEuler-only ones gated by the flavour.
    remediation: stepsForHost([...(main.input.remediation ?? []), ...meta.remediation], main.input.fill, model.identity?.flavor),
    causedBy: [],
    causes: [],
    episodes,
  };
  if (s.first) {
    f.time = s.first;
    f.firstTime = s.first;
    f.lastTime = s.last ?? s.first;
    const boot = bootForTime(Date.parse(s.first), model.boots);
    if (boot !== undefined) f.bootIndex = boot;
  }
  if (main.input.subject) f.subject = main.input.subject;
  // A finding that stands on logs alone, where the snapshot that would confirm it is missing.
  const logOnly = all.length > 0 && all.every((e) => LOGS.has(e.artifact));
  const missing = unhealthy(model.collection.health, meta.confirmedBy ?? []);
  if (logOnly && missing.length) {
    f.unconfirmed = missing.map((m) => ({ ...m, collectNext: artifactSpec(m.artifact).collectHint }));
    f.confidence = lower(f.confidence);
    f.confidenceReason += `; seen in the logs only: ${missing.map((m) => `${m.artifact} (${m.state})`).join(', ')} would confirm it`;
  }
  return f;
}

export function runRules(model: HostModel, rules: readonly Rule[]): RuleRun {
  const findings: Finding[] = [];
  const coverage: CoverageVerdict[] = [];
  const health = model.collection.health;
  for (const rule of rules) {
    const { meta } = rule;
    const checks = checksOf(meta, health);
    const essentialBad = unhealthy(health, meta.essential ?? []);
    if (essentialBad.length > 0 && essentialBad.length === (meta.essential ?? []).length) {
      coverage.push({
        ruleId: meta.id,
        status: 'not-evaluated',
        artifacts: essentialBad,
        reason: `needs ${essentialBad.map((a) => `${a.artifact} (${a.state})`).join(', ')}`,
        collectNext: essentialBad.map((a) => artifactSpec(a.artifact).collectHint),
        checks,
      });
      continue;
    }
    let verdict: CoverageVerdict | undefined;
    const reports: Report[] = [];
    const ctx: RuleContext<string> = {
      model,
      report(input: ReportInput<string>) {
        const template = meta.messages[input.messageId];
        if (template === undefined) throw new Error(`${meta.id}: unknown messageId ${input.messageId}`);
        reports.push({ input, summary: fillTemplate(template, input.data ?? {}) });
      },
      events<K extends EventKind>(kind: K): readonly LogEvent<K>[] {
        return (model.journal.events[kind] ?? []) as readonly LogEvent<K>[];
      },
      eventCount(kind: EventKind): number {
        return model.journal.eventCounts[kind] ?? 0;
      },
      insufficient(reason, collectNext = []) {
        verdict = { ruleId: meta.id, status: 'insufficient-evidence', artifacts: unhealthy(health, meta.requires), reason, collectNext, checks };
      },
      notEvaluated(reason, artifacts, collectNext) {
        verdict = {
          ruleId: meta.id,
          status: 'not-evaluated',
          artifacts: artifacts.map((a) => ({ artifact: a, state: health[a]?.state ?? 'missing' })),
          reason,
          collectNext: collectNext ?? artifacts.map((a) => artifactSpec(a).collectHint),
          checks,
        };
      },
    };
    rule.evaluate(ctx);
    const bySubject = new Map<string, Report[]>();
    for (const r of reports) {
      // One finding per subject; without a subject, per message: distinct problems stay apart, repeats fold.
      const k = r.input.subject !== undefined ? `s:${r.input.subject}` : `m:${r.input.messageId}`;
      const list = bySubject.get(k) ?? [];
      list.push(r);
      bySubject.set(k, list);
    }
    const mine = [...bySubject.values()].map((list) => fold(meta, list, model));
    mine.forEach((f, i) => (f.id = `${meta.id}#${i + 1}`));
    findings.push(...mine);
    coverage.push(
      verdict ?? {
        ruleId: meta.id,
        status: 'evaluated',
        artifacts: unhealthy(health, meta.requires),
        reason: mine.length ? `${mine.length} finding${mine.length === 1 ? '' : 's'}` : 'evaluated; nothing found',
        collectNext: [],
        checks,
      },
    );
  }
  const kept = applySupersedes(findings, coverage, rules);
  linkCauses(kept, rules);
  return { findings: sortFindings(kept), coverage };
}

/** The one order of findings: severity, then time (timeless last), then id. */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort(
    (a, b) => severityRank(b.severity) - severityRank(a.severity) || byCodeUnits(a.firstTime ?? '\uffff', b.firstTime ?? '\uffff') || byCodeUnits(a.id, b.id),
  );
}

/** Both spans overlap, or one of them has no time (it held at collection time). */
function overlaps(a: Finding, b: Finding): boolean {
  if (!a.firstTime || !b.firstTime) return true;
  return a.firstTime <= (b.lastTime ?? b.firstTime) && b.firstTime <= (a.lastTime ?? a.firstTime);
}

function applySupersedes(findings: Finding[], coverage: CoverageVerdict[], rules: readonly Rule[]): Finding[] {
  const metaById = new Map(rules.map((r) => [r.meta.id, r.meta]));
  const dropped = new Set<Finding>();
  for (const f of findings) {
    for (const loser of metaById.get(f.ruleId)?.supersedes ?? []) {
      for (const g of findings) {
        if (g.ruleId !== loser || dropped.has(g) || dropped.has(f) || !overlaps(f, g)) continue;
        dropped.add(g);
        const cov = coverage.find((c) => c.ruleId === loser);
        if (cov) {
          cov.supersededBy = f.id;
          cov.reason = `${cov.reason}; replaced by ${f.id} (${f.ruleId} supersedes ${loser} for the same time)`;
        }
      }
    }
  }
  return findings.filter((f) => !dropped.has(f));
}

/**
 * A finding of rule R is caused by a finding of a rule in R.meta.causedBy when the cause is not later
 * than the effect (it began no later than the effect's last moment) and lies in the same boot or the
 * boot before it. A cause without a
 * time (configuration) may cause a timed effect; a timed cause never explains an effect whose time is
 * unknown.
 */
function linkCauses(findings: Finding[], rules: readonly Rule[]): void {
  const metaById = new Map(rules.map((r) => [r.meta.id, r.meta]));
  for (const f of findings) {
    for (const causeRule of metaById.get(f.ruleId)?.causedBy ?? []) {
      for (const c of findings) {
        if (c.ruleId !== causeRule || c === f) continue;
        if (!causeFits(c, f)) continue;
        f.causedBy.push(c.id);
        c.causes.push(f.id);
      }
    }
  }
}

export function causeFits(cause: Finding, effect: Finding): boolean {
  if (cause.firstTime) {
    if (!effect.firstTime) return false;
    // A finding's span includes its own precursors (a start-limit finding lists the failed starts that
    // led to the refusal), so a cause fits when it began no later than the effect's last moment.
    if (cause.firstTime > (effect.lastTime ?? effect.firstTime)) return false;
  }
  if (cause.bootIndex !== undefined && effect.bootIndex !== undefined) {
    if (cause.bootIndex !== effect.bootIndex && cause.bootIndex !== effect.bootIndex - 1) return false;
  }
  return true;
}

/** Root causes: findings that cause others and are caused by none, with their chains. */
export function causeChains(findings: readonly Finding[]): string[][] {
  const byId = new Map(findings.map((f) => [f.id, f]));
  const chains: string[][] = [];
  const walk = (id: string, path: string[]) => {
    const f = byId.get(id);
    if (!f || path.includes(id)) return;
    const next = [...path, id];
    if (f.causes.length === 0) chains.push(next);
    else for (const c of f.causes) walk(c, next);
  };
  for (const f of findings) if (f.causedBy.length === 0 && f.causes.length > 0) walk(f.id, []);
  return chains;
}
