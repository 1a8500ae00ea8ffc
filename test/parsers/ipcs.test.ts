import { describe, expect, it } from 'vitest';
import type { IpcsOutput } from '../../analyzer/src/parsers/ipcs.js';
import { fixture, fixtureFiles, fuzzParser, okValue, parse } from '../helpers/storage-parser-harness.js';

const utc = (s: string) => Date.parse(s);

describe('ipcs parser', () => {
  it('reads `ipcs -s` (real util-linux 2.38: leading blank line, trailing spaces, owner cut or uid)', () => {
    const v = okValue(parse<IpcsOutput>('ipcs.sem', fixture('ipcs/util-linux-2.38-sem-cookies.txt')));
    expect(v.sections).toEqual(['Semaphore Arrays']);
    expect(v.semaphores).toHaveLength(6);
    expect(v.semaphores[0]).toMatchObject({ key: 0x0d4d2bfa, keyHex: '0x0d4d2bfa', semid: 0, owner: 'root', perms: 0o600, nsems: 1, line: 4 });
    expect(v.semaphores[3]).toMatchObject({ semid: 3, owner: 'systemd-ne' });
    expect(v.semaphores[4]).toMatchObject({ semid: 4, owner: '4242', key: 0x0d4d8f6d });
    expect(v.semaphores[5]).toMatchObject({ key: 0, keyHex: '0x00000000', perms: 0o640, nsems: 3 });
    expect(Object.isFrozen(v.semaphores[0])).toBe(true);
  });

  it('reads an empty semaphore table', () => {
    const v = okValue(parse<IpcsOutput>('ipcs.sem', fixture('ipcs/util-linux-2.38-sem-empty.txt')));
    expect(v.semaphores).toEqual([]);
    expect(v.sections).toEqual(['Semaphore Arrays']);
  });

  it('reads `ipcs -s -t`: `Not set` is undefined, ctime is UTC', () => {
    const v = okValue(parse<IpcsOutput>('ipcs.sem-times', fixture('ipcs/util-linux-2.38-sem-times.txt')));
    expect(v.times).toHaveLength(6);
    expect(v.times[0]).toMatchObject({ semid: 0, owner: 'root', otime: utc('2026-11-28T07:28:44Z'), ctime: utc('2026-11-28T07:28:44Z') });
    expect(v.times[1]!.otime).toBeUndefined();
    expect(v.times[1]!.ctime).toBe(utc('2026-11-28T07:28:44Z'));
  });

  it('reads `ipcs -s -t` of util-linux 2.17 with a space-padded day (hand fixture, field guide §3)', () => {
    const v = okValue(parse<IpcsOutput>('ipcs.sem-times', fixture('ipcs/util-linux-2.17-sem-times-hand.txt')));
    expect(v.times.map((t) => t.semid)).toEqual([98304, 131073]);
    expect(v.times[0]!.otime).toBeUndefined();
    expect(v.times[0]!.ctime).toBe(utc('2016-06-14T10:17:09Z'));
    expect(v.times[1]!.otime).toBe(utc('2013-05-08T22:12:15Z'));
  });

  it('reads `ipcs -s -i` (uid line with TABs, mode, nsems, otime/ctime, the semnum table)', () => {
    const v = okValue(parse<IpcsOutput>('ipcs.sem-info', fixture('ipcs/util-linux-2.38-sem-info-3-sems.txt')));
    expect(v.info).toHaveLength(1);
    const i = v.info[0]!;
    expect(i).toMatchObject({ semid: 5, uid: 0, gid: 0, cuid: 0, cgid: 0, mode: 0o640, nsems: 3, line: 2 });
    expect(i.otime).toBe(utc('2026-11-28T07:28:44Z'));
    expect(i.sems).toEqual([
      { semnum: 0, value: 0, ncount: 0, zcount: 0, pid: 0 },
      { semnum: 1, value: 2, ncount: 0, zcount: 0, pid: 9535 },
      { semnum: 2, value: 0, ncount: 0, zcount: 0, pid: 0 },
    ]);
    const notSet = okValue(parse<IpcsOutput>('ipcs.sem-info', fixture('ipcs/util-linux-2.38-sem-info-not-set.txt'))).info[0]!;
    expect(notSet).toMatchObject({ semid: 3, uid: 998, gid: 998, nsems: 1 });
    expect(notSet.otime).toBeUndefined();
    expect(notSet.otimeLine?.line).toBe(6);
    expect(notSet.ctime).toBe(utc('2026-11-28T07:28:44Z'));
  });

  it('reads several `-s -i` blocks in one file (insights-core sample without the leading blank line)', () => {
    const text = 'Semaphore Array semid=65536\nuid=500  gid=501     cuid=500    cgid=501\nmode=0600, access_perms=0600\nnsems = 2\notime = Sun May 12 14:44:53 2013\nctime = Wed May  8 22:12:15 2013\nsemnum     value      ncount     zcount     pid\n0          1          0          0          6151\n1          1          0          0          2265\n\nSemaphore Array semid=7\nuid=0\t gid=0\t cuid=0\t cgid=0\nnsems = 1\notime = Not set\nctime = Not set\nsemnum     value      ncount     zcount     pid\n0          0          0          0          0\n';
    const v = okValue(parse<IpcsOutput>('ipcs.sem-info', text));
    expect(v.info.map((i) => [i.semid, i.uid, i.gid, i.sems.map((s) => s.pid)])).toEqual([
      [65536, 500, 501, [6151, 2265]],
      [7, 0, 0, [0]],
    ]);
    expect(v.info[0]!.ctime).toBe(utc('2013-05-08T22:12:15Z'));
  });

  it('reads `ipcs -s -c` with full owner names (real)', () => {
    const v = okValue(parse<IpcsOutput>('ipcs.sem', fixture('ipcs/util-linux-2.38-sem-creators.txt')));
    expect(v.creators.find((c) => c.semid === 3)).toMatchObject({ perms: 0o600, cuid: 'systemd-network', cgid: 'systemd-network', uid: 'systemd-network', gid: 'systemd-network' });
    expect(v.creators.find((c) => c.semid === 4)).toMatchObject({ uid: '4242', gid: '4242' });
    expect(v.semaphores).toEqual([]);
  });

  it('reads `ipcs -l` semaphore limits and ignores shm/msg limits', () => {
    const v = okValue(parse<IpcsOutput>('ipcs.limits', fixture('ipcs/util-linux-2.38-limits-semmni-8.txt')));
    expect(v.limits).toMatchObject({ semmni: 8, semmsl: 250, semmns: 32000, semopm: 32, semvmx: 32767 });
    expect(v.sections).toEqual(['Messages Limits', 'Shared Memory Limits', 'Semaphore Limits']);
  });

  it('reads `ipcs -u` used arrays and allocated semaphores', () => {
    const v = okValue(parse<IpcsOutput>('ipcs.summary', fixture('ipcs/util-linux-2.38-summary-semmni-reached.txt')));
    expect(v.summary).toMatchObject({ usedArrays: 8, allocatedSemaphores: 10 });
  });

  it('finds the semaphores in `ipcs -a` whatever the section order (2.38 real; 2.23 and 2.17 hand, field guide §3)', () => {
    const real = okValue(parse<IpcsOutput>('ipcs.sem', fixture('ipcs/util-linux-2.38-all.txt')));
    expect(real.sections).toEqual(['Message Queues', 'Shared Memory Segments', 'Semaphore Arrays']);
    expect(real.semaphores).toHaveLength(6);
    const v223 = okValue(parse<IpcsOutput>('ipcs.sem', fixture('ipcs/util-linux-2.23-all-hand.txt')));
    expect(v223.semaphores.map((s) => [s.keyHex, s.semid, s.owner])).toEqual([
      ['0x0d4d3358', 98304, 'root'],
      ['0x0d4d6b2e', 131073, 'root'],
      ['0x0052e2c1', 163843, 'postgres'],
    ]);
    const v217 = okValue(parse<IpcsOutput>('ipcs.sem', fixture('ipcs/util-linux-2.17-all-hand.txt')));
    expect(v217.sections).toEqual(['Shared Memory Segments', 'Semaphore Arrays', 'Message Queues']);
    expect(v217.semaphores.map((s) => s.semid)).toEqual([98304, 131073]);
    // The shm row (key 0x00000000, 7 columns) must not leak into the semaphore list.
    expect(v217.semaphores.every((s) => s.key !== 0)).toBe(true);
  });

  it('applies the host zone to sosreport output but not to our TZ=UTC bundle', () => {
    const text = fixture('ipcs/util-linux-2.38-sem-times.txt');
    const sos = okValue(parse<IpcsOutput>('ipcs.sem-times', text, { path: 'sos_commands/sysvipc/ipcs_-s_-t', hostUtcOffsetMinutes: 480 }));
    expect(sos.times[0]!.ctime).toBe(utc('2026-11-28T07:28:44+08:00'));
    const ours = okValue(parse<IpcsOutput>('ipcs.sem-times', text, { path: 'cmd/ipcs-s-t.txt', hostUtcOffsetMinutes: 480 }));
    expect(ours.times[0]!.ctime).toBe(utc('2026-11-28T07:28:44Z'));
  });

  it('every real fixture parses with zero problems', () => {
    for (const f of fixtureFiles('ipcs')) {
      const r = parse<IpcsOutput>('ipcs.sem', fixture(`ipcs/${f}`));
      expect(r.status, f).toBe('ok');
      expect(r.problems, f).toEqual([]);
    }
  });

  it('reports malformed rows with their line numbers and keeps the good ones', () => {
    const text = '\n------ Semaphore Arrays --------\nkey        semid      owner      perms      nsems\n0x0d4d1234 6          root       600        1\n0xZZZ 7 root 600 1\n0x0d4d1235 8 root 600\n0x0d4d1236 9 root 999 1\n';
    const r = parse<IpcsOutput>('ipcs.sem', text);
    expect(r.status).toBe('ok');
    expect(r.problems.map((p) => p.line)).toEqual([5, 6, 7]);
    expect(okValue(r).semaphores.map((s) => s.semid)).toEqual([6]);
  });

  it('keeps a row with text after its known columns (a user\'s marker, real moby/moby#35408) and notes it with the line', () => {
    const r = parse<IpcsOutput>('ipcs.sem', fixture('real-world/semaphore-leak/moby-moby-35408.txt'));
    expect(okValue(r).semaphores).toMatchObject([{ keyHex: '0x0d4dbc91', semid: 378044416, owner: 'root', perms: 0o600, nsems: 1, line: 6 }]);
    expect(r.problems).toMatchObject([{ line: 6, reason: 'text after the 5 columns ignored: <========' }]);
    const c = parse<IpcsOutput>('ipcs.sem', '\n------ Semaphore Arrays Creators/Owners --------\nsemid      perms      cuid       cgid       uid        gid\n7          600        root       root       root       root   # mine\n');
    expect(okValue(c).creators).toMatchObject([{ semid: 7, uid: 'root', gid: 'root' }]);
    expect(c.problems.map((p) => p.line)).toEqual([4]);
  });

  it('flags a localised or unknown section heading and text before any heading', () => {
    const r = parse<IpcsOutput>('ipcs.sem', 'garbage\n------ Tableaux de sémaphores --------\nclef semid\n');
    expect(r.problems.map((p) => p.line)).toEqual([1, 2]);
    expect(parse<IpcsOutput>('ipcs.sem', 'ipcs: unrecognized option\n').status).toBe('malformed');
    expect(parse<IpcsOutput>('ipcs.sem', '\n\n').status).toBe('skipped');
  });

  it('never throws on fuzzed input', () => {
    const seeds = fixtureFiles('ipcs').map((f) => fixture(`ipcs/${f}`));
    fuzzParser('ipcs.sem', seeds, 3000, 42);
  });
});
