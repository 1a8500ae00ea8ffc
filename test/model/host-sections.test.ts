/**
 * Model sections built from host fixtures: links/networks, units, identity, packages, processes,
 * iptables and containers. Expectations are read off the fixture texts.
 */
import { describe, expect, it } from 'vitest';
import { modelFrom } from './log-model-helper.js';

describe('model: links and networks', () => {
  it('veth pairs from the real capture: same-netns pair by name, container veth by @ifN + link-netnsid', () => {
    const m = modelFrom([
      { artifact: 'ip.link', fixture: 'ip.link/iproute2-6.1-d-o-veth-pairs.txt' },
      { artifact: 'ip.addr', fixture: 'ip.addr/iproute2-6.1-o-veth-pairs.txt' },
      { artifact: 'bridge.link', fixture: 'bridge.link/iproute2-6.1-leaked-veth.txt' },
    ]);
    const by = new Map(m.links.map((l) => [l.name, l]));
    expect(by.get('vethf31f0e7')).toMatchObject({ ifindex: 5, peerName: 'vethb2e3c6d', kind: 'veth', master: 'docker0', state: 'LOWERLAYERDOWN', bridgePortState: 'disabled', mtu: 1500 });
    expect(by.get('vethb2e3c6d')).toMatchObject({ ifindex: 4, peerName: 'vethf31f0e7', state: 'DOWN', flags: ['BROADCAST', 'MULTICAST'] });
    expect(by.get('vethb2e3c6d')!.master).toBeUndefined();
    expect(by.get('vethe205109')).toMatchObject({ ifindex: 7, peerIfindex: 2, linkNetnsId: 1, bridgePortState: 'forwarding', mac: '46:c4:c9:c6:b7:65' });
    expect(by.get('docker0')).toMatchObject({ kind: 'bridge', addresses: ['172.17.0.1/16', 'fe80::a8c1:95ff:feb1:44d3/64'] });
    expect(by.get('vethf31f0e7')!.evidence).toMatchObject({ artifact: 'ip.link', line: 4 });
  });

  it('the port state falls back to ip -d bridge_slave when bridge link is missing', () => {
    const m = modelFrom([{ artifact: 'ip.link', fixture: 'ip.link/iproute2-6.1-d-o-veth-pairs.txt' }]);
    expect(m.links.find((l) => l.name === 'vethf31f0e7')!.bridgePortState).toBe('disabled');
  });

  it('duplicate network names stay separate rows (netns-lab parallel create)', () => {
    const m = modelFrom([{ artifact: 'docker.network-ls', fixture: 'lab/docker-cli/docker-network-ls-no-trunc.txt' }]);
    expect(m.networks.filter((n) => n.name === 'dupnet0')).toHaveLength(6);
    expect(m.networks[0]).toMatchObject({ id: 'a7301c5540724e12afeb8069f7bfd15c2b7f0a756598bdaa5a79810afb3c9038', name: 'appnet', driver: 'bridge', scope: 'local', evidence: { line: 2 } });
  });
});

