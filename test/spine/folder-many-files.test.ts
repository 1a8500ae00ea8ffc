/**
 * A bundle folder with 200,000 small files (issue 12, class 4). Before the fix every file was opened
 * and read into its own 256 KiB buffer, with one async lstat each: 200,000 files took 85 s on the
 * project's 2-core machine (40,000 took 11 s); after it, about 3 s. The bound below is ten times that.
 *
 * The files that match no artifact must never be read: the inventory's byte count is exactly the
 * bytes of the artifact files, which the test wrote itself.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { analyzeBundle } from '../../analyzer/src/analyze.js';
import { DEFAULT_LIMITS } from '../../analyzer/src/spine/reader.js';
import { tempDir } from './helpers.js';

const FILES = 200_000;
const PER_FOLDER = 1000;
const BOUND_MS = 30_000;

const t = tempDir('dpm-many-files-');
afterAll(() => t.cleanup());

describe('reader: a folder with 200,000 small files', () => {
  it('analyzes without reading the files no artifact needs', { timeout: 600_000 }, async () => {
    const root = join(t.dir, 'bundle');
    const uname = 'Linux h1 5.10.0 #1 SMP x86_64 GNU/Linux\n';
    const hostname = 'h1\n';
    mkdirSync(join(root, 'cmd'), { recursive: true });
    writeFileSync(join(root, 'cmd/uname-a.txt'), uname);
    writeFileSync(join(root, 'cmd/hostname.txt'), hostname);
    for (let i = 0; i < FILES; i++) {
      const sub = join(root, 'junk', `d${Math.floor(i / PER_FOLDER)}`);
      if (i % PER_FOLDER === 0) mkdirSync(sub, { recursive: true });
      writeFileSync(join(sub, `f${i}.txt`), `small file ${i}\n`);
    }

    const started = Date.now();
    const result = await analyzeBundle(root);
    const took = Date.now() - started;

    const inv = result.inventory;
    expect(inv.artifacts.find((a) => a.artifact === 'uname')?.state).toBe('present');
    // Only the two artifact files were read.
    expect(inv.bytesRead).toBe(Buffer.byteLength(uname) + Buffer.byteLength(hostname));
    // 200,000 files plus their folders are more members than the reader lists: it says so and stops.
    expect(FILES + FILES / PER_FOLDER).toBeGreaterThan(DEFAULT_LIMITS.maxEntries);
    expect(inv.problems.map((p) => p.kind)).toContain('too-many-entries');
    expect(took, `analyze took ${took} ms`).toBeLessThan(BOUND_MS);
  });
});
