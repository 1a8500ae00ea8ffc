#!/usr/bin/env node
/**
 * CPU time of a command's process tree, split by process and by main thread against the others
 * (V8's compiler and GC helpers, zlib's and libuv's pool), with the largest RSS of any one process.
 *
 *   node bench/thread-cpu.mjs -- node dist/bundle/main.js batch DIR -o OUT --jobs 1 --no-progress
 *
 * Why: `time` adds every thread together, so it cannot tell a worker whose V8 helpers burn a second core
 * from one that parses. /proc/<pid>/task/<tid>/stat is read every 20 ms; a thread's last 20 ms are missed.
 * A process that outlives its parent, or is killed, keeps the figures of its last sample.
 */
import { spawn } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';

const at = process.argv.indexOf('--');
const cmd = at === -1 ? [] : process.argv.slice(at + 1);
if (cmd.length === 0) {
  console.error('usage: node bench/thread-cpu.mjs -- COMMAND [ARGS...]');
  process.exit(2);
}

/** pid:tid → { role, user, sys } in seconds; role is the process's depth in the tree and main/helper. */
const seen = new Map();
let peakKb = 0;

function read(path) {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined; // the process or thread ended between listing and reading
  }
}

function sample(pid, depth) {
  let tids;
  try {
    tids = readdirSync(`/proc/${pid}/task`);
  } catch {
    return;
  }
  const rss = /VmRSS:\s+(\d+)/.exec(read(`/proc/${pid}/status`) ?? '');
  if (rss) peakKb = Math.max(peakKb, Number(rss[1]));
  for (const tid of tids) {
    const stat = read(`/proc/${pid}/task/${tid}/stat`);
    if (stat) {
      // Fields after the parenthesised name: utime and stime are the 12th and 13th, in ticks of 1/100 s.
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const role = `${depth === 0 ? 'command' : `child (depth ${depth})`} ${String(pid) === tid ? 'main thread' : 'other threads'}`;
      seen.set(`${pid}:${tid}`, { role, user: Number(f[11]) / 100, sys: Number(f[12]) / 100 });
    }
    const kids = read(`/proc/${pid}/task/${tid}/children`)?.trim();
    if (kids) for (const k of kids.split(/\s+/)) sample(Number(k), depth + 1);
  }
}

const t0 = process.hrtime.bigint();
const child = spawn(cmd[0], cmd.slice(1), { stdio: ['ignore', 'ignore', 'inherit'] });
const timer = setInterval(() => sample(child.pid, 0), 20);
const code = await new Promise((resolve) => child.on('exit', (c) => resolve(c)));
clearInterval(timer);
const wall = Number(process.hrtime.bigint() - t0) / 1e9;

const byRole = new Map();
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
