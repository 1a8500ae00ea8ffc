import { afterAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { REPO_ROOT } from '../helpers/rule-tester.js';
import { copySampleWithHost } from './batch-fixtures.js';
import { makeTempDir, removeTempDirs } from '../helpers/tmp.js';
import { allPids, readPpid, waitGone } from '../lab/netns-lab.js';

afterAll(removeTempDirs);

const CLI = resolve(REPO_ROOT, 'analyzer/src/cli/main.ts');

/** PIDs whose parent is pid (a batch's analyzer workers), from /proc. */
const childrenOf = (pid: number): number[] => allPids().filter((p) => readPpid(p) === pid);

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

    // First run: one job at a time; SIGKILL the whole batch once a few bundles are done. The whole batch is the
    // CLI and its analyzer worker process: a worker left running could still finish its bundle and write one more
    // cache entry after doneBefore was read, and the second run would then reuse one more than counted.
    const first = cli(['batch', dir, '-o', out, '--jobs', '1']);
    const workers: number[] = [];
    await new Promise<void>((resolveWait, reject) => {
      const t = setInterval(() => {
        if (cached() >= 3) {
          clearInterval(t);
          workers.push(...childrenOf(first.pid!));
          first.kill('SIGKILL');
          for (const w of workers) {
            try {
              process.kill(w, 'SIGKILL');
            } catch {
              /* already gone */
            }
          }
          resolveWait();
        }
      }, 50);
      first.on('exit', () => {
        clearInterval(t);
        if (cached() < 3) reject(new Error('batch ended before it could be killed'));
        else resolveWait();
      });
    });
    if (first.exitCode === null && first.signalCode === null) await new Promise((r) => first.once('exit', r));
    expect(workers.length, 'the batch had an analyzer worker when it was killed').toBeGreaterThan(0);
    for (const w of workers) expect(await waitGone(w, 30_000), `worker ${w} still running`).toBe(true);
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
  }, 240_000);
});
