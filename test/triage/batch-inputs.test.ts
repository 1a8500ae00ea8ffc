/**
 * Batch inputs (issue 12, class 5): FIFOs and devices refused before anything opens them, report
 * folder names that never collide (also case-folded and NFC-normalised) and fit 255 bytes, hidden
 * entries listed, an unreadable subfolder read around (real permissions), and `--merge` / a later
 * batch that neither copy nor write through a symlink. Every input is built here.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { mergeShards, runBatch } from '../../analyzer/src/triage/batch.js';
import { shortHash } from '../../analyzer/src/triage/discover.js';
import type { BatchSummaryFile } from '../../analyzer/src/triage/outputs.js';
import { MAX_NAME_BYTES, nameKey, reportDirName } from '../../analyzer/src/triage/report-names.js';
import { REPO_ROOT } from '../helpers/rule-tester.js';
import { copySampleWithHost, tarGzFolder } from './batch-fixtures.js';
import { reportFile } from '../helpers/report-files.js';

const tmp = mkdtempSync(join(tmpdir(), 'dpm-batch-inputs-'));
afterAll(() => {
  spawnSync('chmod', ['-R', 'u+rwx', tmp]);
  rmSync(tmp, { recursive: true, force: true });
});
const SAMPLE = 'nspawn-start-limit-hit';
const summaryOf = (out: string): BatchSummaryFile => JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));

/** Every path under `dir` that is a symlink. */
function linksUnder(dir: string): string[] {
  const found: string[] = [];
  const walk = (d: string) => {
    for (const n of readdirSync(d)) {
      const p = join(d, n);
      const st = lstatSync(p);
      if (st.isSymbolicLink()) found.push(p);
      else if (st.isDirectory()) walk(p);
    }
  };
  walk(dir);
  return found;
}

describe('batch inputs that are not files or folders', () => {
  it('refuses a FIFO and /dev/zero with one line each, before any hashing', { timeout: 120_000 }, async () => {
    const fifo = join(tmp, 'input.fifo');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const out = join(tmp, 'out-fifo');
    const started = Date.now();
    // A bundle timeout of 60 s: hashing either input would block or read until it, and report "timed out".
    const r = await runBatch({ inputs: [fifo, '/dev/zero'], outDir: out, jobs: 1, progress: false, bundleTimeoutMs: 60_000 });
    const took = Date.now() - started;
    expect(r.bundles.map((b) => [b.input, b.status])).toEqual([
      ['input.fifo', 'failed'],
      ['zero', 'failed'],
    ]);
    for (const b of r.bundles) expect(b.reason).toMatch(/^not a regular file or folder/);
    expect(took, `batch took ${took} ms`).toBeLessThan(30_000);
  });
});

describe('report folder names', () => {
  it('never collide: foo, foo.tar.gz and foo-<hash of foo.tar.gz>, in every order', () => {
    const names = ['foo', 'foo.tar.gz', `foo-${shortHash('foo.tar.gz')}`];
    const orders = [[0, 1, 2], [0, 2, 1], [1, 0, 2], [1, 2, 0], [2, 0, 1], [2, 1, 0]];
    for (const o of orders) {
      const taken = new Set<string>();
      const dirs = o.map((i) => reportDirName(names[i]!, taken));
      expect(new Set(dirs.map(nameKey)).size, o.join(',')).toBe(3);
    }
  });

  it('stay distinct on case-insensitive and Unicode-normalising file systems', () => {
    const taken = new Set<string>();
    const names = ['Node1.tar.gz', 'node1.tar.gz', 'NODE1', 'caf\u00e9', 'cafe\u0301', 'CAF\u00c9', 'summary.json', 'SUMMARY.CSV', 'Index.html', '.cache'];
    const dirs = names.map((n) => reportDirName(n, taken));
    // What a case-folding, NFC/NFD-normalising file system compares.
    const fsKey = (d: string) => d.normalize('NFD').toLowerCase();
    expect(new Set(dirs.map(fsKey)).size).toBe(names.length);
    for (const ours of ['summary.json', 'summary.csv', 'index.html', '.cache']) expect(dirs.map(fsKey)).not.toContain(ours);
  });

  it('fit in 255 bytes for deep input paths, and two long paths with one prefix stay apart', () => {
    const taken = new Set<string>();
    const deep = Array.from({ length: 40 }, (_, i) => `level-${i}-${'x'.repeat(20)}`).join('/');
    const a = reportDirName(`${deep}/a.tar.gz`, taken);
    const b = reportDirName(`${deep}/b.tar.gz`, taken);
    for (const d of [a, b]) expect(Buffer.byteLength(d)).toBeLessThanOrEqual(MAX_NAME_BYTES);
    expect(a).not.toBe(b);
  });
});

