/**
 * Every host fixture parses with status ok and zero problems. Real captures are listed with
 * their source; hand-written ones (formats we cannot run here) name the field guide section.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import fg from 'fast-glob';
import { describe, expect, it } from 'vitest';
import { artifactSpec } from '../../analyzer/src/spine/artifacts.js';
import { HOST_PARSERS } from '../../analyzer/src/parsers/registry-host.js';
import type { DaemonJsonFacts } from '../../analyzer/src/parsers/daemon-json.js';
import { fixture, parse } from './host-helpers.js';

const ROOT = join(import.meta.dirname, '..', '..');

const REAL: [artifact: string, path: string][] = [
  // [cap] iproute2 6.1 in a private netns with a bridge, a veth into an unnamed netns and a same-ns pair
  ['ip.link', 'ip.link/iproute2-6.1-d-o-veth-pairs.txt'],
  ['ip.link', 'ip.link/iproute2-6.1-o-veth-pairs.txt'],
  ['ip.link', 'ip.link/iproute2-6.1-multiline-veth-pairs.txt'],
  ['ip.link', 'ip.link/iproute2-6.1-s-d-multiline-veth-pairs.txt'],
  ['ip.link', 'ip.link/iproute2-6.1-d-o-docker20.10-running.txt'],
  ['ip.link', 'ip.link/sos4.0-iproute2-6.1-ip_-s_-d_link.txt'],
  ['ip.addr', 'ip.addr/iproute2-6.1-o-veth-pairs.txt'],
  ['ip.addr', 'ip.addr/iproute2-6.1-o-docker20.10-running.txt'],
  ['ip.addr', 'ip.addr/iproute2-6.1-multiline-veth-pairs.txt'],
  ['bridge.link', 'bridge.link/iproute2-6.1-leaked-veth.txt'],
  ['bridge.link', 'bridge.link/iproute2-6.1-s-s-d-leaked-veth.txt'],
  ['bridge.link', 'bridge.link/iproute2-6.1-docker20.10-running.txt'],
  ['ip.netns', 'ip.netns/iproute2-6.1-two-named.txt'],
  ['iptables.filter', 'iptables.filter/iptables-1.8.9-all-tables-icc-icmp-before-drop.txt'],
  ['iptables.filter', 'iptables.filter/iptables-1.8.9-filter-icc-icmp-before-drop.txt'],
  ['iptables.filter', 'iptables.filter/iptables-1.8.9-all-tables-docker20.10.txt'],
  ['iptables.nat', 'iptables.nat/iptables-1.8.9-nat.txt'],
  ['iptables.nat', 'iptables.nat/iptables-1.8.9-t-nat-nvL.txt'],
  // [lab] dockerd 20.10.24 in a private netns, client 20.10.24 (and 28.2.2)
  ['docker.info', 'docker.info/docker-20.10.24-running-vfs.txt'],
  ['docker.info', 'docker.info/docker-client28-server20.10-running-vfs.txt'],
  ['docker.info', 'docker.info/docker-client28-daemon-down-merged.txt'],
  ['docker.info', 'docker.info/docker-client28-daemon-down.stdout.txt'],
  ['docker.info', 'docker.info/docker-20.10.24-daemon-down.stdout.txt'],
  ['docker.info', 'docker.info/docker-20.10.24-daemon-down-merged.txt'],
  ['docker.ps', 'docker.ps/docker-20.10.24-daemon-down.txt'],
  ['docker.version', 'docker.version/docker-20.10.24-daemon-down-merged.txt'],
  ['docker.ps', 'docker.ps/docker-20.10.24-no-trunc-mixed-states.txt'],
  ['docker.ps', 'docker.ps/docker-20.10.24-trunc-mixed-states.txt'],
  ['docker.ps', 'docker.ps/docker-20.10.24-json-mixed-states.txt'],
  ['docker.network-ls', 'docker.network-ls/docker-20.10.24-no-trunc.txt'],
  ['docker.network-ls', 'docker.network-ls/docker-20.10.24-trunc.txt'],
  ['docker.version', 'docker.version/docker-20.10.24-running.txt'],
  ['docker.version', 'docker.version/docker-client28-daemon-down-merged.txt'],
  ['docker.daemon-json', 'docker.daemon-json/lab-ok-lab.json'],
  ['docker.daemon-json', 'docker.daemon-json/lab-graph.json'],
  ['ps', 'ps/procps-4.0-eo-lstart-docker20.10.txt'],
  ['ps', 'ps/procps-4.0-auxwww-docker20.10.txt'],
  ['ps', 'ps/sos4.0-ps_auxwww-trimmed.txt'],
  ['dpkg.l', 'dpkg.l/dpkg-1.21-debian12-trimmed.txt'],
  ['uname', 'uname/uname-debian12-a.txt'],
  ['os-release', 'os-release/debian-12.txt'],
  ['hostname', 'hostname/debian12-short.txt'],
  // the collector's own output (samples/lab-netns-healthy)
  ['process.daemons', 'process.daemons/collector-0.1-lab-netns-healthy.txt'],
  // the unit file of Debian's docker.io with the `# path` header systemctl cat prints
  ['systemd.cat-docker', 'systemd.cat-docker/systemctl-252-debian12-docker.io-unit-file.txt'],
  // netns-lab helper's real captures (test/fixtures/lab/*/README.md)
  ['docker.info', 'lab/healthy/docker-info.txt'],
  ['docker.info', 'lab/veth-leak/docker-info.txt'],
  ['docker.info', 'lab/docker-cli/docker-info.txt'],
  ['docker.ps', 'lab/healthy/docker-ps-a.txt'],
  ['docker.ps', 'lab/veth-leak/docker-ps-a.txt'],
  ['docker.ps', 'lab/docker-cli/docker-ps-a-no-trunc.txt'],
  ['docker.network-ls', 'lab/healthy/docker-network-ls.txt'],
  ['docker.network-ls', 'lab/docker-cli/docker-network-ls-no-trunc.txt'],
  ['docker.version', 'lab/docker-cli/docker-version.txt'],
  ['ip.link', 'lab/healthy/ip-d-o-link.txt'],
  ['ip.link', 'lab/healthy/ip-o-link.txt'],
  ['ip.link', 'lab/veth-leak/ip-d-o-link.txt'],
  ['ip.link', 'lab/veth-leak/ip-o-link.txt'],
  ['ip.addr', 'lab/healthy/ip-d-address.txt'],
  ['ip.addr', 'lab/veth-leak/ip-d-address.txt'],
  ['bridge.link', 'lab/healthy/bridge-link.txt'],
  ['bridge.link', 'lab/veth-leak/bridge-link.txt'],
  ['ps', 'lab/healthy/ps.txt'],
  ['ps', 'lab/veth-leak/ps.txt'],
];

