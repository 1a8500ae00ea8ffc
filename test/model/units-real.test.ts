/**
 * Units from the nspawn lab's real systemd 252 captures (LC_ALL=C: ASCII bullets `x`/`*`, ASCII
 * drop-in tree). The show file holds three units one after another, as `systemctl show a b c` prints.
 */
import { describe, expect, it } from 'vitest';
import { modelFrom } from './log-model-helper.js';

const dir = (name: string) => [
  { artifact: 'systemd.docker', fixture: `nspawn/${name}/systemctl-show.txt` },
  { artifact: 'systemd.containerd', fixture: `nspawn/${name}/systemctl-show.txt` },
  { artifact: 'systemd.journald', fixture: `nspawn/${name}/systemctl-show.txt` },
  { artifact: 'systemd.status', fixture: `nspawn/${name}/systemctl-status-docker.txt` },
  { artifact: 'systemd.cat-docker', fixture: `nspawn/${name}/systemctl-cat-docker.txt` },
];

describe('model: units from real systemd 252 captures', () => {
  it('start-limit-hit: Result, NRestarts, Active line, ExecStart argv', () => {
    const u = modelFrom(dir('start-limit-hit')).units;
    const d = u['docker.service']!;
    expect(d.properties).toMatchObject({ Result: 'start-limit-hit', NRestarts: '0', ActiveState: 'failed', StartLimitBurst: '3' });
    expect(d.activeLine).toBe('failed (Result: start-limit-hit) since Sat 2026-11-28 07:43:58 UTC; 4s ago');
    expect(d.execStart).toEqual(['/usr/sbin/dockerd', '-H', 'fd://', '--containerd=/run/containerd/containerd.sock', '$DOCKER_OPTS']);
    expect(d.evidence).toMatchObject({ artifact: 'systemd.docker', line: 192, excerpt: 'Id=docker.service' });
    expect(u['containerd.service']!.properties['StartLimitBurst']).toBe('5');
    expect(u['systemd-journald.service']).toBeDefined();
  });

  it('auto-restart loop into a bad daemon.json keeps Result=exit-code (field guide §1.5)', () => {
    const d = modelFrom(dir('start-limit-daemon-json')).units['docker.service']!;
    expect(d.activeLine).toMatch(/^failed \(Result: exit-code\)/);
  });

  it('start-timeout: the drop-in from cat and from the status tree is one entry, cited at the cat header', () => {
    const d = modelFrom(dir('start-timeout')).units['docker.service']!;
    expect(d.dropIns.map((x) => x.path)).toEqual(['/etc/systemd/system/docker.service.d/50-docklab-slow-start.conf']);
    expect(d.dropIns[0]!.evidence).toMatchObject({ artifact: 'systemd.cat-docker', line: 38 });
    expect(d.activeLine).toMatch(/^failed \(Result: timeout\)/);
    expect(d.properties['TimeoutStartUSec']).toBe('2s');
  });
});