describe('batch over odd input sets', { timeout: 300_000 }, () => {
  it('gives foo, foo.tar.gz and foo-<hash> three report folders with their own reports', async () => {
    const inDir = join(tmp, 'collide-in');
    mkdirSync(inDir);
    const src = join(tmp, 'collide-src');
    copySampleWithHost(SAMPLE, src, 'host-archive');
    await tarGzFolder(src, 'host-archive', join(inDir, 'foo.tar.gz'));
    copySampleWithHost(SAMPLE, join(inDir, 'foo'), 'host-folder');
    copySampleWithHost(SAMPLE, join(inDir, `foo-${shortHash('foo.tar.gz')}`), 'host-hash-named');
    const out = join(tmp, 'collide-out');
    const r = await runBatch({ inputs: [inDir], outDir: out, jobs: 2, progress: false });
    expect(r.failed).toBe(0);
    const dirs = r.bundles.map((b) => b.reportDir!);
    expect(new Set(dirs.map(nameKey)).size).toBe(3);
    const hostIn = (d: string) => JSON.parse(readFileSync(reportFile(out, d, 'json'), 'utf8')).model.identity.hostname;
    expect(r.bundles.map((b) => hostIn(b.reportDir!)).sort()).toEqual(['host-archive', 'host-folder', 'host-hash-named']);
  });

  it('analyzes a bundle at a deep path, and lists skipped hidden entries in summary.json', async () => {
    const inDir = join(tmp, 'deep-in');
    const deep = join(inDir, 'a'.repeat(250), 'b'.repeat(250), 'c'.repeat(250));
    mkdirSync(deep, { recursive: true });
    copySampleWithHost(SAMPLE, join(deep, 'bundle'), 'deep-host');
    writeFileSync(join(inDir, '.hidden.tar.gz'), 'x');
    mkdirSync(join(inDir, '.git'));
    const out = join(tmp, 'deep-out');
    const r = await runBatch({ inputs: [inDir], outDir: out, jobs: 1, progress: false });
    expect(r.bundles.map((b) => b.status)).toEqual(['analyzed']);
    expect(Buffer.byteLength(r.bundles[0]!.reportDir!)).toBeLessThanOrEqual(MAX_NAME_BYTES);
    expect(existsSync(reportFile(out, r.bundles[0]!.reportDir!, 'json'))).toBe(true);
    expect(summaryOf(out).skipped?.map((s) => s.input)).toEqual(['.git', '.hidden.tar.gz']);
    expect(summaryOf(out).skipped?.[0]?.reason).toMatch(/hidden/);
  });

  it('--merge copies no symlink and writes through none; a later batch writes through none either', async () => {
    const inDir = join(tmp, 'merge-in');
    mkdirSync(inDir);
    copySampleWithHost(SAMPLE, join(inDir, 'node-a'), 'node-a');
    const shard = join(tmp, 'shard');
    await runBatch({ inputs: [inDir], outDir: shard, jobs: 1, progress: false });
    const dir = summaryOf(shard).bundles[0]!.reportDir!;
    // A shard whose report folder holds links out: to a folder and to a file.
    const victim = join(tmp, 'victim');
    mkdirSync(victim);
    writeFileSync(join(victim, 'secret'), 'secret\n');
    symlinkSync(victim, join(shard, dir, 'etc-link'));
    symlinkSync(join(victim, 'secret'), join(shard, dir, 'secret-link'));
    // An output folder where our report folder and summary.json are links to the victim.
    const merged = join(tmp, 'merged');
    mkdirSync(merged);
    symlinkSync(victim, join(merged, dir));
    symlinkSync(join(victim, 'secret'), join(merged, 'summary.json'));

    mergeShards([shard], merged);
    expect(readdirSync(victim)).toEqual(['secret']);
    expect(readFileSync(join(victim, 'secret'), 'utf8')).toBe('secret\n');
    expect(linksUnder(merged)).toEqual([]);
    expect(existsSync(reportFile(merged, dir, 'json'))).toBe(true);
    expect(summaryOf(merged).bundles).toHaveLength(1);

    // A later batch into a folder whose report folder, report file and cache are links.
    const later = join(tmp, 'later');
    mkdirSync(later);
    symlinkSync(victim, join(later, dir));
    symlinkSync(victim, join(later, '.cache'));
    await runBatch({ inputs: [inDir], outDir: later, jobs: 1, progress: false });
    expect(readdirSync(victim)).toEqual(['secret']);
    expect(linksUnder(later)).toEqual([]);
    expect(existsSync(reportFile(later, dir, 'json'))).toBe(true);
  });
});

