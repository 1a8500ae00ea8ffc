import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { analyzeBundle, type AnalysisResult } from '../../analyzer/src/analyze.js';
import { findRootCauses, rootCauseIds, timedRootCause } from '../../analyzer/src/analysis/root-causes.js';
import { focusCentre } from '../../reports/timeline-controls.js';
import type { Finding } from '../../analyzer/src/rules/types.js';
import { buildStory } from '../../reports/story.js';
import { ticketLines } from '../../reports/ticket.js';
import { rootCausesOf } from '../../analyzer/src/triage/summary.js';
import { buildViewModel } from '../../reports/view-model.js';
import { REPO_ROOT } from '../helpers/rule-tester.js';
import { finding } from '../helpers/analysis-fixture.js';

const f = (id: string, severity: Finding['severity'], firstTime?: string): Finding => finding({ id, ruleId: `r-${id}`, severity, title: `title ${id}`, ...(firstTime ? { firstTime } : {}) });

describe('root causes (one definition)', () => {
  const findings = [f('a', 'critical'), f('b', 'error'), f('c', 'warning'), f('d', 'info')];

  it('are the chain roots, in chain order, once each, skipping roots that are not findings', () => {
    expect(findRootCauses(findings, [['b', 'a'], ['zz', 'c'], ['c', 'd'], ['b', 'd']], { status: 'problems-found' })).toEqual(['b', 'c']);
  });

  it('without a chain: the headline finding, else the first at warning or above; nothing when no problem was found', () => {
    expect(findRootCauses(findings, [], { status: 'problems-found', headlineMessage: { id: 'headline.problems-found', data: { finding: 'c' } } })).toEqual(['c']);
    expect(findRootCauses(findings, [], { status: 'problems-found', headlineMessage: { id: 'headline.problems-found', data: { finding: 'gone' } } })).toEqual(['a']);
    expect(findRootCauses([f('d', 'info')], [], { status: 'problems-found' })).toEqual([]);
    expect(findRootCauses(findings, [], { status: 'healthy' as never })).toEqual([]);
  });

  it('a result reads the analysis\'s record, and derives it for an older report.json that has none', () => {
    const verdict = { status: 'problems-found' as const, rootCauses: ['c'] };
    expect(rootCauseIds({ findings, causeChains: [['b', 'a']], verdict })).toEqual(['c']);
    expect(rootCauseIds({ findings, causeChains: [['b', 'a']], verdict: { status: 'problems-found' } })).toEqual(['b']);
  });

  it('a time window centres on the first root cause that has a time (an untimed configuration finding is skipped)', () => {
    const fs = [f('a', 'critical'), f('b', 'error', '2026-11-28T07:00:00.000Z'), f('c', 'error', '2026-11-28T06:00:00.000Z'), f('d', 'warning', '2026-11-28T05:00:00.000Z')];
    const result = { findings: fs, causeChains: [['a', 'b'], ['c', 'd']], verdict: { status: 'problems-found' as const } };
    expect(rootCauseIds(result)).toEqual(['a', 'c']);
    expect(timedRootCause(result)?.id).toBe('c');
    expect(focusCentre(result as unknown as AnalysisResult)).toEqual({ time: Date.parse('2026-11-28T06:00:00.000Z'), root: true });
    // No timed root cause: no centre from the root causes (callers take the first timed finding).
    expect(timedRootCause({ ...result, causeChains: [['a', 'b']] })?.id).toBeUndefined();
    expect(focusCentre({ ...result, causeChains: [['a', 'b']] } as unknown as AnalysisResult)).toEqual({ time: Date.parse('2026-11-28T07:00:00.000Z'), root: false });
  });

  // The terminal story, the ticket, batch grouping and the report's marks must name the same finding.
  for (const sample of ['nspawn-power-off-db-loss', 'nspawn-start-timeout', 'nspawn-start-limit-hit']) {
    it(`${sample}: story, ticket, batch signature and report marks agree on the root cause`, async () => {
      const result: AnalysisResult = await analyzeBundle(join(REPO_ROOT, 'samples', sample));
      const ids = result.verdict.rootCauses!;
      expect(ids.length, 'the sample has a problem').toBeGreaterThan(0);
      const root = result.findings.find((x) => x.id === ids[0])!;
      expect(root).toBeTruthy();
      const chainRoots = new Set(result.causeChains.map((c) => c[0]));
      const startsChain = chainRoots.has(root.id);
      const story = buildStory(result, []);
      if (startsChain) expect(story.rootCause?.id).toBe(root.id);
      else expect(story.rootCause).toBeUndefined();
      expect(ticketLines(result).join('\n')).toContain(root.title.slice(0, 60));
      expect(rootCausesOf(result)).toContain(`${root.ruleId}/${root.messageId}`);
      const vm = buildViewModel(result);
      const marked = vm.findings.filter((x) => x.isRoot).map((x) => x.id);
      expect(marked).toEqual(result.findings.filter((x) => ids.includes(x.id) && chainRoots.has(x.id)).map((x) => x.id));
      if (startsChain) expect(marked).toContain(root.id);
    }, 60_000);
  }
});
