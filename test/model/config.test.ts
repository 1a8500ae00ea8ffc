/**
 * Effective config: daemon.json + sysconfig + unit ExecStart + running argv, with sources, evidence,
 * precedence and dockerd's fatal flag/file conflict. Expected values come from the fixture texts.
 */
import { describe, expect, it } from 'vitest';
import { modelFrom } from './log-model-helper.js';

const OE_SYSCONFIG = [
  { artifact: 'sysconfig.docker', fixture: 'sysconfig.docker/hand-openeuler-etc-sysconfig-docker.txt', path: 'files/etc/sysconfig/docker' },
  { artifact: 'sysconfig.docker', fixture: 'sysconfig.docker/hand-openeuler-etc-sysconfig-docker-storage.txt', path: 'files/etc/sysconfig/docker-storage' },
  { artifact: 'sysconfig.docker', fixture: 'sysconfig.docker/hand-openeuler-etc-sysconfig-docker-network.txt', path: 'files/etc/sysconfig/docker-network' },
];

describe('model: config', () => {
  it('defaults when nothing was collected', () => {
    const c = modelFrom([]).config;
    expect(c).toMatchObject({ dataRoot: '/var/lib/docker', execRoot: '/var/run/docker', values: {}, conflicts: [], daemonJson: { present: false } });
  });

  it('daemon.json values carry their line; storage driver and data-root derive from them', () => {
    const c = modelFrom([{ artifact: 'docker.daemon-json', fixture: 'docker.daemon-json/lab-ok-lab.json', path: 'files/etc/docker/daemon.json' }]).config;
    expect(c.values['bip']).toMatchObject({ value: '172.29.0.1/16', source: 'daemon.json', evidence: { line: 4, path: 'files/etc/docker/daemon.json' } });
    expect(c.storageDriver).toBe('vfs');
    expect(c.daemonJson).toMatchObject({ present: true, parsed: { 'log-level': 'info' }, unknownKeys: [], wrongTypes: [] });
  });

  it('unknown keys and wrong types (the [lab] storage-drive and icc:"false" cases)', () => {
    const u = modelFrom([{ artifact: 'docker.daemon-json', fixture: 'docker.daemon-json/lab-unknown-key.json' }]).config.daemonJson;
    expect(u.unknownKeys.map((k) => [k.key, k.evidence.line])).toEqual([['storage-drive', 2]]);
    const w = modelFrom([{ artifact: 'docker.daemon-json', fixture: 'docker.daemon-json/lab-wrong-type.json' }]).config.daemonJson;
    expect(w.wrongTypes).toMatchObject([{ key: 'icc', expected: 'boolean', evidence: { line: 2 } }]);
  });

  it('broken daemon.json: the Go error with position, keys still recovered', () => {
    const c = modelFrom([{ artifact: 'docker.daemon-json', fixture: 'docker.daemon-json/lab-truncated.json' }]).config;
    expect(c.daemonJson.error).toMatchObject({ message: 'unexpected EOF', line: 3 });
    expect(c.daemonJson.parsed).toBeUndefined();
    expect(c.values['storage-driver']).toMatchObject({ value: 'vfs', source: 'daemon.json' });
  });

  it('flag and file both set hosts: the fatal conflict ([lab] Debian unit -H fd:// + daemon.json hosts)', () => {
    const c = modelFrom([
      { artifact: 'docker.daemon-json', fixture: 'docker.daemon-json/lab-conflict.json' },
      { artifact: 'systemd.cat-docker', fixture: 'systemd.cat-docker/systemctl-252-debian12-docker.io-unit-file.txt' },
    ]).config;
    expect(c.conflicts).toHaveLength(1);
    expect(c.conflicts[0]).toMatchObject({ key: 'hosts', kind: 'flag-and-file' });
    expect(c.conflicts[0]!.values.map((v) => [v.source, v.value])).toEqual([
      ['unit', ['fd://']],
      ['daemon.json', ['unix:///tmp/x.sock']],
    ]);
    expect(c.values['containerd']).toMatchObject({ value: '/run/containerd/containerd.sock', source: 'unit', evidence: { line: 15 } });
  });

  it('openEuler unit: $OPTIONS expands from the sysconfig files; drop-in ExecStart replaces the main one', () => {
    const c = modelFrom([...OE_SYSCONFIG, { artifact: 'systemd.cat-docker', fixture: 'systemd.cat-docker/hand-openeuler-18.09-with-dropin.txt' }]).config;
    // drop-in: ExecStart=/usr/bin/dockerd --data-root=/data/docker $OPTIONS $DOCKER_STORAGE_OPTIONS
    expect(c.values['data-root']).toMatchObject({ value: '/data/docker', source: 'unit' });
    expect(c.dataRoot).toBe('/data/docker');
    expect(c.values['bip']).toMatchObject({ value: '172.30.0.1/24', source: 'sysconfig', evidence: { path: 'files/etc/sysconfig/docker', line: 4 } });
    expect(c.values['selinux-enabled']!.evidence).toMatchObject({ line: 4, match: '--selinux-enabled' });
    expect(c.values['selinux-enabled']).toMatchObject({ value: true, source: 'sysconfig' });
    expect(c.values['storage-driver']).toMatchObject({ value: 'devicemapper', source: 'sysconfig' });
    expect(c.values['storage-opts']!.value).toEqual(['dm.thinpooldev=/dev/mapper/docker-thinpool', 'dm.use_deferred_removal=true']);
    expect(c.storageDriver).toBe('devicemapper');
    // env: EnvironmentFile beats Environment= (DISABLE_CRASH_FILES_DELETE is in both; GOTRACEBACK too)
    expect(c.env['DISABLE_CRASH_FILES_DELETE']).toMatchObject({ value: 'true', source: 'sysconfig' });
    expect(c.env['HTTP_PROXY']).toMatchObject({ value: 'http://proxy.example:3128', source: 'unit' });
    expect(c.env['GOTRACEBACK']).toMatchObject({ value: 'crash', source: 'sysconfig' });
    expect(c.conflicts).toEqual([]);
  });

  it('sosreport copies of the unit files (no systemctl cat): /etc hides /usr/lib, drop-ins layer in name order', () => {
    const unit = (path: string, text: string) => ({ artifact: 'systemd.cat-docker' as const, text, path });
    const c = modelFrom([
      unit('usr/lib/systemd/system/docker.service', '[Service]\nExecStart=/usr/bin/dockerd -H fd:// --bip=10.0.0.1/24\n'),
      // The /etc copy is the unit systemd loads: its ExecStart, not /usr/lib's, is the base.
      unit('etc/systemd/system/docker.service', '# /etc/systemd/system/docker.service is a comment in a copied file\n[Service]\nEnvironment=HTTP_PROXY=http://p:3128\nExecStart=/usr/bin/dockerd -H fd:// \\\n  --graph=/data/docker\n'),
      // 20-b.conf (in /usr/lib) sorts after 10-a.conf (in /etc): its reset and ExecStart win.
      unit('usr/lib/systemd/system/docker.service.d/20-b.conf', '[Service]\nExecStart=\nExecStart=/usr/bin/dockerd --graph=/srv/docker\n'),
      unit('etc/systemd/system/docker.service.d/10-a.conf', '[Service]\nExecStart=\nExecStart=/usr/bin/dockerd --graph=/ignored\n'),
    ]);
    expect(c.config.values['graph']).toMatchObject({ value: '/srv/docker', source: 'unit', evidence: { path: 'usr/lib/systemd/system/docker.service.d/20-b.conf', line: 3 } });
    expect(c.config.values['bip']).toBeUndefined();
    expect(c.config.env['HTTP_PROXY']).toMatchObject({ value: 'http://p:3128', source: 'unit', evidence: { path: 'etc/systemd/system/docker.service', line: 3 } });
    expect(c.units['docker.service']!.dropIns.map((d) => d.path)).toEqual(['/etc/systemd/system/docker.service.d/10-a.conf', '/usr/lib/systemd/system/docker.service.d/20-b.conf']);
  });

  it('systemctl cat output, when present, wins over copied unit files', () => {
    const c = modelFrom([
      { artifact: 'systemd.cat-docker', text: '[Service]\nExecStart=/usr/bin/dockerd --graph=/copied\n', path: 'etc/systemd/system/docker.service' },
      { artifact: 'systemd.cat-docker', text: '# /usr/lib/systemd/system/docker.service\n[Service]\nExecStart=/usr/bin/dockerd --data-root=/from-cat\n', path: 'sos_commands/docker/systemctl_cat_docker' },
    ]).config;
    expect(c.values['data-root']).toMatchObject({ value: '/from-cat', evidence: { path: 'sos_commands/docker/systemctl_cat_docker' } });
    expect(c.values['graph']).toBeUndefined();
  });

  it('without any unit, sysconfig variables are read as openEuler ExecStart flags', () => {
    const c = modelFrom(OE_SYSCONFIG).config;
    expect(c.values['live-restore']).toMatchObject({ value: true, source: 'sysconfig' });
    expect(c.values['log-driver']).toMatchObject({ value: 'journald', source: 'sysconfig' });
  });

  it('the running argv wins over the unit; a differing flag is reported apart from fatal conflicts', () => {
    const c = modelFrom([
      ...OE_SYSCONFIG,
      { artifact: 'systemd.cat-docker', fixture: 'systemd.cat-docker/hand-openeuler-18.09-with-dropin.txt' },
      { artifact: 'process.daemons', fixture: 'process.daemons/hand-openeuler-dockerd-env.txt' },
    ]).config;
    // running: --live-restore --selinux-enabled --log-driver=journald --storage-driver=overlay2 --data-root "/srv/dock er"
    expect(c.values['storage-driver']).toMatchObject({ value: 'overlay2', source: 'cmdline' });
    expect(c.values['data-root']).toMatchObject({ value: '/srv/dock er', source: 'cmdline' });
    expect(c.dataRoot).toBe('/srv/dock er');
    expect(c.all.some((v) => v.key === 'data-root' && v.source === 'unit')).toBe(true);
    const differ = c.conflicts.filter((x) => x.kind === 'flag-sources-differ').map((x) => x.key);
    expect(differ).toContain('storage-driver');
    expect(c.conflicts.some((x) => x.kind === 'flag-and-file')).toBe(false);
    expect(c.env['DISABLE_CRASH_FILES_DELETE']).toMatchObject({ value: 'true', source: 'cmdline' });
    // a redacted process value does not hide the value the env file gives
    expect(c.env['GOTRACEBACK']).toMatchObject({ value: 'crash', source: 'sysconfig' });
  });

  it('running argv from ps (sosreport): --config-file is not a directive; flags map to keys', () => {
    const c = modelFrom([{ artifact: 'ps', fixture: 'ps/procps-4.0-eo-lstart-docker20.10.txt' }]).config;
    expect(c.values['data-root']).toMatchObject({ value: '/tmp/dpmhp/lab/data', source: 'cmdline' });
    expect(c.values['exec-root']!.value).toBe('/tmp/dpmhp/lab/exec');
    expect(c.execRoot).toBe('/tmp/dpmhp/lab/exec');
    expect(c.values['hosts']!.value).toEqual(['unix:///tmp/dpmhp/lab/docker.sock']);
    expect(c.values['config-file']).toBeUndefined();
  });

  it('systemctl show ExecStart argv expands $DOCKER_OPTS from /etc/default/docker', () => {
    const c = modelFrom([
      { artifact: 'systemd.docker', fixture: 'systemd.docker/hand-systemd-252-docker-start-limit-hit.txt' },
      { artifact: 'sysconfig.docker', text: 'DOCKER_OPTS="--bip 10.9.0.1/24 --icc=false"\n', path: 'files/etc/default/docker' },
      { artifact: 'docker.daemon-json', text: '{ "icc": true }\n' },
    ]).config;
    expect(c.values['bip']).toMatchObject({ value: '10.9.0.1/24', source: 'sysconfig', evidence: { path: 'files/etc/default/docker', line: 1 } });
    expect(c.values['icc']).toMatchObject({ value: false, source: 'sysconfig' });
    expect(c.conflicts.map((x) => [x.key, x.kind])).toEqual([['icc', 'flag-and-file']]);
  });

  it('a sysconfig file the unit does not reference is ignored', () => {
    const c = modelFrom([
      { artifact: 'systemd.cat-docker', fixture: 'systemd.cat-docker/systemctl-252-debian12-docker.io-unit-file.txt' },
      { artifact: 'sysconfig.docker', text: 'OPTIONS=--bip=10.1.0.1/24\n', path: 'files/etc/sysconfig/docker' },
    ]).config;
    expect(c.values['bip']).toBeUndefined();
    expect(c.env['OPTIONS']).toBeUndefined();
  });
});
