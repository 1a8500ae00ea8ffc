import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../helpers/rule-tester.js';
import { makeTempDir, removeTempDirs } from '../../helpers/tmp.js';
import { reportFile } from '../../helpers/report-files.js';

afterAll(removeTempDirs);

const CLI = resolve(REPO_ROOT, 'analyzer/src/cli/main.ts');
// Run from other folders (the config is looked up in the cwd): tsx by its path, not by package name.
const TSX = pathToFileURL(resolve(REPO_ROOT, 'node_modules/tsx/dist/loader.mjs')).href;
const run = (args: string[], cwd = REPO_ROOT) => spawnSync(process.execPath, ['--import', TSX, CLI, ...args], { cwd, encoding: 'utf8', timeout: 120_000 });
const SAMPLE = resolve(REPO_ROOT, 'samples/lab-netns-veth-leak');
const OFF = { rules: { 'overlay2-redirect-dir': { severity: 'off', when: { flavor: 'upstream' } } } };
const report = (dir: string) => JSON.parse(readFileSync(reportFile(dir, 'json'), 'utf8'));

describe('--config on analyze and batch', { timeout: 240_000 }, () => {
  it('finds docker-postmortem.config.json in the current folder; --no-config ignores it; --config names another', () => {
    const cwd = makeTempDir('dpm-cli-config-');
    writeFileSync(join(cwd, 'docker-postmortem.config.json'), JSON.stringify(OFF));
    const plain = run(['analyze', SAMPLE, '-o', join(cwd, 'plain'), '--no-config']);
    expect(plain.status, plain.stderr).toBe(0);
    const redirect = report(join(cwd, 'plain')).findings.filter((f: { ruleId: string }) => f.ruleId === 'overlay2-redirect-dir');
    expect(redirect).toHaveLength(1);

    const found = run(['analyze', SAMPLE, '-o', join(cwd, 'found')], cwd);
    expect(found.status, found.stderr).toBe(0);
    const j = report(join(cwd, 'found'));
    expect(j.findings.some((f: { ruleId: string }) => f.ruleId === 'overlay2-redirect-dir')).toBe(false);
    expect(j.configApplied).toEqual([{ rule: 'overlay2-redirect-dir', change: 'off', entry: 'docker-postmortem.config.json rules["overlay2-redirect-dir"]', scope: 'flavor upstream', findings: [redirect[0].id] }]);
    expect(readFileSync(reportFile(cwd, 'found', 'md'), 'utf8')).toContain('Suppressed by config: ` overlay2-redirect-dir ` on flavor upstream');

    const other = join(cwd, 'team.json');
    writeFileSync(other, JSON.stringify({ rules: { 'veth-leak': 'info' } }));
    expect(run(['analyze', SAMPLE, '-o', join(cwd, 'named'), '--format', 'json', '--config', other], cwd).status).toBe(0);
    const n = report(join(cwd, 'named'));
    expect(n.findings.find((f: { ruleId: string }) => f.ruleId === 'veth-leak').severity).toBe('info');
    expect(n.findings.some((f: { ruleId: string }) => f.ruleId === 'overlay2-redirect-dir')).toBe(true); // the cwd file was not read
  });

  it('an invalid config is exit 2 with the offending key named, for analyze, diff and batch', () => {
    const cwd = makeTempDir('dpm-cli-config-bad-');
    const bad = join(cwd, 'bad.json');
    writeFileSync(bad, JSON.stringify({ rules: { 'veth-leak': { serverity: 'off' } } }));
    for (const args of [
      ['analyze', SAMPLE, '-o', join(cwd, 'a')],
      ['diff', SAMPLE, SAMPLE, '-o', join(cwd, 'd')],
      ['batch', SAMPLE, '-o', join(cwd, 'b'), '--no-progress'],
    ]) {
      const r = run([...args, '--config', bad]);
      expect(r.status, args[0]).toBe(2);
      expect(r.stderr, args[0]).toContain('rules["veth-leak"]: unknown key "serverity"');
    }
  });

  it('batch applies the config to every bundle', () => {
    // From the repo root: batch's workers load tsx by package name from the cwd (discovery in the cwd is the analyze test's).
    const cwd = makeTempDir('dpm-cli-config-batch-');
    writeFileSync(join(cwd, 'team.json'), JSON.stringify(OFF));
    const r = run(['batch', SAMPLE, '-o', join(cwd, 'out'), '--no-progress', '--jobs', '1', '--config', join(cwd, 'team.json')]);
    expect(r.status, r.stderr).toBe(0);
    const summary = JSON.parse(readFileSync(join(cwd, 'out', 'summary.json'), 'utf8'));
    const rules = summary.bundles.flatMap((b: { findings: { ruleId: string }[] }) => b.findings.map((f) => f.ruleId));
    expect(rules).toContain('veth-leak');
    expect(rules).not.toContain('overlay2-redirect-dir');
  });
});
