/**
 * Whole bundles through the real reader, parsers and combiners: the host sections of a sosreport
 * (samples/sosreport-vm-debian12.tar.xz, real sos 4.0) and of real collector bundles (samples/*).
 * Expected values are read off the bundles' files.
 */
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildModel } from '../../analyzer/src/cli/commands/facts.js';
import { HOST_PARSERS } from '../../analyzer/src/parsers/registry-host.js';

const ROOT = resolve(import.meta.dirname, '../..');
const HOST_IDS = new Set(HOST_PARSERS.flatMap((p) => p.artifacts));

function hostProblems(m: Awaited<ReturnType<typeof buildModel>>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(m.collection.parseProblems).filter(([id, list]) => HOST_IDS.has(id as never) && list.length > 0 && id !== 'docker.daemon-json'));
}

describe('host sections from whole bundles', () => {
  it('sos 4.0 sample: links, processes, packages, identity; chroot systemctl is skipped, not wrong', async () => {
    const m = await buildModel(resolve(ROOT, 'samples/sosreport-vm-debian12.tar.xz'));
    expect(hostProblems(m)).toEqual({});
    expect(m.identity).toMatchObject({ hostname: 'vm', kernel: '6.18.44-fc-v782', flavor: 'upstream' });
    expect(m.identity.docker?.package).toMatch(/^docker\.io-20\.10\.24/);
    expect(m.links.map((l) => l.name)).toContain('eth0');
    expect(m.processes.available).toBe(true);
    expect(m.packages.byName['containerd']).toMatchObject({ manager: 'dpkg', version: '1.6.20~ds1-1+deb12u3' });
    expect(m.units).toEqual({});
  }, 90_000);

  it('netns lab veth leak bundle: the same-netns pair and the running dockerd flags', async () => {
    const m = await buildModel(resolve(ROOT, 'samples/lab-netns-veth-leak'));
    expect(hostProblems(m)).toEqual({});
    const by = new Map(m.links.map((l) => [l.name, l]));
    const leaked = m.links.filter((l) => l.peerName !== undefined && by.get(l.peerName)?.peerName === l.name);
    expect(leaked.length).toBeGreaterThanOrEqual(2);
    expect(m.config.values['bip']).toMatchObject({ value: '10.213.0.1/24', source: 'cmdline' });
    expect(m.config.dataRoot).toBe(m.config.values['data-root']!.value);
    expect(m.containers.every((c) => c.inDockerPs)).toBe(true);
  }, 90_000);

  it('nspawn start-limit daemon.json bundle: the cut daemon.json error and the unit flags', async () => {
    const m = await buildModel(resolve(ROOT, 'samples/nspawn-start-limit-daemon-json'));
    expect(hostProblems(m)).toEqual({});
    expect(m.config.daemonJson.error).toMatchObject({ message: 'unexpected EOF', line: 3 });
    expect(m.config.values['hosts']).toMatchObject({ value: ['fd://'], source: 'unit' });
    expect(m.config.values['storage-driver']).toMatchObject({ value: 'overlay2', source: 'daemon.json' });
    expect(m.units['docker.service']!.activeLine).toMatch(/^failed \(Result: exit-code\)/);
    expect(m.processes.dockerd).toBeUndefined();
  }, 90_000);
});