/**
 * Real permissions: a chmod 000 subfolder. Root reads it anyway, so as root the batch runs as
 * uid 65534 in a child process, when that user can read this checkout (a clone inside a 0700
 * folder cannot be; unreadable-subfolder.test.ts injects the error instead and always runs).
 */
const asRoot = process.getuid?.() === 0;
const CLI = resolve(REPO_ROOT, 'analyzer/src/cli/main.ts');
// tsx keeps its cache under TMPDIR: uid 65534 gets a temp folder of its own (the run's TMPDIR is root's).
const nobodyTmp = join(tmp, 'nobody-tmp');
mkdirSync(nobodyTmp, { mode: 0o777 });
chmodSync(tmp, 0o755);
chmodSync(nobodyTmp, 0o777);
const nobodyEnv = { ...process.env, TMPDIR: nobodyTmp, HOME: nobodyTmp };
const nobodyCanRun = !asRoot || spawnSync(process.execPath, ['--import', 'tsx', CLI, '--version'], { uid: 65534, gid: 65534, cwd: REPO_ROOT, env: nobodyEnv, encoding: 'utf8', timeout: 60_000 }).status === 0;

describe.skipIf(!nobodyCanRun)('batch: a real chmod 000 subfolder (needs a checkout uid 65534 can read when run as root)', () => {
  it('reads the rest of the bundle and lists it as partly read, with one line', { timeout: 120_000 }, () => {
    const base = join(tmp, 'perm');
    mkdirSync(base);
    chmodSync(tmp, 0o755);
    chmodSync(base, 0o777);
    const inDir = join(base, 'in');
    copySampleWithHost(SAMPLE, join(inDir, 'bundle'), 'perm-host');
    mkdirSync(join(inDir, 'bundle', 'files', 'locked'));
    writeFileSync(join(inDir, 'bundle', 'files', 'locked', 'x'), 'x\n');
    spawnSync('chmod', ['-R', 'a+rX', inDir]);
    chmodSync(join(inDir, 'bundle', 'files', 'locked'), 0o000);
    const out = join(base, 'out');
    mkdirSync(out);
    if (asRoot) chownSync(out, 65534, 65534);
    const r = spawnSync(process.execPath, ['--import', 'tsx', CLI, 'batch', inDir, '-o', out, '--jobs', '1', '--no-progress'], {
      cwd: REPO_ROOT, // where `--import tsx` resolves; batch writes only into -o
      env: nobodyEnv,
      encoding: 'utf8',
      timeout: 90_000,
      ...(asRoot ? { uid: 65534, gid: 65534 } : {}),
    });
    expect(r.status).toBe(3); // partly read
    expect(r.stderr.trimEnd().split('\n')).toEqual([expect.stringMatching(/^docker-postmortem: only partly read \S+: corrupt-member: cannot list: EACCES.*locked/)]);
    const b = summaryOf(out).bundles[0]!;
    expect(b).toMatchObject({ status: 'partial', host: 'perm-host' });
  });
});
