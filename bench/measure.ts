/**
 * Shared measuring for the benchmarks: run a command, get its wall time, CPU time (user + system
 * of the process and every child it waited for: tar's gzip/xz, the CLI's `xz -dc`) and peak RSS.
 *
 * On a shared machine wall times swing with the load; CPU times and ratios to a floor measured in
 * the same run do not, so every figure is printed with the load average and as a ratio to its floor.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';

export interface Timing {
  /** Seconds. */
  wall: number;
  cpu: number;
  /** Peak RSS of the largest single process in the tree, MB (GNU time's %M); undefined without /usr/bin/time. */
  rssMB?: number;
}

const GNU_TIME = '/usr/bin/time';

/** Runs `sh -c script` once; throws with its stderr when it fails. */
export function timeShell(script: string, env: NodeJS.ProcessEnv = process.env): Timing & { stdout: string } {
  const t = process.hrtime.bigint();
  // GNU time reports the rusage of its child and everything that child waited for; the shell's
  // `times` is the fallback (no RSS).
  const withTime = existsSync(GNU_TIME);
  const argv = withTime ? [GNU_TIME, '-f', '@@time %U %S %M', 'sh', '-c', script] : ['sh', '-c', `${script}\ntimes >&2`];
  const r = spawnSync(argv[0]!, argv.slice(1), { encoding: 'utf8', env, maxBuffer: 1 << 26 });
  const wall = Number(process.hrtime.bigint() - t) / 1e9;
  if (r.status !== 0) throw new Error(`failed (${r.status}): ${script}\n${r.stderr}`);
  if (withTime) {
    const m = /@@time ([\d.]+) ([\d.]+) (\d+)/.exec(r.stderr);
    if (!m) throw new Error(`no timing from ${GNU_TIME}: ${r.stderr}`);
    return { wall, cpu: Number(m[1]) + Number(m[2]), rssMB: Number(m[3]) / 1024, stdout: r.stdout };
  }
  const lines = r.stderr.trim().split('\n');
  const secs = [...(lines.at(-1) ?? '').matchAll(/(\d+)m([\d.]+)s/g)].map((x) => Number(x[1]) * 60 + Number(x[2]));
  return { wall, cpu: secs.reduce((a, b) => a + b, 0), stdout: r.stdout };
}

/** The best of `runs` (least CPU; wall is taken from the same run). */
export function best<T extends Timing>(runs: readonly T[]): T {
  return runs.reduce((a, b) => (b.cpu < a.cpu ? b : a));
}

/** The lowest wall time of `runs` (for the wall ratio on a busy machine). */
export function bestWall(runs: readonly Timing[]): number {
  return Math.min(...runs.map((r) => r.wall));
}

export function loadLine(): string {
  return `load average ${loadavg().map((x) => x.toFixed(2)).join(' ')} on ${cpus().length} CPUs`;
}

export function fmtTiming(t: Timing): string {
  return `${t.wall.toFixed(2)} s wall, ${t.cpu.toFixed(2)} s CPU${t.rssMB !== undefined ? `, peak RSS ${t.rssMB.toFixed(0)} MB` : ''}`;
}

/** "wall 1.23× CPU 1.10×" against a floor measured in the same run. */
export function ratio(runs: readonly Timing[], floor: readonly Timing[]): string {
  return `wall ${(bestWall(runs) / bestWall(floor)).toFixed(2)}×, CPU ${(best(runs).cpu / best(floor).cpu).toFixed(2)}×`;
}

/** A number from the environment (sizes, run counts), so a quick run is one variable away. */
export function envNumber(name: string, dflt: number): number {
  const v = Number(process.env[name]);
  return Number.isFinite(v) && v > 0 ? v : dflt;
}

export function runs<T>(n: number, f: () => T): T[] {
  return Array.from({ length: n }, f);
}

/**
 * NODE_EXTRA_CA_CERTS, when this machine sets it (this workplace does). Every Node process then parses that file
 * and Node's own root store as it starts, before any of the CLI's code: `node -e 0` 0.50 G instructions with it,
 * 0.09 G without, 50–70 ms here. The analyzer never connects anywhere, so the benchmarks that time Node's start
 * (startup.ts, sosreport.ts) also run without it, to tell Node's start from the CLI's.
 */
export const EXTRA_CA = process.env['NODE_EXTRA_CA_CERTS'];

/** This process's environment without NODE_EXTRA_CA_CERTS. */
export function withoutExtraCa(): NodeJS.ProcessEnv {
  const { NODE_EXTRA_CA_CERTS: _, ...env } = process.env;
  return env;
}
