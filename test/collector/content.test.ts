/**
 * What the collector writes about a data-root, about running daemons, and under --redact.
 * Inputs are built here (a synthetic data-root, fake dockerd/containerd processes, a planted log);
 * every expectation is derived from those inputs, never from a previous run's output.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sleep } from '../lab/netns-lab.js';
import { baseEnv, collect, fakeDaemon, items, removeTmpDirs, RUN_TIMEOUT_MS, tmpDir, which, type Collected } from './helpers.js';

afterAll(removeTmpDirs);

const hex = (b: number | undefined): string => (b === undefined ? '-' : b.toString(16).padStart(2, '0'));
const isBlank = (b: number): boolean => b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d;

/** Containers' JSON files as power loss leaves them: name → bytes and the state the contract names. */
const JSON_CASES: { id: string; file: string; data: Buffer; state: string }[] = [
  { id: 'a'.repeat(64), file: 'config.v2.json', data: Buffer.from(`{"Config":{"Env":["SECRET_ENV_VALUE_x9=1"]},${'"Pad":1,'.repeat(50)}"Z":1}\n`), state: 'ok' },
  { id: 'a'.repeat(64), file: 'hostconfig.json', data: Buffer.from('{"Binds":null}'), state: 'ok' },
  { id: 'b'.repeat(64), file: 'config.v2.json', data: Buffer.alloc(0), state: 'empty' },
  { id: 'b'.repeat(64), file: 'hostconfig.json', data: Buffer.alloc(4096), state: 'nul-filled' },
  { id: 'c'.repeat(64), file: 'config.v2.json', data: Buffer.from(`{"Config":${'"x",'.repeat(40)}`), state: 'truncated' },
  { id: 'c'.repeat(64), file: 'hostconfig.json', data: Buffer.from('  \n\t '), state: 'empty' },
  { id: 'd'.repeat(64), file: 'config.v2.json', data: Buffer.concat([Buffer.from(`{${'"k":1,'.repeat(30)}"z":2}`), Buffer.alloc(300)]), state: 'truncated' },
  { id: 'd'.repeat(64), file: 'hostconfig.json', data: Buffer.from(`${' '.repeat(100)}{"a":1}${' '.repeat(100)}`), state: 'ok' },
];

function expectedEnds(data: Buffer): { first: string; last: string } {
  const nonBlank = [...data].filter((b) => !isBlank(b));
  return { first: hex(nonBlank[0]), last: hex(nonBlank[nonBlank.length - 1]) };
}

