/**
 * Run the real collector (collector/docker-postmortem-collect.sh) against a lab: inside the lab's netns
 * (nsenter --net), with the lab's data-root/exec-root and DOCKER_HOST, writing only into outDir.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO } from './capture.js';
import { NetnsLab, run, runSync, type RunResult } from './netns-lab.js';

export const COLLECTOR = path.join(REPO, 'collector/docker-postmortem-collect.sh');

export interface CollectRun extends RunResult {
  /** Absolute path of the archive (last stdout line), or null. */
  archive: string | null;
}

export function collectorAvailable(): string | null {
  return fs.existsSync(COLLECTOR) ? null : `collector not found: ${COLLECTOR}`;
}

export function collectorArgv(lab: NetnsLab, outDir: string, extra: string[] = []): string[] {
  return [
    ...lab.nsPrefix(),
    'sh',
    COLLECTOR,
    '--output', outDir,
    '--data-root', lab.dataRoot,
    '--exec-root', lab.execRoot,
    ...extra,
  ];
}

/**
 * wrap: argv run before the collector's own (it must exec "$@" at the end), e.g. an `unshare --ipc` shell that
 * prepares a private IPC namespace so the collector sees that namespace's semaphores.
 */
export async function runCollector(lab: NetnsLab, outDir: string, extra: string[] = [], timeoutMs = 240_000, wrap: string[] = []): Promise<CollectRun> {
  fs.mkdirSync(outDir, { recursive: true });
  // /usr/bin first: this image also has a 28.x docker CLI in /usr/local/bin; a Debian 20.10 host has only its own.
  const env = { DOCKER_HOST: lab.dockerHost, PATH: '/usr/sbin:/usr/bin:/sbin:/bin:/usr/local/sbin:/usr/local/bin' };
  const r = await run([...wrap, ...collectorArgv(lab, outDir, extra)], { timeoutMs, env });
  const last = r.stdout.trim().split('\n').pop() ?? '';
  const archive = last.endsWith('.tar.gz') && fs.existsSync(last) ? last : null;
  return { ...r, archive };
}

/** Unpack an archive into dest (which must not exist); returns the bundle's top folder. */
export function unpack(archive: string, dest: string): string {
  fs.mkdirSync(dest, { recursive: true });
  const r = runSync(['tar', '-C', dest, '-xzf', archive]);
  if (r.code !== 0) throw new Error(`tar -xzf ${archive}: ${r.stderr}`);
  const tops = fs.readdirSync(dest);
  if (tops.length !== 1) throw new Error(`expected one top folder in ${archive}, got ${tops.join(',')}`);
  return path.join(dest, tops[0]!);
}

/** Member names in archive order. */
export function members(archive: string): string[] {
  return runSync(['tar', '-tzf', archive]).stdout.split('\n').filter(Boolean);
}
