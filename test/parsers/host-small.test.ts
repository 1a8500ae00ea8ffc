import { describe, expect, it } from 'vitest';
import type { PackagesFacts } from '../../analyzer/src/parsers/packages.js';
import { splitNvra } from '../../analyzer/src/parsers/packages.js';
import type { UnameFacts } from '../../analyzer/src/parsers/uname.js';
import type { OsReleaseFacts } from '../../analyzer/src/parsers/os-release.js';
import type { HostnameFacts } from '../../analyzer/src/parsers/hostname.js';
import type { PsFacts } from '../../analyzer/src/parsers/ps.js';
import type { DaemonProcessFacts } from '../../analyzer/src/parsers/processes.js';
import { fixture, okValue, parse } from './host-helpers.js';

describe('packages parser', () => {
  it('rpm NVRA split from the right; gpg-pubkey has no arch (field guide §3)', () => {
    expect(splitNvra('docker-engine-18.09.0-316.oe2203sp1.x86_64')).toEqual({ name: 'docker-engine', version: '18.09.0', release: '316.oe2203sp1', arch: 'x86_64' });
    expect(splitNvra('gpg-pubkey-b675600b-5d8ef6f9')).toEqual({ name: 'gpg-pubkey', version: 'b675600b', release: '5d8ef6f9' });
    expect(splitNvra('runc-1.0.0.rc3-302.oe1.x86_64')).toMatchObject({ name: 'runc', version: '1.0.0.rc3' });
    expect(splitNvra('nodash')).toBeUndefined();
  });

  it('sos installed-rpms lines (NVRA + date)', () => {
    const { value } = okValue<PackagesFacts>('rpm.qa', 'rpm.qa/hand-sos-installed-rpms-openeuler.txt');
    expect(value.packages.map((p) => p.name)).toEqual(['containerd', 'docker-engine', 'gpg-pubkey']);
  });

  it('dpkg -l [cap]: ii rows, name:arch, non-installed rows counted', () => {
    const { value } = okValue<PackagesFacts>('dpkg.l', 'dpkg.l/dpkg-1.21-debian12-trimmed.txt');
    expect(value.manager).toBe('dpkg');
    expect(value.packages.find((p) => p.name === 'docker.io')).toMatchObject({ version: '20.10.24+dfsg1-1+deb12u1+b6', arch: 'amd64', status: 'ii' });
    expect(value.packages.find((p) => p.name === 'systemd')).toMatchObject({ version: '252.39-1~deb12u2', line: 42 });
    const multi = parse<PackagesFacts>('dpkg.l', 'ii  libsystemd0:i386  252.39-1  i386  systemd utility library\n');
    expect(multi.status === 'ok' && multi.value.packages[0]).toMatchObject({ name: 'libsystemd0', arch: 'i386' });
    const r = parse<PackagesFacts>('dpkg.l', 'rc  oldpkg  1.0  amd64  gone\nii  newpkg  2.0  amd64  here\n');
    expect(r.status === 'ok' && [r.value.notInstalled, r.value.packages.length]).toEqual([1, 1]);
  });

  it('garbage is a problem; all garbage is malformed', () => {
    expect(parse('rpm.qa', 'docker-engine-18.09.0-1.x86_64\n???\n').problems).toMatchObject([{ line: 2 }]);
    expect(parse('rpm.qa', '???\n').status).toBe('malformed');
  });
});

describe('uname, os-release, hostname parsers', () => {
  it('uname -a [cap] and uname -r', () => {
    expect(okValue<UnameFacts>('uname', 'uname/uname-debian12-a.txt').value).toMatchObject({ release: '6.18.44-fc-v782', nodename: 'vm', machine: 'x86_64' });
    const r = parse<UnameFacts>('uname', '5.10.0-60.18.0.50.oe2203.x86_64\n');
    expect(r.status === 'ok' && r.value.release).toBe('5.10.0-60.18.0.50.oe2203.x86_64');
    expect(parse('uname', 'hello world there\n').status).toBe('malformed');
  });

  it('os-release [cap] and openEuler quoting', () => {
    expect(okValue<OsReleaseFacts>('os-release', 'os-release/debian-12.txt').value).toMatchObject({ id: 'debian', versionId: '12', prettyName: 'Debian GNU/Linux 12 (bookworm)' });
    const r = parse<OsReleaseFacts>('os-release', 'ID="openEuler"\nVERSION_ID="22.03"\nbad line\n');
    expect(r.status === 'ok' && r.value.id).toBe('openEuler');
    expect(r.problems).toMatchObject([{ line: 3 }]);
  });

  it('hostname [cap]; a second line is a problem', () => {
    expect(okValue<HostnameFacts>('hostname', 'hostname/debian12-short.txt').value).toEqual({ hostname: 'vm', line: 1 });
    expect(parse('hostname', 'a\nb\n').problems).toMatchObject([{ line: 2 }]);
    // A sosreport's /etc/hostname copy may carry comment lines (hostname(5)).
    const etc = parse<HostnameFacts>('hostname', '# set by cloud-init\nnode7\n', 'etc/hostname');
    expect(etc.status === 'ok' && [etc.value, etc.problems]).toEqual([{ hostname: 'node7', line: 2 }, []]);
  });
});

