import { toArtifactId } from '../../analyzer/src/spine/artifacts.js';
import { describe, expect, it } from 'vitest';
import { FactStore } from '../../analyzer/src/model/fact-store.js';
import { buildIpc, isDmCookieKey } from '../../analyzer/src/model/ipc.js';
import type { ProcessFacts } from '../../analyzer/src/model/host-model.js';
import { parseText } from '../../analyzer/src/parsers/parse-text.js';
import { fixture, modelFrom, type Input } from './log-model-helper.js';

const utc = (s: string) => Date.parse(s);

/** A FactStore from real parsers, for calling buildIpc with a hand-made draft (processes). */
function store(inputs: Input[]): FactStore {
  const facts = new FactStore();
  for (const i of inputs) {
    const text = i.text ?? fixture(i.fixture!);
    const artifact = toArtifactId(i.artifact);
    const path = i.path ?? i.fixture ?? artifact;
    facts.add({ source: { artifact, path, bytes: text.length, truncated: false }, result: parseText(artifact, text, { path }) });
  }
  return facts;
}

const MINE: Input[] = [
  { artifact: 'ipcs.sem', fixture: 'ipcs/util-linux-2.38-sem-cookies.txt', path: 'cmd/ipcs-s.txt' },
  { artifact: 'ipcs.sem-times', fixture: 'ipcs/util-linux-2.38-sem-times.txt', path: 'cmd/ipcs-s-t.txt' },
  { artifact: 'ipcs.sem-info', fixture: 'ipcs/util-linux-2.38-sem-info-touched.txt', path: 'cmd/ipcs-s-i/0.txt' },
  { artifact: 'ipcs.sem-info', fixture: 'ipcs/util-linux-2.38-sem-info-not-set.txt', path: 'cmd/ipcs-s-i/3.txt' },
  { artifact: 'ipcs.summary', fixture: 'ipcs/util-linux-2.38-summary.txt', path: 'cmd/ipcs-u.txt' },
  { artifact: 'proc.sysvipc-sem', fixture: 'proc-sysvipc-sem/linux-6.18-cookies.txt', path: 'files/proc/sysvipc/sem' },
  { artifact: 'dmsetup.udevcookies', fixture: 'dmsetup/udevcookies-lvm2-1.02.185-cookies.txt', path: 'cmd/dmsetup-udevcookies.txt' },
  { artifact: 'kernel.sem', fixture: 'kernel-sem/linux-6.18-default.txt', path: 'files/proc/sys/kernel/sem' },
];