describe('data-root listing and JSON health', () => {
  let root: string;
  let bigLog: string;
  let smallLog: string;
  let missingLog: string;
  let c: Collected;
  const deviceset = '{"next_device_id":5,"BaseDeviceUUID":"4fa22307-0c88-4fa4-8f16-a9459e3e5b1f","BaseDeviceFilesystem":"xfs"}';
  beforeAll(async () => {
    root = path.join(tmpDir('dataroot'), 'docker');
    const mk = (rel: string, data: string | Buffer = ''): void => {
      fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
      fs.writeFileSync(path.join(root, rel), data);
    };
    for (const j of JSON_CASES) mk(`containers/${j.id}/${j.file}`, j.data);
    mk(`containers/${'a'.repeat(64)}/hostname`, 'web1\n');
    mk('network/files/local-kv.db', Buffer.alloc(32768));
    mk('volumes/metadata.db', Buffer.alloc(16384));
    mk('image/overlay2/repositories.json', '{"Repositories":{}}');
    mk('image/overlay2/imagedb/content/sha256/0123', '{}');
    mk('overlay2/layer1/diff/etc/passwd', 'root:x:0:0::/root:/bin/sh\n');
    mk('buildkit/cache.db', Buffer.alloc(8192));
    mk('containerd/daemon/io.containerd.metadata.v1.bolt/meta.db', Buffer.alloc(4096));
    mk('devicemapper/metadata/deviceset-metadata', deviceset);
    mk('100000.100000/containers/' + 'e'.repeat(64) + '/config.v2.json', '{}');
    mk('100000.100000/devicemapper/metadata/deviceset-metadata', deviceset);
    fs.symlinkSync('/nonexistent/target', path.join(root, 'dangling-link'));
    fs.chmodSync(path.join(root, 'containers'), 0o710);
    // extra logs ride along: one longer than --max-log-bytes, one short, one missing
    const logs = tmpDir('logs');
    bigLog = path.join(logs, 'dockerd.log');
    fs.writeFileSync(bigLog, Array.from({ length: 400 }, (_, i) => `line ${i} ${'x'.repeat(i % 37)}`).join('\n') + '\n');
    smallLog = path.join(logs, 'small log.txt');
    fs.writeFileSync(smallLog, 'short\n');
    missingLog = path.join(logs, 'gone.log');
    c = await collect(
      ['--output', tmpDir('dataroot-out'), '--data-root', root, '--min-free', '0', '--max-log-bytes', '4096', '--log-file', bigLog, '--log-file', smallLog, '--log-file', missingLog],
      { env: baseEnv() },
    );
  }, RUN_TIMEOUT_MS);

  it('records the data-root it was given', () => {
    expect(c.manifest.dataRoot).toBe(root);
  });

  it('classifies every config.v2.json / hostconfig.json from its bytes, never copying them', () => {
    const rows = c.file('cmd/dataroot-json-health.tsv')!.toString().split('\n').filter((l) => l && !l.startsWith('#'));
    const byPath = new Map(rows.map((r) => [r.split('\t')[0]!, r.split('\t')]));
    for (const j of JSON_CASES) {
      const p = path.join(root, 'containers', j.id, j.file);
      const row = byPath.get(p);
      expect(row, p).toBeDefined();
      const st = fs.statSync(p);
      const ends = j.state === 'empty' || j.state === 'nul-filled' ? { first: j.state === 'nul-filled' ? '00' : '-', last: j.state === 'nul-filled' ? '00' : '-' } : expectedEnds(j.data);
      expect(row, `${j.id.slice(0, 1)} ${j.file}`).toEqual([p, String(j.data.length), String(Math.floor(st.mtimeMs / 1000)), j.state, ends.first, ends.last]);
    }
    // the userns-remapped data-root is checked too
    expect(byPath.has(path.join(root, '100000.100000/containers', 'e'.repeat(64), 'config.v2.json'))).toBe(true);
    // contents never leave the host
    for (const m of c.members) expect(m.data.includes('SECRET_ENV_VALUE_x9'), m.name).toBe(false);
  });

  it('lists the interesting parts with type, mode, owner, size and mtime, but not layer contents', () => {
    const text = c.file('cmd/dataroot-listing.tsv')!.toString();
    expect(text.split('\n')[0]).toBe('# type\tmode\tuid\tgid\tsize\tmtime\tpath');
    const rows = new Map(text.split('\n').filter((l) => l && !l.startsWith('#')).map((l) => [l.split('\t')[6]!, l.split('\t')]));
    const want = [
      '',
      'containers',
      `containers/${'a'.repeat(64)}`,
      `containers/${'a'.repeat(64)}/config.v2.json`,
      `containers/${'a'.repeat(64)}/hostname`,
      'network/files/local-kv.db',
      'volumes/metadata.db',
      'image/overlay2/repositories.json',
      'image/overlay2/imagedb/content',
      'overlay2',
      'buildkit/cache.db',
      'containerd/daemon/io.containerd.metadata.v1.bolt/meta.db',
      'devicemapper/metadata/deviceset-metadata',
      'dangling-link',
      `100000.100000/containers/${'e'.repeat(64)}/config.v2.json`,
    ];
    for (const rel of want) {
      const p = rel ? path.join(root, rel) : root;
      const row = rows.get(p);
      expect(row, p).toBeDefined();
      const st = fs.lstatSync(p);
      const type = st.isSymbolicLink() ? 'l' : st.isDirectory() ? 'd' : st.isFile() ? 'f' : 'o';
      expect(row!.slice(0, 5), p).toEqual([type, (st.mode & 0o7777).toString(8), String(st.uid), String(st.gid), String(st.size)]);
      expect(Math.floor(Number(row![5])), p).toBe(Math.floor(st.mtimeMs / 1000));
    }
    // layer contents are not walked (bounded depth)
    expect([...rows.keys()].some((p) => p.includes('/overlay2/layer1/'))).toBe(false);
    expect(items(c, 'dataroot.listing')[0]!.truncated).toBe(false);
  });

  it('copies deviceset-metadata of the data-root and of the userns variant byte for byte', () => {
    const dm = items(c, 'devicemapper.deviceset-metadata');
    expect(dm.map((i) => i.source).sort()).toEqual(
      [path.join(root, 'devicemapper/metadata/deviceset-metadata'), path.join(root, '100000.100000/devicemapper/metadata/deviceset-metadata')].sort(),
    );
    for (const i of dm) expect(c.file(i.path)!.toString()).toBe(deviceset);
  });

  it('keeps the newest --max-log-bytes of each --log-file, cut at a line start, under a safe name', () => {
    const logs = items(c, 'syslog').filter((i) => i.path.startsWith('logs/'));
    const big = logs.find((i) => i.source === bigLog)!;
    const raw = fs.readFileSync(bigLog);
    const tail = raw.subarray(raw.length - 4096);
    const want = tail.subarray(tail.indexOf(0x0a) + 1);
    expect(big).toMatchObject({ path: 'logs/dockerd.log', truncated: true, skipped: false });
    expect(c.file(big.path)!.equals(want)).toBe(true);
    const small = logs.find((i) => i.source === smallLog)!;
    expect(small).toMatchObject({ path: 'logs/small_log.txt', truncated: false });
    expect(c.file(small.path)!.toString()).toBe('short\n');
    expect(logs.find((i) => i.source === missingLog)).toMatchObject({ skipped: true, skipReason: `not present: ${missingLog}` });
  });

  it('caps the listing at --max-entries and says so', async () => {
    const capped = await collect(['--output', tmpDir('dataroot-cap'), '--data-root', root, '--max-entries', '5', '--min-free', '0', '--budget', '120'], { env: baseEnv() });
    const lines = capped.file('cmd/dataroot-listing.tsv')!.toString().trimEnd().split('\n');
    expect(lines.filter((l) => !l.startsWith('#'))).toHaveLength(5);
    expect(lines[lines.length - 1]).toBe('# truncated: entry cap 5 reached');
    expect(items(capped, 'dataroot.listing')[0]!.truncated).toBe(true);
  }, RUN_TIMEOUT_MS);
});

