/**
 * The batch cache: looked up by a cheap pre-key, with the archive's sha256 hashed in the reader's
 * pass and recorded. Runs jobs in this process (no worker) on a real sample.
 */
import { createHash } from 'node:crypto';
import { appendFileSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundlePreKey } from '../../analyzer/src/triage/bundle-hash.js';
import { runJob, type Job } from '../../analyzer/src/triage/job.js';
import { copySampleWithHost, tarGzFolder } from './batch-fixtures.js';

const TOP = 'docker-postmortem-cachehost-20261128T071812Z';
let dir: string;
let out: string;
let archive: string;
let folder: string;
const job = (path: string, reportDir: string): Job => ({ name: reportDir, path, outRoot: out, reportDir });
const fileSha = (p: string) => createHash('sha256').update(readFileSync(p)).digest('hex');

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'dpm-cache-in-'));
  out = mkdtempSync(join(tmpdir(), 'dpm-cache-out-'));
  folder = join(dir, TOP);
  copySampleWithHost('lab-netns-healthy', folder, 'cachehost');
  archive = join(dir, `${TOP}.tar.gz`);
  await tarGzFolder(folder, TOP, archive);
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  rmSync(out, { recursive: true, force: true });
});

describe('batch cache key', () => {
  it('records the sha256 of the archive file, hashed in the reader pass, and reuses the result next time', async () => {
    const first = await runJob(job(archive, 'a'));
    expect(first.cached).toBe(false);
    expect(first.status).toBe('analyzed');
    expect(first.sha256).toBe(fileSha(archive));
    const again = await runJob(job(archive, 'a'));
    expect(again).toEqual({ ...first, cached: true });
  });

  it('re-analyzes an archive rewritten in place, and records the new sha256', async () => {
    const copy = join(dir, 'rewritten.tar.gz');
    writeFileSync(copy, readFileSync(archive));
    const before = await runJob(job(copy, 'r'));
    expect(before.cached).toBe(false);
    // gzip ignores bytes after its stream only with a warning; a trailing zero block changes size and bytes
    appendFileSync(copy, Buffer.alloc(512));
    const after = await runJob(job(copy, 'r'));
    expect(after.cached).toBe(false);
    expect(after.sha256).toBe(fileSha(copy));
    expect(after.sha256).not.toBe(before.sha256);
  });

  it('keys a file by size, mtime and its two ends: a changed mtime alone is a new key', async () => {
    const copy = join(dir, 'touched.tar.gz');
    writeFileSync(copy, readFileSync(archive));
    const T = 1_795_856_789; // whole seconds: restored exactly
    utimesSync(copy, T, T);
    const k1 = await bundlePreKey(copy);
    expect(k1.folder).toBe(false);
    utimesSync(copy, T, T + 5);
    expect((await bundlePreKey(copy)).key).not.toBe(k1.key);
    utimesSync(copy, T, T);
    expect((await bundlePreKey(copy)).key).toBe(k1.key);
  });

  it('keys a folder by its paths, sizes and mtimes: the recorded key changes when a file does', async () => {
    const first = await runJob(job(folder, 'f'));
    expect(first.cached).toBe(false);
    expect(first.sha256).toBe((await bundlePreKey(folder)).key);
    expect((await runJob(job(folder, 'f'))).cached).toBe(true);
    appendFileSync(join(folder, 'cmd/uname-a.txt'), '\n');
    const changed = await runJob(job(folder, 'f'));
    expect(changed.cached).toBe(false);
    expect(changed.sha256).not.toBe(first.sha256);
  });
});
