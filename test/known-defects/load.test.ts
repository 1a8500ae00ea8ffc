import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BUILTIN_KNOWN_DEFECTS, loadKnownDefectsFile, mergeKnownDefects, parseKnownDefects, parseRangeText } from '../../analyzer/src/known-defects/load.js';

const valid = {
  id: 'team-1',
  title: 'a team defect',
  kind: 'defect',
  severity: 'warning',
  symptom: 'something breaks',
  affected: [{ package: 'runc', system: 'dpkg', distribution: 'debian', ranges: ['< 1.1.5+ds1-1+deb12u2'] }],
  sources: [{ url: 'https://example.org/bug/1' }],
};
const file = (entries: unknown[]) => ({ formatVersion: 1, entries });

describe('known-defect loader', () => {
  it('the shipped file validates with no problems and unique ids', () => {
    expect(BUILTIN_KNOWN_DEFECTS.problems).toEqual([]);
    expect(BUILTIN_KNOWN_DEFECTS.entries.length).toBeGreaterThanOrEqual(10);
    for (const id of ['CVE-2019-5736', 'CVE-2024-21626', 'CVE-2020-15257', 'openeuler-docker-db-size-check']) {
      expect(BUILTIN_KNOWN_DEFECTS.entries.map((e) => e.id)).toContain(id);
    }
  });

  it('every shipped entry cites at least one https source', () => {
    for (const e of BUILTIN_KNOWN_DEFECTS.entries) expect(e.sources.every((s) => s.url.startsWith('https://')), e.id).toBe(true);
  });

  it('accepts a valid team entry and turns range text into bounds', () => {
    const r = parseKnownDefects(file([valid]), 'team.json');
    expect(r.problems).toEqual([]);
    expect(r.entries[0]!.affected[0]!.ranges).toEqual([{ fixed: '1.1.5+ds1-1+deb12u2' }]);
    expect(r.entries[0]!.origin).toBe('team.json');
  });

  it('parses range text', () => {
    expect(parseRangeText('>= 1.0.0-rc93, < 1.1.12')).toEqual({ introduced: '1.0.0-rc93', fixed: '1.1.12' });
    expect(parseRangeText('<= 2.0')).toEqual({ lastAffected: '2.0' });
    expect(parseRangeText('== 2.0')).toMatch(/not ">= v"/);
    expect(parseRangeText('< 1, < 2')).toMatch(/twice/);
  });

  it('names the entry index and field of each problem, and keeps the valid entries', () => {
    const bad = [
      valid,
      { ...valid, id: 'b', severity: 'fatal' },
      { ...valid, id: 'c', affected: [{ package: 'docker-engine', system: 'rpm', ranges: ['< x:1-1'] }] },
      { ...valid, id: 'd', sources: [] },
      { ...valid, id: 'e', affected: [{ package: 'runc', system: 'golang', distTags: ['oe1'], ranges: ['< 1.1.12'] }] },
      { ...valid, id: 'f', events: ['Not An Event'] },
      { ...valid, id: 'g', colour: 'red' },
      { ...valid, id: 'h', affected: [{ package: 'runc', system: 'dpkg', ranges: [{ fixed: '1', lastAffected: '2' }] }] },
      { ...valid },
    ];
    const r = parseKnownDefects(file(bad), 'team.json');
    expect(r.entries.map((e) => e.id)).toEqual(['team-1']);
    const joined = r.problems.join('\n');
    expect(joined).toContain('team.json: entries[1].severity: must be one of critical, error, warning, info');
    expect(joined).toContain('entries[2].affected[0].ranges[0].fixed: "x:1-1" is not a valid rpm version');
    expect(joined).toContain('entries[3].sources: must be a non-empty list');
    expect(joined).toContain('entries[4].affected[0].distTags: only rpm releases carry dist tags');
    expect(joined).toContain('entries[5].events');
    expect(joined).toContain('entries[6]: unknown key "colour"');
    expect(joined).toContain('entries[7].affected[0].ranges[0]: give fixed or lastAffected, not both');
    expect(joined).toContain('entries[8].id: "team-1" appears twice');
  });

  it('refuses another format version', () => {
    const r = parseKnownDefects({ formatVersion: 2, entries: [valid] }, 'x.json');
    expect(r.entries).toEqual([]);
    expect(r.problems[0]).toContain('formatVersion must be 1 (found 2)');
  });

  describe('files', () => {
    let dir: string | undefined;
    afterEach(() => {
      if (dir) rmSync(dir, { recursive: true, force: true });
      dir = undefined;
    });
    it('reports unreadable files and JSON syntax errors as problems', () => {
      dir = mkdtempSync(join(tmpdir(), 'kd-'));
      const broken = join(dir, 'broken.json');
      writeFileSync(broken, '{ "formatVersion": 1, ');
      expect(loadKnownDefectsFile(broken).problems[0]).toMatch(/broken\.json: not JSON/);
      expect(loadKnownDefectsFile(join(dir, 'missing.json')).problems[0]).toMatch(/missing\.json: cannot read \(ENOENT\)/);
      const good = join(dir, 'good.json');
      writeFileSync(good, JSON.stringify(file([valid])));
      expect(loadKnownDefectsFile(good)).toMatchObject({ problems: [], entries: [{ id: 'team-1', origin: good }] });
    });
  });

  it('a team entry with a shipped id replaces it, and says so', () => {
    const team = parseKnownDefects(file([{ ...valid, id: 'CVE-2024-21626' }]), 'team.json').entries;
    const { entries, replaced } = mergeKnownDefects(BUILTIN_KNOWN_DEFECTS.entries, team);
    expect(entries.filter((e) => e.id === 'CVE-2024-21626')).toEqual([team[0]]);
    expect(replaced).toEqual(['CVE-2024-21626 from team.json replaces the one from analyzer/data/known-defects.json']);
  });
});
