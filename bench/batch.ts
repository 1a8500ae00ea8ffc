/**
 * bench/batch.ts: batch throughput, scaling and memory.
 *
 *   npm run build && npx tsx bench/batch.ts
 *   DPM_BENCH_BATCH_SMALL=20 DPM_BENCH_BATCH_LARGE=100 npx tsx bench/batch.ts   # a quick run
 *
 * Makes DPM_BENCH_BATCH_SMALL (default 100) and DPM_BENCH_BATCH_LARGE (default 1000) bundles by
 * copying the lab samples (collector bundles from the netns and nspawn labs) with varied host names
 * and collection times, half as folders and half as .tar.gz, then runs the built CLI:
 *   - on the small set with --jobs 1 and --jobs 2: bundles per second and the 1→2 scaling (aim ≥ 1.9×
 *     on 2 cores); then --jobs 1 with --jobs 2's single-threaded workers (the pool's own scaling), and
 *     two copies of a single-threaded program against one (the machine's ceiling), in the same run;
 *   - on the large set with --jobs 2: peak memory must not grow with the number of bundles.
 * Memory is sampled from /proc every 50 ms: the whole tree (parent + workers) and the largest single
 * worker (aim ≤ 100 MB each), with its own memory (RssAnon): about 34–40 MB of a worker's RSS are the node
 * binary's pages, shared by every Node process on the machine. Figures come with the load average;
 * `node -e 0` is timed in the same run as the floor of one process start.
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { childrenOf, cpuTimes, memKb, rssKb } from './proc.js';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { tarGzFolder } from '../test/triage/batch-fixtures.js';
import { best, bestWall, envNumber, fmtTiming, loadLine, runs, timeShell } from './measure.js';

const ROOT = resolve(import.meta.dirname, '..');
/** DPM_BENCH_CLI: another build to measure (e.g. the previous commit's, for a before/after). */
const CLI = process.env['DPM_BENCH_CLI'] ?? join(ROOT, 'dist/bundle/main.js');
const SMALL = envNumber('DPM_BENCH_BATCH_SMALL', 100);
const LARGE = envNumber('DPM_BENCH_BATCH_LARGE', 1000);
const keep = process.argv.includes('--keep');

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

/** utime + stime of one process in seconds. */
function cpuOf(pid: number): number {
  const t = cpuTimes(`/proc/${pid}/stat`);
  return t ? t.user + t.sys : 0;
}

/**
 * Raises `peak` to the RSS of the batch parent, of its largest worker, and of the whole tree now, in KiB;
 * records each process's CPU so far in `cpu` (the batch exits without reaping its workers, so children
 * rusage would miss them; a sample every 50 ms misses at most the last 50 ms of each process).
 */
function sample(pid: number, cpu: Map<number, number>, peak: Peak): void {
  const parent = rssKb(pid);
  cpu.set(pid, Math.max(cpu.get(pid) ?? 0, cpuOf(pid)));
  let tree = parent;
  const stack = childrenOf(pid);
  while (stack.length) {
    const p = stack.pop()!;
    cpu.set(p, Math.max(cpu.get(p) ?? 0, cpuOf(p)));
    const m = memKb(p);
    peak.worker = Math.max(peak.worker, m.rss);
    peak.workerAnon = Math.max(peak.workerAnon, m.anon);
    tree += m.rss;
    stack.push(...childrenOf(p));
  }
  peak.parent = Math.max(peak.parent, parent);
  peak.tree = Math.max(peak.tree, tree);
}

/** Peaks in KiB; workerAnon: the largest RssAnon of a worker (its own memory, without the shared node binary). */
interface Peak {
  parent: number;
  worker: number;
  workerAnon: number;
  tree: number;
}

interface BatchRun {
  seconds: number;
  cpu: number;
  bundles: number;
  peak: Peak;
}

async function run(inputs: string, jobs: number, env: NodeJS.ProcessEnv = process.env): Promise<BatchRun> {
  const out = mkdtempSync(join(tmpdir(), 'dpm-bench-out-'));
  const t0 = process.hrtime.bigint();
  const cpu = new Map<number, number>();
  const child = spawn(process.execPath, [CLI, 'batch', inputs, '-o', out, '--jobs', String(jobs), '--no-progress'], { stdio: ['ignore', 'pipe', 'inherit'], env });
  const peak: Peak = { parent: 0, worker: 0, workerAnon: 0, tree: 0 };
  const timer = setInterval(() => sample(child.pid!, cpu, peak), 50);
  let stdout = '';
  child.stdout.on('data', (d) => (stdout += d));
  const code = await new Promise<number | null>((r) => child.on('exit', r));
  clearInterval(timer);
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  if (code !== 0 && code !== 3) throw new Error(`batch exited ${code}: ${stdout}`);
  const bundles = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')).bundles.length;
  if (!keep) rmSync(out, { recursive: true, force: true });
  return { seconds, cpu: [...cpu.values()].reduce((a, b) => a + b, 0), bundles, peak };
}

