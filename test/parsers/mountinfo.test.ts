import { describe, expect, it } from 'vitest';
import { unescapeOctal, type MountinfoRow } from '../../analyzer/src/parsers/mountinfo.js';
import { fixture, fixtureFiles, fuzzParser, okValue, parse } from '../helpers/storage-parser-harness.js';

describe('mountinfo parser', () => {
  const rows = () => okValue(parse<MountinfoRow[]>('mountinfo', fixture('mountinfo/linux-6.18-escapes-shared.txt')));

  it('reads every real line, splitting on the lone "-"', () => {
    const r = rows();
    expect(r).toHaveLength(fixture('mountinfo/linux-6.18-escapes-shared.txt').trimEnd().split('\n').length);
    expect(r[0]).toMatchObject({ id: 60, parentId: 59, majMin: '254:0', root: '/', mountPoint: '/', fsType: 'ext4', source: '/dev/vda', options: ['rw', 'relatime'], optional: [], line: 1 });
  });

  it('unescapes \\040 \\011 \\012 \\134 in mount points and sources (real)', () => {
    const r = rows();
    expect(r.find((m) => m.mountPoint === '/tmp/mnt/a dir\ttab')).toMatchObject({ source: 'src with space', fsType: 'tmpfs', superOptions: ['rw', 'size=1024k'] });
    expect(r.find((m) => m.mountPoint === '/tmp/mnt/back\\slash')).toBeDefined();
    expect(r.find((m) => m.mountPoint === '/tmp/mnt/new\nline')).toMatchObject({ options: ['ro', 'relatime'] });
    expect(r.find((m) => m.mountPoint === '/tmp/mnt/x on y type z')).toMatchObject({ source: 'fake on /dev type ext4' });
  });

  it('keeps optional fields (shared:N master:N)', () => {
    expect(rows().find((m) => m.mountPoint === '/tmp/mnt/slave')!.optional).toEqual(['shared:8', 'master:7']);
    expect(rows().find((m) => m.mountPoint === '/tmp/mnt/shared')!.optional).toEqual(['shared:7']);
  });

  it('reads the field guide §3 sample', () => {
    const v = okValue(parse<MountinfoRow[]>('mountinfo', '226 27 0:65 / /mnt/a\\040dir\\011tab rw,relatime - tmpfs src\\040with\\040space rw,size=1024k\n'));
    expect(v[0]).toMatchObject({ id: 226, parentId: 27, mountPoint: '/mnt/a dir\ttab', source: 'src with space' });
    expect(unescapeOctal('a\\134b\\012')).toBe('a\\b\n');
  });

  it('every real fixture parses with zero problems', () => {
    for (const f of fixtureFiles('mountinfo')) expect(parse('mountinfo', fixture(`mountinfo/${f}`)).problems, f).toEqual([]);
  });

  it('reports lines without the separator or with bad ids by line number', () => {
    const r = parse<MountinfoRow[]>('mountinfo', '45 44 254:0 / / rw,relatime - ext4 /dev/vda rw\n46 45 0:1 / /x rw shared:1 tmpfs none rw\nx 45 0:1 / /y rw - tmpfs none rw\n');
    expect(r.problems.map((p) => p.line)).toEqual([2, 3]);
    expect(okValue(r)).toHaveLength(1);
    expect(parse('mountinfo', 'garbage\n').status).toBe('malformed');
  });

  it('never throws on fuzzed input', () => {
    fuzzParser('mountinfo', [fixture('mountinfo/linux-6.18-escapes-shared.txt')], 3000, 11);
  });
});
