import { describe, expect, it } from 'vitest';
import type { SysconfigFacts } from '../../analyzer/src/parsers/sysconfig.js';
import type { CatFacts, ShowFacts, StatusFacts } from '../../analyzer/src/parsers/systemctl.js';
import { fixture, okValue, parse } from './host-helpers.js';

describe('sysconfig parser', () => {
  it('openEuler /etc/sysconfig/docker: quotes, continuation, comments, export (hand, field guide §0/§1.1)', () => {
    const { value } = okValue<SysconfigFacts>('sysconfig.docker', 'sysconfig.docker/hand-openeuler-etc-sysconfig-docker.txt');
    // systemd joins a backslash-newline inside double quotes; the kept indentation is only blanks
    expect(value.vars['OPTIONS']!.value.replace(/\s+/g, ' ')).toBe('--live-restore --selinux-enabled --log-driver=journald --bip=172.30.0.1/24');
    expect(value.vars['OPTIONS']!.line).toBe(4);
    expect(value.vars['OPTIONS']!.argv).toEqual(['--live-restore', '--selinux-enabled', '--log-driver=journald', '--bip=172.30.0.1/24']);
    expect(value.vars['DISABLE_CRASH_FILES_DELETE']).toMatchObject({ value: 'true', line: 9 });
    expect(value.vars['GOTRACEBACK']!.value).toBe('crash');
    expect(value.vars['INSECURE_REGISTRY']).toBeUndefined();
  });

  it('empty assignment and double quotes', () => {
    expect(okValue<SysconfigFacts>('sysconfig.docker', 'sysconfig.docker/hand-openeuler-etc-sysconfig-docker-network.txt').value.vars['DOCKER_NETWORK_OPTIONS']).toMatchObject({ value: '', argv: [] });
    const s = okValue<SysconfigFacts>('sysconfig.docker', 'sysconfig.docker/hand-openeuler-etc-sysconfig-docker-storage.txt').value.vars['DOCKER_STORAGE_OPTIONS']!;
    expect(s.argv).toEqual(['--storage-driver=devicemapper', '--storage-opt', 'dm.thinpooldev=/dev/mapper/docker-thinpool', '--storage-opt', 'dm.use_deferred_removal=true']);
  });

  it('bad lines are problems with line numbers; later assignments win', () => {
    const r = parse<SysconfigFacts>('sysconfig.docker', 'A=1\nthis is not an assignment\nA=2\nC=x \\\n  y\n');
    expect(r.problems.map((p) => p.line)).toEqual([2]);
    expect(r.status === 'ok' && r.value.vars['A']).toMatchObject({ value: '2', line: 3 });
    expect(r.status === 'ok' && r.value.vars['C']).toMatchObject({ value: 'x   y', line: 4 });
  });

  it('systemd env-file rules (src/basic/env-file.c): export, text after quotes, # inside values, open quotes', () => {
    const r = parse<SysconfigFacts>('sysconfig.docker', [
      'export GOTRACEBACK=crash',
      'A="x"y',
      "B='lit \\ $x'",
      'C=a#b ;c',
      '; comment',
      'D="esc \\" \\q"',
      'E="open',
      'F=swallowed',
    ].join('\n'));
    expect(r.problems.map((p) => [p.line, p.reason.slice(0, 20)])).toEqual([
      [7, 'quote never closed: '],
      [1, 'systemd ignores this'],
    ]);
    if (r.status !== 'ok') throw new Error(r.status);
    expect(r.value.vars['GOTRACEBACK']).toBeUndefined();
    expect(r.value.vars['A']!.value).toBe('xy');
    expect(r.value.vars['B']!.value).toBe('lit \\ $x');
    expect(r.value.vars['C']!.value).toBe('a#b ;c');
    expect(r.value.vars['D']!.value).toBe('esc " \\q');
    expect(r.value.vars['E']!.value).toBe('open\nF=swallowed\n');
    expect(r.value.vars['F']).toBeUndefined();
  });
});

