import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../helpers/rule-tester.js';
import { makeTempDir, removeTempDirs } from '../../helpers/tmp.js';
import { LEAKED_VETHS, sample, vethDeletedAfter } from '../../diff/lab-pairs.js';

afterAll(removeTempDirs);

const CLI = resolve(REPO_ROOT, 'analyzer/src/cli/main.ts');
const run = (args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', CLI, ...args], { cwd: REPO_ROOT, encoding: 'utf8', timeout: 120_000 });

describe('docker-postmortem diff', { timeout: 240_000 }, () => {
  const before = sample('lab-netns-veth-leak');
  const after = vethDeletedAfter(join(makeTempDir('dpm-cli-diff-pair-'), 'after'));

  it('writes diff.html, diff.json and diff.md into -o only, and prints a one-screen summary', () => {
    const out = makeTempDir('dpm-cli-diff-');
    const r = run(['diff', before, after, '-o', out]);
    expect(r.status, r.stderr).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['diff.html', 'diff.json', 'diff.md']);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines.length).toBeLessThanOrEqual(24 + 3); // the summary, then the three file paths
    const d = JSON.parse(readFileSync(join(out, 'diff.json'), 'utf8'));
    expect(r.stdout).toContain(`findings: ${d.counts.new} new, ${d.counts.resolved} resolved, ${d.counts.persisting} persisting`);
    expect(r.stdout).toMatch(/resolved\s+warning\s+veth-leak/);
    expect(d.sections.find((s: { id: string }) => s.id === 'interfaces').changes.map((c: { item: string }) => c.item).sort()).toEqual([...LEAKED_VETHS].sort());
    const md = readFileSync(join(out, 'diff.md'), 'utf8');
    for (const v of LEAKED_VETHS) expect(md).toContain(v);
    expect(md).toContain('**resolved** warning ` veth-leak `');
  });

  it('--fail-on-new exits 1 only when a new finding reaches the severity', () => {
    const out = makeTempDir('dpm-cli-diff-f-');
    // Fixed → leaking again (arguments swapped): the veth-leak warning is new. The after bundle was collected later than the sample,
    // so the swapped pair is also in the wrong order and says so.
    const again = run(['diff', after, before, '-o', out, '--format', 'json', '--fail-on-new', 'warning']);
    expect(again.status).toBe(1);
    expect(again.stdout).toContain('WARNING: the after bundle was collected');
    expect(run(['diff', after, before, '-o', out, '--format', 'json', '--fail-on-new', 'error']).status).toBe(0);
    expect(run(['diff', before, after, '-o', out, '--format', 'json', '--fail-on-new', 'info']).status).toBe(0);
  });

  it('exits 2 on usage errors and 3 with one line when a bundle is unreadable', () => {
    const out = makeTempDir('dpm-cli-diff-u-');
    expect(run(['diff', before, after, '-o', out, '--fail-on-new', 'fatal']).status).toBe(2);
    expect(run(['diff', before, after, '-o', out, '--format', 'pdf']).status).toBe(2);
    expect(run(['diff', before, '-o', out]).status).toBe(2);
    const junk = join(out, 'junk.tar.gz');
    writeFileSync(junk, 'not an archive\n');
    const r = run(['diff', before, junk, '-o', out]);
    expect(r.status).toBe(3);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(readdirSync(out)).toEqual(['junk.tar.gz']);
  });
});
