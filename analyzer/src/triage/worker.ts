/**
 * Batch worker process: receives jobs over IPC one at a time and answers with their summaries.
 * A separate process (not a thread) so that --bundle-timeout can stop a stuck bundle for sure,
 * and so one bundle's memory is returned to the OS when a worker is recycled.
 */
import { runJob, type Job } from './job.js';

process.on('message', (msg: { type: 'job'; job: Job }) => {
  if (msg?.type !== 'job') return;
  runJob(msg.job).then(
    (summary) => process.send?.({ type: 'done', summary }),
    (e: Error) => process.send?.({ type: 'error', message: e?.message ?? String(e) }),
  );
});
// The parent went away (killed batch): stop instead of finishing a job nobody will collect.
process.on('disconnect', () => process.exit(0));
process.send?.({ type: 'ready' });