/**
 * This machine's own ceiling: the throughput of two copies of a single-threaded program at once, against one.
 * `gzip -dc` of the small set's .tar.gz files read 8 times touches little memory; a single-threaded node
 * that allocates like a worker does (objects, strings, a retained set, young and old collections) touches a
 * lot. Where two cores share caches or memory bandwidth, the second is below 2.0× and bounds the batch.
 */
const NODE_ALLOC = `let keep=[],s=0;for(let i=0;i<3e6;i++){const o={a:i,b:'x'+i,c:[i,i+1]};if(i%10===0)keep.push(o);if(keep.length>2e5)keep=[];s+=o.b.length}`;
function machineCeiling(dir: string): { gzip: number; node: number } {
  const files = readdirSync(dir).filter((n) => n.endsWith('.tar.gz')).map((n) => `'${join(dir, n)}'`);
  const ratio = (one: string) => (2 * bestWall(runs(3, () => timeShell(one)))) / bestWall(runs(3, () => timeShell(`${one} & ${one}; wait`)));
  return {
    gzip: ratio(`gzip -dc ${Array.from({ length: 8 }, () => files).flat().join(' ')} > /dev/null`),
    node: ratio(`'${process.execPath}' --single-threaded -e "${NODE_ALLOC}" > /dev/null`),
  };
}

const mb = (kb: number) => `${(kb / 1024).toFixed(0)} MB`;
const line = (name: string, r: BatchRun) =>
  console.log(`${name}: ${r.bundles} bundles in ${r.seconds.toFixed(1)} s wall, ${r.cpu.toFixed(1)} s CPU = ${(r.bundles / r.seconds).toFixed(2)} bundles/s; peak RSS: tree ${mb(r.peak.tree)}, parent ${mb(r.peak.parent)}, largest worker ${mb(r.peak.worker)} (own memory ${mb(r.peak.workerAnon)})`);

if (!existsSync(CLI)) throw new Error('run `npm run build` first');
console.log(`making ${SMALL} and ${LARGE} bundles from ${SOURCES.length} samples …`);
const small = await makeInputs(SMALL);
const large = await makeInputs(LARGE);
const floor = best(runs(3, () => timeShell('node -e 0')));
console.log(`${loadLine()}; floor node -e 0: ${fmtTiming(floor)}`);
const r1 = await run(small, 1);
line('jobs=1', r1);
const r2 = await run(small, 2);
line('jobs=2', r2);
console.log(`scaling 1→2 jobs: ${((r2.bundles / r2.seconds) / (r1.bundles / r1.seconds)).toFixed(2)}× throughput (aim ≥ 1.9×); CPU per bundle ${((r1.cpu / r1.bundles) * 1000).toFixed(0)} ms → ${((r2.cpu / r2.bundles) * 1000).toFixed(0)} ms  (${loadLine()})`);
// Why the aim is hard on 2 cores: a --jobs 1 worker uses more than one core (V8's compiler and marking threads,
// zlib and file reads on libuv's threads), so --jobs 2 cannot double it. Two references in the same run:
// --jobs 1 with the single-threaded V8 that each --jobs 2 worker runs (the pool's own scaling: same workers,
// one or two of them), and two copies of a single-threaded program at once against one (this machine's ceiling).
const r1s = await run(small, 1, { ...process.env, DPM_WORKER_V8_FLAGS: `${process.env['DPM_WORKER_V8_FLAGS'] ?? ''} --single-threaded` });
line('jobs=1, workers --single-threaded as with --jobs 2', r1s);
console.log(`  pool scaling, same single-threaded workers 1→2: ${((r2.bundles / r2.seconds) / (r1s.bundles / r1s.seconds)).toFixed(2)}×`);
const ceiling = machineCeiling(small);
console.log(`  machine ceiling, two single-threaded programs at once against one: gzip -dc ${ceiling.gzip.toFixed(2)}×, node allocating ${ceiling.node.toFixed(2)}×`);
const rl = await run(large, 2);
line(`jobs=2 x${LARGE}`, rl);
console.log(`memory ${SMALL} → ${LARGE} bundles: tree ${mb(r2.peak.tree)} → ${mb(rl.peak.tree)}, largest worker ${mb(r2.peak.worker)} → ${mb(rl.peak.worker)}, its own memory (RssAnon, without the node binary's pages every process shares) ${mb(r2.peak.workerAnon)} → ${mb(rl.peak.workerAnon)} (aim: flat, worker ≤ 100 MB)  (${loadLine()})`);
if (!keep) {
  rmSync(small, { recursive: true, force: true });
  rmSync(large, { recursive: true, force: true });
}