describe('model: units', () => {
  it('show + status + cat join on docker.service', () => {
    const u = modelFrom([
      { artifact: 'systemd.docker', fixture: 'systemd.docker/hand-systemd-252-docker-start-limit-hit.txt' },
      { artifact: 'systemd.status', fixture: 'systemd.status/hand-systemd-252-docker-failed-start-limit-hit.txt' },
      { artifact: 'systemd.cat-docker', fixture: 'systemd.cat-docker/hand-openeuler-18.09-with-dropin.txt' },
    ]).units;
    const d = u['docker.service']!;
    expect(d.properties['Result']).toBe('start-limit-hit');
    expect(d.properties['NRestarts']).toBe('2');
    expect(d.execStart).toEqual(['/usr/sbin/dockerd', '-H', 'fd://', '--containerd=/run/containerd/containerd.sock', '$DOCKER_OPTS']);
    expect(d.activeLine).toBe('failed (Result: start-limit-hit) since Sat 2026-11-28 06:40:12 UTC; 3min 2s ago');
    expect(d.dropIns.map((x) => x.path)).toEqual(['/etc/systemd/system/docker.service.d/override.conf']);
    expect(d.dropIns[0]!.evidence).toMatchObject({ artifact: 'systemd.cat-docker', line: 31 });
    expect(u['containerd.service']!.activeLine).toMatch(/^active \(running\)/);
  });

  it('sos show_service_--all: each artifact picks its own unit', () => {
    const text = 'systemd.docker/hand-sos-show-service-all-three-units.txt';
    const u = modelFrom([
      { artifact: 'systemd.docker', fixture: text, path: 'sos_commands/systemd/systemctl_show_service_--all' },
      { artifact: 'systemd.containerd', fixture: text, path: 'sos_commands/systemd/systemctl_show_service_--all' },
      { artifact: 'systemd.journald', fixture: text, path: 'sos_commands/systemd/systemctl_show_service_--all' },
    ]).units;
    expect(Object.keys(u).sort()).toEqual(['containerd.service', 'docker.service', 'systemd-journald.service']);
    expect(u['docker.service']!.properties['Result']).toBe('timeout');
    expect(u['docker.service']!.evidence).toMatchObject({ line: 18, excerpt: 'Id=docker.service' });
    expect(u['containerd.service']!.execStart).toEqual(['/usr/bin/containerd']);
  });

  it('cat only: ExecStart argv of the last non-empty ExecStart', () => {
    const d = modelFrom([{ artifact: 'systemd.cat-docker', fixture: 'systemd.cat-docker/hand-openeuler-18.09-with-dropin.txt' }]).units['docker.service']!;
    expect(d.execStart).toEqual(['/usr/bin/dockerd', '--data-root=/data/docker', '$OPTIONS', '$DOCKER_STORAGE_OPTIONS']);
  });
});

describe('model: identity and packages', () => {
  it('openEuler docker-engine by rpm name and version', () => {
    const m = modelFrom([
      { artifact: 'rpm.qa', fixture: 'rpm.qa/hand-openeuler-22.03-docker-engine.txt' },
      { artifact: 'os-release', text: 'NAME="openEuler"\nVERSION="22.03 (LTS-SP1)"\nID="openEuler"\nVERSION_ID="22.03"\nPRETTY_NAME="openEuler 22.03 (LTS-SP1)"\n' },
    ]);
    expect(m.identity.flavor).toBe('openeuler-docker-engine');
    expect(m.identity.flavorReason).toContain('docker-engine-18.09.0-316.oe2203sp1.x86_64');
    expect(m.identity.docker).toMatchObject({ version: '18.09.0', package: 'docker-engine-18.09.0-316.oe2203sp1.x86_64' });
    expect(m.identity.systemd).toEqual({ version: 249 });
    expect(m.identity.os).toEqual({ id: 'openEuler', versionId: '22.03', prettyName: 'openEuler 22.03 (LTS-SP1)' });
    expect(m.packages.byName['gpg-pubkey']).toMatchObject({ version: 'b675600b', release: '5d8ef6f9' });
    expect(m.packages.byName['gpg-pubkey']!.arch).toBeUndefined();
  });

  it('openEuler by EulerVersion in docker version', () => {
    const m = modelFrom([{ artifact: 'docker.version', fixture: 'docker.version/hand-openeuler-18.09-euler-version.txt' }]);
    expect(m.identity.flavor).toBe('openeuler-docker-engine');
    expect(m.identity.flavorReason).toContain('18.09.0.129');
  });

  it('upstream Debian: dpkg docker.io, versions from docker version, hostname/kernel/os from their files', () => {
    const m = modelFrom([
      { artifact: 'dpkg.l', fixture: 'dpkg.l/dpkg-1.21-debian12-trimmed.txt' },
      { artifact: 'docker.version', fixture: 'docker.version/docker-20.10.24-running.txt' },
      { artifact: 'uname', fixture: 'uname/uname-debian12-a.txt' },
      { artifact: 'os-release', fixture: 'os-release/debian-12.txt' },
      { artifact: 'hostname', fixture: 'hostname/debian12-short.txt' },
    ]);
    expect(m.identity).toMatchObject({ flavor: 'upstream', hostname: 'vm', kernel: '6.18.44-fc-v782', os: { id: 'debian', versionId: '12' } });
    expect(m.identity.docker).toMatchObject({ version: '20.10.24+dfsg1', package: 'docker.io-20.10.24+dfsg1-1+deb12u1+b6.amd64', evidence: { artifact: 'docker.version', line: 13 } });
    expect(m.identity.containerd).toMatchObject({ version: '1.6.20~ds1' });
    expect(m.identity.runc).toMatchObject({ version: '1.1.5+ds1' });
    expect(m.identity.systemd).toEqual({ version: 252 });
    expect(m.packages.available).toBe(true);
  });

  it('nothing collected: unknown flavor', () => {
    expect(modelFrom([]).identity.flavor).toBe('unknown');
  });

  it('docker info alone (18.09 flat layout) gives version, hostname and kernel', () => {
    const m = modelFrom([{ artifact: 'docker.info', fixture: 'docker.info/hand-openeuler-18.09-flat-devicemapper.txt' }]);
    expect(m.identity).toMatchObject({ hostname: 'node1', kernel: '4.19.90-2102.2.0.0062.oe1.x86_64', docker: { version: '18.09.0' }, flavor: 'upstream' });
    expect(m.config.storageDriver).toBe('devicemapper');
    expect(m.config.dataRoot).toBe('/var/lib/docker');
  });
});

