import { describe, expect, it } from 'vitest';
import { compareRpmEvr, openEulerDistTag, parseRpmEvr, rpmvercmp } from '../../analyzer/src/versions/rpm.js';

// rpm's own test table: tests/rpmvercmp.at in rpm-software-management/rpm (RPMVERCMP(a, b, expected)).
const RPMVERCMP_AT: [string, string, number][] = [
  ['1.0', '1.0', 0], ['1.0', '2.0', -1], ['2.0', '1.0', 1],
  ['2.0.1', '2.0.1', 0], ['2.0', '2.0.1', -1], ['2.0.1', '2.0', 1],
  ['2.0.1a', '2.0.1a', 0], ['2.0.1a', '2.0.1', 1], ['2.0.1', '2.0.1a', -1],
  ['5.5p1', '5.5p1', 0], ['5.5p1', '5.5p2', -1], ['5.5p2', '5.5p1', 1],
  ['5.5p10', '5.5p10', 0], ['5.5p1', '5.5p10', -1], ['5.5p10', '5.5p1', 1],
  ['10xyz', '10.1xyz', -1], ['10.1xyz', '10xyz', 1],
  ['xyz10', 'xyz10', 0], ['xyz10', 'xyz10.1', -1], ['xyz10.1', 'xyz10', 1],
  ['xyz.4', 'xyz.4', 0], ['xyz.4', '8', -1], ['8', 'xyz.4', 1], ['xyz.4', '2', -1], ['2', 'xyz.4', 1],
  ['5.5p2', '5.6p1', -1], ['5.6p1', '5.5p2', 1],
  ['5.6p1', '6.5p1', -1], ['6.5p1', '5.6p1', 1],
  ['6.0.rc1', '6.0', 1], ['6.0', '6.0.rc1', -1],
  ['10b2', '10a1', 1], ['10a2', '10b2', -1],
  ['1.0aa', '1.0aa', 0], ['1.0a', '1.0aa', -1], ['1.0aa', '1.0a', 1],
  ['10.0001', '10.0001', 0], ['10.0001', '10.1', 0], ['10.1', '10.0001', 0], ['10.0001', '10.0039', -1], ['10.0039', '10.0001', 1],
  ['4.999.9', '5.0', -1], ['5.0', '4.999.9', 1],
  ['20101121', '20101121', 0], ['20101121', '20101122', -1], ['20101122', '20101121', 1],
  ['2_0', '2_0', 0], ['2.0', '2_0', 0], ['2_0', '2.0', 0],
  // RhBug:178798
  ['a', 'a', 0], ['a+', 'a+', 0], ['a+', 'a_', 0], ['a_', 'a+', 0], ['+a', '+a', 0], ['+a', '_a', 0], ['_a', '+a', 0],
  ['+_', '+_', 0], ['_+', '+_', 0], ['_+', '_+', 0], ['+', '_', 0], ['_', '+', 0],
  // tilde
  ['1.0~rc1', '1.0~rc1', 0], ['1.0~rc1', '1.0', -1], ['1.0', '1.0~rc1', 1], ['1.0~rc1', '1.0~rc2', -1], ['1.0~rc2', '1.0~rc1', 1],
  ['1.0~rc1~git123', '1.0~rc1~git123', 0], ['1.0~rc1~git123', '1.0~rc1', -1], ['1.0~rc1', '1.0~rc1~git123', 1],
];

// Caret cases, worked out by hand from rpmvercmp's caret rule (`^` sorts after the end of the
// string, before any other run): the snapshot of rpmvercmp.at read for this table has none.
const CARET: [string, string, number][] = [
  ['1.0^', '1.0^', 0], ['1.0^', '1.0', 1], ['1.0', '1.0^', -1],
  ['1.0^git1', '1.0', 1], ['1.0^git1', '1.0.1', -1], ['1.0^git1', '1.0^git2', -1],
  ['1.0^git1', '1.01', -1], ['1.0^20160101', '1.0.1', -1], ['1.0~rc1^git1', '1.0~rc1', 1], ['1.0~rc1^git1', '1.0', -1],
];

// openEuler releases as rpm -qa prints them (field guide §0; openeuler-mirror/docker docker.spec changelog).
const OPENEULER: [string, string, number][] = [
  ['129.oe1', '233.oe1', -1],
  ['233.oe1', '233.oe1', 0],
  ['233.oe1', '233', 1], // leftover dist tag wins: name the full release in ranges
  ['316.oe2203sp1', '323.oe2203sp1', -1],
  ['323.oe2203', '323.oe2203sp1', -1],
  ['136.12.0.86.oe2203sp1', '136.12.0.9.oe2203sp1', 1],
  ['1.0.0.rc3', '1.0.0.rc10', -1], // openEuler's runc version field: numbers beat nothing, 3 < 10
];

describe('rpmvercmp', () => {
  for (const [a, b, want] of [...RPMVERCMP_AT, ...CARET, ...OPENEULER]) {
    it(`rpmvercmp(${a}, ${b}) = ${want}`, () => expect(rpmvercmp(a, b)).toBe(want));
  }
  it('is antisymmetric over the whole table', () => {
    for (const [a, b] of [...RPMVERCMP_AT, ...CARET, ...OPENEULER]) expect(rpmvercmp(b, a) + rpmvercmp(a, b), `${a} vs ${b}`).toBe(0);
  });
  it('does not overflow on long digit runs', () => {
    expect(rpmvercmp('1.123456789012345678901234567890', '1.123456789012345678901234567891')).toBe(-1);
  });
});

describe('rpm epoch:version-release', () => {
  it('parses epoch, version and release (release after the last dash)', () => {
    expect(parseRpmEvr('2:18.09.0-323.oe2203')).toEqual({ epoch: 2, version: '18.09.0', release: '323.oe2203' });
    expect(parseRpmEvr('1.0.0.rc3-302.oe1')).toEqual({ version: '1.0.0.rc3', release: '302.oe1' });
    expect(parseRpmEvr('249')).toEqual({ version: '249' });
    expect(parseRpmEvr('x:1-1')).toBeUndefined();
    expect(parseRpmEvr('1.0-')).toBeUndefined();
  });
  const cmp = (a: string, b: string) => compareRpmEvr(parseRpmEvr(a)!, parseRpmEvr(b)!);
  it('a stated epoch decides before the version', () => {
    expect(cmp('2:1.0-1', '1:9.9-9')).toBe(1);
    expect(cmp('0:1.0-1', '1:0.1-1')).toBe(-1);
  });
  it('an epoch missing on one side is not compared (rpm -qa hides it; docker-engine has Epoch 2 on 22.03)', () => {
    expect(cmp('18.09.0-316.oe2203sp1', '2:18.09.0-323.oe2203sp1')).toBe(-1);
    expect(cmp('18.09.0-323.oe2203sp1', '2:18.09.0-323.oe2203sp1')).toBe(0);
  });
  it('a release missing on one side matches any release', () => {
    expect(cmp('18.09.0', '18.09.0-129.oe1')).toBe(0);
    expect(cmp('18.09.1', '18.09.0-129.oe1')).toBe(1);
  });
  it('finds the openEuler dist tag', () => {
    expect(openEulerDistTag('129.oe1')).toBe('oe1');
    expect(openEulerDistTag('136.12.0.86.oe2203sp1')).toBe('oe2203sp1');
    expect(openEulerDistTag('60.oe2203sp1')).toBe('oe2203sp1');
    expect(openEulerDistTag('1.el8')).toBeUndefined();
    expect(openEulerDistTag('1.toe1x')).toBeUndefined();
  });
});
