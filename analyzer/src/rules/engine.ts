/**
 * Runs rules against a frozen host model: checks coverage first (essential artifacts missing →
 * not-evaluated), fills message templates, numbers findings, and links cause chains.
 */
import type { HostModel, LogRecord } from '../model/host-model.js';
import type { ArtifactId } from '../spine/artifacts.js';
import { artifactSpec } from '../spine/artifacts.js';
import type { NamedSignal } from '../spine/types.js';
import type { CoverageVerdict, Finding, ReportInput, Rule, RuleContext } from './types.js';
import { severityRank } from './types.js';

/** Excerpts kept per finding; the total is kept in evidenceTotal. */
export const MAX_EVIDENCE_PER_FINDING = 50;

const BAD_STATES = new Set(['missing', 'failed', 'timed-out', 'skipped', 'empty']);

/** The signals every rule declares, named `<rule id>/<name>`, for the journal parsers. */
export function ruleSignals(rules: readonly Rule[]): NamedSignal[] {
  const out: NamedSignal[] = [];
  for (const r of rules) for (const [name, spec] of Object.entries(r.meta.signals ?? {})) out.push({ name: `${r.meta.id}/${name}`, spec });
  return out;
}

export function fillTemplate(template: string, data: Record<string, unknown>): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_m, k: string) => (k in data ? String(data[k]) : `{{${k}}}`));
}

export interface RuleRun {
  findings: Finding[];
  coverage: CoverageVerdict[];
}

export function runRules(model: HostModel, rules: readonly Rule[]): RuleRun {
  const findings: Finding[] = [];
  const coverage: CoverageVerdict[] = [];
  for (const rule of rules) {
    const { meta } = rule;
    const health = model.collection.health;
    const unhealthy = (ids: readonly ArtifactId[]) =>
      ids.filter((a) => !health[a] || BAD_STATES.has(health[a]!.state)).map((a) => ({ artifact: a, state: health[a]?.state ?? 'missing' }));
    const essentialBad = unhealthy(meta.essential ?? []);
    if (essentialBad.length > 0 && essentialBad.length === (meta.essential ?? []).length) {
      coverage.push({
        ruleId: meta.id,
        status: 'not-evaluated',
        artifacts: essentialBad,
        reason: `needs ${essentialBad.map((a) => `${a.artifact} (${a.state})`).join(', ')}`,
        collectNext: essentialBad.map((a) => artifactSpec(a.artifact).collectHint),
      });
      continue;
    }
    let verdict: CoverageVerdict | undefined;
    const mine: Finding[] = [];
    const ctx: RuleContext<string> = {
      model,
      report(input: ReportInput<string>) {
        const template = meta.messages[input.messageId];
        if (template === undefined) throw new Error(`${meta.id}: unknown messageId ${input.messageId}`);
        const data = input.data ?? {};
        const sorted = [...input.evidence].sort((a, b) => (a.time ?? '').localeCompare(b.time ?? ''));
        const time = sorted.find((e) => e.time)?.time;
        mine.push({
          id: '',
          ruleId: meta.id,
          messageId: input.messageId,
          data,
          severity: input.severity ?? meta.severity,
          confidence: input.confidence,
          confidenceReason: input.confidenceReason,
          category: meta.category,
          title: meta.title,
          summary: fillTemplate(template, data),
          explanation: input.detail ? `${meta.explanation}\n\n${input.detail}` : meta.explanation,
          evidence: input.evidence.slice(0, MAX_EVIDENCE_PER_FINDING),
          evidenceTotal: Math.max(input.evidenceTotal ?? 0, input.evidence.length),
          remediation: [...(input.remediation ?? []), ...meta.remediation],
          causedBy: [],
          causes: [],
          time,
        });
      },
      signal(name: string): readonly LogRecord[] {
        return model.journal.signals[`${meta.id}/${name}`] ?? [];
      },
      signalCount(name: string): number {
        return model.journal.signalCounts[`${meta.id}/${name}`] ?? 0;
      },
      insufficient(reason, collectNext = []) {
        verdict = { ruleId: meta.id, status: 'insufficient-evidence', artifacts: unhealthy(meta.requires), reason, collectNext };
      },
      notEvaluated(reason, artifacts, collectNext) {
        verdict = {
          ruleId: meta.id,
          status: 'not-evaluated',
          artifacts: artifacts.map((a) => ({ artifact: a, state: health[a]?.state ?? 'missing' })),
          reason,
          collectNext: collectNext ?? artifacts.map((a) => artifactSpec(a).collectHint),
        };
      },
    };
    rule.evaluate(ctx);
    mine.forEach((f, i) => (f.id = `${meta.id}#${i + 1}`));
    findings.push(...mine);
    coverage.push(
      verdict ?? {
        ruleId: meta.id,
        status: 'evaluated',
        artifacts: unhealthy(meta.requires),
        reason: mine.length ? `${mine.length} finding(s)` : 'evaluated; nothing found',
        collectNext: [],
      },
    );
  }
  linkCauses(findings, rules);
  findings.sort((a, b) => severityRank(b.severity) - severityRank(a.severity) || a.id.localeCompare(b.id));
  return { findings, coverage };
}

/**
 * A finding of rule R is caused by the findings of the rules R.meta.causedBy names, when those
 * happened no later than R's (or either lacks a time).
 */
function linkCauses(findings: Finding[], rules: readonly Rule[]): void {
  const metaById = new Map(rules.map((r) => [r.meta.id, r.meta]));
  for (const f of findings) {
    for (const causeRule of metaById.get(f.ruleId)?.causedBy ?? []) {
      for (const c of findings) {
        if (c.ruleId !== causeRule || c === f) continue;
        if (c.time && f.time && c.time > f.time) continue;
        f.causedBy.push(c.id);
        c.causes.push(f.id);
      }
    }
  }
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
