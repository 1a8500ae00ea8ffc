/**
 * Full collection runs on this machine under dash and busybox sh (no dockerd needed: DOCKER_HOST
 * points at a socket that does not exist, so the docker items are recorded failed or skipped).
 * Checks the archive contract of docs/bundle-format.md: name, mode, last stdout line, one top
 * folder, manifest.json first, manifest schema, ids and paths from the artifact registry, bytes
 * and sha256 of every member.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import picomatch from 'picomatch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS, isArtifactId } from '../../analyzer/src/spine/artifacts.js';
import { baseEnv, collect, items, removeTmpDirs, RUN_TIMEOUT_MS, tmpDir, tree, which, type Collected } from './helpers.js';

afterAll(removeTmpDirs);

const dash = which('dash');
const busybox = which('busybox');

const ITEM_FIELDS = ['id', 'kind', 'argv', 'source', 'path', 'exitCode', 'durationMs', 'bytes', 'sha256', 'truncated', 'timedOut', 'skipped', 'skipReason', 'error'];

describe.each([
  ['dash', dash ? [dash] : null],
  ['busybox sh', busybox ? [busybox, 'sh'] : null],
])('a full run under %s', (name, shell) => {
  let c: Collected;
  let out: string;
  let startedAt: number;
  beforeAll(async () => {
    if (!shell) return;
    out = tmpDir(`run-${name.replace(' ', '-')}`);
    startedAt = Date.now();
    c = await collect(['--output', out, '--max-log-bytes', '2000000', '--min-free', '0'], { shell, env: baseEnv() });
  }, RUN_TIMEOUT_MS);

  const need = `(needs ${name})`;

  it.skipIf(!shell)(`names the archive per the contract, mode 0600, path as the last stdout line ${need}`, () => {
    const host = os.hostname().split('.')[0]!.replace(/[^A-Za-z0-9._-]/g, '_');
    expect(path.basename(c.archive)).toMatch(new RegExp(`^docker-postmortem-${host.replace(/\./g, '\\.')}-\\d{8}T\\d{6}Z\\.tar\\.gz$`));
    expect(path.dirname(c.archive)).toBe(out);
    expect(fs.statSync(c.archive).mode & 0o777).toBe(0o600);
    // only the archive remains: the temp folder inside --output is gone
    expect(tree(out)).toEqual([path.basename(c.archive)]);
    // the time in the name is the collection time (UTC), within the run
    const m = /(\d{4})(\d\d)(\d\d)T(\d\d)(\d\d)(\d\d)Z/.exec(c.archive)!;
    const t = Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!);
    expect(t).toBeGreaterThanOrEqual(Math.floor(startedAt / 1000) * 1000 - 1000);
    expect(t).toBeLessThanOrEqual(Date.now());
  });

  it.skipIf(!shell)(`has one top folder and manifest.json as its first member ${need}`, () => {
    expect(c.members[0]!.name).toBe(`${c.top}/manifest.json`);
    for (const m of c.members) expect(m.name.startsWith(`${c.top}/`), m.name).toBe(true);
  });

  it.skipIf(!shell)(`writes a manifest with the contract's top-level fields ${need}`, () => {
    const m = c.manifest;
    expect(m.format).toBe('docker-postmortem-bundle');
    expect(m.formatVersion).toBe(1);
    expect(m.collector.name).toBe('docker-postmortem-collect');
    expect(m.collectedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(c.archive).toContain(m.collectedAt.replace(/[-:]/g, ''));
    expect(m.utcOffset).toMatch(/^[+-]\d{4}$/);
    expect(m.kernel).toBe(os.release());
    expect(m.asRoot).toBe(process.getuid?.() === 0);
    expect(m.redacted).toBe(false);
    expect(m.netns).toBe(fs.readlinkSync('/proc/self/ns/net'));
    expect(m.ipcns).toBe(fs.readlinkSync('/proc/self/ns/ipc'));
    expect(typeof m.dataRoot).toBe('string');
    expect(m.options).toMatchObject({ timeout: 20, budget: 300, since: null, until: null, maxLogBytes: 2000000 });
    expect(m.items.length).toBeGreaterThan(40);
  });

  it.skipIf(!shell)(`lists every item with all fields, registry ids and registry paths ${need}`, () => {
    for (const it of c.manifest.items) {
      expect(Object.keys(it).sort(), it.id).toEqual([...ITEM_FIELDS].sort());
      expect(isArtifactId(it.id), it.id).toBe(true);
      expect(['command', 'file', 'listing']).toContain(it.kind);
      const spec = ARTIFACTS.find((a) => a.id === it.id)!;
      // the member path is one the registry (and so the reader) looks for
      if (!it.skipped) expect(spec.bundle.some((g) => picomatch(g, { dot: true })(it.path)), `${it.id} ${it.path}`).toBe(true);
      if (it.kind === 'command' && !it.skipped) expect(Array.isArray(it.argv), it.id).toBe(true);
      if (it.kind === 'file') expect(typeof it.source, it.id).toBe('string');
      if (it.skipped) {
        expect(it.skipReason, it.id).toBeTruthy();
        expect(it.bytes).toBeNull();
        expect(it.sha256).toBeNull();
      } else {
        expect(it.skipReason).toBeNull();
        expect(typeof it.durationMs).toBe('number');
      }
      if (it.kind !== 'command') expect(it.exitCode).toBeNull();
    }
  });

  it.skipIf(!shell)(`records bytes and sha256 that match each member ${need}`, () => {
    let checked = 0;
    for (const it of c.manifest.items.filter((i) => !i.skipped)) {
      const data = c.file(it.path);
      expect(data, `${it.id} ${it.path} missing from the archive`).toBeDefined();
      expect(it.bytes, it.path).toBe(data!.length);
      if (which('sha256sum')) expect(it.sha256, it.path).toBe(createHash('sha256').update(data!).digest('hex'));
      checked++;
    }
    expect(checked).toBeGreaterThan(30);
  });

  it.skipIf(!shell)(`collects the always-present host facts with their real content ${need}`, () => {
    expect(c.file('cmd/uname-a.txt')!.toString()).toContain(os.release());
    expect(c.file('files/proc/sys/kernel/sem')!.toString()).toBe(fs.readFileSync('/proc/sys/kernel/sem', 'utf8'));
    expect(c.file('files/proc/self/mountinfo')!.toString()).toMatch(/^\d+ \d+ \d+:\d+ \S+ \/ /m);
    const sysctl = c.file('cmd/sysctl.txt')!.toString();
    expect(sysctl).toContain(`kernel.pid_max = ${fs.readFileSync('/proc/sys/kernel/pid_max', 'utf8').trim()}`);
    expect(c.file('cmd/daemon-processes.txt')!.toString()).toMatch(/^# docker-postmortem daemon-processes v1$/m);
    expect(c.file('cmd/ps.txt')!.toString()).toMatch(/^\s*PID\s+PPID\s+USER\s+STARTED\s+STAT\s+COMMAND/);
    if (which('ipcs')) expect(c.file('cmd/ipcs-s.txt')!.toString()).toContain('------ Semaphore Arrays --------');
  });

  it.skipIf(!shell)(`records docker failures against a missing daemon (DOCKER_HOST honoured) ${need}`, () => {
    for (const id of ['docker.version', 'docker.info', 'docker.ps', 'docker.network-ls']) {
      const [it] = items(c, id);
      expect(it, id).toBeDefined();
      if (which('docker')) {
        expect(it!.skipped, id).toBe(false);
        expect(it!.exitCode, id).not.toBe(0);
        expect(it!.error, id).toContain('nonexistent/docker-postmortem-test.sock');
      } else {
        expect(it!.skipReason).toBe('tool not found: docker');
      }
    }
    expect(c.run.stderr).toContain('failed or non-zero exit:');
  });

  it.skipIf(!shell)(`keeps stderr beside the output when a command complains ${need}`, () => {
    const docker = items(c, 'docker.info')[0]!;
    if (docker.skipped) return;
    expect(c.file('cmd/docker-info.txt.stderr')!.toString()).toContain(docker.error!);
  });
});