describe('model: ipc', () => {
  it('joins ipcs -s, -t, -i, /proc/sysvipc/sem and dmsetup udevcookies into one semaphore each (real captures)', () => {
    const ipc = modelFrom(MINE).ipc;
    expect(ipc.semaphores.map((s) => s.semid)).toEqual([0, 1, 2, 3, 4, 5]);
    const s0 = ipc.semaphores[0]!;
    expect(s0).toMatchObject({ key: 0x0d4d2bfa, keyHex: '0x0d4d2bfa', owner: 'root', perms: 0o600, nsems: 1, isDmCookie: true, inUdevCookies: true, lastPid: 9532 });
    // /proc/sysvipc/sem gives the exact epoch: 1795850924 s.
    expect(s0.ctime).toBe(1795850924000);
    expect(s0.otime).toBe(1795850924000);
    expect(s0.evidence.map((e) => e.artifact).sort()).toEqual(['dmsetup.udevcookies', 'ipcs.sem', 'ipcs.sem-info', 'ipcs.sem-times', 'proc.sysvipc-sem']);
    expect(s0.evidence.find((e) => e.artifact === 'ipcs.sem')).toMatchObject({ path: 'cmd/ipcs-s.txt', line: 4, match: '0x0d4d2bfa' });
    expect(ipc.semaphores[3]).toMatchObject({ owner: 'systemd-ne', lastPid: undefined });
    expect(ipc.semaphores[3]!.otime).toBeUndefined();
    expect(ipc.semaphores[5]).toMatchObject({ key: 0, isDmCookie: false, inUdevCookies: false, nsems: 3, perms: 0o640 });
    expect(ipc.limits).toMatchObject({ semmsl: 32000, semmns: 1024000000, semopm: 500, semmni: 32000 });
    expect(ipc.limits!.evidence).toMatchObject({ artifact: 'kernel.sem', line: 1 });
    expect(ipc.usedArrays).toBe(6);
    expect(ipc.allocatedSemaphores).toBe(8);
  });

  it('takes the full owner name from `ipcs -s -c` when `ipcs -s` cut it (real)', () => {
    const ipc = modelFrom([...MINE, { artifact: 'ipcs.sem', fixture: 'ipcs/util-linux-2.38-sem-creators.txt', path: 'cmd/ipcs-s-c.txt' }]).ipc;
    expect(ipc.semaphores[3]!.owner).toBe('systemd-network');
    expect(ipc.semaphores[0]!.owner).toBe('root');
  });

  it('joins dmsetup 0xd4d1234 with ipcs 0x0d4d1234 as integers (not as text)', () => {
    const ipc = modelFrom([
      { artifact: 'ipcs.sem', text: '\n------ Semaphore Arrays --------\nkey        semid      owner      perms      nsems     \n0x0d4d1234 6          root       600        1         \n' },
      { artifact: 'dmsetup.udevcookies', text: 'Cookie       Semid      Value      Last semop time           Last change time\n0xd4d1234    6          1          Thu Jan  1 00:00:00 1970  Sat Nov 28 06:15:59 2026\n' },
    ]).ipc;
    expect(ipc.semaphores).toHaveLength(1);
    expect(ipc.semaphores[0]).toMatchObject({ key: 0x0d4d1234, semid: 6, inUdevCookies: true, isDmCookie: true, ctime: utc('2026-11-28T06:15:59Z'), otime: undefined });
    expect(ipc.semaphores[0]!.evidence).toHaveLength(2);
  });

  it('keeps IPC_PRIVATE arrays apart by semid (key 0 is not unique)', () => {
    const ipc = modelFrom([{ artifact: 'ipcs.sem', text: '------ Semaphore Arrays --------\nkey        semid      owner      perms      nsems\n0x00000000 1 a 600 1\n0x00000000 2 b 600 1\n' }]).ipc;
    expect(ipc.semaphores.map((s) => [s.semid, s.owner])).toEqual([
      [1, 'a'],
      [2, 'b'],
    ]);
  });

  it('records that dmsetup was built without udev_sync', () => {
    const ipc = modelFrom([{ artifact: 'dmsetup.udevcookies', fixture: 'dmsetup/udevcookies-lvm2-no-udev-sync-hand.txt' }]).ipc;
    expect(ipc.udevSyncUnsupported).toMatchObject({ artifact: 'dmsetup.udevcookies', line: 1 });
    expect(modelFrom(MINE).ipc.udevSyncUnsupported).toBeUndefined();
  });

  it('isDmCookie is key >>> 16 === 0x0d4d', () => {
    expect(isDmCookieKey(0x0d4d0000)).toBe(true);
    expect(isDmCookieKey(0x0d4dffff)).toBe(true);
    expect(isDmCookieKey(0x0d4e0000)).toBe(false);
    expect(isDmCookieKey(0x00000d4d)).toBe(false);
  });

  it('falls back for the limits: sysctl kernel.sem, then ipcs -l', () => {
    const viaSysctl = modelFrom([{ artifact: 'sysctl', fixture: 'sysctl/procps-4.0-sem-semmni-8.txt' }]).ipc.limits!;
    expect(viaSysctl).toMatchObject({ semmsl: 250, semmns: 32000, semopm: 32, semmni: 8 });
    expect(viaSysctl.evidence.artifact).toBe('sysctl');
    const viaIpcs = modelFrom([{ artifact: 'ipcs.limits', fixture: 'ipcs/util-linux-2.38-limits-semmni-8.txt' }]).ipc.limits!;
    expect(viaIpcs).toMatchObject({ semmni: 8, semmsl: 250, semmns: 32000, semopm: 32 });
    expect(viaIpcs.evidence.excerpt).toBe('max number of arrays = 8');
    expect(modelFrom([]).ipc).toEqual({ semaphores: [] });
  });

  it('lastPidAlive follows the process list when there is one, and stays undefined without', () => {
    const facts = store(MINE);
    const collection = { layout: 'folder' as const, source: 't', health: {}, parseProblems: {} };
    const proc = (pids: number[]): ProcessFacts => ({ available: true, list: pids.map((pid) => ({ pid, args: 'x', evidence: { artifact: 'ps', path: 'ps', line: 1, excerpt: 'x' } })) });
    expect(buildIpc(facts, { collection }).semaphores[0]!.lastPidAlive).toBeUndefined();
    expect(buildIpc(facts, { collection, processes: proc([1, 9532]) }).semaphores[0]!.lastPidAlive).toBe(true);
    expect(buildIpc(facts, { collection, processes: proc([1]) }).semaphores[0]!.lastPidAlive).toBe(false);
    // No last-op pid (never operated): nothing to say.
    expect(buildIpc(facts, { collection, processes: proc([1]) }).semaphores[1]!.lastPidAlive).toBeUndefined();
  });

  it('reads the lab leak up to SEMMNI=4 (test/fixtures/lab/semaphore-leak, real)', () => {
    const L = 'lab/semaphore-leak/';
    const ipc = modelFrom([
      { artifact: 'ipcs.sem', fixture: `${L}ipcs-s.txt` },
      { artifact: 'ipcs.sem-times', fixture: `${L}ipcs-s-t.txt` },
      ...[0, 1, 2, 3].map((n) => ({ artifact: 'ipcs.sem-info', fixture: `${L}ipcs-s-i-${n}.txt` })),
      { artifact: 'ipcs.limits', fixture: `${L}ipcs-l.txt` },
      { artifact: 'ipcs.summary', fixture: `${L}ipcs-u.txt` },
      { artifact: 'proc.sysvipc-sem', fixture: `${L}proc-sysvipc-sem.txt` },
      { artifact: 'kernel.sem', fixture: `${L}proc-sys-kernel-sem.txt` },
      { artifact: 'dmsetup.udevcookies', fixture: `${L}dmsetup-udevcookies.txt` },
    ]).ipc;
    expect(ipc.semaphores.map((s) => s.keyHex)).toEqual(['0x0d4ddff5', '0x0d4de243', '0x0d4d7bbf', '0x0d4d5796']);
    expect(ipc.semaphores.every((s) => s.isDmCookie && s.inUdevCookies)).toBe(true);
    expect(ipc.limits!.semmni).toBe(4);
    expect(ipc.usedArrays).toBe(4);
    expect(ipc.semaphores[0]!.otime).toBeUndefined();
    expect(ipc.semaphores[2]!.lastPid).toBeGreaterThan(0);
    expect(ipc.semaphores[2]!.ctime).toBe(utc('2026-11-28T07:39:13Z'));
  });
});
