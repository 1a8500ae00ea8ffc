/**
 * Temp folders for tests that remove themselves: `makeTempDir` records each folder it makes, and
 * `removeTempDirs` (run it in afterAll, so it also runs when a test failed) removes them all.
 * vitest.config.ts's global teardown fails the run when a test leaves anything in the temp folder.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const made: string[] = [];

export function makeTempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

export function removeTempDirs(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}
