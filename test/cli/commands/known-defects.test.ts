import { afterEach, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { REPO_ROOT } from '../../helpers/rule-tester.js';
import { reportFile } from '../../helpers/report-files.js';

const CLI = resolve(REPO_ROOT, 'analyzer/src/cli/main.ts');
const run = (args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', CLI, ...args], { cwd: REPO_ROOT, encoding: 'utf8', timeout: 120_000 });
const SAMPLE = resolve(REPO_ROOT, 'samples/nspawn-healthy');

// The sample's real dpkg -l lists runc 1.1.5+ds1-1+deb12u1; a team range one revision above it must match.
const teamEntry = {
  id: 'team-runc-example',
  title: 'team-tracked runc issue',
  kind: 'defect',
  severity: 'warning',
  symptom: 'example symptom',
  affected: [{ package: 'runc', system: 'dpkg', distribution: 'debian', ranges: ['< 1.1.5+ds1-1+deb12u2'] }],
  sources: [{ url: 'https://example.org/team/1' }],
};

describe('analyze --known-defects', () => {
  const dirs: string[] = [];
  const tmp = () => {
    const d = mkdtempSync(join(tmpdir(), 'dpm-kd-'));
    dirs.push(d);
    return d;
  };
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });

  it('adds the team entries: the sample gains a known-defect finding citing its dpkg -l line', () => {
    const dir = tmp();
    const team = join(dir, 'team.json');
    writeFileSync(team, JSON.stringify({ formatVersion: 1, entries: [teamEntry] }));
    const plain = run(['analyze', SAMPLE, '-o', join(dir, 'plain'), '--format', 'json']);
    expect(plain.status, plain.stderr).toBe(0);
    const before = JSON.parse(readFileSync(reportFile(dir, 'plain', 'json'), 'utf8')).findings.filter((f: { ruleId: string }) => f.ruleId === 'known-defect');
    expect(before).toEqual([]);

    const r = run(['analyze', SAMPLE, '-o', join(dir, 'team'), '--format', 'json', '--known-defects', team]);
    expect(r.status, r.stderr).toBe(0);
    const found = JSON.parse(readFileSync(reportFile(dir, 'team', 'json'), 'utf8')).findings.filter((f: { ruleId: string }) => f.ruleId === 'known-defect');
    expect(found).toHaveLength(1);
    expect(found[0].data).toMatchObject({ entry: 'team-runc-example', package: 'runc', installed: '1.1.5+ds1-1+deb12u1', fixed: '1.1.5+ds1-1+deb12u2', origin: team });
    expect(found[0].evidence[0]).toMatchObject({ artifact: 'dpkg.l' });
    expect(found[0].evidence[0].excerpt).toMatch(/^ii\s+runc\s+1\.1\.5\+ds1-1\+deb12u1/);
  }, 180_000);

  it('refuses a broken team file with exit 2, naming the entry index and field', () => {
    const dir = tmp();
    const team = join(dir, 'bad.json');
    writeFileSync(team, JSON.stringify({ formatVersion: 1, entries: [teamEntry, { ...teamEntry, id: 'two', severity: 'fatal' }] }));
    const r = run(['analyze', SAMPLE, '-o', join(dir, 'out'), '--known-defects', team]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`${team}: entries[1].severity: must be one of critical, error, warning, info`);
  }, 60_000);
});
