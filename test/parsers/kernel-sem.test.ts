import { describe, expect, it } from 'vitest';
import type { KernelSem } from '../../analyzer/src/parsers/kernel-sem.js';
import { fixture, fixtureFiles, fuzzParser, okValue, parse } from '../helpers/storage-parser-harness.js';

describe('kernel-sem parser', () => {
  it('reads the TAB-separated SEMMSL SEMMNS SEMOPM SEMMNI (real, Linux 6.18 default)', () => {
    expect(okValue(parse<KernelSem>('kernel.sem', fixture('kernel-sem/linux-6.18-default.txt')))).toMatchObject({ semmsl: 32000, semmns: 1024000000, semopm: 500, semmni: 32000, line: 1 });
  });

  it('reads the lowered limit set inside an IPC namespace (real)', () => {
    expect(okValue(parse<KernelSem>('kernel.sem', fixture('kernel-sem/linux-6.18-semmni-8.txt'))).semmni).toBe(8);
  });

  it('reads the pre-3.19 default written with spaces (field guide §1.2)', () => {
    expect(okValue(parse<KernelSem>('kernel.sem', '250 32000  32  128\n'))).toMatchObject({ semmsl: 250, semmni: 128 });
  });

  it('every real fixture parses with zero problems', () => {
    for (const f of fixtureFiles('kernel-sem')) expect(parse('kernel.sem', fixture(`kernel-sem/${f}`)).problems, f).toEqual([]);
  });

  it('reports bad input by line', () => {
    const r = parse('kernel.sem', '250 32000 32\n');
    expect(r.status).toBe('malformed');
    expect(r.problems[0]!.line).toBe(1);
    const extra = parse('kernel.sem', '250\t32000\t32\t128\n1 2 3 4\n');
    expect(extra.status).toBe('ok');
    expect(extra.problems.map((p) => p.line)).toEqual([2]);
    expect(parse('kernel.sem', '').status).toBe('skipped');
  });

  it('never throws on fuzzed input', () => {
    fuzzParser('kernel.sem', fixtureFiles('kernel-sem').map((f) => fixture(`kernel-sem/${f}`)), 2000, 3);
  });
});
