/**
 * Batch worker process: receives jobs over IPC one at a time and answers with their summaries.
 * A separate process (not a thread) so that --bundle-timeout can stop a stuck bundle for sure,
 * and so one bundle's memory is returned to the OS when a worker is recycled.
 */
import { runJob, type Job } from './job.js';

/**
 * A full collection every GC_EVERY jobs; 0 (the default) never. The pool starts workers with --expose-gc
 * so that DPM_WORKER_GC_EVERY can turn it on for measurements (bench/batch.ts).
 *
 * It is off because a forced collection costs far more than its own pause: after one, the next bundles
 * run their hot functions slower again (the JIT's state is lost), so each cost about 120–200 ms of CPU
 * against its 25 ms pause. 1,000 bundles, --jobs 2: every 5 jobs 63–73 s wall, largest worker 97–99 MB;
 * never, with workers recycled every 100 jobs (pool.ts), 42–54 s and 99–105 MB. A busy worker's memory
 * is bounded by that recycling instead; a forced collection every 20 jobs still peaked at 103 MB, so the peak
 * is one bundle's working set on top of the heap, not garbage piling up.
 */
const GC_EVERY = Number(process.env['DPM_WORKER_GC_EVERY'] ?? 0);
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