describe('systemctl show parser', () => {
  it('Key=Value with empty values; ExecStart argv from the { … argv[]= … } form', () => {
    const { value } = okValue<ShowFacts>('systemd.docker', 'systemd.docker/hand-systemd-252-docker-start-limit-hit.txt');
    const u = value.units[0]!;
    expect(u.id).toBe('docker.service');
    expect(u.properties).toMatchObject({ Result: 'start-limit-hit', NRestarts: '2', ActiveState: 'failed', Environment: '', StartLimitBurst: '3' });
    expect(u.execStartArgv).toEqual(['/usr/sbin/dockerd', '-H', 'fd://', '--containerd=/run/containerd/containerd.sock', '$DOCKER_OPTS']);
    expect(u.lines['Result']).toBe(19);
  });

  it('sos --all: picks the unit by Id per artifact, counts the rest', () => {
    const f = 'systemd.docker/hand-sos-show-service-all-three-units.txt';
    const d = okValue<ShowFacts>('systemd.docker', f).value;
    expect(d.units.map((u) => u.id)).toEqual(['docker.service']);
    expect(d.blocks).toBe(3);
    expect(okValue<ShowFacts>('systemd.journald', f).value.units.map((u) => u.id)).toEqual(['systemd-journald.service']);
  });

  it("systemctl's refusals are a skip with its words, not problems ([cap] sos 4.0 in a chroot)", () => {
    const r = parse('systemd.docker', fixture('systemd.docker/sos4.0-chroot-refusal.txt'));
    expect(r).toEqual({ status: 'skipped', reason: "Running in chroot, ignoring command 'show'", problems: [] });
    const st = parse('systemd.status', fixture('systemd.status/sos4.0-chroot-refusal.txt'));
    expect(st).toEqual({ status: 'skipped', reason: "Running in chroot, ignoring command 'status'", problems: [] });
    expect(parse('systemd.cat-docker', 'No files found for docker.service.\n').status).toBe('skipped');
  });

  it('non-property lines are problems', () => {
    expect(parse('systemd.docker', 'Id=docker.service\nnot a property\n').problems).toMatchObject([{ line: 2 }]);
  });
});

describe('systemctl status parser', () => {
  it('v252: × bullet, preset:, drop-in, Result: start-limit-hit, process lines, journal tail', () => {
    const { value } = okValue<StatusFacts>('systemd.status', 'systemd.status/hand-systemd-252-docker-failed-start-limit-hit.txt');
    const d = value.units[0]!;
    expect(d).toMatchObject({ name: 'docker.service', bullet: '×', description: 'Docker Application Container Engine' });
    expect(d.loaded).toMatchObject({ state: 'loaded', path: '/lib/systemd/system/docker.service', enablement: 'enabled', preset: 'enabled' });
    expect(d.dropIns).toEqual([{ dir: '/etc/systemd/system/docker.service.d', files: ['override.conf'], line: 3 }]);
    expect(d.active).toMatchObject({ state: 'failed', result: 'start-limit-hit', since: 'Sat 2026-11-28 06:40:12 UTC', line: 5 });
    expect(d.processes[0]).toMatchObject({ pid: 412, code: 'exited', status: '1/FAILURE' });
    expect(d.mainPid).toMatchObject({ pid: 412 });
    expect(d.log.map((l) => l.line)).toEqual([12, 13, 14, 15]);
    expect(value.units[1]).toMatchObject({ name: 'containerd.service', bullet: '●', active: { state: 'active', sub: 'running' } });
  });

  it('v219: vendor preset:, (Result: start-limit)', () => {
    const d = okValue<StatusFacts>('systemd.status', 'systemd.status/hand-systemd-219-docker-failed-start-limit.txt').value.units[0]!;
    expect(d.loaded).toMatchObject({ enablement: 'enabled', preset: 'disabled', path: '/usr/lib/systemd/system/docker.service' });
    expect(d.active).toMatchObject({ state: 'failed', result: 'start-limit' });
    expect(d.log[0]!.text).toContain('start request repeated too quickly for docker.service');
  });

  it('text before a unit header is a problem', () => {
    expect(parse('systemd.status', 'hello\n').problems).toMatchObject([{ line: 1 }]);
  });
});

