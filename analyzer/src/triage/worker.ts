/**
 * Batch worker process: receives jobs over IPC one at a time and answers with their summaries.
 * A separate process (not a thread) so that --bundle-timeout can stop a stuck bundle for sure,
 * and so one bundle's memory is returned to the OS when a worker is recycled.
 */
import { runJob, type Job } from './job.js';

/**
 * A full collection every GC_EVERY jobs (the pool starts workers with --expose-gc). A busy worker never
 * idles long enough for V8's memory reducer, so its heap kept what earlier bundles had grown it to: over
 * 100 small bundles a worker's anonymous memory went from 25 to 45 MB. bench/batch.ts, 1,000 bundles,
 * --jobs 2, largest worker / throughput: no collection 104 MB / 18.8 bundles/s; every 10 jobs
 * 97 MB / 18.1 (600 bundles); every 5 jobs 96 MB / 17.8; every job 83 MB / 12.8 (a collection costs 16–24 ms, as
 * much as a fifth of a small bundle). DPM_WORKER_GC_EVERY overrides it (0: never) for such measurements.
 */
const GC_EVERY = Number(process.env['DPM_WORKER_GC_EVERY'] ?? 5);
const collect = (globalThis as { gc?: () => void }).gc;
let done = 0;

process.on('message', (msg: { type: 'job'; job: Job }) => {
  if (msg?.type !== 'job') return;
  runJob(msg.job)
    .then(
      (summary) => process.send?.({ type: 'done', summary }),
      (e: Error) => process.send?.({ type: 'error', message: e?.message ?? String(e) }),
    )
    .finally(() => {
      if (collect && GC_EVERY > 0 && ++done % GC_EVERY === 0) collect();
    });
});
// The parent went away (killed batch): stop instead of finishing a job nobody will collect.
process.on('disconnect', () => process.exit(0));
process.send?.({ type: 'ready' });
