/**
 * `batch` over a case folder: notes, documents and images beside the bundles are listed as
 * "skipped: not a bundle" and leave the exit code alone; the same file named on the command line
 * is an input and fails the run (exit 3), as any unreadable input does.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { REPO_ROOT } from '../../helpers/rule-tester.js';
import { makeTempDir, removeTempDirs } from '../../helpers/tmp.js';
import { copySampleWithHost } from '../../triage/batch-fixtures.js';
import type { BatchSummaryFile } from '../../../analyzer/src/triage/outputs.js';

afterAll(removeTempDirs);

const CLI = resolve(REPO_ROOT, 'analyzer/src/cli/main.ts');
const run = (args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', CLI, ...args], { cwd: REPO_ROOT, encoding: 'utf8', timeout: 240_000 });
const summaryOf = (dir: string) => JSON.parse(readFileSync(join(dir, 'summary.json'), 'utf8')) as BatchSummaryFile;
const NOT_BUNDLES = ['README.md', 'customer-notes.txt', 'screenshot.png'];

describe('batch: files that are plainly not bundles', () => {
  let dir: string;
  beforeAll(() => {
    dir = makeTempDir('dpm-skip-in-');
    copySampleWithHost('lab-netns-healthy', join(dir, 'node-a'), 'node-a');
    for (const f of NOT_BUNDLES) writeFileSync(join(dir, f), `${f}: not a bundle\n`);
  });

  it('a folder walk lists them as skipped, analyzes the bundle and exits 0', () => {
    const out = makeTempDir('dpm-skip-out-');
    const r = run(['batch', dir, '-o', out, '--jobs', '1', '--no-progress']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const s = summaryOf(out);
    expect(s.bundles.map((b) => [b.input, b.status])).toEqual([['node-a', 'analyzed']]);
    expect(s.skipped?.map((x) => [x.input, x.kind])).toEqual([...NOT_BUNDLES].sort().map((f) => [f, 'not-a-bundle']));
    expect(r.stdout).toContain(`${NOT_BUNDLES.length} skipped`);
    const html = readFileSync(join(out, 'index.html'), 'utf8');
    for (const f of NOT_BUNDLES) expect(html).toContain(`data-input="${f}"`);
  }, 240_000);

  it('a note named on the command line is an input: it fails and the run exits 3', () => {
    const out = makeTempDir('dpm-skip-out-');
    const r = run(['batch', join(dir, 'node-a'), join(dir, 'README.md'), '-o', out, '--jobs', '1', '--no-progress']);
    expect(r.status).toBe(3);
    const s = summaryOf(out);
    expect(s.bundles.find((b) => b.input === 'README.md')?.status).toBe('failed');
    expect(s.skipped ?? []).toEqual([]);
  }, 240_000);
});