const HAND: [artifact: string, path: string][] = [
  ['ip.link', 'ip.link/hand-iproute2-4.x-two-state-keys.txt'], // §3 old iproute2
  ['bridge.link', 'bridge.link/hand-iproute2-3.10-two-state-keys.txt'], // §3 two state keys
  ['rpm.qa', 'rpm.qa/hand-openeuler-22.03-docker-engine.txt'], // §0, §3 rpm -qa
  ['rpm.qa', 'rpm.qa/hand-openeuler-20.03-docker-engine-with-containerd-runc.txt'], // §2 RPM conflicts
  ['rpm.qa', 'rpm.qa/hand-sos-installed-rpms-openeuler.txt'], // §4 installed-rpms
  ['sysconfig.docker', 'sysconfig.docker/hand-openeuler-etc-sysconfig-docker.txt'], // §0, §1.1
  ['sysconfig.docker', 'sysconfig.docker/hand-openeuler-etc-sysconfig-docker-storage.txt'], // §2 overlay2/devicemapper
  ['sysconfig.docker', 'sysconfig.docker/hand-openeuler-etc-sysconfig-docker-network.txt'], // §2 --bip
  ['systemd.cat-docker', 'systemd.cat-docker/hand-openeuler-18.09-with-dropin.txt'], // §0 openEuler unit
  ['systemd.docker', 'systemd.docker/hand-systemd-252-docker-start-limit-hit.txt'], // §1.5, §3
  ['systemd.docker', 'systemd.docker/hand-sos-show-service-all-three-units.txt'], // §4 systemctl_show_service_--all
  ['systemd.status', 'systemd.status/hand-systemd-252-docker-failed-start-limit-hit.txt'], // §1.5 v252
  ['systemd.status', 'systemd.status/hand-systemd-219-docker-failed-start-limit.txt'], // §1.5 v219
  ['process.daemons', 'process.daemons/hand-openeuler-dockerd-env.txt'], // §1.1 env, docs/bundle-format.md records
  ['docker.info', 'docker.info/hand-openeuler-18.09-flat-devicemapper.txt'], // §3 flat layout, §2 devicemapper
  ['docker.version', 'docker.version/hand-openeuler-18.09-euler-version.txt'], // §0
  ['docker.version', 'docker.version/hand-docker-18.09-daemon-down-old-client.txt'], // §3 "running on this host?"
  ['firewalld.state', 'firewalld.state/hand-firewalld-running.txt'],
  ['firewalld.state', 'firewalld.state/hand-firewalld-not-running.txt'],
];