describe('model: processes', () => {
  it('dockerd/containerd from the collector dump keep argv and env', () => {
    const p = modelFrom([{ artifact: 'process.daemons', fixture: 'process.daemons/hand-openeuler-dockerd-env.txt' }]).processes;
    expect(p.dockerd).toMatchObject({ pid: 2114, env: { DISABLE_CRASH_FILES_DELETE: 'true', GOTRACEBACK: '<redacted>', DOCKER_CERT_PATH: '/etc/docker' } });
    expect(p.dockerd!.argv[0]).toBe('/usr/bin/dockerd');
    expect(p.containerd).toMatchObject({ pid: 2139, argv: ['docker-containerd', '--config', '/var/run/docker/containerd/containerd.toml', '--log-level', 'info'] });
  });

  it('from ps only: dockerd and containerd found, shims are not containerd', () => {
    const p = modelFrom([{ artifact: 'ps', fixture: 'ps/procps-4.0-eo-lstart-docker20.10.txt' }]).processes;
    expect(p.available).toBe(true);
    expect(p.list).toHaveLength(6);
    expect(p.dockerd).toMatchObject({ pid: 11524, env: {} });
    expect(p.containerd!.pid).toBe(11543);
    expect(p.list[0]).toMatchObject({ pid: 11524, ppid: 1, user: 'root', stat: 'Ssl', startedAt: Date.UTC(2026, 10, 28, 7, 29, 14) });
  });

  it("RHEL's docker 1.12/1.13 binaries carry -current: dockerd-current and docker-containerd-current are the daemons", () => {
    // Row layout of `ps aux` (procps); the -current names are those of RHEL 7's docker package (cockpit-project/cockpit#14009).
    const text = [
      'USER       PID %CPU %MEM    VSZ   RSS TTY      STAT START   TIME COMMAND',
      'root      1201  0.3  1.2 812344 48612 ?        Ssl  03:30   0:12 /usr/bin/dockerd-current --add-runtime docker-runc=/usr/libexec/docker/docker-runc-current',
      'root      1210  0.0  0.4 370140 17008 ?        Ssl  03:30   0:02 /usr/bin/docker-containerd-current -l unix:///var/run/docker/libcontainerd/docker-containerd.sock',
      'root      4724  0.0  0.0 108980     0 ?        Sl   03:34   0:00 /usr/bin/docker-containerd-shim-current 3b1c /var/run/docker/libcontainerd/3b1c',
    ].join('\n');
    const p = modelFrom([{ artifact: 'ps', text }]).processes;
    expect(p.dockerd?.pid).toBe(1201);
    expect(p.containerd?.pid).toBe(1210);
  });
});

