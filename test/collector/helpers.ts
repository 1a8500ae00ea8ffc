/**
 * Helpers for the collector tests: spawn collector/docker-postmortem-collect.sh under a given shell,
 * read the archive it wrote (member order matters: manifest.json must come first).
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import tarStream from 'tar-stream';
import { makeTempDir, removeTempDirs } from '../helpers/tmp.js';

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const SCRIPT = path.join(REPO, 'collector/docker-postmortem-collect.sh');

/** Under heavy parallel load one full collection can take tens of seconds. */
export const RUN_TIMEOUT_MS = 300_000;

export function which(cmd: string): string | null {
  const r = spawnSync('sh', ['-c', 'command -v "$1"', 'sh', cmd], { encoding: 'utf8' });
  const out = r.stdout.trim();
  return r.status === 0 && out.startsWith('/') ? out : null;
}

export const isRoot = process.getuid?.() === 0;

export interface RunOptions {
  /** argv prefix that runs a script, e.g. ['/usr/bin/dash'] or ['/usr/bin/busybox', 'sh']. */
  shell?: string[];
  env?: Record<string, string | undefined>;
  cwd?: string;
  /** Called with the child once spawned (e.g. to signal it). */
  onSpawn?: (child: ReturnType<typeof spawn>) => void;
  /** Prefix the whole command (e.g. setpriv …). */
  wrap?: string[];
  /** The script to run (default SCRIPT; see readableScriptCopy). */
  script?: string;
}

export interface RunResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/** A small, fast default: tiny log budget, no free-space floor, a daemon address that is never there. */
export function baseEnv(extra: Record<string, string | undefined> = {}): Record<string, string | undefined> {
  return {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    DOCKER_HOST: 'unix:///nonexistent/docker-postmortem-test.sock',
    ...extra,
  };
}

export function runCollector(args: string[], opts: RunOptions = {}): Promise<RunResult> {
  const shell = opts.shell ?? [which('dash') ?? '/bin/sh'];
  const argv = [...(opts.wrap ?? []), ...shell, opts.script ?? SCRIPT, ...args];
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(opts.env ?? baseEnv())) if (v !== undefined) env[k] = v;
  const t0 = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(argv[0]!, argv.slice(1), { env, cwd: opts.cwd ?? os.tmpdir(), stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr, ms: Date.now() - t0 }));
    opts.onSpawn?.(child);
  });
}

/** A temp folder for one test; a file's afterAll(removeTmpDirs) removes it (and every other it made). */
export function tmpDir(prefix: string): string {
  return makeTempDir(`dpm-collector-${prefix}-`);
}
export { removeTempDirs as removeTmpDirs };

export interface Member {
  name: string;
  type: string;
  data: Buffer;
}

/** Every member of a .tar.gz in archive order. */
export async function readArchive(file: string): Promise<Member[]> {
  const members: Member[] = [];
  const extract = tarStream.extract();
  const done = new Promise<void>((resolve, reject) => {
    extract.on('entry', (header, stream, next) => {
      const chunks: Buffer[] = [];
      stream.on('data', (c: unknown) => void chunks.push(c as Buffer));
      stream.on('end', () => {
        members.push({ name: header.name, type: header.type ?? 'file', data: Buffer.concat(chunks) });
        next();
      });
      stream.on('error', reject);
    });
    extract.on('finish', () => resolve());
    extract.on('error', reject);
  });
  fs.createReadStream(file).pipe(zlib.createGunzip()).pipe(extract);
  await done;
  return members;
}

export interface ManifestItem {
  id: string;
  kind: string;
  argv: string[] | null;
  source: string | null;
  path: string;
  exitCode: number | null;
  durationMs: number | null;
  bytes: number | null;
  sha256: string | null;
  truncated: boolean;
  timedOut: boolean;
  skipped: boolean;
  skipReason: string | null;
  error: string | null;
}

export interface Manifest {
  format: string;
  formatVersion: number;
  collector: { name: string; version: string };
  host: string;
  collectedAt: string;
  utcOffset: string;
  kernel: string;
  asRoot: boolean;
  redacted: boolean;
  netns: string | null;
  ipcns: string | null;
  dataRoot: string;
  execRoot: string;
  options: Record<string, unknown>;
  items: ManifestItem[];
}

export interface Collected {
  run: RunResult;
  archive: string;
  members: Member[];
  top: string;
  manifest: Manifest;
  /** member data by path relative to the top folder */
  file(rel: string): Buffer | undefined;
}

/** Run, then open the archive named on the last stdout line. Throws with stderr when no archive. */
export async function collect(args: string[], opts: RunOptions = {}): Promise<Collected> {
  const run = await runCollector(args, opts);
  const lines = run.stdout.trimEnd().split('\n');
  const archive = lines[lines.length - 1] ?? '';
  if (run.code !== 0 || !archive.endsWith('.tar.gz') || !fs.existsSync(archive)) {
    throw new Error(`collector failed (code ${run.code}, signal ${run.signal}):\n${run.stderr}\nstdout:\n${run.stdout}`);
  }
  const members = await readArchive(archive);
  const top = path.basename(archive, '.tar.gz');
  const byRel = new Map<string, Buffer>();
  for (const m of members) if (m.type === 'file') byRel.set(m.name.slice(top.length + 1), m.data);
  const manifest = JSON.parse(byRel.get('manifest.json')?.toString('utf8') ?? 'null') as Manifest;
  return { run, archive, members, top, manifest, file: (rel) => byRel.get(rel) };
}

export function items(c: Collected, id: string): ManifestItem[] {
  return c.manifest.items.filter((i) => i.id === id);
}

/** Recursive listing (relative paths) of a folder, for "nothing written outside" checks. */
export function tree(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string, rel: string): void => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      out.push(r);
      if (e.isDirectory()) walk(path.join(d, e.name), r);
    }
  };
  walk(dir, '');
  return out.sort();
}

/**
 * A copy of the collector that any user can read, for runs as another uid: a clone made with `mktemp -d` sits in a
 * 0700 folder, so uid 65534 could not open SCRIPT itself. Every folder on the way must let others pass (o+x);
 * the private TMPDIR of a test run is 0755 for this reason.
 */
export function readableScriptCopy(): string {
  const dir = tmpDir('script');
  fs.chmodSync(dir, 0o755);
  const copy = path.join(dir, path.basename(SCRIPT));
  fs.copyFileSync(SCRIPT, copy);
  fs.chmodSync(copy, 0o644);
  return copy;
}

/** A folder of symlinks to the named tools only (for "missing tools" runs). */
export function toolDir(tools: string[]): string {
  const dir = tmpDir('tools');
  for (const t of tools) {
    const p = which(t);
    if (p) fs.symlinkSync(p, path.join(dir, t));
  }
  return dir;
}

/** Fake executable (a sh script) in its own folder. */
export function fakeTool(dir: string, name: string, body: string): void {
  const p = path.join(dir, name);
  fs.writeFileSync(p, `#!/bin/sh\n${body}\n`, { mode: 0o755 });
}

/** A copy of dash named after a daemon, so a process run from it has that name as its /proc/<pid>/comm. */
export function fakeDaemon(dir: string, name: string): string {
  const p = path.join(dir, name);
  fs.copyFileSync(which('dash') ?? '/bin/sh', p);
  fs.chmodSync(p, 0o755);
  return p;
}
