import { describe, expect, it } from 'vitest';
import type { LimitsFile } from '../../analyzer/src/parsers/limits.js';
import { fixture, fixtureFiles, fuzzParser, okValue, parse } from '../helpers/storage-parser-harness.js';

describe('limits parser', () => {
  it('reads the RHEL/openEuler 20-nproc.conf (field guide §2)', () => {
    const v = okValue(parse<LimitsFile>('limits', fixture('limits/openeuler-20-nproc-conf.txt')));
    expect(v.rows).toEqual([
      expect.objectContaining({ domain: '*', type: 'soft', item: 'nproc', value: '4096', line: 5 }),
      expect.objectContaining({ domain: 'root', type: 'soft', item: 'nproc', value: 'unlimited', line: 6 }),
    ]);
  });

  it('reads the stock Debian limits.conf (real: all comments) as ok with no rows', () => {
    const r = parse<LimitsFile>('limits', fixture('limits/debian-12-limits-conf-stock.txt'));
    expect(r.status).toBe('ok');
    expect(okValue(r).rows).toEqual([]);
  });

  it('accepts "-" (soft and hard), infinity, and trailing comments', () => {
    const v = okValue(parse<LimitsFile>('limits', '@docker - nofile 65536 # for dockerd\n*\thard\tnproc\tinfinity\n'));
    expect(v.rows.map((r) => [r.domain, r.type, r.item, r.value])).toEqual([
      ['@docker', '-', 'nofile', '65536'],
      ['*', 'hard', 'nproc', 'infinity'],
    ]);
  });

  it('reports bad lines by number (wrong field count, type, item, value)', () => {
    const r = parse<LimitsFile>('limits', '* soft nproc\n* medium nproc 5\n* soft nprocs 5\n* soft nproc lots\n');
    expect(r.problems.map((p) => p.line)).toEqual([1, 2, 3, 4]);
    expect(okValue(r).rows.map((x) => x.line)).toEqual([3, 4]);
  });

  it('every fixture parses with zero problems', () => {
    for (const f of fixtureFiles('limits')) expect(parse('limits', fixture(`limits/${f}`)).problems, f).toEqual([]);
  });

  it('never throws on fuzzed input', () => {
    fuzzParser('limits', fixtureFiles('limits').map((f) => fixture(`limits/${f}`)), 2000, 19);
  });
});
