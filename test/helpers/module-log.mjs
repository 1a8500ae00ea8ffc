// Preloaded with `node --import` by test/cli/startup-imports.test.ts: appends the URL of every module the
// ESM loader loads from a file to the file named by DPM_MODULE_LOG (hooks run on their own thread, so a
// file is the simplest way out).
import { register } from 'node:module';

register(
  'data:text/javascript,' +
    encodeURIComponent(`
import { appendFileSync } from 'node:fs';
export async function load(url, context, next) {
  if (url.startsWith('file:')) appendFileSync(process.env.DPM_MODULE_LOG, url + '\\n');
  return next(url, context);
}`),
);
