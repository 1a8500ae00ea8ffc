/**
 * Reading a live process tree from /proc, for the benchmarks that sample it while it runs
 * (batch.ts: memory and CPU of the batch and its workers; thread-cpu.ts: CPU by thread).
 * Every reader returns nothing rather than throwing: a process or thread may end between two reads.
 */
import { readdirSync, readFileSync } from 'node:fs';

function read(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

/** VmRSS of a process in KiB; 0 once it has ended. */
export function rssKb(pid: number): number {
  return memKb(pid).rss;
}

/**
 * VmRSS and RssAnon of a process in KiB, from one read; 0 once it has ended. RssAnon is the process's own
 * memory (heaps, stacks); the rest of its RSS is mapped files, mostly the node binary's pages (about 34 MB
 * for `node -e 0` here), which every Node process on the machine shares.
 */
export function memKb(pid: number): { rss: number; anon: number } {
  const status = read(`/proc/${pid}/status`) ?? '';
  return { rss: Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0), anon: Number(/RssAnon:\s+(\d+)/.exec(status)?.[1] ?? 0) };
}

/**
 * User and system CPU seconds from a `stat` file: `/proc/<pid>/stat` for a process (all its threads),
 * `/proc/<pid>/task/<tid>/stat` for one thread. utime and stime are the 12th and 13th fields after the
 * parenthesised name (which may hold spaces), in ticks of 1/100 s.
 */
export function cpuTimes(statPath: string): { user: number; sys: number } | undefined {
  const stat = read(statPath);
  if (stat === undefined) return undefined;
  const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return { user: Number(f[11]) / 100, sys: Number(f[12]) / 100 };
}

/** Thread ids of a process; none once it has ended. */
export function threadsOf(pid: number): string[] {
  try {
    return readdirSync(`/proc/${pid}/task`);
  } catch {
    return [];
  }
}

/** Direct children of a process, from every one of its threads. */
export function childrenOf(pid: number): number[] {
  const out: number[] = [];
  for (const t of threadsOf(pid)) {
    const kids = read(`/proc/${pid}/task/${t}/children`)?.trim();
    if (kids) out.push(...kids.split(/\s+/).map(Number));
  }
  return out;
}