describe('host fixtures parse cleanly', () => {
  for (const [artifact, path] of [...REAL, ...HAND]) {
    it(`${artifact} ← ${path}`, () => {
      const r = parse(artifact, fixture(path), path);
      expect(r.problems).toEqual([]);
      expect(r.status).toBe('ok');
    });
  }
});

// nspawn-lab helper's real systemd 252 captures (test/fixtures/nspawn/*/)
const NSPAWN: [string, string][] = [];
const NSPAWN_DIR = join(ROOT, 'test/fixtures/nspawn');
if (existsSync(NSPAWN_DIR)) {
  for (const d of readdirSync(NSPAWN_DIR)) {
    for (const [file, artifact] of [['systemctl-show.txt', 'systemd.docker'], ['systemctl-show.txt', 'systemd.containerd'], ['systemctl-show.txt', 'systemd.journald'], ['systemctl-status-docker.txt', 'systemd.status'], ['systemctl-cat-docker.txt', 'systemd.cat-docker']] as const) {
      if (existsSync(join(NSPAWN_DIR, d, file))) NSPAWN.push([artifact, `nspawn/${d}/${file}`]);
    }
  }
}

describe('nspawn systemctl captures parse cleanly', () => {
  it('has captures', () => expect(NSPAWN.length).toBeGreaterThan(10));
  for (const [artifact, path] of NSPAWN) {
    it(`${artifact} ← ${path}`, () => {
      const r = parse(artifact, fixture(path), path);
      expect(r.problems).toEqual([]);
      expect(r.status).toBe('ok');
    });
  }
});

// Real collector bundles (samples/*): every host artifact at its bundle path parses cleanly.
const HOST_ARTIFACTS = HOST_PARSERS.flatMap((p) => p.artifacts);
const SAMPLES = existsSync(join(ROOT, 'samples')) ? readdirSync(join(ROOT, 'samples')).filter((d) => existsSync(join(ROOT, 'samples', d, 'manifest.json'))) : [];

describe('collector sample bundles: host artifacts parse cleanly', () => {
  for (const sample of SAMPLES) {
    const files: [string, string][] = [];
    for (const id of HOST_ARTIFACTS) {
      for (const pat of artifactSpec(id).bundle) for (const f of fg.sync(pat, { cwd: join(ROOT, 'samples', sample) })) files.push([id, f]);
    }
    it(`${sample} (${files.length} files)`, () => {
      expect(files.length).toBeGreaterThan(5);
      for (const [id, f] of files) {
        const text = fixture(`../../samples/${sample}/${f}`);
        const r = parse(id, text, f);
        if (id === 'docker.daemon-json' && r.status === 'ok' && (r.value as DaemonJsonFacts).error) {
          // A broken daemon.json is the scenario: its error must be the one dockerd logged in the same bundle.
          const journal = fixture(`../../samples/${sample}/cmd/journal.json`);
          expect(journal).toContain(`unable to configure the Docker daemon with file /etc/docker/daemon.json: ${(r.value as DaemonJsonFacts).error!.message}`);
          continue;
        }
        expect(r.problems, `${sample}/${f}`).toEqual([]);
        expect(['ok', 'skipped'], `${sample}/${f}`).toContain(r.status);
      }
    });
  }
});
