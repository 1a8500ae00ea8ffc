import { describe, expect, it } from 'vitest';
import { causeChains, fillTemplate, runRules } from '../../analyzer/src/rules/engine.js';
import { defineRule } from '../../analyzer/src/rules/types.js';
import { emptyModel } from '../helpers/empty-model.js';
import { RULES } from '../../analyzer/src/rules/index.js';
import { placeholders } from '../../analyzer/src/i18n/format.js';

describe('rule engine', () => {
  it('fills placeholders and leaves unknown ones visible', () => {
    expect(fillTemplate('{{count}} of {{limit}} ({{nope}})', { count: 3, limit: 128 })).toBe('3 of 128 ({{nope}})');
  });

  it('says "1 time" and "3 times", never "time(s)": English messages take plural parts like the translations', () => {
    const t = 'refused {{count, plural, one{# time} other{# times}}} ({{why}})';
    expect(fillTemplate(t, { count: 1, why: 'x' })).toBe('refused 1 time (x)');
    expect(fillTemplate(t, { count: 3, why: 'x' })).toBe('refused 3 times (x)');
    expect(fillTemplate(t, { count: '0', why: 'x' })).toBe('refused 0 times (x)');
    expect(fillTemplate(t, { why: 'x' })).toBe('refused {{count}} (x)');
  });

  it('no rule message puts "(s)" after a number it was given', () => {
    // Fill every placeholder with 1; list-valued ones (names, keys, chains …) say nothing about a count.
    const LISTS = new Set(['names', 'keys', 'chains', 'paths', 'roots', 'processes', 'matches']);
    const slips: string[] = [];
    for (const r of RULES) {
      for (const [id, template] of Object.entries(r.meta.messages)) {
        const data = Object.fromEntries(placeholders(template).map((n) => [n, LISTS.has(n) ? 'a, b' : 1]));
        const text = fillTemplate(template, data);
        if (/\b1 (?:[\w/()-]+ ){0,4}?[\w-]+\(s\)/.test(text)) slips.push(`${r.meta.id}.${id}: ${text}`);
      }
    }
    expect(slips).toEqual([]);
  });

  it('marks a rule not-evaluated when all its essential artifacts are missing, without running it', () => {
    let ran = false;
    const rule = defineRule({
      meta: {
        id: 'x', title: 'x', category: 'ipc', severity: 'error', requires: ['ipcs.sem'], essential: ['ipcs.sem'],
        explanation: '', guideSection: '', messages: { m: 'm' }, remediation: [],
      },
      evaluate() { ran = true; },
    });
    const run = runRules(emptyModel(), [rule]);
    expect(ran).toBe(false);
    expect(run.coverage[0]).toMatchObject({ ruleId: 'x', status: 'not-evaluated' });
    expect(run.coverage[0]!.collectNext).toEqual(['ipcs -s']);
  });

  it('links cause chains by meta.causedBy and time order, root first', () => {
    const ev = (time: string) => [{ artifact: 'journal' as const, path: 'cmd/journal.json', line: 1, excerpt: 'x', time }];
    const cause = defineRule({
      meta: { id: 'a', title: 'a', category: 'ipc', severity: 'critical', requires: [], explanation: '', guideSection: '', messages: { m: 'a' }, remediation: [] },
      evaluate(ctx) { ctx.report({ messageId: 'm', evidence: ev('2024-01-01T00:00:00.000Z'), confidence: 'high', confidenceReason: 'test' }); },
    });
    const effect = defineRule({
      meta: { id: 'b', title: 'b', category: 'systemd', severity: 'error', requires: [], explanation: '', guideSection: '', messages: { m: 'b {{n}}' }, remediation: [], causedBy: ['a'] },
      evaluate(ctx) { ctx.report({ messageId: 'm', data: { n: 2 }, evidence: ev('2024-01-01T00:01:00.000Z'), confidence: 'high', confidenceReason: 'test' }); },
    });
    const run = runRules(emptyModel(), [effect, cause]);
    expect(run.findings.map((f) => f.id)).toEqual(['a#1', 'b#1']);
    expect(run.findings[1]!.summary).toBe('b 2');
    expect(run.findings[1]!.causedBy).toEqual(['a#1']);
    expect(causeChains(run.findings)).toEqual([['a#1', 'b#1']]);
  });
});
