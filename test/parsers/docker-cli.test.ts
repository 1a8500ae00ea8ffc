import { describe, expect, it } from 'vitest';
import type { DockerInfoFacts } from '../../analyzer/src/parsers/docker-info.js';
import type { DockerPsFacts } from '../../analyzer/src/parsers/docker-ps.js';
import type { DockerNetworkLsFacts } from '../../analyzer/src/parsers/docker-network-ls.js';
import type { DockerVersionFacts } from '../../analyzer/src/parsers/docker-version.js';
import { parseDockerSize } from '../../analyzer/src/parsers/util/table.js';
import { okValue, parse } from './host-helpers.js';

describe('docker-info parser', () => {
  it('Client:/Server: layout [lab]: top-level keys, nested counts, list items', () => {
    const { value } = okValue<DockerInfoFacts>('docker.info', 'docker.info/docker-20.10.24-running-vfs.txt');
    expect(value.layout).toBe('sections');
    expect(value.client).toEqual({ Context: 'default', 'Debug Mode': 'false' });
    expect(value.server).toMatchObject({ 'Server Version': '20.10.24+dfsg1', 'Storage Driver': 'vfs', 'Docker Root Dir': '/tmp/dpmhp/lab/data', 'Debug Mode': 'false', Containers: '6', 'containerd version': '1.6.20~ds1-1+deb12u3' });
    expect(value.server['Running']).toBeUndefined();
    expect(value.lists['Security Options']).toEqual(['seccomp']);
    expect(value.lists['Insecure Registries']).toEqual(['127.0.0.0/8']);
    expect(value.serverLines['Storage Driver']!.line).toBe(12);
  });

  it('18.09 flat layout (hand, field guide §3/§2): storage driver status and the WARNING line', () => {
    const { value } = okValue<DockerInfoFacts>('docker.info', 'docker.info/hand-openeuler-18.09-flat-devicemapper.txt');
    expect(value.layout).toBe('flat');
    expect(value.server['Storage Driver']).toBe('devicemapper');
    expect(value.storageDriverStatus).toMatchObject({ 'Pool Name': 'docker-thinpool', 'Backing Filesystem': 'ext4', 'Deferred Removal Enabled': 'false' });
    expect(value.warnings).toEqual([{ text: 'WARNING: the devicemapper storage-driver is deprecated, and will be removed in a future release.', line: 54 }]);
    expect(value.server['Live Restore Enabled']).toBe('true');
  });

  it('20.10 client, daemon down [cap]: `ERROR: Cannot connect…` under Server:, stderr line merged', () => {
    for (const f of ['docker.info/docker-20.10.24-daemon-down.stdout.txt', 'docker.info/docker-20.10.24-daemon-down-merged.txt']) {
      const { value } = okValue<DockerInfoFacts>('docker.info', f);
      expect(value.daemonError).toMatchObject({ kind: 'not-running', line: 6, text: 'Cannot connect to the Docker daemon at unix:///tmp/dpmhp/none.sock. Is the docker daemon running?' });
      expect(value.server).toEqual({});
    }
  });

  it('daemon down [cap] and the older "on this host?" wording', () => {
    const { value } = okValue<DockerInfoFacts>('docker.info', 'docker.info/docker-client28-daemon-down-merged.txt');
    expect(value.daemonError).toMatchObject({ kind: 'not-running', line: 7 });
    expect(value.server).toEqual({});
    const r = parse<DockerInfoFacts>('docker.info', 'Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running on this host?\n');
    expect(r.status === 'ok' && r.value.daemonError?.kind).toBe('not-running');
    const p = parse<DockerInfoFacts>('docker.info', 'Server:\nERROR: Got permission denied while trying to connect to the Docker daemon socket at unix:///var/run/docker.sock: …\n');
    expect(p.status === 'ok' && p.value.daemonError?.kind).toBe('permission-denied');
  });
});

describe('docker-info fragments (issue 13, real pastes)', () => {
  it('`docker info | grep Space` after WARNING lines [real docker/for-linux#731]: orphan devicemapper keys are driver status', () => {
    const { value, problems } = okValue<DockerInfoFacts>('docker.info', 'real-world/devicemapper-thinpool/docker-for-linux-731.txt');
    expect(value.warnings.map((w) => w.line)).toEqual([1, 2]);
    expect(value.headerlessDriverStatus).toBe(true);
    // Line 5 is `**Data Space Available: 0B**` (the user's markdown): read without the emphasis.
    expect(value.storageDriverStatus).toMatchObject({ 'Data Space Used': '85.9GB', 'Data Space Total': '85.9GB', 'Data Space Available': '0B', 'Thin Pool Minimum Free Space': '8.589GB' });
    expect(value.storageDriverLines['Data Space Available']!.line).toBe(5);
    expect(value.server['Data Space Used']).toBeUndefined();
    expect(problems).toEqual([]);
  });

  it('a fragment starting at `Pool Name:` (column 0) [real docker/docs#4166]: its indented lines are status too', () => {
    const { value } = okValue<DockerInfoFacts>('docker.info', 'real-world/devicemapper-thinpool/trap-docker-docs-4166.txt');
    expect(value.storageDriverStatus).toMatchObject({ 'Pool Name': 'docker-docker--pool', 'Data Space Available': '9.42 GB', 'Thin Pool Minimum Free Space': '1.336 GB' });
    expect(value.storageDriverLines['Thin Pool Minimum Free Space']!.line).toBe(10);
  });

  it('with the header, nothing is headerless; keys that are not devicemapper\'s stay server keys', () => {
    const { value } = okValue<DockerInfoFacts>('docker.info', 'docker.info/hand-openeuler-18.09-flat-devicemapper.txt');
    expect(value.headerlessDriverStatus).toBeUndefined();
    expect(value.storageDriverLines['Pool Name']!.line).toBe(8);
    const r = parse<DockerInfoFacts>('docker.info', 'Logging Driver: json-file\n Some Key: x\n');
    expect(r.status === 'ok' && [r.value.headerlessDriverStatus, r.value.storageDriverStatus]).toEqual([undefined, {}]);
  });
});