describe('model: iptables', () => {
  it('FORWARD order keeps the icmp ACCEPT before the docker0 DROP (icc bypass layout)', () => {
    const t = modelFrom([{ artifact: 'iptables.filter', fixture: 'iptables.filter/iptables-1.8.9-all-tables-icc-icmp-before-drop.txt' }]).iptables;
    expect(t.available).toBe(true);
    expect(t.chains['filter']).toEqual(['INPUT', 'FORWARD', 'OUTPUT', 'DOCKER', 'DOCKER-ISOLATION-STAGE-1', 'DOCKER-USER']);
    expect(t.chains['nat']).toContain('DOCKER');
    const fwd = t.rules.filter((r) => r.table === 'filter' && r.chain === 'FORWARD').map((r) => [r.position, r.text]);
    expect(fwd[2]).toEqual([3, '-A FORWARD -p icmp -j ACCEPT']);
    expect(fwd[3]).toEqual([4, '-A FORWARD -i docker0 -o docker0 -j DROP']);
    expect(t.rules.find((r) => r.text === '-A FORWARD -p icmp -j ACCEPT')!.evidence.line).toBe(11);
  });

  it('a nat listing does not duplicate the nat table of a full iptables-save', () => {
    const t = modelFrom([
      { artifact: 'iptables.nat', fixture: 'iptables.nat/iptables-1.8.9-t-nat-nvL.txt', path: 'sos_commands/firewall_tables/iptables_-t_nat_-nvL' },
      { artifact: 'iptables.filter', fixture: 'iptables.filter/iptables-1.8.9-all-tables-icc-icmp-before-drop.txt' },
    ]).iptables;
    expect(t.rules.filter((r) => r.table === 'nat')).toHaveLength(4);
    expect(t.rules.filter((r) => r.table === 'nat').every((r) => r.text.startsWith('-A '))).toBe(true);
  });

  it('nat listing alone gives the DOCKER chain', () => {
    const t = modelFrom([{ artifact: 'iptables.nat', fixture: 'iptables.nat/iptables-1.8.9-t-nat-nvL.txt', path: 'sos_commands/firewall_tables/iptables_-t_nat_-nvL' }]).iptables;
    expect(t.chains['nat']).toEqual(['PREROUTING', 'INPUT', 'OUTPUT', 'POSTROUTING', 'DOCKER']);
  });
});

describe('model: containers', () => {
  it('states from STATUS text of the real docker ps -a', () => {
    const c = modelFrom([{ artifact: 'docker.ps', fixture: 'docker.ps/docker-20.10.24-no-trunc-mixed-states.txt' }]).containers;
    expect(c.map((x) => [x.name, x.state])).toEqual([
      ['paused', 'paused'],
      ['killed', 'exited'],
      ['quitter', 'exited'],
      ['made', 'created'],
      ['pub', 'created'],
      ['web', 'running'],
    ]);
    expect(c.every((x) => x.inDockerPs && !x.inDataRoot)).toBe(true);
    expect(c[1]).toMatchObject({ id: '0817400e79a6bf4c8d27f88a5135f11600702ffd7a9a26ef6f0a1e5a9138486b', status: 'Exited (137) 3 seconds ago', image: 'bb:latest' });
  });

  it('JSON ps lines use the State field', () => {
    const c = modelFrom([{ artifact: 'docker.ps', fixture: 'docker.ps/docker-20.10.24-json-mixed-states.txt' }]).containers;
    expect(c.find((x) => x.name === 'paused')).toMatchObject({ state: 'paused', networkMode: 'bridge' });
  });

  it('data-root dirs and JSON health join ps rows by id; short ids resolve by prefix', () => {
    const id1 = '0817400e79a6bf4c8d27f88a5135f11600702ffd7a9a26ef6f0a1e5a9138486b';
    const id2 = 'aa'.repeat(32);
    const m = modelFrom([
      { artifact: 'docker.ps', fixture: 'docker.ps/docker-20.10.24-trunc-mixed-states.txt' },
      { artifact: 'dataroot.listing', text: `# type\tmode\tuid\tgid\tsize\tmtime\tpath\nd\t711\t0\t0\t4096\t1764314292.000\t/var/lib/docker\nd\t710\t0\t0\t4096\t1764314292.000\t/var/lib/docker/containers\nd\t710\t0\t0\t4096\t1764314292.000\t/var/lib/docker/containers/${id1}\nd\t710\t0\t0\t4096\t1764314292.000\t/var/lib/docker/containers/${id2}\n` },
      { artifact: 'dataroot.json-health', text: `# path\tsize\tmtime\tstate\tfirst\tlast\n/var/lib/docker/containers/${id2}/config.v2.json\t0\t1764314292\tempty\t-\t-\n` },
    ]).containers;
    const killed = m.find((x) => x.name === 'killed')!;
    expect(killed).toMatchObject({ id: id1, inDataRoot: true, inDockerPs: true });
    const orphan = m.find((x) => x.id === id2)!;
    expect(orphan).toMatchObject({ inDataRoot: true, inDockerPs: false });
    expect(orphan.configHealth).toMatchObject([{ file: 'config.v2.json', state: 'empty', size: 0 }]);
  });
});
