/**
 * CPU time of a command's process tree, split by process and by main thread against the others
 * (V8's compiler and GC helpers, zlib's and libuv's pool), with the largest RSS of any one process.
 *
 *   npx tsx bench/thread-cpu.ts -- node dist/bundle/main.js batch DIR -o OUT --jobs 1 --no-progress
 *
 * Why: `time` adds every thread together, so it cannot tell a worker whose V8 helpers burn a second core
 * from one that parses. Each thread's stat is read every 20 ms (bench/proc.ts); a thread's last 20 ms are
 * missed. A process that outlives its parent, or is killed, keeps the figures of its last sample.
 */
import { spawn } from 'node:child_process';
import { childrenOf, cpuTimes, rssKb, threadsOf } from './proc.js';

const at = process.argv.indexOf('--');
const cmd = at === -1 ? [] : process.argv.slice(at + 1);
if (cmd.length === 0) {
  console.error('usage: npx tsx bench/thread-cpu.ts -- COMMAND [ARGS...]');
  process.exit(2);
}

/** pid:tid → its role (depth in the tree, main thread or not) and CPU seconds at the last sample. */
const seen = new Map<string, { role: string; user: number; sys: number }>();
let peakKb = 0;

function sample(pid: number, depth: number): void {
  peakKb = Math.max(peakKb, rssKb(pid));
  for (const tid of threadsOf(pid)) {
    const t = cpuTimes(`/proc/${pid}/task/${tid}/stat`);
    if (t) seen.set(`${pid}:${tid}`, { role: `${depth === 0 ? 'command' : `child (depth ${depth})`} ${String(pid) === tid ? 'main thread' : 'other threads'}`, ...t });
  }
  for (const k of childrenOf(pid)) sample(k, depth + 1);
}

const t0 = process.hrtime.bigint();
const child = spawn(cmd[0]!, cmd.slice(1), { stdio: ['ignore', 'ignore', 'inherit'] });
const timer = setInterval(() => sample(child.pid!, 0), 20);
const code = await new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
clearInterval(timer);
const wall = Number(process.hrtime.bigint() - t0) / 1e9;

const byRole = new Map<string, { user: number; sys: number }>();
for (const { role, user, sys } of seen.values()) {
  const r = byRole.get(role) ?? { user: 0, sys: 0 };
  r.user += user;
  r.sys += sys;
  byRole.set(role, r);
}
const total = [...byRole.values()].reduce((a, r) => a + r.user + r.sys, 0);
console.log(`exit ${code}; ${wall.toFixed(2)} s wall, ${total.toFixed(2)} s CPU (${(total / wall).toFixed(2)} cores); largest RSS ${(peakKb / 1024).toFixed(0)} MB`);
for (const [role, r] of [...byRole].sort((a, b) => b[1].user + b[1].sys - (a[1].user + a[1].sys))) {
  console.log(`  ${role.padEnd(34)} ${(r.user + r.sys).toFixed(2).padStart(7)} s  (user ${r.user.toFixed(2)}, sys ${r.sys.toFixed(2)})`);
}