describe('ps and daemon-processes parsers', () => {
  it('ps -eo …lstart… [cap]: lstart as UTC ms (collector runs TZ=UTC)', () => {
    const { value } = okValue<PsFacts>('ps', 'ps/procps-4.0-eo-lstart-docker20.10.txt', 'cmd/ps.txt');
    expect(value.columns).toEqual(['PID', 'PPID', 'USER', 'STARTED', 'STAT', 'COMMAND']);
    expect(value.processes[5]).toMatchObject({ pid: 13982, ppid: 13952, stat: 'Ds', args: 'sleep 3000', startedAt: Date.UTC(2026, 10, 28, 7, 29, 32) });
  });

  it('ps auxwww and auxf tree prefixes', () => {
    const { value } = okValue<PsFacts>('ps', 'ps/procps-4.0-auxwww-docker20.10.txt');
    expect(value.format).toBe('aux');
    expect(value.processes[0]).toMatchObject({ pid: 11524, user: 'root', start: '07:29', stat: 'Ssl' });
    const r = parse<PsFacts>('ps', 'USER PID %CPU %MEM VSZ RSS TTY STAT START TIME COMMAND\nroot 5 0.0 0.0 1 1 ? Sl 07:29 0:00  \\_ containerd-shim -namespace moby\n');
    expect(r.status === 'ok' && r.value.processes[0]!.args).toBe('containerd-shim -namespace moby');
  });

  it('single-digit days are space-padded in lstart', () => {
    const r = parse<PsFacts>('ps', '  PID  PPID USER                      STARTED STAT COMMAND\n    1     0 root     Sun Nov  1 06:48:44 2026 Ss   /sbin/init\n', 'cmd/ps.txt');
    expect(r.status === 'ok' && r.value.processes[0]).toMatchObject({ pid: 1, startedAt: Date.UTC(2026, 10, 1, 6, 48, 44), args: '/sbin/init' });
  });

  it('rows pasted without a header are read as `ps aux` when they have its shape [real dokku/dokku#1926]', () => {
    const text = fixture('real-world/userland-proxy-load/dokku-dokku-1926.txt');
    const r = parse<PsFacts>('ps', text);
    expect(r.status).toBe('ok');
    const v = (r as { value: PsFacts }).value;
    expect(v.format).toBe('aux');
    expect(v.processes.length).toBe(text.trim().split('\n').length);
    expect(v.processes[0]).toMatchObject({ pid: 3559, user: 'root', stat: 'Sl', start: 'Feb18', args: 'docker-proxy -proto tcp -host-ip 0.0.0.0 -host-port 1579 -container-ip 172.17.0.32 -container-port 27019', line: 1 });
    expect(r.problems).toEqual([{ line: 1, reason: 'no header: rows read as `ps aux` columns', excerpt: expect.stringContaining('3559') }]);
    // Not aux-shaped (no numeric pid, %cpu, %mem, vsz, rss): still a line before the header.
    expect(parse<PsFacts>('ps', 'docker-proxy -proto tcp\n').problems).toMatchObject([{ line: 1, reason: 'process line before the header' }]);
  });

  it('a bad start time and a short row are problems', () => {
    const r = parse<PsFacts>('ps', '  PID  PPID USER STARTED STAT COMMAND\n  1 0 root Xyz Nov 99 99:99:99 2026 S init\nzzz\n');
    expect(r.problems.map((p) => p.line)).toEqual([2, 3]);
  });

  it('daemon processes (collector format): proc/exe/env records joined by pid', () => {
    const { value } = okValue<DaemonProcessFacts>('process.daemons', 'process.daemons/collector-0.1-lab-netns-healthy.txt');
    const d = value.processes[0]!;
    expect(d).toMatchObject({ pid: 31708, ppid: 31585, comm: 'dockerd', exe: '/usr/sbin/dockerd', env: { PATH: '<redacted>', TZ: '<redacted>' } });
    expect(d.argv.slice(0, 3)).toEqual(['/usr/sbin/dockerd', '--data-root', '/tmp/dpm-c189c6-LUsFvX/data']);
    expect(value.processes[1]).toMatchObject({ pid: 31741, ppid: 31708, comm: 'containerd' });
  });

  it('quoted arguments, (deleted) exe, env-unreadable (hand, docs/bundle-format.md)', () => {
    const { value } = okValue<DaemonProcessFacts>('process.daemons', 'process.daemons/hand-openeuler-dockerd-env.txt');
    expect(value.processes[0]!.argv.slice(-2)).toEqual(['--data-root', '/srv/dock er']);
    expect(value.processes[0]).toMatchObject({ exe: '/usr/bin/dockerd', exeDeleted: true, env: { DISABLE_CRASH_FILES_DELETE: 'true' } });
    expect(value.processes[1]).toMatchObject({ comm: 'docker-containe', envUnreadable: true });
  });

  it('records before their proc, bad pids and unknown kinds are problems', () => {
    const r = parse<DaemonProcessFacts>('process.daemons', 'env\t5\tA=1\nproc\tx\t1\tdockerd\t/usr/bin/dockerd\nproc\t12\t1\tdockerd\t/usr/bin/dockerd -H fd://\nenv\t12\tnoequals\nwhat\t12\tx\nproc\t13\t1\n');
    expect(r.problems.map((p) => p.line)).toEqual([1, 2, 4, 5, 6]);
    expect(r.status === 'ok' && r.value.processes[0]!.argv).toEqual(['/usr/bin/dockerd', '-H', 'fd://']);
  });

});
