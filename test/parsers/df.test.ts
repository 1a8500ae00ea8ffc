import { describe, expect, it } from 'vitest';
import type { DfOutput } from '../../analyzer/src/parsers/df.js';
import { fixture, fixtureFiles, fuzzParser, okValue, parse } from '../helpers/storage-parser-harness.js';

const K = 1024;
const M = K * K;
const G = M * K;

describe('df parser', () => {
  it('reads `df -h`: suffixes to bytes, names with spaces on both sides (real coreutils 9.1)', () => {
    const v = okValue(parse<DfOutput>('df.h', fixture('df/coreutils-9.1-h-spaces.txt')));
    expect(v.rows[0]).toMatchObject({ filesystem: '/dev/vda', sizeBytes: 252 * G, usedBytes: 23 * G, availBytes: 79 * G, usePercent: 23, mountedOn: '/', kind: 'blocks', line: 2 });
    expect(v.rows.find((r) => r.filesystem === 'src with space')).toMatchObject({ sizeBytes: 1 * M, usedBytes: 0, mountedOn: '/tmp/mnt/a dir?tab' });
    expect(v.rows.find((r) => r.filesystem === 'fake on /dev type ext4')).toMatchObject({ sizeBytes: 512 * K, mountedOn: '/tmp/mnt/x on y type z' });
    expect(v.rows.find((r) => r.mountedOn === '/tmp/mnt/back\\slash')).toMatchObject({ sizeBytes: 2 * M });
  });

  it('reads `df -i` inode counts (real)', () => {
    const v = okValue(parse<DfOutput>('df.i', fixture('df/coreutils-9.1-i-spaces.txt')));
    expect(v.rows[0]).toMatchObject({ kind: 'inodes', filesystem: '/dev/vda', inodes: 16777216, inodesUsed: 419707, inodesFree: 16357509, usePercent: 3, mountedOn: '/' });
  });

  it('reads POSIX `df -P` (1024-blocks, Capacity) and 1K-blocks with "-" use% (real sos-style -al)', () => {
    const p = okValue(parse<DfOutput>('df.h', fixture('df/coreutils-9.1-P.txt')));
    expect(p.rows[0]).toMatchObject({ sizeBytes: 264212084 * K, usedBytes: 23843828 * K, availBytes: 82547084 * K, usePercent: 23 });
    const al = okValue(parse<DfOutput>('df.h', fixture('df/coreutils-9.1-al-sos.txt')));
    expect(al.rows.find((r) => r.mountedOn === '/proc')).toMatchObject({ filesystem: 'proc', sizeBytes: 0, usePercent: undefined });
  });

  it('joins a wrapped row (coreutils 8.4 layout, hand fixture from insights-core df tests)', () => {
    const v = okValue(parse<DfOutput>('df.h', fixture('df/coreutils-8.4-h-wrapped-hand.txt')));
    expect(v.rows.map((r) => [r.filesystem, r.mountedOn, r.line])).toEqual([
      ['/dev/mapper/VolGroup-lv_root', '/', 2],
      ['tmpfs', '/dev/shm', 4],
      ['/dev/sda1', '/boot', 5],
    ]);
    expect(v.rows[0]!.sizeBytes).toBe(50 * G);
    expect(v.rows[0]!.usedBytes).toBe(Math.round(3.4 * G));
  });

  it('every fixture parses with zero problems', () => {
    for (const f of fixtureFiles('df')) {
      const r = parse('df.h', fixture(`df/${f}`));
      expect(r.status, f).toBe('ok');
      expect(r.problems, f).toEqual([]);
    }
  });

  it('reports rows before a header, bad sizes and a dangling wrapped name', () => {
    const r = parse<DfOutput>('df.h', '/dev/x 1G 1G 1G 1% /a\nFilesystem Size Used Avail Use% Mounted on\n/dev/y 1Q 1G 1G 1% /b\n/dev/very-long-name\n');
    expect(r.problems.map((p) => p.line)).toEqual([1, 3, 4]);
    expect(parse('df.h', 'df: /x: No such file or directory\n').status).toBe('malformed');
  });

  it('never throws on fuzzed input', () => {
    fuzzParser('df.h', fixtureFiles('df').map((f) => fixture(`df/${f}`)), 3000, 17);
  });
});
