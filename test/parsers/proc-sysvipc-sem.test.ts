import { describe, expect, it } from 'vitest';
import type { ProcSemRow } from '../../analyzer/src/parsers/proc-sysvipc-sem.js';
import { fixture, fixtureFiles, fuzzParser, okValue, parse } from '../helpers/storage-parser-harness.js';

describe('proc-sysvipc-sem parser', () => {
  it('reads real rows: decimal keys, epoch times, 0 = never', () => {
    const rows = okValue(parse<ProcSemRow[]>('proc.sysvipc-sem', fixture('proc-sysvipc-sem/linux-6.18-cookies.txt')));
    expect(rows).toHaveLength(6);
    expect(rows[0]).toMatchObject({ key: 223161338, keyHex: '0x0d4d2bfa', semid: 0, perms: 0o600, nsems: 1, uid: 0, otime: 1795850924000, ctime: 1795850924000, line: 2 });
    expect(rows[1]!.otime).toBeUndefined();
    expect(rows[3]).toMatchObject({ semid: 3, uid: 998, gid: 998 });
    expect(rows[5]).toMatchObject({ key: 0, nsems: 3, perms: 0o640 });
  });

  it('turns a negative key (>= 0x80000000) into its unsigned value', () => {
    const text = '       key      semid perms      nsems   uid   gid  cuid  cgid      otime      ctime\n-1                  9   600          1     0     0     0     0          0 1795850924\n';
    expect(okValue(parse<ProcSemRow[]>('proc.sysvipc-sem', text))[0]).toMatchObject({ key: 0xffffffff, keyHex: '0xffffffff' });
  });

  it('maps columns by header name (a kernel with fewer columns still parses)', () => {
    const text = 'key semid perms nsems uid\n223161338 0 600 1 5\n';
    expect(okValue(parse<ProcSemRow[]>('proc.sysvipc-sem', text))[0]).toMatchObject({ semid: 0, uid: 5, gid: undefined });
  });

  it('every real fixture parses with zero problems; the empty table is ok', () => {
    for (const f of fixtureFiles('proc-sysvipc-sem')) {
      const r = parse('proc.sysvipc-sem', fixture(`proc-sysvipc-sem/${f}`));
      expect(r.status, f).toBe('ok');
      expect(r.problems, f).toEqual([]);
    }
    expect(okValue(parse<ProcSemRow[]>('proc.sysvipc-sem', fixture('proc-sysvipc-sem/linux-6.18-empty.txt')))).toEqual([]);
  });

  it('reports bad rows by line, and a missing header as malformed', () => {
    const r = parse('proc.sysvipc-sem', 'key semid perms nsems\n1 2 3\nx 1 600 1\n5 6 600 1\n');
    expect(r.problems.map((p) => p.line)).toEqual([2, 3]);
    expect(parse('proc.sysvipc-sem', '1 2 3 4\n').status).toBe('malformed');
    expect(parse('proc.sysvipc-sem', '').status).toBe('skipped');
  });

  it('never throws on fuzzed input', () => {
    fuzzParser('proc.sysvipc-sem', fixtureFiles('proc-sysvipc-sem').map((f) => fixture(`proc-sysvipc-sem/${f}`)), 2000, 7);
  });
});
