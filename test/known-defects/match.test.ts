/**
 * The matcher on real package lists and version outputs, built through the real parsers and model
 * (analyzeCase). Expected matches are worked out from the captured versions and the ranges in
 * analyzer/data/known-defects.json, as commented per case.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { analyzeCase, REPO_ROOT } from '../helpers/rule-tester.js';
import { BUILTIN_KNOWN_DEFECTS, parseKnownDefects } from '../../analyzer/src/known-defects/load.js';
import { matchKnownDefects } from '../../analyzer/src/known-defects/match.js';
import type { CaseInput } from '../helpers/rule-tester.js';
import packageConflict from '../../analyzer/src/rules/package-conflict.js';

const text = (rel: string) => readFileSync(resolve(REPO_ROOT, rel), 'utf8');
/** 1-based line of the first line containing `needle`. */
const lineOf = (rel: string, needle: string) => text(rel).split('\n').findIndex((l) => l.includes(needle)) + 1;

// Any rule will do: the model is what the matcher reads.
const modelOf = async (c: CaseInput) => (await analyzeCase(packageConflict, c)).model;
const builtin = BUILTIN_KNOWN_DEFECTS.entries;

describe('known-defect matcher: rpm -qa (openEuler)', () => {
  it('22.03 SP1 docker-engine-18.09.0-316.oe2203sp1: only the fixes released after 316 match', async () => {
    const rel = 'test/fixtures/rpm.qa/hand-openeuler-22.03-docker-engine.txt';
    const model = await modelOf({ name: 'oe2203sp1', artifacts: { 'rpm.qa': text(rel) } });
    const { matches } = matchKnownDefects(model, builtin);
    // oe2203 ranges: container-missing fixed in 319, CVE-2023-28840 in 323; every other oe2203 fix is ≤ 309.
    expect(matches.map((m) => [m.entry.id, m.installed, m.fixed])).toEqual([
      ['CVE-2023-28840', '18.09.0-316.oe2203sp1', '18.09.0-323.oe2203'],
      ['openeuler-docker-container-missing-after-restart', '18.09.0-316.oe2203sp1', '18.09.0-319.oe2203'],
    ]);
    expect(matches[0]!.evidence).toMatchObject({ artifact: 'rpm.qa', line: lineOf(rel, 'docker-engine-'), excerpt: 'docker-engine-18.09.0-316.oe2203sp1.x86_64' });
    expect(matches[0]!.via).toBe('rpm -qa');
  });

  it('20.03 docker-engine-18.09.0-129.oe1: every oe1 fix above 129 matches; containerd 1.2.0-301.oe1 is past 102', async () => {
    const rel = 'test/fixtures/rpm.qa/hand-openeuler-20.03-docker-engine-with-containerd-runc.txt';
    const model = await modelOf({ name: 'oe1', artifacts: { 'rpm.qa': text(rel) } });
    const ids = matchKnownDefects(model, builtin).matches.map((m) => m.entry.id);
    expect(ids.sort()).toEqual(
      [
        'CVE-2021-21284', // < 201
        'CVE-2021-21285', // < 202
        'CVE-2022-24769', // < 233
        'CVE-2021-41089', // < 236
        'CVE-2021-41091', // < 237
        'CVE-2021-41092', // < 238
        'CVE-2022-36109', // < 241
        'CVE-2023-28840', // < 253
        'openeuler-docker-db-size-check', // < 220
        'openeuler-docker-container-missing-after-restart', // < 250
      ].sort(),
    );
    // Not matched: the stale-object fix is 102 (129 is later); containerd 1.2.0-301.oe1 ≥ 1.2.0-102.oe1.
    expect(ids).not.toContain('openeuler-docker-stale-containerd-object');
    expect(ids).not.toContain('CVE-2020-15257');
  });

  it('the sos installed-rpms form (install date after the NVRA) matches the same way', async () => {
    const rel = 'test/fixtures/rpm.qa/hand-sos-installed-rpms-openeuler.txt';
    const model = await modelOf({ name: 'sos', artifacts: { 'rpm.qa': text(rel) } });
    const m = matchKnownDefects(model, builtin).matches.find((x) => x.entry.id === 'openeuler-docker-db-size-check');
    expect(m).toMatchObject({ installed: '18.09.0-129.oe1', fixed: '18.09.0-220.oe1', evidence: { line: lineOf(rel, 'docker-engine') } });
  });

  it('dist tags scope ranges: an oe1 release number is not judged by the oe2203 numbering', async () => {
    // 18.09.0-240.oe1 is past every oe1 fix up to 238 but before 241/250/253; under oe2203 rules 240 < 301 would match more.
    const model = await modelOf({ name: 'oe1-240', artifacts: { 'rpm.qa': 'docker-engine-18.09.0-240.oe1.x86_64\n' } });
    const ids = matchKnownDefects(model, builtin).matches.map((m) => m.entry.id).sort();
    expect(ids).toEqual(['CVE-2022-36109', 'CVE-2023-28840', 'openeuler-docker-container-missing-after-restart']);
  });

  it('a fixed build matches nothing', async () => {
    const model = await modelOf({ name: 'oe2203sp1-324', artifacts: { 'rpm.qa': 'docker-engine-18.09.0-324.oe2203sp1.x86_64\ncontainerd-1.2.0-310.oe2203sp1.x86_64\n' } });
    expect(matchKnownDefects(model, builtin).matches).toEqual([]);
  });
});

