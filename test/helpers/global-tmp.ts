/**
 * vitest globalSetup: every test run gets a private temp folder (TMPDIR, which os.tmpdir() and mktemp follow,
 * inherited by the workers), and teardown fails the run loudly when a test left anything in it. A private
 * folder makes the check exact: other test runs on the same machine write their own /tmp/dpm-* meanwhile.
 * It is 0755 so the collector test that runs as uid 65534 can reach the folders it is given inside it.
 */
import { chmodSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Caches that tools keep in TMPDIR on purpose, not a test's leftovers: tsx's compile cache (`tsx-<uid>`). */
const TOOL_CACHES = /^tsx-\d+$/;

export default function setup(): () => void {
  const previous = process.env.TMPDIR;
  const dir = mkdtempSync(join(tmpdir(), 'dpm-run-'));
  chmodSync(dir, 0o755);
  process.env.TMPDIR = dir;
  return () => {
    if (previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous;
    let left: string[] = [];
    try {
      left = readdirSync(dir).filter((n) => !TOOL_CACHES.test(n));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    if (left.length > 0) {
      // vitest reports a teardown error but keeps exit status 0: set the status as well.
      process.exitCode = 1;
      throw new Error(`tests left ${left.length} temp entr${left.length === 1 ? 'y' : 'ies'} behind (removed now; every test must remove what it makes, even on failure): ${left.sort().join(', ')}`);
    }
  };
}
