import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseText } from '../../analyzer/src/parsers/parse-text.js';
import type { BootList } from '../../analyzer/src/parsers/journal-boots.js';

const FIX = join(import.meta.dirname, '..', 'fixtures', 'journal-boots');
const read = (f: string) => readFileSync(join(FIX, f), 'utf8');
const parse = (text: string, ctx = {}) => parseText<BootList>('journal.boots', text, ctx);

describe('journal-boots: v251+ table (real journalctl 252)', () => {
  it('reads index, id and UTC times in list order', () => {
    const r = parse(read('journalctl-252-three-boots.txt'));
    expect(r.problems).toEqual([]);
    if (r.status !== 'ok') throw new Error(r.status);
    expect(r.value.form).toBe('v251');
    expect(r.value.boots.map((b) => [b.index, b.bootId, b.first, b.last])).toEqual([
      [-2, '8e1f2a3b4c5d4e6f8a9b0c1d2e3f4a5b', Date.UTC(2023, 10, 15, 0, 13, 20), Date.UTC(2023, 10, 15, 2, 43, 22)],
      [-1, '43f6209bfc284a7d9ef1e1f24d7721c9', Date.UTC(2023, 10, 15, 2, 45, 0), Date.UTC(2023, 10, 15, 2, 46, 35)],
      [0, 'c0ffee00c0ffee00c0ffee00c0ffee00', Date.UTC(2023, 10, 15, 2, 48, 20), Date.UTC(2023, 10, 15, 2, 48, 23)],
    ]);
    expect(r.value.boots[0]!.evidence).toMatchObject({ artifact: 'journal.boots', line: 2 });
  });
  it('reads the sos 4.0 capture of a one-boot host', () => {
    const r = parse(read('sos-4.0-journalctl-252-one-boot.txt'));
    expect(r.problems).toEqual([]);
    expect(r.status === 'ok' && r.value.boots.map((b) => b.index)).toEqual([0]);
  });
});

describe('journal-boots: ≤ v250 em-dash form (hand-written from field guide §3, systemd/systemd#3603)', () => {
  it('localised weekdays and CEST convert without a host offset', () => {
    const r = parse(read('journalctl-219-de-emdash-hand.txt'));
    expect(r.problems).toEqual([]);
    if (r.status !== 'ok') throw new Error(r.status);
    expect(r.value.form).toBe('v250');
    const b = r.value.boots[1]!;
    expect([b.index, b.bootId]).toEqual([-1, '43f6209bfc284a7d9ef1e1f24d7721c9']);
    // Fr 2016-06-24 23:08:57 CEST = 21:08:57 UTC
    expect(b.first).toBe(Date.UTC(2016, 5, 24, 21, 8, 57));
    expect(b.last).toBe(Date.UTC(2016, 5, 24, 21, 13, 18));
  });
  it('an ambiguous zone (CST) leaves times unknown with one problem, unless the host offset is known', () => {
    const text = read('journalctl-219-cst-hand.txt');
    const r = parse(text);
    if (r.status !== 'ok') throw new Error(r.status);
    expect(r.value.boots.map((b) => b.first)).toEqual([undefined, undefined]);
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]).toMatchObject({ line: 1, reason: 'unknown time zone CST: boot times left unknown' });
    const h = parse(text, { hostUtcOffsetMinutes: 480 });
    if (h.status !== 'ok') throw new Error(h.status);
    expect(h.value.boots[1]!.first).toBe(Date.UTC(2021, 2, 1, 4, 58, 10));
    expect(h.problems).toEqual([]);
  });
});

describe('journal-boots: bad input', () => {
  it('empty is skipped; garbage is malformed with line numbers', () => {
    expect(parse('').status).toBe('skipped');
    const r = parse('IDX BOOT ID FIRST ENTRY LAST ENTRY\nnot a row\n');
    expect(r.status).toBe('malformed');
    expect(r.problems.map((p) => p.line)).toEqual([2]);
  });
  it('a row with unreadable times keeps index and id', () => {
    const r = parse(' -1 43f6209bfc284a7d9ef1e1f24d7721c9 garbled\n');
    if (r.status !== 'ok') throw new Error(r.status);
    expect(r.value.boots[0]).toMatchObject({ index: -1, bootId: '43f6209bfc284a7d9ef1e1f24d7721c9' });
    expect(r.problems[0]!.reason).toBe('boot row with unreadable times');
  });
});
