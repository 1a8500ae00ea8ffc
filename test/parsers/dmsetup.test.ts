import { describe, expect, it } from 'vitest';
import type { DmInfo, DmTargets, DmUdevCookies } from '../../analyzer/src/parsers/dmsetup.js';
import { fixture, fixtureFiles, fuzzParser, okValue, parse } from '../helpers/storage-parser-harness.js';

const utc = (s: string) => Date.parse(s);
const ARTIFACT: Record<string, string> = { udevcookies: 'dmsetup.udevcookies', 'info-c': 'dmsetup.info', status: 'dmsetup.status', table: 'dmsetup.table' };

describe('dmsetup udevcookies', () => {
  it('reads the current layout (real libdevmapper 1.02.185): 0x%-10x keys as integers, 1970 = never', () => {
    const v = okValue(parse<DmUdevCookies>('dmsetup.udevcookies', fixture('dmsetup/udevcookies-lvm2-1.02.185-cookies.txt')));
    expect(v.headerStyle).toBe('current');
    expect(v.cookies).toHaveLength(5);
    expect(v.cookies[0]).toMatchObject({ key: 0x0d4d2bfa, keyHex: '0x0d4d2bfa', semid: 0, value: 1, otime: utc('2026-11-28T07:28:44Z'), ctime: utc('2026-11-28T07:28:44Z'), line: 2 });
    expect(v.cookies[1]).toMatchObject({ key: 0x0d4d23c3, semid: 1, value: 0, ctime: utc('2026-11-28T07:28:44Z') });
    expect(v.cookies[1]!.otime).toBeUndefined();
  });

  it('the dmsetup key 0xd4d1234 equals the ipcs key 0x0d4d1234 as an integer', () => {
    const v = okValue(parse<DmUdevCookies>('dmsetup.udevcookies', 'Cookie       Semid      Value      Last semop time           Last change time\n0xd4d1234    6          1          Thu Jan  1 00:00:00 1970  Sat Nov 28 06:15:59 2026\n'));
    expect(v.cookies[0]!.key).toBe(0x0d4d1234);
    expect(v.cookies[0]!.keyHex).toBe('0x0d4d1234');
  });

  it('reads the lvm2 < 2.02.86 lower-case layout with only the semop time (hand, lvm2 tools/dmsetup.c)', () => {
    const v = okValue(parse<DmUdevCookies>('dmsetup.udevcookies', fixture('dmsetup/udevcookies-lvm2-2.02.85-legacy-hand.txt')));
    expect(v.headerStyle).toBe('legacy');
    expect(v.cookies.map((c) => [c.key, c.semid, c.otime, c.ctime])).toEqual([
      [0x0d4d3358, 98304, undefined, undefined],
      [0x0d4d6b2e, 131073, utc('2016-06-14T10:17:09Z'), undefined],
    ]);
  });

  it('treats the epoch printed in a non-UTC zone as never (sosreport, host at +08:00)', () => {
    const text = 'Cookie       Semid      Value      Last semop time           Last change time\n0xd4d1234    6          1          Thu Jan  1 08:00:00 1970  Sat Nov 28 14:15:59 2026\n';
    const v = okValue(parse<DmUdevCookies>('dmsetup.udevcookies', text, { path: 'sos_commands/devicemapper/dmsetup_udevcookies', hostUtcOffsetMinutes: 480 }));
    expect(v.cookies[0]!.otime).toBeUndefined();
    expect(v.cookies[0]!.ctime).toBe(utc('2026-11-28T06:15:59Z'));
  });

  it('records "Command not supported" as a message, not a problem (hand, field guide §3)', () => {
    const r = parse<DmUdevCookies>('dmsetup.udevcookies', fixture('dmsetup/udevcookies-lvm2-no-udev-sync-hand.txt'));
    expect(r.problems).toEqual([]);
    expect(okValue(r).messages.map((m) => m.kind)).toEqual(['udev-sync-unsupported']);
  });

  it('reports bad rows by line; no header and no message is malformed', () => {
    const r = parse<DmUdevCookies>('dmsetup.udevcookies', 'Cookie       Semid      Value      Last semop time           Last change time\n0xd4d1234 6\n0xd4d1235    7          0          Thu Jan  1 00:00:00 1970  Sat Nov 28 06:15:59 2026\n');
    expect(r.problems.map((p) => p.line)).toEqual([2]);
    expect(okValue(r).cookies.map((c) => c.semid)).toEqual([7]);
    expect(parse('dmsetup.udevcookies', 'rubbish\n').status).toBe('malformed');
  });
});

