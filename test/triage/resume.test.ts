import { afterAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { REPO_ROOT } from '../helpers/rule-tester.js';
import { copySampleWithHost } from './batch-fixtures.js';
import { makeTempDir, removeTempDirs } from '../helpers/tmp.js';

afterAll(removeTempDirs);

const CLI = resolve(REPO_ROOT, 'analyzer/src/cli/main.ts');

function cli(args: string[]) {
  return spawn(process.execPath, ['--import', 'tsx', CLI, ...args], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
}

describe('a batch killed halfway', () => {
  it('finishes the rest on the next run without redoing what was done', async () => {
    const dir = makeTempDir('dpm-resume-in-');
    const N = 8;
    for (let i = 0; i < N; i++) copySampleWithHost(i % 2 ? 'lab-netns-veth-leak' : 'lab-netns-healthy', join(dir, `host-${i}`), `host-${i}`);
    const out = makeTempDir('dpm-resume-out-');
    const cacheDir = join(out, '.cache');
    const cached = () => (existsSync(cacheDir) ? readdirSync(cacheDir).filter((f) => f.endsWith('.json')).length : 0);

    // First run: one job at a time; SIGKILL the whole batch once a few bundles are done.
    const first = cli(['batch', dir, '-o', out, '--jobs', '1']);
    await new Promise<void>((resolveWait, reject) => {
      const t = setInterval(() => {
        if (cached() >= 3) {
          clearInterval(t);
          first.kill('SIGKILL');
          resolveWait();
        }
      }, 50);
      first.on('exit', () => {
        clearInterval(t);
        if (cached() < 3) reject(new Error('batch ended before it could be killed'));
        else resolveWait();
      });
    });
    await new Promise((r) => first.once('exit', r).once('close', r));
    const doneBefore = cached();
    expect(doneBefore).toBeGreaterThanOrEqual(3);
    expect(doneBefore).toBeLessThan(N);
    expect(existsSync(join(out, 'summary.json'))).toBe(false);

    // Second run picks up: it reuses exactly what the first finished and analyzes the rest.
    const second = cli(['batch', dir, '-o', out, '--jobs', '2', '--no-progress']);
    let stdout = '';
    second.stdout.on('data', (d) => (stdout += d));
    const code = await new Promise<number | null>((r) => second.on('exit', r));
    expect(code).toBe(0);
    expect(stdout).toMatch(new RegExp(`${N} bundle\\(s\\): ${N} analyzed, 0 partly read, 0 could not be read, ${doneBefore} reused from cache`));
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
    expect(summary.bundles.map((b: { input: string }) => b.input).sort()).toEqual(Array.from({ length: N }, (_, i) => `host-${i}`).sort());
    void cpSync;
  }, 240_000);
});