describe.skipIf(!which('dash'))('daemon processes (needs dash for the fake daemons)', () => {
  const kids: ChildProcess[] = [];
  let c: Collected;
  let dockerd: ChildProcess;
  let containerd: ChildProcess;
  let bin: string;
  beforeAll(async () => {
    // copies of dash named dockerd / containerd: /proc/<pid>/comm says so, like the real daemons
    bin = tmpDir('fake-daemons');
    const dockerdExe = fakeDaemon(bin, 'dockerd');
    const containerdExe = fakeDaemon(bin, 'containerd');
    const env = { PATH: process.env.PATH!, SECRET_TOKEN: 'hunter2-xyz', DOCKER_RAMDISK: 'true', DISABLE_CRASH_FILES: '1', HTTP_PROXY: 'http://user:pw@proxy' };
    dockerd = spawn(dockerdExe, ['-c', 'sleep 120; :', 'x', '--data-root', '/srv/dock er', 'quo"te'], { env, stdio: 'ignore' });
    containerd = spawn(containerdExe, ['-c', 'sleep 120; :', 'y', '--config', '/etc/containerd/config.toml'], { env, stdio: 'ignore' });
    kids.push(dockerd, containerd);
    // The collector looks at the daemons early: wait until both show under their daemon names.
    const comm = (pid: number | undefined): string => {
      try {
        return fs.readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
      } catch {
        return '';
      }
    };
    const until = Date.now() + 30_000;
    while ((comm(dockerd.pid) !== 'dockerd' || comm(containerd.pid) !== 'containerd') && Date.now() < until) await sleep(50);
    c = await collect(['--output', tmpDir('daemons-out'), '--min-free', '0'], { env: baseEnv() });
  }, RUN_TIMEOUT_MS);
  afterAll(() => {
    for (const k of kids) if (k.pid) k.kill('SIGKILL');
  });

  it('writes each daemon as a proc line with quoted argv, its exe, and env with values redacted except DISABLE_*/DOCKER_*', () => {
    const lines = c.file('cmd/daemon-processes.txt')!.toString().split('\n');
    const d = dockerd.pid!;
    expect(lines).toContain(`proc\t${d}\t${process.pid}\tdockerd\t${path.join(bin, 'dockerd')} -c "sleep 120; :" x --data-root "/srv/dock er" "quo\\"te"`);
    expect(lines).toContain(`exe\t${d}\t${path.join(bin, 'dockerd')}`);
    expect(lines).toContain(`env\t${d}\tDOCKER_RAMDISK=true`);
    expect(lines).toContain(`env\t${d}\tDISABLE_CRASH_FILES=1`);
    expect(lines).toContain(`env\t${d}\tSECRET_TOKEN=<redacted>`);
    expect(lines).toContain(`env\t${d}\tHTTP_PROXY=<redacted>`);
    const k = containerd.pid!;
    expect(lines).toContain(`proc\t${k}\t${process.pid}\tcontainerd\t${path.join(bin, 'containerd')} -c "sleep 120; :" y --config /etc/containerd/config.toml`);
    for (const m of c.members) {
      expect(m.data.includes('hunter2-xyz'), m.name).toBe(false);
      expect(m.data.includes('user:pw@proxy'), m.name).toBe(false);
    }
  });
});

