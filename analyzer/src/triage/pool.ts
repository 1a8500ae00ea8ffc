/**
 * A fixed pool of worker processes. Each runs one job at a time; a job past its timeout has its
 * worker SIGKILLed (by PID, via the ChildProcess handle) and replaced. Memory stays bounded by
 * the number of jobs, never by the number of bundles.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { Job } from './job.js';
import type { BundleSummary } from './summary.js';
import { failedSummary } from './summary.js';

export type JobResult = BundleSummary & { cached: boolean };

/** --bundle-timeout's default: a bundle taking longer has its worker killed. */
export const DEFAULT_BUNDLE_TIMEOUT_MS = 300_000;

/**
 * Recycle a worker after this many bundles, to return its grown heap and fragmentation to the OS. This
 * is what bounds a busy worker's memory (worker.ts forces no collections). 1,000 bundles, --jobs 2,
 * no forced collections: every 200 jobs, largest worker 105 MB; every 100, 99–105 MB. A new worker
 * costs its start and its JIT warm-up again (200 → 100: 45–48 → 46–54 s wall, within the machine's noise).
 */
const JOBS_PER_WORKER = 100;

/**
 * V8 sizes its heap growth by the heap limit: under a 1 GiB limit it grows in small steps and
 * collects sooner, which keeps a worker near 85 MB RSS instead of 115–175 MB (bench/batch.ts), and
 * small young-generation semi-spaces keep garbage from piling up between bundles. 1 GiB is still
 * 3× what the 1 GB-journal bench needs; a bundle that needs more ends as "analyzer process died".
 * --expose-gc lets the worker collect between bundles (worker.ts).
 */
const WORKER_V8_FLAGS = ['--max-old-space-size=1024', '--max-semi-space-size=2', '--expose-gc'];

/**
 * The V8 flags of a worker. When the workers alone fill every core, each runs V8 single-threaded (no
 * background compiler, concurrent marking or parallel scavenge threads): those threads then only take
 * cores from the other workers. bench/batch.ts, 100 bundles on 2 cores: --jobs 2 went from 10.97 to
 * 12.80 bundles/s (1→2 scaling 1.30× → 1.83×). With a core to spare they help, so they stay: --jobs 1
 * on 2 cores does 8.43 bundles/s with them and 6.98 without.
 */
export function workerV8Flags(concurrency: number, cores: number = availableParallelism(), env: NodeJS.ProcessEnv = process.env): string[] {
  // DPM_WORKER_V8_FLAGS: more flags for measuring a worker (--log-code, --cpu-prof, --trace-gc; bench/README).
  const extra = env['DPM_WORKER_V8_FLAGS']?.split(/\s+/).filter(Boolean) ?? [];
  return [...WORKER_V8_FLAGS, ...(concurrency >= cores ? ['--single-threaded'] : []), ...extra];
}

/**
 * The environment of a worker: the batch's own without NODE_EXTRA_CA_CERTS. With it, every Node process
 * parses that certificate file and Node's own root store as it starts (`node -e 0`: 0.50 G instructions
 * with the system bundle, 0.09 G without; 50–70 ms here; bench/startup.ts). A worker never opens a
 * connection, so the parse would be all cost.
 *
 * glibc's malloc is left as it is: a fixed mmap threshold (MALLOC_MMAP_THRESHOLD_=131072) trimmed the largest
 * worker from 99–101 to 95–96 MB, but mapping and faulting in every large buffer afresh cost 2–4 s more system
 * time per 400 bundles, and 17 % of the throughput (bench/README.md).
 */
export function workerEnv(env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const out: NodeJS.ProcessEnv = { ...env };
  delete out['NODE_EXTRA_CA_CERTS'];
  return out;
}

/** Set by tools/bundle.mjs: where the bundle's worker entry is, relative to every chunk. */
declare const DPM_BUNDLED_WORKER: string | undefined;

function workerEntry(v8Flags: readonly string[]): { file: string; execArgv: string[] } {
  if (typeof DPM_BUNDLED_WORKER === 'string') return { file: fileURLToPath(new URL(DPM_BUNDLED_WORKER, import.meta.url)), execArgv: [...v8Flags] };
  const url = new URL(import.meta.url);
  const isTs = url.pathname.endsWith('.ts');
  // Under vitest or tsx the sources are TypeScript: the child needs tsx's loader too.
  return { file: fileURLToPath(new URL(isTs ? './worker.ts' : './worker.js', url)), execArgv: [...v8Flags, ...(isTs ? ['--import', 'tsx'] : [])] };
}

interface Slot {
  child: ChildProcess;
  jobs: number;
}

export async function runPool(jobs: readonly Job[], opts: { concurrency: number; timeoutMs: number; onResult: (r: JobResult, job: Job) => void }): Promise<void> {
  const queue = [...jobs];
  const entry = workerEntry(workerV8Flags(Math.max(1, Math.min(opts.concurrency, jobs.length))));
  const env = workerEnv();
  const spawn = (): Slot => ({ child: fork(entry.file, [], { execArgv: entry.execArgv, env, stdio: ['ignore', 'ignore', 'inherit', 'ipc'], serialization: 'advanced' }), jobs: 0 });

  const runOne = (slot: Slot, job: Job): Promise<{ result: JobResult; slotDead: boolean }> =>
    new Promise((resolve) => {
      let done = false;
      const finish = (result: JobResult, slotDead: boolean) => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        slot.child.off('message', onMessage);
        slot.child.off('exit', onExit);
        resolve({ result, slotDead });
      };
      const onMessage = (m: { type: string; summary?: JobResult; message?: string }) => {
        if (m.type === 'done' && m.summary) finish(m.summary, false);
        else if (m.type === 'error') finish({ ...failedSummary(job.name, job.path, `internal error: ${m.message}`), cached: false }, false);
      };
      const onExit = (code: number | null, signal: string | null) =>
        finish({ ...failedSummary(job.name, job.path, `analyzer process died (${signal ?? `exit ${code}`})`), cached: false }, true);
      const timer = setTimeout(() => {
        slot.child.kill('SIGKILL');
        finish({ ...failedSummary(job.name, job.path, `timed out after ${Math.round(opts.timeoutMs / 1000)} s (--bundle-timeout)`), cached: false }, true);
      }, opts.timeoutMs);
      slot.child.on('message', onMessage);
      slot.child.on('exit', onExit);
      slot.child.send({ type: 'job', job });
    });

  const lane = async () => {
    let slot: Slot | undefined;
    try {
      for (let job = queue.shift(); job; job = queue.shift()) {
        slot ??= spawn();
        const { result, slotDead } = await runOne(slot, job);
        opts.onResult(result, job);
        slot.jobs++;
        if (slotDead || slot.jobs >= JOBS_PER_WORKER) {
          if (!slotDead) slot.child.kill('SIGTERM');
          slot = undefined;
        }
      }
    } finally {
      if (slot && slot.child.exitCode === null) slot.child.kill('SIGTERM');
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(opts.concurrency, jobs.length)) }, lane));
}
