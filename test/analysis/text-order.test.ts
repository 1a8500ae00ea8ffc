/**
 * Reports order rules, findings and paths by code units (analyzer/src/text-order.ts), so the order does
 * not follow the engineer's locale. Expected orders are derived here from the characters' codes.
 */
import { describe, expect, it } from 'vitest';
import { byCodeUnits } from '../../analyzer/src/text-order.js';
import { RULES } from '../../analyzer/src/rules/index.js';

/** Compares two strings code by code: the reference the comparator must agree with. */
function byCodes(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a.charCodeAt(i) !== b.charCodeAt(i)) return a.charCodeAt(i) - b.charCodeAt(i);
  return a.length - b.length;
}

describe('byCodeUnits', () => {
  const words = ['sos_reports/b', 'sos_commands/a', 'Docker', 'docker', 'a-b', 'ab', 'a_b', '2026-11-28T07:18:12.000Z', '2026-11-28T07:18:12Z', '\uffff', 'é', 'e', ''];

  it('agrees with a code-by-code comparison on mixed case, punctuation and non-ASCII', () => {
    for (const a of words) for (const b of words) expect(Math.sign(byCodeUnits(a, b)), `${a} vs ${b}`).toBe(Math.sign(byCodes(a, b)));
  });

  it('puts upper case before lower case and `_` after both capitals, where a locale would not', () => {
    expect(['docker', 'Docker', 'sos_reports/b', 'sosreport'].sort(byCodeUnits)).toEqual(['Docker', 'docker', 'sos_reports/b', 'sosreport']);
  });

  it('is the order of the rule registry', () => {
    const ids = RULES.map((r) => r.meta.id);
    expect(ids).toEqual([...ids].sort(byCodes));
  });
});
