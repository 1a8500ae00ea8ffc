/**
 * Issue 12, class 1: a 37 KB journal of 600 records, each `failed to start container` repeated 2,500 times
 * plus ` not found`, took 74 s through an unanchored `.*` signal regex. The whole catalog must stay linear:
 * these records, and records of every wording's hint repeated, go through the real parser in bounded time.
 */
import { describe, expect, it } from 'vitest';
import { parseText } from '../../analyzer/src/parsers/parse-text.js';
import { CATALOG } from '../../analyzer/src/events/catalog.js';
import type { JournalParse } from '../../analyzer/src/parsers/journal.js';
import { fastestRun } from '../helpers/timing.js';

/** Generous: the whole file parses in well under a second here; a super-linear pattern takes minutes. */
const BOUND_MS = 10_000;

/** The fastest of up to three parses: a loaded machine can stretch one run, a super-linear pattern is slow on each. */
function timeParse(lines: string[]): { ms: number; records: number } {
  const text = lines.join('\n') + '\n';
  const { ms, result: r } = fastestRun(BOUND_MS, () => parseText('journal', text, { path: 'hostile.txt', collectedAt: Date.parse('2024-05-03T00:00:00Z') }));
  return { ms, records: r.status === 'ok' || r.status === 'malformed' ? ((r.value as JournalParse | undefined)?.records ?? 0) : 0 };
}

describe('the event catalog over hostile journals', () => {
  it("600 records of 'failed to start container' ×2,500 + ' not found' parse in bounded time", () => {
    const msg = 'failed to start container '.repeat(2500) + ' not found';
    const lines = Array.from({ length: 600 }, (_x, i) => `2024-05-02T10:${String(Math.floor(i / 60)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}+0000 node1 dockerd[812]: ${msg}`);
    const { ms, records } = timeParse(lines);
    expect(records).toBe(600);
    expect(ms).toBeLessThan(BOUND_MS);
  });

  it('records made of each wording hint repeated, from every source the wording accepts, parse in bounded time', () => {
    const hints = [...new Set(CATALOG.flatMap((d) => d.wordings.flatMap((w) => (typeof w.hint === 'string' ? [w.hint] : [...w.hint]))).filter((h) => h.length > 0))];
    const idents = ['systemd[1]', 'dockerd[812]', 'containerd[700]', 'kernel', 'firewalld[600]', 'systemd-journald[300]'];
    const lines: string[] = [];
    hints.forEach((h, i) => {
      const ident = idents[i % idents.length]!;
      lines.push(`2024-05-02T10:00:00+0000 node1 ${ident}: ${`${h} `.repeat(Math.ceil(8000 / (h.length + 1)))}x`);
      lines.push(`2024-05-02T10:00:01+0000 node1 ${ident}: ${h}${' \t'.repeat(4000)}${h}`);
    });
    const { ms, records } = timeParse(lines);
    expect(records).toBe(lines.length);
    expect(ms).toBeLessThan(BOUND_MS);
  });
});