describe('parseDockerSize (go-units HumanSize / BytesSize)', () => {
  it('decimal units with or without a space, binary with i; anything else is unknown', () => {
    expect(parseDockerSize('85.9GB')).toBe(85_900_000_000);
    expect(parseDockerSize('40.91 MB')).toBe(40_910_000);
    expect(parseDockerSize('65.54kB')).toBe(65_540);
    expect(parseDockerSize('0B')).toBe(0);
    expect(parseDockerSize('2 GiB')).toBe(2 * 1024 ** 3);
    for (const bad of ['', '12', 'GB', '1.2 XB', undefined]) expect(parseDockerSize(bad)).toBeUndefined();
  });
});

describe('docker-ps parser', () => {
  it('--no-trunc fixed-width columns sliced at header offsets [lab]', () => {
    const { value } = okValue<DockerPsFacts>('docker.ps', 'docker.ps/docker-20.10.24-no-trunc-mixed-states.txt');
    expect(value.containers).toHaveLength(6);
    expect(value.containers[2]).toMatchObject({ id: 'ce66eedf48564969968e3d7e0c1090ac1022d728837abe4817e6c2e5fc57b809', image: 'bb:latest', command: '"sh -c \'exit 3\'"', created: '5 seconds ago', status: 'Exited (3) 4 seconds ago', ports: '', names: ['quitter'], line: 4 });
  });

  it('JSON lines carry State and CreatedAt', () => {
    const { value } = okValue<DockerPsFacts>('docker.ps', 'docker.ps/docker-20.10.24-json-mixed-states.txt');
    expect(value.format).toBe('json');
    expect(value.containers[0]).toMatchObject({ names: ['paused'], state: 'paused', createdAt: '2026-11-28 07:29:32 +0000 UTC' });
  });

  it('a bad JSON line, a row before the header and a misaligned row are problems', () => {
    const r = parse<DockerPsFacts>('docker.ps', '{"ID": 1\nabc row\nCONTAINER ID   IMAGE   COMMAND   CREATED   STATUS   PORTS   NAMES\nnot-an-id      x       "y"       now       Up       -       n\n');
    expect(r.problems.map((p) => p.line)).toEqual([1, 2, 4]);
  });

  it('daemon down', () => {
    const r = parse<DockerPsFacts>('docker.ps', 'Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?\n');
    expect(r.status === 'ok' && r.value.daemonError?.kind).toBe('not-running');
  });
});

describe('docker-network-ls and docker-version parsers', () => {
  it('network rows [lab]', () => {
    const { value } = okValue<DockerNetworkLsFacts>('docker.network-ls', 'docker.network-ls/docker-20.10.24-no-trunc.txt');
    expect(value.networks.map((n) => [n.name, n.driver, n.scope])).toEqual([
      ['appnet', 'bridge', 'local'],
      ['appnet2', 'bridge', 'local'],
      ['bridge', 'bridge', 'local'],
      ['host', 'host', 'local'],
      ['none', 'null', 'local'],
    ]);
    expect(parse('docker.network-ls', 'abc def\n').problems).toMatchObject([{ line: 1 }]);
  });

  it('version components [cap]; openEuler EulerVersion; daemon down keeps the client', () => {
    const v = okValue<DockerVersionFacts>('docker.version', 'docker.version/docker-20.10.24-running.txt').value;
    expect(v.server['Engine']!['Version']).toMatchObject({ value: '20.10.24+dfsg1', line: 13 });
    expect(v.server['containerd']!['GitCommit']!.value).toBe('1.6.20~ds1-1+deb12u3');
    expect(v.server['runc']!['Version']!.value).toBe('1.1.5+ds1');
    expect(v.client['Version']!.value).toBe('20.10.24+dfsg1');
    const oe = okValue<DockerVersionFacts>('docker.version', 'docker.version/hand-openeuler-18.09-euler-version.txt').value;
    expect(oe.server['Engine']!['EulerVersion']!.value).toBe('18.09.0.129');
    const down = okValue<DockerVersionFacts>('docker.version', 'docker.version/docker-client28-daemon-down-merged.txt').value;
    expect(down.daemonError).toMatchObject({ kind: 'not-running', line: 9 });
    expect(down.client['Version']!.value).toBe('28.2.2');
    expect(down.server).toEqual({});
  });

  it('17.x server prints Version directly under Server: (read as Engine)', () => {
    const r = parse<DockerVersionFacts>('docker.version', 'Server:\n Version:      17.06.2-ce\n API version:  1.30 (minimum version 1.12)\n');
    expect(r.status === 'ok' && r.value.server['Engine']!['Version']!.value).toBe('17.06.2-ce');
    expect(parse('docker.version', 'stray\n').problems).toMatchObject([{ line: 1 }]);
  });
});
