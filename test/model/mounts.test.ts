import { describe, expect, it } from 'vitest';
import { modelFrom } from './log-model-helper.js';

describe('model: mounts', () => {
  it('uses mountinfo (real) with unescaped paths and ids', () => {
    const m = modelFrom([
      { artifact: 'mountinfo', fixture: 'mountinfo/linux-6.18-escapes-shared.txt', path: 'files/proc/self/mountinfo' },
      { artifact: 'mount.l', fixture: 'mount-l/util-linux-2.38-escapes.txt' },
    ]).mounts;
    expect(m[0]).toMatchObject({ id: 60, parentId: 59, mountPoint: '/', fsType: 'ext4', source: '/dev/vda' });
    expect(m.find((x) => x.mountPoint === '/tmp/mnt/a dir\ttab')).toMatchObject({ source: 'src with space', evidence: { artifact: 'mountinfo', path: 'files/proc/self/mountinfo' } });
    expect(m.every((x) => x.ambiguous === undefined)).toBe(true);
  });

  it('falls back to mount -l and marks the ambiguous row', () => {
    const m = modelFrom([{ artifact: 'mount.l', fixture: 'mount-l/util-linux-2.38-escapes.txt' }]).mounts;
    expect(m[0]).toMatchObject({ mountPoint: '/', fsType: 'ext4' });
    expect(m[0]!.id).toBeUndefined();
    expect(m.find((x) => x.source === 'fake on /dev type ext4')).toMatchObject({ mountPoint: '/tmp/mnt/x on y type z', ambiguous: true });
  });

  it('finds a mount at <data-root>/overlay2 (the seed mount-shadow line)', () => {
    const m = modelFrom([{ artifact: 'mount.l', text: '/dev/mapper/dm-root on /var/lib/docker/overlay2 type ext4 (rw,relatime,seclabel,data=ordered)\n' }]).mounts;
    expect(m).toEqual([expect.objectContaining({ mountPoint: '/var/lib/docker/overlay2', source: '/dev/mapper/dm-root', options: ['rw', 'relatime', 'seclabel', 'data=ordered'] })]);
  });

  it('sees docker overlay2 and netns mounts in a real collector capture (nspawn lab, docker 20.10)', () => {
    const m = modelFrom([{ artifact: 'mountinfo', fixture: 'mountinfo/collector-0.1-nspawn-docker-overlay2.txt' }]).mounts;
    const ov = m.filter((x) => x.fsType === 'overlay');
    expect(ov).toHaveLength(1);
    expect(ov[0]!.mountPoint).toMatch(/^\/var\/lib\/docker\/overlay2\/[0-9a-f]{64}\/merged$/);
    expect(ov[0]!.superOptions.some((o) => o.startsWith('lowerdir=/var/lib/docker/overlay2/l/'))).toBe(true);
    // Same mounts, same order in mount -l (the fallback) for this capture: the targets agree.
    const ml = modelFrom([{ artifact: 'mount.l', fixture: 'mount-l/collector-0.1-nspawn-docker-overlay2.txt' }]).mounts;
    expect(ml.map((x) => x.mountPoint)).toEqual(m.map((x) => x.mountPoint));
  });

  it('is empty without either artifact', () => {
    expect(modelFrom([]).mounts).toEqual([]);
  });
});