describe('known-defect matcher: dpkg -l (real Debian 12 capture)', () => {
  const rel = 'test/fixtures/dpkg.l/dpkg-1.21-debian12-trimmed.txt';

  it('no shipped entry matches: the golang ranges step aside for the distribution packages', async () => {
    const model = await modelOf({ name: 'debian', artifacts: { 'dpkg.l': text(rel) } });
    expect(matchKnownDefects(model, builtin).matches).toEqual([]);
  });

  it('a team dpkg range matches the captured runc line, and its boundary holds', async () => {
    const team = parseKnownDefects(
      {
        formatVersion: 1,
        entries: [
          { id: 'above', title: 't', kind: 'defect', severity: 'info', symptom: 's', sources: [{ url: 'https://example.org/1' }], affected: [{ package: 'runc', system: 'dpkg', distribution: 'debian', ranges: ['< 1.1.5+ds1-1+deb12u2'] }] },
          { id: 'equal', title: 't', kind: 'defect', severity: 'info', symptom: 's', sources: [{ url: 'https://example.org/2' }], affected: [{ package: 'runc', system: 'dpkg', ranges: ['< 1.1.5+ds1-1+deb12u1'] }] },
          { id: 'tilde', title: 't', kind: 'defect', severity: 'info', symptom: 's', sources: [{ url: 'https://example.org/3' }], affected: [{ package: 'containerd', system: 'dpkg', ranges: ['< 1.6.20-1'] }] },
          { id: 'other-distro', title: 't', kind: 'defect', severity: 'info', symptom: 's', sources: [{ url: 'https://example.org/4' }], affected: [{ package: 'runc', system: 'dpkg', distribution: 'ubuntu', ranges: ['< 9'] }] },
        ],
      },
      'team.json',
    );
    expect(team.problems).toEqual([]);
    const model = await modelOf({ name: 'debian', bundle: 'samples/nspawn-healthy', artifacts: { 'dpkg.l': text(rel) } });
    const { matches } = matchKnownDefects(model, team.entries);
    // runc 1.1.5+ds1-1+deb12u1 < deb12u2; equal to the second bound (not affected);
    // containerd 1.6.20~ds1-1+deb12u3 < 1.6.20-1 because ~ sorts first; the host is debian, not ubuntu.
    expect(matches.map((m) => [m.entry.id, m.package, m.installed])).toEqual([
      ['above', 'runc', '1.1.5+ds1-1+deb12u1'],
      ['tilde', 'containerd', '1.6.20~ds1-1+deb12u3'],
    ]);
    expect(matches[0]!.evidence).toMatchObject({ artifact: 'dpkg.l', line: lineOf(rel, 'ii  runc ') });
    expect(matches[0]!.evidence.excerpt).toContain('1.1.5+ds1-1+deb12u1');
  });
});

describe('known-defect matcher: docker version', () => {
  const sample = 'samples/lab-netns-healthy';
  const versionFile = `${sample}/cmd/docker-version.txt`;

  it('without a package list, runc 1.1.5+ds1 from docker version is inside CVE-2024-21626 (rc93 ≤ v < 1.1.12)', async () => {
    const model = await modelOf({ name: 'no-packages', bundle: sample, drop: ['dpkg.l', 'rpm.qa'] });
    const { matches } = matchKnownDefects(model, builtin);
    // docker 20.10.24+dfsg1 is not below 20.10.24; containerd 1.6.20~ds1 is past 1.4.3.
    expect(matches.map((m) => [m.entry.id, m.package, m.installed, m.fixed, m.via, m.confidence])).toEqual([
      ['CVE-2024-21626', 'runc', '1.1.5+ds1', '1.1.12', 'docker version', 'medium'],
    ]);
    const runcLine = text(versionFile).split('\n').findIndex((l) => l.includes('1.1.5+ds1')) + 1;
    expect(matches[0]!.evidence).toMatchObject({ artifact: 'docker.version', line: runcLine });
  });

  it('with the dpkg list, the same sample matches nothing (Debian runc decides, not its upstream version)', async () => {
    const model = await modelOf({ name: 'with-packages', bundle: sample });
    expect(matchKnownDefects(model, builtin).matches).toEqual([]);
  });

  it('openEuler docker version alone: golang matches are kept at low confidence and say why', async () => {
    const model = await modelOf({ name: 'euler', artifacts: { 'docker.version': text('test/fixtures/docker.version/hand-openeuler-18.09-euler-version.txt') } });
    const { matches } = matchKnownDefects(model, builtin);
    // Engine 18.09.0 is below 19.03.15, 20.10.9, 20.10.14, 20.10.18 and 20.10.24.
    expect(matches.map((m) => m.entry.id).sort()).toEqual(['CVE-2021-21284', 'CVE-2021-21285', 'CVE-2021-41091', 'CVE-2022-24769', 'CVE-2022-36109', 'CVE-2023-28840']);
    for (const m of matches) {
      expect(m.confidence).toBe('low');
      expect(m.confidenceReason).toContain('openEuler backports fixes');
    }
  });
});

describe('event kinds strengthen a match', () => {
  it('raises confidence to high and names the kinds seen', async () => {
    const model = await modelOf({ name: 'oe1', artifacts: { 'rpm.qa': 'docker-engine-18.09.0-129.oe1.x86_64\n' } });
    const counts: Record<string, number> = { 'bolt.corruption': 2 };
    const m = matchKnownDefects(model, builtin, { eventCount: (k) => counts[k] }).matches.find((x) => x.entry.id === 'openeuler-docker-db-size-check')!;
    expect(m.confidence).toBe('high');
    expect(m.eventsSeen).toEqual([{ kind: 'bolt.corruption', count: 2 }]);
    expect(m.confidenceReason).toContain('bolt.corruption (2)');
  });
});
