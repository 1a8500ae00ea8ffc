import { describe, expect, it } from 'vitest';
import { compareDpkgVersions, parseDpkgVersion } from '../../analyzer/src/versions/dpkg.js';

// dpkg's own table: scripts/t/Dpkg_Version.t (__DATA__: a b expected) in guillemj/dpkg.
const DPKG_VERSION_T: [string, string, number][] = [
  ['1.0-1', '2.0-2', -1], ['2.2~rc-4', '2.2-1', -1], ['2.2-1', '2.2~rc-4', 1], ['1.0000-1', '1.0-1', 0],
  ['1', '0:1', 0], ['0', '0:0-0', 0], ['2:2.5', '1:7.5', 1], ['1:0foo', '0foo', 1], ['0:0foo', '0foo', 0],
  ['0foo', '0foo', 0], ['0foo-', '0foo', 0], ['0foo-', '0foo-0', 0], ['0foo', '0fo', 1], ['0foo-', '0foo+', -1],
  ['0foo~1', '0foo', -1], ['0foo~foo+Bar', '0foo~foo+bar', -1], ['0foo~~', '0foo~', -1], ['1~', '1', -1],
  ['12345+that-really-is-some-ver-0', '12345+that-really-is-some-ver-10', -1], ['0foo-0', '0foo-01', -1],
  ['0foo.bar', '0foobar', 1], ['0foo.bar', '0foo1bar', 1], ['0foo.bar', '0foo0bar', 1], ['0foo1bar-1', '0foobar-1', -1],
  ['0foo2.0', '0foo2', 1], ['0foo2.0.0', '0foo2.10.0', -1], ['0foo2.0', '0foo2.0.0', -1], ['0foo2.0', '0foo2.10', -1],
  ['0foo2.1', '0foo2.10', -1], ['1.09', '1.9', 0], ['1.0.8+nmu1', '1.0.8', 1], ['3.11', '3.10+nmu1', 1],
  ['0.9j-20080306-4', '0.9i-20070324-2', 1], ['1.2.0~b7-1', '1.2.0~b6-1', 1], ['1.011-1', '1.06-2', 1],
  ['0.0.9+dfsg1-1', '0.0.8+dfsg1-3', 1], ['4.6.99+svn6582-1', '4.6.99+svn6496-1', 1], ['53', '52', 1],
  ['0.9.9~pre122-1', '0.9.9~pre111-1', 1], ['2:2.3.2-2+lenny2', '2:2.3.2-2', 1], ['1:3.8.1-1', '3.8.GA-1', 1],
  ['1.0.1+gpl-1', '1.0.1-2', 1], ['1a', '1000a', -1], ['-0.6.5', '0.9.1', -1],
];

// Versions from the real Debian 12 dpkg -l capture (test/fixtures/dpkg.l) and their neighbours.
const DEBIAN12: [string, string, number][] = [
  ['20.10.24+dfsg1-1+deb12u1+b6', '20.10.24+dfsg1-1+deb12u1', 1], // binNMU after the security upload
  ['20.10.24+dfsg1-1+deb12u1', '20.10.24+dfsg1-1+deb12u2', -1],
  ['1.6.20~ds1-1+deb12u3', '1.6.20-1', -1], // ~ds1 repack sorts before the plain upstream
  ['1.1.5+ds1-1+deb12u1', '1.1.5+ds1-1', 1],
  ['252.39-1~deb12u2', '252.39-1', -1], // a ~debNuM backport before the unstable revision
];

const cmp = (a: string, b: string) => Math.sign(compareDpkgVersions(parseDpkgVersion(a)!, parseDpkgVersion(b)!));

describe('dpkg version comparison', () => {
  for (const [a, b, want] of [...DPKG_VERSION_T, ...DEBIAN12]) {
    it(`${a} vs ${b} = ${want}`, () => expect(cmp(a, b)).toBe(want));
  }
  it('is antisymmetric over the whole table', () => {
    for (const [a, b] of [...DPKG_VERSION_T, ...DEBIAN12]) expect(cmp(b, a) + cmp(a, b), `${a} vs ${b}`).toBe(0);
  });
});

// lib/dpkg/t/t-version.c: parsing cases.
describe('dpkg version parsing', () => {
  it('splits epoch (first colon) and revision (last hyphen)', () => {
    expect(parseDpkgVersion('0:0-0-0')).toEqual({ epoch: 0, upstream: '0-0', revision: '0' });
    expect(parseDpkgVersion('0:0:0-0')).toEqual({ epoch: 0, upstream: '0:0', revision: '0' });
    expect(parseDpkgVersion('0:0-0:0-0')).toEqual({ epoch: 0, upstream: '0-0:0', revision: '0' });
    expect(parseDpkgVersion('5:1')).toEqual({ epoch: 5, upstream: '1', revision: '' });
    expect(parseDpkgVersion('0:09azAZ.-+~:-0')).toEqual({ epoch: 0, upstream: '09azAZ.-+~:', revision: '0' });
  });
  it('ignores leading and trailing blanks', () => {
    expect(parseDpkgVersion(' \t0:0-1\t ')).toEqual({ epoch: 0, upstream: '0', revision: '1' });
  });
  it('rejects empty versions, embedded blanks, bad and huge epochs', () => {
    for (const bad of ['', '  ', '0:0 0-1', '-1:0-1', 'a:0-0', 'A:0-0', '999999999999999999999999:0-1']) expect(parseDpkgVersion(bad), bad).toBeUndefined();
  });
  it('equal versions with different spellings compare equal', () => {
    expect(cmp('0:0-00', '00-0')).toBe(0);
    expect(cmp('1:2-3', '1:2-3')).toBe(0);
  });
});
