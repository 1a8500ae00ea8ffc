import { describe, expect, it } from 'vitest';
import { causeChains, runRules } from '../../analyzer/src/rules/engine.js';
import { defineRule } from '../../analyzer/src/rules/types.js';
import { renderHtml } from '../../reports/html.js';
import { renderMarkdown } from '../../reports/markdown.js';
import { emptyModel } from '../helpers/empty-model.js';
import { emptyResult, ev } from '../helpers/analysis-fixture.js';

/** Findings as the real rule engine makes them (frozen model, numbered ids, linked causes) render. */
describe('reports of engine-made findings', () => {
  const cause = defineRule({
    meta: {
      id: 'semaphore-leak', title: 'Semaphores leaked', category: 'ipc', severity: 'critical', requires: ['ipcs.sem'],
      explanation: 'why', guideSection: '§', messages: { full: '{{n}} of {{max}} arrays used' },
      remediation: [{ kind: 'fix', risk: { restart: false, dataLoss: false, reversible: false }, text: 'Clean up.', commands: ['dmsetup udevcomplete_all'], source: 'openEuler guide' }],
    },
    evaluate(ctx) {
      ctx.report({ messageId: 'full', data: { n: 128, max: 128 }, evidence: [ev({ artifact: 'ipcs.sem', path: 'cmd/ipcs-s.txt', line: 9, time: '2024-01-01T00:00:00.000Z', excerpt: 'key 0x0d4d0001', match: '0x0d4d0001' })], confidence: 'high', confidenceReason: 'counted' });
    },
  });
  const effect = defineRule({
    meta: {
      id: 'start-limit-hit', title: 'Start limit hit', category: 'systemd', severity: 'error', requires: ['journal'], causedBy: ['semaphore-leak'],
      explanation: 'why', guideSection: '§', messages: { hit: 'docker.service hit its start limit' }, remediation: [],
    },
    evaluate(ctx) {
      ctx.report({ messageId: 'hit', evidence: [ev({ line: 50, time: '2024-01-01T00:05:00.000Z', excerpt: 'Start request repeated too quickly.' })], confidence: 'high', confidenceReason: 'journal' });
    },
  });

  const run = runRules(emptyModel(), [effect, cause]);
  const r = { ...emptyResult(), model: emptyModel(), findings: run.findings, coverage: run.coverage, causeChains: causeChains(run.findings) };

  it('renders the chain, the filled summary and the highlighted match', () => {
    const html = renderHtml(r);
    expect(r.causeChains).toEqual([['semaphore-leak#1', 'start-limit-hit#1']]);
    expect(html).toContain('128 of 128 arrays used');
    expect(html).toContain('<mark>0x0d4d0001</mark>');
    expect(html).toMatch(/<li class="chain"><a class="flink sev-critical" href="#finding-semaphore-leak-1">Semaphores leaked<\/a>.*href="#finding-start-limit-hit-1"/);
    const md = renderMarkdown(r);
    expect(md).toContain('1. **Semaphores leaked** → **Start limit hit**');
  });
});
