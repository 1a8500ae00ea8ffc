/**
 * The lab harness itself: a real dockerd in a private netns starts, runs a bridge container whose veth stays
 * inside the netns, survives SIGKILL + restart, and teardown leaves no process, mount, netns, cgroup or folder.
 * Needs root, dockerd (docker.io) and busybox-static.
 */
import * as fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NetnsLab, labSkipReason, pidAlive, runSync } from './netns-lab.js';

const skip = labSkipReason();

describe.skipIf(skip !== null)(`netns lab harness${skip ? ` (skipped: ${skip})` : ''}`, () => {
  let lab: NetnsLab;
  let hostNamesBefore: Set<string>;

  beforeAll(async () => {
    hostNamesBefore = new Set([...runSync(['ip', '-o', 'link']).stdout.matchAll(/^\d+: ([^:@]+)/gm)].map((m) => m[1]!));
    lab = await NetnsLab.start();
    await lab.importBusybox();
  }, 120_000);

  afterAll(async () => {
    await lab?.teardown();
  }, 120_000);

  it('runs dockerd inside its own netns with the lab paths', () => {
    const pid = lab.daemonPid()!;
    expect(pid).toBeGreaterThan(0);
    expect(fs.readlinkSync(`/proc/${pid}/ns/net`)).toBe(lab.nsSync(['readlink', '/proc/self/ns/net']).stdout.trim());
    expect(fs.readlinkSync(`/proc/${pid}/ns/net`)).not.toBe(fs.readlinkSync('/proc/self/ns/net'));
    expect(fs.readFileSync(lab.pidFile, 'utf8').trim()).toBe(String(pid));
    expect(fs.existsSync(lab.sock)).toBe(true);
    expect(lab.containerdPid()).not.toBeNull();
    expect(lab.logTail(50)).toMatch(/level=info msg="API listen on /);
  });

  it('runs a bridge container whose veth and docker0 stay inside the netns', async () => {
    const [r] = await lab.runContainers(1, { prefix: 'probe' });
    expect(r!.code, r!.stderr).toBe(0);
    const inNs = lab.nsSync(['ip', '-o', 'link']).stdout;
    expect(inNs).toMatch(/\d+: docker0: /);
    expect(inNs).toMatch(/veth[0-9a-f]{7}@if\d+: .* master docker0 /);
    const host = runSync(['ip', '-o', 'link']).stdout;
    const vethName = /(veth[0-9a-f]{7})@if\d+: .* master docker0 /.exec(inNs)![1]!;
    expect(host).not.toContain(vethName);
    expect(lab.nsSync(['ip', '-o', 'addr', 'show', 'docker0']).stdout).toContain(lab.bip.split('/')[0]);
    // the container's processes sit in the lab's own cgroup parent
    expect(lab.cgroupProcs().length).toBeGreaterThan(0);
  });

  it('restarts after SIGKILL (containerd reaped first) and SIGSTOP/SIGCONT', async () => {
    const old = lab.daemonPid()!;
    await lab.killDaemon('SIGKILL');
    expect(pidAlive(old)).toBe(false);
    const st = await lab.startDaemon({ deadlineMs: 90_000 });
    expect(st.pid).not.toBe(old);
    expect(lab.logSince(st.logOffset)).toMatch(/Loading containers: done\./);
    lab.signalDaemon('SIGSTOP');
    const hung = await lab.docker(['version'], { timeoutMs: 3_000 });
    expect(hung.timedOut).toBe(true);
    lab.signalDaemon('SIGCONT');
    expect((await lab.docker(['version'], { timeoutMs: 20_000 })).code).toBe(0);
  }, 150_000);

  it('tears down completely: processes, mounts, netns, cgroups, folder', async () => {
    const labLinks = [...lab.nsSync(['ip', '-o', 'link']).stdout.matchAll(/^\d+: ([^:@]+)/gm)].map((m) => m[1]!);
    expect(labLinks).toContain('docker0');
    const pids = lab.labPids();
    expect(pids.length).toBeGreaterThan(0);
    const netns = lab.netns;
    const notes = await lab.teardown();
    expect(notes).toEqual([]);
    expect(pids.filter(pidAlive)).toEqual([]);
    expect(lab.mounts()).toEqual([]);
    expect(runSync(['ip', 'netns', 'list']).stdout).not.toContain(netns);
    expect(lab.cgroupDirs()).toEqual([]);
    expect(fs.existsSync(lab.base)).toBe(false);
    // None of the lab's interfaces moved to the host namespace when the netns went away.
    const hostNames = new Set([...runSync(['ip', '-o', 'link']).stdout.matchAll(/^\d+: ([^:@]+)/gm)].map((m) => m[1]));
    expect(labLinks.filter((n) => n !== 'lo' && !hostNamesBefore.has(n) && hostNames.has(n))).toEqual([]);
  }, 120_000);
});
