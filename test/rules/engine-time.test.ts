/**
 * The engine's time rules (issue 11 §3): a cause never begins after its effect's last moment and lies
 * in the same boot or the boot before; precedence is declared (meta.supersedes); one finding per rule
 * and subject with its episodes; log-only findings lose confidence when their snapshot is missing.
 */
import { describe, expect, it } from 'vitest';
import { runRules } from '../../analyzer/src/rules/engine.js';
import { defineRule, type Rule } from '../../analyzer/src/rules/types.js';
import type { HostModel } from '../../analyzer/src/model/host-model.js';
import { emptyModel } from '../helpers/empty-model.js';
import type { ArtifactId } from '../../analyzer/src/spine/artifacts.js';

const ev = (time?: string, line = 1, artifact: ArtifactId = 'journal') => ({ artifact, path: 'cmd/journal.json', line, excerpt: `line ${line}`, ...(time ? { time } : {}) });
type Shot = { time?: string[]; subject?: string; line?: number };
function rule(id: string, shots: Shot[], extra: Partial<Rule['meta']> = {}): Rule {
  return defineRule({
    meta: { id, title: id, category: 'daemon', severity: 'error', requires: ['journal', 'ipcs.sem'], explanation: '', guideSection: '', messages: { m: `${id} happened` }, remediation: [], ...extra },
    evaluate(ctx) {
      shots.forEach((s, i) =>
        ctx.report({ messageId: 'm', ...(s.subject ? { subject: s.subject } : {}), evidence: (s.time ?? [undefined as unknown as string]).map((t, k) => ev(t, (s.line ?? i * 10) + k)), confidence: 'high', confidenceReason: 'test' }),
      );
    },
  });
}
/** A model with boots -1 (09:00–09:59) and 0 (10:00–11:00), and every artifact present. */
function model(): HostModel {
  // A thawed copy of the frozen empty model, so the test can give it boots and artifacts.
  const m = structuredClone(emptyModel()) as unknown as { boots: unknown[]; collection: { health: Record<string, unknown> } };
  m.boots = [
    { index: -1, firstEntry: Date.parse('2024-01-01T09:00:00Z'), lastEntry: Date.parse('2024-01-01T09:59:00Z'), verdict: 'unclean', reason: 'test', evidence: [] },
    { index: 0, firstEntry: Date.parse('2024-01-01T10:00:00Z'), lastEntry: Date.parse('2024-01-01T11:00:00Z'), verdict: 'unknown', reason: 'test', evidence: [] },
  ];
  m.collection.health = { journal: { artifact: 'journal', state: 'present', paths: [], bytes: 1 }, 'ipcs.sem': { artifact: 'ipcs.sem', state: 'present', paths: [], bytes: 1 } };
  return m as unknown as HostModel;
}
const effect = (time: string[]) => rule('effect', [{ time }], { causedBy: ['cause'] });

describe('cause links respect time', () => {
  it('a cause after the effect (the power-off 10 minutes after the refusals) is not linked', () => {
    const run = runRules(model(), [effect(['2024-01-01T10:00:00Z', '2024-01-01T10:00:05Z']), rule('cause', [{ time: ['2024-01-01T10:10:00Z'] }])]);
    expect(run.findings.find((f) => f.ruleId === 'effect')!.causedBy).toEqual([]);
  });
  it('a cause inside the effect span (its precursors) or before it is linked', () => {
    const run = runRules(model(), [effect(['2024-01-01T10:00:00Z', '2024-01-01T10:05:00Z']), rule('cause', [{ time: ['2024-01-01T10:02:00Z'] }])]);
    expect(run.findings.find((f) => f.ruleId === 'effect')!.causedBy).toEqual(['cause#1']);
  });
  it('a cause in the boot before is linked; two boots before is not', () => {
    const prev = runRules(model(), [effect(['2024-01-01T10:30:00Z']), rule('cause', [{ time: ['2024-01-01T09:30:00Z'] }])]);
    expect(prev.findings.find((f) => f.ruleId === 'effect')!.causedBy).toEqual(['cause#1']);
    const m = model() as unknown as { boots: { index: number; firstEntry: number; lastEntry: number }[] };
    m.boots.unshift({ index: -2, firstEntry: Date.parse('2024-01-01T08:00:00Z'), lastEntry: Date.parse('2024-01-01T08:59:00Z') } as never);
    const old = runRules(m as unknown as HostModel, [effect(['2024-01-01T10:30:00Z']), rule('cause', [{ time: ['2024-01-01T08:30:00Z'] }])]);
    expect(old.findings.find((f) => f.ruleId === 'effect')!.causedBy).toEqual([]);
  });
  it('a timed cause never explains an effect with no time; a configuration cause (no time) may explain a timed effect', () => {
    const timeless = runRules(model(), [rule('effect', [{}], { causedBy: ['cause'] }), rule('cause', [{ time: ['2024-01-01T10:00:00Z'] }])]);
    expect(timeless.findings.find((f) => f.ruleId === 'effect')!.causedBy).toEqual([]);
    const config = runRules(model(), [effect(['2024-01-01T10:30:00Z']), rule('cause', [{}])]);
    expect(config.findings.find((f) => f.ruleId === 'effect')!.causedBy).toEqual(['cause#1']);
  });
});

