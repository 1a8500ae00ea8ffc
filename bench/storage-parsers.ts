/**
 * Storage/IPC parser throughput and retained memory for the inputs that can get big: a 32000-array
 * semaphore table (SEMMNI default), a 200k-line mountinfo / mount -l, sos's df -al, a 1M-entry data-root
 * listing, sysctl -a. Inputs are generated from the real fixtures' line shapes. Each case runs twice;
 * the second (JIT-warm) run is reported in CPU time (wall time lies on a shared machine), with the heap the parsed value keeps after a full GC.
 *
 *   node --expose-gc --import tsx bench/storage-parsers.ts
 */
import { toArtifactId } from '../analyzer/src/spine/artifacts.js';
import { loadavg } from 'node:os';
import { parserFor } from '../analyzer/src/parsers/index.js';

const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);

function once(artifact: string, lines: string[]): { ms: number; status: string; problems: number; value: unknown } {
  const sink = parserFor(artifact)!.create({ artifact: toArtifactId(artifact), path: artifact });
  // CPU time, not wall time: the bench machine may be shared (load average printed above).
  const c0 = process.cpuUsage();
  for (let i = 0; i < lines.length; i++) sink.push({ no: i + 1, text: lines[i]! });
  const r = sink.finish();
  const c = process.cpuUsage(c0);
  return { ms: (c.user + c.system) / 1000, status: r.status, problems: r.problems.length, value: r };
}

function run(artifact: string, header: string[], row: (i: number) => string, n: number): void {
  const lines = [...header, ...Array.from({ length: n }, (_, i) => row(i))];
  once(artifact, lines);
  gc();
  const before = process.memoryUsage().heapUsed;
  const r = once(artifact, lines);
  gc();
  const kept = (process.memoryUsage().heapUsed - before) / 2 ** 20;
  const rate = Math.round(lines.length / (r.ms / 1000));
  console.log(`${parserFor(artifact)!.name.padEnd(20)} ${String(lines.length).padStart(8)} lines ${r.ms.toFixed(0).padStart(6)} ms CPU ${String(rate).padStart(9)} lines/CPU-s  kept ${kept.toFixed(0).padStart(4)} MB  ${r.status} problems=${r.problems}`);
  void r.value;
}

const hex = (i: number, w: number) => i.toString(16).padStart(w, '0');
const id64 = (i: number) => hex(i, 8).repeat(8);

console.log(`load average ${loadavg().map((x) => x.toFixed(1)).join(' ')}; node ${process.version}`);
run('ipcs.sem', ['', '------ Semaphore Arrays --------', 'key        semid      owner      perms      nsems     '], (i) => `0x0d4d${hex(i & 0xffff, 4)} ${String(i).padEnd(10)} root       600        1         `, 32000);
run('proc.sysvipc-sem', ['       key      semid perms      nsems   uid   gid  cuid  cgid      otime      ctime'], (i) => ` ${223150000 + i}  ${String(i).padStart(9)}   600          1     0     0     0     0          0 1795850924`, 32000);
run('dmsetup.udevcookies', ['Cookie       Semid      Value      Last semop time           Last change time'], (i) => `0xd4d${hex(i & 0xffff, 4)}    ${String(i).padEnd(10)} 1          Thu Jan  1 00:00:00 1970  Sat Nov 28 07:28:44 2026`, 32000);
run('mountinfo', [], (i) => `${100 + i} 60 0:${50 + (i % 1000)} / /var/lib/docker/overlay2/${id64(i)}/merged rw,relatime shared:${i} - overlay overlay rw,lowerdir=/var/lib/docker/overlay2/l/ABC:/var/lib/docker/overlay2/l/DEF,upperdir=/var/lib/docker/overlay2/${id64(i)}/diff`, 200000);
run('mount.l', [], (i) => `overlay on /var/lib/docker/overlay2/${id64(i)}/merged type overlay (rw,relatime,lowerdir=/x)`, 200000);
run('df.h', ['Filesystem              1K-blocks     Used Available Use% Mounted on'], (i) => `overlay                 264212084 23844016  82546896  23% /var/lib/docker/overlay2/${id64(i)}/merged`, 100000);
run('dataroot.listing', ['# type\tmode\tuid\tgid\tsize\tmtime\tpath'], (i) => `f\t600\t0\t0\t${i}\t1795850928.841\t/var/lib/docker/overlay2/${id64(i >> 4)}/diff/file${i}`, 1000000);
run('sysctl', [], (i) => `net.ipv4.conf.veth${hex(i, 7)}.forwarding = 1`, 200000);
console.log(`peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
