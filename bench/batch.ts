/**
 * bench/batch.ts: batch throughput and memory.
 *
 *   npx tsx bench/batch.ts [--count 500] [--keep]
 *
 * Makes `count` bundles by copying the lab samples (collector bundles from the netns and nspawn labs)
 * with varied host names and collection times, half as folders and half as .tar.gz, then runs the
 * built CLI (`npm run build` first) with --jobs 1 and --jobs 2 into fresh output folders. Reports
 * bundles per second for each, the 1→2 scaling ratio, and the peak resident memory of the whole process
 * tree (batch parent + workers, sampled from /proc every 50 ms). It also runs a quarter of the count to
 * show that peak memory does not grow with the number of bundles.
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { tarGzFolder } from '../test/triage/batch-fixtures.js';

const ROOT = resolve(import.meta.dirname, '..');
const CLI = join(ROOT, 'dist/analyzer/src/cli/main.js');
const args = process.argv.slice(2);
const count = Number(args[args.indexOf('--count') + 1] || 500) || 500;
const keep = args.includes('--keep');

const SOURCES = readdirSync(join(ROOT, 'samples')).filter((n) => existsSync(join(ROOT, 'samples', n, 'manifest.json')));

async function makeInputs(n: number): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'dpm-bench-batch-'));
  const stage = mkdtempSync(join(tmpdir(), 'dpm-bench-stage-'));
  for (let i = 0; i < n; i++) {
    const src = SOURCES[i % SOURCES.length]!;
    const host = `bench-${String(i).padStart(4, '0')}`;
    const when = new Date(Date.UTC(2026, 10, 1) + i * 3_600_000).toISOString().replace(/\.\d+Z$/, 'Z');
    const top = `docker-postmortem-${host}-${when.replace(/[-:]/g, '')}`;
    const dest = i % 2 ? join(stage, top) : join(dir, top);
    cpSync(join(ROOT, 'samples', src), dest, { recursive: true });
    const m = JSON.parse(readFileSync(join(dest, 'manifest.json'), 'utf8'));
    m.host = host;
    m.collectedAt = when;
    writeFileSync(join(dest, 'manifest.json'), JSON.stringify(m));
    if (existsSync(join(dest, 'cmd/hostname.txt'))) writeFileSync(join(dest, 'cmd/hostname.txt'), `${host}\n`);
    if (i % 2) {
      await tarGzFolder(dest, top, join(dir, `${top}.tar.gz`));
      rmSync(dest, { recursive: true });
    }
  }
  rmSync(stage, { recursive: true, force: true });
  return dir;
}

/** RSS of a process and all its descendants, in KiB, from /proc. */
function treeRssKb(pid: number): number {
  let total = 0;
  const stack = [pid];
  while (stack.length) {
    const p = stack.pop()!;
    try {
      const status = readFileSync(`/proc/${p}/status`, 'utf8');
      total += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
      for (const t of readdirSync(`/proc/${p}/task`)) {
        const kids = readFileSync(`/proc/${p}/task/${t}/children`, 'utf8').trim();
        if (kids) stack.push(...kids.split(/\s+/).map(Number));
      }
    } catch {
      /* the process ended between samples */
    }
  }
  return total;
}

async function run(inputs: string, jobs: number): Promise<{ seconds: number; peakMb: number; bundles: number }> {
  const out = mkdtempSync(join(tmpdir(), 'dpm-bench-out-'));
  const t0 = process.hrtime.bigint();
  const child = spawn(process.execPath, [CLI, 'batch', inputs, '-o', out, '--jobs', String(jobs), '--no-progress'], { stdio: ['ignore', 'pipe', 'inherit'] });
  let peak = 0;
  const timer = setInterval(() => (peak = Math.max(peak, treeRssKb(child.pid!))), 50);
  let stdout = '';
  child.stdout.on('data', (d) => (stdout += d));
  const code = await new Promise<number | null>((r) => child.on('exit', r));
  clearInterval(timer);
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  if (code !== 0 && code !== 3) throw new Error(`batch exited ${code}: ${stdout}`);
  const bundles = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')).bundles.length;
  if (!keep) rmSync(out, { recursive: true, force: true });
  return { seconds, peakMb: peak / 1024, bundles };
}

if (!existsSync(CLI)) throw new Error('run `npm run build` first');
console.log(`making ${count} bundles from ${SOURCES.length} samples …`);
const inputs = await makeInputs(count);
const small = await makeInputs(Math.max(4, Math.floor(count / 4)));
const r1 = await run(inputs, 1);
const r2 = await run(inputs, 2);
const rs = await run(small, 2);
const rate1 = r1.bundles / r1.seconds;
const rate2 = r2.bundles / r2.seconds;
console.log(`jobs=1: ${r1.bundles} bundles in ${r1.seconds.toFixed(1)} s = ${rate1.toFixed(2)} bundles/s, peak RSS ${r1.peakMb.toFixed(0)} MB`);
console.log(`jobs=2: ${r2.bundles} bundles in ${r2.seconds.toFixed(1)} s = ${rate2.toFixed(2)} bundles/s, peak RSS ${r2.peakMb.toFixed(0)} MB`);
console.log(`scaling 1→2 jobs: ${(rate2 / rate1).toFixed(2)}x`);
console.log(`jobs=2 on ${rs.bundles} bundles: peak RSS ${rs.peakMb.toFixed(0)} MB (vs ${r2.peakMb.toFixed(0)} MB on ${r2.bundles})`);
if (!keep) {
  rmSync(inputs, { recursive: true, force: true });
  rmSync(small, { recursive: true, force: true });
}
