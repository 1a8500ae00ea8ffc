import { describe, expect, it } from 'vitest';
import type { MountLRow } from '../../analyzer/src/parsers/mount-l.js';
import { fixture, fixtureFiles, fuzzParser, okValue, parse } from '../helpers/storage-parser-harness.js';

describe('mount -l parser', () => {
  const rows = () => okValue(parse<MountLRow[]>('mount.l', fixture('mount-l/util-linux-2.38-escapes.txt')));

  it('reads plain lines', () => {
    expect(rows()[0]).toMatchObject({ source: '/dev/vda', mountPoint: '/', fsType: 'ext4', options: ['rw', 'relatime', 'discard', 'resv_strict', 'resuid=65534', 'resgid=65534'], ambiguous: false, line: 1 });
  });

  it('reads spaces and "?" control characters in paths (real)', () => {
    expect(rows().find((r) => r.mountPoint === '/tmp/mnt/a dir?tab')).toMatchObject({ source: 'src with space', fsType: 'tmpfs', ambiguous: false });
    expect(rows().find((r) => r.mountPoint === '/tmp/mnt/new?line')).toMatchObject({ source: 'nl', options: ['ro', 'relatime', 'size=256k'] });
  });

  it('splits " on " / " type " inside paths at the last absolute target and marks the row ambiguous (real)', () => {
    const r = rows().find((x) => x.text.startsWith('fake on'))!;
    expect(r).toMatchObject({ source: 'fake on /dev type ext4', mountPoint: '/tmp/mnt/x on y type z', fsType: 'tmpfs', ambiguous: true });
  });

  it('reads a label (the seed overlay2 mount line with one)', () => {
    const v = okValue(parse<MountLRow[]>('mount.l', '/dev/mapper/dm-root on /var/lib/docker/overlay2 type ext4 (rw,relatime,seclabel,data=ordered) [root]\n'));
    expect(v[0]).toMatchObject({ source: '/dev/mapper/dm-root', mountPoint: '/var/lib/docker/overlay2', fsType: 'ext4', label: 'root', ambiguous: false });
  });

  it('every real fixture parses with zero problems', () => {
    for (const f of fixtureFiles('mount-l')) expect(parse('mount.l', fixture(`mount-l/${f}`)).problems, f).toEqual([]);
  });

  it('reports unreadable lines by number', () => {
    const r = parse('mount.l', 'proc on /proc type proc (rw)\nsomething odd\nx type y (rw)\n');
    expect(r.problems.map((p) => p.line)).toEqual([2, 3]);
  });

  it('never throws on fuzzed input', () => {
    fuzzParser('mount.l', [fixture('mount-l/util-linux-2.38-escapes.txt')], 3000, 13);
  });
});