describe('--redact', () => {
  const fakeHost = 'fakehost-zq9';
  const planted = {
    host: fakeHost,
    host2: 'otherhost-k2',
    ipv4: '10.201.33.44',
    ipv4b: '172.31.250.9',
    ipv6: 'fd00:4321:abcd::77',
    mac: 'de:ad:be:ef:00:01',
  };
  let c: Collected;
  let out: string;
  let root: string;
  beforeAll(async () => {
    const dir = tmpDir('redact-in');
    const log = path.join(dir, `${fakeHost}.log`);
    fs.writeFileSync(
      log,
      [
        `Nov 28 07:00:00 ${planted.host} dockerd[123]: msg from ${planted.ipv4} mac ${planted.mac} v6 ${planted.ipv6}`,
        `2026-11-28T07:00:01.000000+00:00 ${planted.host2} kernel: eth0 up ${planted.ipv4b}:8080 via ${planted.mac.toUpperCase()}`,
        `Nov 28 07:00:02 ${planted.host} containerd[9]: version docker-engine-18.09.0.100 kernel 5.10.0-60.18.0.50.oe2203`,
        '',
      ].join('\n'),
    );
    // a data-root whose path names the host: member names must be redacted too
    root = path.join(dir, fakeHost, 'docker');
    fs.mkdirSync(path.join(root, 'devicemapper/metadata'), { recursive: true });
    fs.writeFileSync(path.join(root, 'devicemapper/metadata/deviceset-metadata'), `{"BaseDeviceUUID":"x","host":"${planted.ipv4}"}`);
    out = tmpDir('redact-out');
    c = await collect(['--output', out, '--redact', '--log-file', log, '--data-root', root, '--min-free', '0'], { env: baseEnv() });
  }, RUN_TIMEOUT_MS);

  const word = (v: string): RegExp => new RegExp(`(^|[^A-Za-z0-9_])${v.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^A-Za-z0-9_])`, 'i');

  it('leaves none of the planted originals, nor the own host name, in any member or member name', () => {
    const own = os.hostname().split('.')[0]!;
    for (const m of c.members) {
      const text = m.data.toString('latin1');
      for (const [k, v] of Object.entries(planted)) {
        expect(text.toLowerCase().includes(v.toLowerCase()), `${k} ${v} in ${m.name}`).toBe(false);
        expect(m.name.includes(v), `${k} ${v} in the name ${m.name}`).toBe(false);
      }
      if (own.length >= 2) expect(word(own).test(text), `own host name in ${m.name}`).toBe(false);
    }
  });

  it('keeps the log readable: same shape, placeholders in place, versions untouched', () => {
    const logItem = items(c, 'syslog').find((i) => i.path.startsWith('logs/'))!;
    expect(logItem.path).toBe('logs/log-1');
    const lines = c.file(logItem.path)!.toString().split('\n');
    expect(lines[0]).toMatch(/^Nov 28 07:00:00 host-\d+ dockerd\[123\]: msg from 240\.0\.\d+\.\d+ mac 02:00:00:[0-9a-f:]{8} v6 2001:db8::[0-9a-f]+$/);
    expect(lines[1]).toMatch(/^2026-11-28T07:00:01\.000000\+00:00 host-\d+ kernel: eth0 up 240\.0\.\d+\.\d+:8080 via 02:00:00:[0-9a-f:]{8}$/);
    expect(lines[2]).toContain('docker-engine-18.09.0.100 kernel 5.10.0-60.18.0.50.oe2203');
    // the same MAC in either case maps to one placeholder
    expect(lines[0]!.split(' mac ')[1]!.split(' ')[0]).toBe(lines[1]!.split(' via ')[1]);
  });

  it('names the archive and manifest host-1, marks it redacted, and redacts member paths', () => {
    expect(path.basename(c.archive)).toMatch(/^docker-postmortem-host-1-\d{8}T\d{6}Z\.tar\.gz$/);
    expect(c.manifest.host).toBe('host-1');
    expect(c.manifest.redacted).toBe(true);
    const dm = items(c, 'devicemapper.deviceset-metadata')[0]!;
    expect(dm.skipped).toBe(false);
    expect(dm.path).toMatch(/^files\/.*\/host-\d+\/docker\/devicemapper\/metadata\/deviceset-metadata$/);
    expect(c.file(dm.path)!.toString()).toMatch(/"host":"240\.0\.\d+\.\d+"/);
  });

  it('keeps the mapping beside the archive (0600), never inside it', () => {
    const mapFile = c.archive.replace(/\.tar\.gz$/, '.redact-map.tsv');
    expect(fs.readdirSync(out).sort()).toEqual([path.basename(c.archive), path.basename(mapFile)].sort());
    expect(fs.statSync(mapFile).mode & 0o777).toBe(0o600);
    const map = fs.readFileSync(mapFile, 'utf8');
    for (const v of Object.values(planted)) expect(map, v).toContain(`\t${v}\t`);
    for (const m of c.members) expect(m.name).not.toContain('redact-map');
    const mapLines = map.split('\n').filter((l) => l && !l.startsWith('#'));
    for (const m of c.members) for (const l of mapLines) expect(m.data.includes(`\t${l.split('\t')[1]}\t${l.split('\t')[2]}`)).toBe(false);
  });
});