describe('dmsetup info -c', () => {
  it('reads LVM rows (insights-core sample), including flags and a non-numeric event', () => {
    const v = okValue(parse<DmInfo>('dmsetup.info', fixture('dmsetup/info-c-insights-core-lvm.txt')));
    expect(v.devices.map((d) => d.name)).toEqual(['VG00-tmp', 'VG00-root', 'VG00-tmp2']);
    expect(v.devices[0]).toMatchObject({ major: 253, minor: 8, stat: 'L--w', open: 1, targets: 1, events: 0, uuid: 'LVM-gy9uAwD7LuTIApplr2sogbOx5iS0FTax6lLmBji2ueSbX49gxcV76M29cmukQiw4', line: 2 });
    expect(v.devices[2]!.events).toBeUndefined();
    expect(v.devices[2]!.stat).toBe('xIsr');
  });

  it('reads docker names with ":" and an empty UUID', () => {
    const v = okValue(parse<DmInfo>('dmsetup.info', fixture('dmsetup/info-c-docker-loop-lvm-hand.txt')));
    expect(v.devices[0]).toMatchObject({ name: 'docker-253:0-1049989-pool', major: 253, minor: 1, open: 2, uuid: undefined });
  });

  it('"No devices found" and the no-driver error are messages (real capture for the latter)', () => {
    expect(okValue(parse<DmInfo>('dmsetup.info', fixture('dmsetup/info-c-lvm2-no-devices-hand.txt'))).messages.map((m) => m.kind)).toEqual(['no-devices']);
    const v = okValue(parse<DmInfo>('dmsetup.info', fixture('dmsetup/info-c-lvm2-1.02.185-no-dm-driver.txt')));
    expect(v.devices).toEqual([]);
    expect(v.messages.map((m) => m.kind)).toEqual(['no-driver', 'no-driver', 'no-driver', 'no-driver', 'command-failed']);
  });

  it('reports short rows by line', () => {
    const r = parse<DmInfo>('dmsetup.info', 'Name Maj Min Stat Open Targ Event UUID\nfoo 253 x L--w 1 1 0\nbar 253\n');
    expect(r.problems.map((p) => p.line)).toEqual([2, 3]);
  });
});

describe('dmsetup status / table', () => {
  it('reads thin-pool usage from status (insights-core sample, field guide §3)', () => {
    const v = okValue(parse<DmTargets>('dmsetup.status', fixture('dmsetup/status-insights-core-thin-pool.txt')));
    expect(v.lines).toHaveLength(12);
    const pool = v.lines.find((l) => l.name === 'rootvg-docker--pool')!;
    expect(pool).toMatchObject({ start: 0, length: 129548288, target: 'thin-pool', line: 7 });
    expect(pool.thinPool).toEqual({ transactionId: 1, metadataUsed: 20, metadataTotal: 49152, dataUsed: 38, dataTotal: 126512, mode: 'rw', flags: ['no_discard_passdown', 'queue_if_no_space'] });
    expect(v.lines[3]).toMatchObject({ name: 'docker-253:10-1234567-0df13579', target: 'thin', args: ['1922048', '20971519'] });
    expect(v.lines[0]).toMatchObject({ name: 'rootvg-tanlv', target: 'linear', args: [] });
  });

  it('flags a failed pool and a thin-pool line without usage', () => {
    const r = parse<DmTargets>('dmsetup.status', 'pool: 0 100 thin-pool Fail\npool2: 0 100 thin-pool 1 20/49152\n');
    const v = okValue(r);
    expect(v.lines[0]!.failed).toBe(true);
    expect(v.lines[1]!.thinPool).toBeUndefined();
    expect(r.problems.map((p) => p.line)).toEqual([2]);
  });

  it('reads the status of one device (no name prefix)', () => {
    const v = okValue(parse<DmTargets>('dmsetup.status', '0 129548288 thin-pool 1 20/49152 38/126512 - out_of_data_space no_discard_passdown error_if_no_space needs_check -\n'));
    expect(v.lines[0]).toMatchObject({ name: '', thinPool: { mode: 'out_of_data_space', flags: ['no_discard_passdown', 'error_if_no_space', 'needs_check'] } });
  });

  it('reads table lines', () => {
    const v = okValue(parse<DmTargets>('dmsetup.table', fixture('dmsetup/table-docker-thin-hand.txt')));
    expect(v.lines.map((l) => [l.name, l.target, l.args.length])).toEqual([
      ['docker-253:0-1049989-pool', 'thin-pool', 6],
      ['docker-253:0-1049989-1f7a0e7e4e7b3ab7b0a1e0c6a4bb8a3e6d4a7c2f06b4b8d2b1a5c9e0f3d2a1b0', 'thin', 2],
      ['rootvg-root', 'linear', 2],
    ]);
  });

  it('the real no-driver output of status and table is messages only', () => {
    for (const a of ['status', 'table']) {
      const v = okValue(parse<DmTargets>(ARTIFACT[a]!, fixture(`dmsetup/${a}-lvm2-1.02.185-no-dm-driver.txt`)));
      expect(v.lines).toEqual([]);
      expect(v.messages.at(-1)!.kind).toBe('command-failed');
    }
  });
});

describe('dmsetup fixtures and fuzz', () => {
  it('every fixture parses with zero problems', () => {
    for (const f of fixtureFiles('dmsetup')) {
      const artifact = ARTIFACT[f.split('-lvm2')[0]!.split('-insights')[0]!.split('-docker')[0]!]!;
      const r = parse(artifact, fixture(`dmsetup/${f}`));
      expect(r.status, f).toBe('ok');
      expect(r.problems, f).toEqual([]);
    }
  });

  it('never throws on fuzzed input', () => {
    for (const [prefix, artifact] of Object.entries(ARTIFACT)) {
      fuzzParser(artifact, fixtureFiles('dmsetup', prefix).map((f) => fixture(`dmsetup/${f}`)), 1000, prefix.length);
    }
  });
});