describe('one finding per rule and subject', () => {
  it('folds occurrences into episodes, first and last time from all of them, evidence never twice', () => {
    const r = rule('x', [{ time: ['2024-01-01T10:00:00Z'], line: 1 }, { time: ['2024-01-01T10:20:00Z'], line: 1 }, { time: ['2024-01-01T10:40:00Z'], line: 5 }]);
    const run = runRules(model(), [r]);
    expect(run.findings).toHaveLength(1);
    const f = run.findings[0]!;
    expect(f.episodes).toHaveLength(2);
    expect(f.firstTime).toBe('2024-01-01T10:00:00Z');
    expect(f.lastTime).toBe('2024-01-01T10:40:00Z');
    // The second occurrence cites line 1 again: shown once (with the main finding), not twice.
    const all = [...f.evidence, ...f.episodes.flatMap((e) => e.evidence)].map((e) => e.line);
    expect(all.filter((l) => l === 1)).toHaveLength(1);
  });
  it('keeps different subjects apart', () => {
    const run = runRules(model(), [rule('x', [{ time: ['2024-01-01T10:00:00Z'], subject: 'veth1' }, { time: ['2024-01-01T10:00:00Z'], subject: 'veth2', line: 7 }])]);
    expect(run.findings.map((f) => f.subject)).toEqual(['veth1', 'veth2']);
  });
});

describe('declared precedence', () => {
  it('a superseding rule replaces an overlapping finding and says so in coverage; a finding at another time stays', () => {
    const winner = rule('winner', [{ time: ['2024-01-01T10:00:00Z', '2024-01-01T10:05:00Z'] }], { supersedes: ['loser'] });
    const overlapping = runRules(model(), [winner, rule('loser', [{ time: ['2024-01-01T10:01:00Z'] }])]);
    expect(overlapping.findings.map((f) => f.ruleId)).toEqual(['winner']);
    expect(overlapping.coverage.find((c) => c.ruleId === 'loser')!.supersededBy).toBe('winner#1');
    const apart = runRules(model(), [winner, rule('loser', [{ time: ['2024-01-01T10:30:00Z'] }])]);
    expect(apart.findings.map((f) => f.ruleId).sort()).toEqual(['loser', 'winner']);
  });
});

describe('evaluate what is there', () => {
  it('a log-only finding whose confirming snapshot is missing loses one confidence step and asks for it', () => {
    const m = model() as unknown as { collection: { health: Record<string, unknown> } };
    delete m.collection.health['ipcs.sem'];
    const run = runRules(m as unknown as HostModel, [rule('x', [{ time: ['2024-01-01T10:00:00Z'] }], { confirmedBy: ['ipcs.sem'] })]);
    const f = run.findings[0]!;
    expect(f.confidence).toBe('medium');
    expect(f.unconfirmed).toEqual([{ artifact: 'ipcs.sem', state: 'missing', collectNext: 'ipcs -s' }]);
    const full = runRules(model(), [rule('x', [{ time: ['2024-01-01T10:00:00Z'] }], { confirmedBy: ['ipcs.sem'] })]);
    expect(full.findings[0]!.confidence).toBe('high');
  });
  it('reports coverage per check: logs and snapshot', () => {
    const m = model() as unknown as { collection: { health: Record<string, unknown> } };
    delete m.collection.health['ipcs.sem'];
    const run = runRules(m as unknown as HostModel, [rule('x', [])]);
    const checks = run.coverage[0]!.checks;
    expect(checks.map((c) => [c.id, c.status])).toEqual([
      ['logs', 'evaluated'],
      ['state', 'not-evaluated'],
    ]);
  });
});