describe('systemctl cat parser', () => {
  it('files, drop-ins, continuation lines, ExecStart reset, Environment= and EnvironmentFile=', () => {
    const { value } = okValue<CatFacts>('systemd.cat-docker', 'systemd.cat-docker/hand-openeuler-18.09-with-dropin.txt');
    expect(value.files.map((f) => [f.path, f.dropIn, f.line])).toEqual([
      ['/usr/lib/systemd/system/docker.service', false, 1],
      ['/etc/systemd/system/docker.service.d/override.conf', true, 31],
    ]);
    const main = value.files[0]!.entries.find((e) => e.key === 'ExecStart')!;
    expect(main.value).toBe('/usr/bin/dockerd $OPTIONS $DOCKER_STORAGE_OPTIONS $DOCKER_NETWORK_OPTIONS $INSECURE_REGISTRY');
    expect(value.execStart).toMatchObject({ line: 35, argv: ['/usr/bin/dockerd', '--data-root=/data/docker', '$OPTIONS', '$DOCKER_STORAGE_OPTIONS'] });
    expect(value.environment.map((e) => [e.name, e.value])).toEqual([
      ['GOTRACEBACK', 'crash'],
      ['DISABLE_CRASH_FILES_DELETE', 'true'],
      ['HTTP_PROXY', 'http://proxy.example:3128'],
    ]);
    expect(value.environmentFiles.map((f) => [f.path, f.optional])).toEqual([
      ['/etc/sysconfig/docker', true],
      ['/etc/sysconfig/docker-storage', true],
      ['/etc/sysconfig/docker-network', true],
    ]);
  });

  it('the Debian unit file: ExecStart and EnvironmentFile', () => {
    const { value } = okValue<CatFacts>('systemd.cat-docker', 'systemd.cat-docker/systemctl-252-debian12-docker.io-unit-file.txt');
    expect(value.execStart!.argv).toEqual(['/usr/sbin/dockerd', '-H', 'fd://', '--containerd=/run/containerd/containerd.sock', '$DOCKER_OPTS']);
    expect(value.environmentFiles).toMatchObject([{ path: '/etc/default/docker', optional: true }]);
  });

  it('a unit file a sosreport copied [real moby/moby#43493]: the file is its own path, tab continuations join', () => {
    const r = parse<CatFacts>('systemd.cat-docker', fixture('real-world/graph-deprecated/moby-moby-43493.txt'), 'sosreport-x/etc/systemd/system/docker.service');
    expect(r.status === 'ok' && r.problems).toEqual([]);
    const value = (r as { value: CatFacts }).value;
    expect(value.unitFile).toBe('/etc/systemd/system/docker.service');
    expect(value.files.map((f) => [f.path, f.dropIn])).toEqual([['/etc/systemd/system/docker.service', false]]);
    // ExecStart on line 14 continues over lines 15–17 (tab-indented in the user's file).
    expect(value.execStart).toMatchObject({ line: 14, path: '/etc/systemd/system/docker.service' });
    expect(value.execStart!.argv).toContain('--graph=/data/docker');
    const dropIn = parse<CatFacts>('systemd.cat-docker', '# /not/a/header: a comment in a copied file\n[Service]\nExecStart=\n', 'etc/systemd/system/docker.service.d/10-x.conf');
    expect(dropIn.status === 'ok' && dropIn.value.files.map((f) => [f.path, f.dropIn, f.entries.length])).toEqual([['/etc/systemd/system/docker.service.d/10-x.conf', true, 1]]);
  });

  it('settings before a file header and non-unit lines are problems', () => {
    expect(parse('systemd.cat-docker', 'ExecStart=/x\n# /a.service\n[Service]\n%%%\n').problems.map((p) => p.line)).toEqual([1, 4]);
  });
});
