import { describe, expect, it } from 'vitest';
import { compareGoVersions, parseGoVersion } from '../../analyzer/src/versions/golang.js';
import { compareVersions } from '../../analyzer/src/versions/index.js';

const cmp = (a: string, b: string) => compareGoVersions(parseGoVersion(a)!, parseGoVersion(b)!);

// Versions as `docker version` prints them (test/fixtures/docker.version, samples/*/cmd/docker-version.txt)
// and as the upstream advisories name them (GHSA-xr7r-f8xq-vfvv: 1.0.0-rc93 ≤ affected < 1.1.12).
const TABLE: [string, string, number][] = [
  ['v1.7.13', '1.7.13', 0],
  ['1.1.12', '1.1.11', 1],
  ['1.1.5+ds1', '1.1.12', -1], // Debian's runc: +ds1 is build metadata
  ['1.1.5+ds1', '1.1.5', 0],
  ['20.10.24+dfsg1', '20.10.24', 0],
  ['20.10.24+dfsg1', '20.10.9', 1], // numeric, not lexical
  ['v24.0.9+incompatible', '24.0.9', 0],
  ['1.6.20~ds1', '1.6.20', 0], // Debian containerd repack marker
  ['1.7.0~rc1', '1.7.0', -1], // Debian spelling of a pre-release
  ['1.1.0-rc.1', '1.1.0', -1],
  ['1.1.0-rc.1', '1.1.0-rc.2', -1],
  ['1.1.0-rc.2', '1.1.0-rc.10', -1], // numeric identifiers numerically (semver §11)
  ['1.0.0-rc9', '1.0.0-rc10', -1], // runc's rcN: digit runs numerically (deliberate, see golang.ts)
  ['1.0.0-rc92', '1.0.0-rc93', -1],
  ['1.0.0-rc93', '1.0.0', -1],
  ['1.0.0-rc6', '1.0.0-rc7', -1], // CVE-2019-5736 boundary
  ['1.0.0.rc3', '1.0.0-rc3', 0], // openEuler runc spelling
  ['18.09.0.129', '18.09.0', 1], // openEuler EulerVersion
  ['18.09', '18.09.0', 0],
  ['1.0.0-alpha', '1.0.0-alpha.1', -1], // semver §11 examples
  ['1.0.0-alpha.1', '1.0.0-alpha.beta', -1],
  ['1.0.0-alpha.beta', '1.0.0-beta', -1],
  ['1.0.0-beta.2', '1.0.0-beta.11', -1],
  ['1.0.0-beta.11', '1.0.0-rc.1', -1],
  ['1.0.0-rc.1', '1.0.0', -1],
];

describe('Go / docker version comparison', () => {
  for (const [a, b, want] of TABLE) it(`${a} vs ${b} = ${want}`, () => expect(cmp(a, b)).toBe(want));
  it('is antisymmetric over the table', () => {
    for (const [a, b] of TABLE) expect(cmp(b, a) + cmp(a, b), `${a} vs ${b}`).toBe(0);
  });
  it('rejects text without a leading number', () => {
    expect(parseGoVersion('dev')).toBeUndefined();
    expect(parseGoVersion('')).toBeUndefined();
  });
});

describe('compareVersions', () => {
  it('dispatches per system and says undefined instead of guessing', () => {
    expect(compareVersions('rpm', '18.09.0-129.oe1', '18.09.0-233.oe1')).toBe(-1);
    expect(compareVersions('dpkg', '1:1.0', '2.0')).toBe(1);
    expect(compareVersions('golang', '1.1.5+ds1', '1.1.12')).toBe(-1);
    expect(compareVersions('golang', 'unknown', '1.1.12')).toBeUndefined();
    expect(compareVersions('dpkg', 'a:1', '1')).toBeUndefined();
  });
});
