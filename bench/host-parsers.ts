/**
 * Host parser throughput and retained memory for the inputs that can get big: `ip -d -o link` with
 * thousands of veths, sos's `ip -s -d link`, a 100k-process `ps`, 100k iptables rules, sos's
 * `systemctl show service --all` with 500 units, `dpkg -l`, `docker ps -a --no-trunc` with 10k
 * containers, and a 20k-key daemon.json. Rows are the real fixtures' line shapes. Each case runs
 * twice; the JIT-warm run is reported in CPU time, with the heap the parsed value keeps after a GC.
 *
 *   node --expose-gc --import tsx bench/host-parsers.ts
 */
import { toArtifactId } from '../analyzer/src/spine/artifacts.js';
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { parserFor } from '../analyzer/src/parsers/index.js';

const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
const FIX = join(import.meta.dirname, '..', 'test', 'fixtures');
const fx = (rel: string): string[] => readFileSync(join(FIX, rel), 'utf8').split('\n').filter((l) => l !== '');

function once(artifact: string, lines: string[]): { ms: number; status: string; problems: number; value: unknown } {
  const sink = parserFor(artifact)!.create({ artifact: toArtifactId(artifact), path: `cmd/${artifact}` });
  const c0 = process.cpuUsage();
  for (let i = 0; i < lines.length; i++) sink.push({ no: i + 1, text: lines[i]! });
  const r = sink.finish();
  const c = process.cpuUsage(c0);
  return { ms: (c.user + c.system) / 1000, status: r.status, problems: r.problems.length, value: r };
}

function run(label: string, artifact: string, lines: string[]): void {
  once(artifact, lines);
  gc();
  const before = process.memoryUsage().heapUsed;
  const r = once(artifact, lines);
  gc();
  const kept = (process.memoryUsage().heapUsed - before) / 2 ** 20;
  const mb = lines.reduce((a, l) => a + l.length + 1, 0) / 2 ** 20;
  console.log(`${label.padEnd(28)} ${String(lines.length).padStart(7)} lines ${mb.toFixed(1).padStart(6)} MB ${r.ms.toFixed(0).padStart(6)} ms CPU  kept ${kept.toFixed(1).padStart(5)} MB  ${r.status} problems=${r.problems}`);
  void r.value;
}

const repeat = (rows: string[], n: number, edit: (row: string, i: number) => string): string[] => Array.from({ length: n }, (_, i) => edit(rows[i % rows.length]!, i));
const hex = (i: number, w: number) => i.toString(16).padStart(w, '0');

console.log(`load average ${loadavg().map((x) => x.toFixed(1)).join(' ')}; node ${process.version}`);

const dlink = fx('ip.link/iproute2-6.1-d-o-veth-pairs.txt');
run('ip -d -o link, 5000 links', 'ip.link', repeat(dlink, 5000, (r, i) => r.replace(/^\d+: (\S+?)(@|:)/, `${i + 1}: veth${hex(i, 7)}$2`)));
const slink = fx('ip.link/sos4.0-iproute2-6.1-ip_-s_-d_link.txt');
run('sos ip -s -d link, x2000', 'ip.link', repeat(slink, slink.length * 2000, (r) => r));
const ps = fx('ps/procps-4.0-eo-lstart-docker20.10.txt');
run('ps -eo lstart, 100k procs', 'ps', [ps[0]!, ...repeat(ps.slice(1), 100_000, (r, i) => r.replace(/^\s*\d+/, String(i + 2)))]);
run('iptables-save, 100k rules', 'iptables.filter', ['*filter', ':FORWARD DROP [0:0]', ...Array.from({ length: 100_000 }, (_, i) => `-A FORWARD -d 172.17.${i % 255}.2/32 ! -i docker0 -o docker0 -p tcp -m tcp --dport ${i % 65535} -j ACCEPT`), 'COMMIT']);
const show = fx('nspawn/start-limit-hit/systemctl-show.txt');
const all: string[] = [];
for (let k = 0; k < 500; k++) all.push(...show.map((l) => (/^(Id|Names)=docker\.service/.test(l) ? l.replace('docker.service', `unit${k}.service`) : l)), '');
all.push(...show);
run('sos show --all, 500 units', 'systemd.docker', all);
const dpkg = fx('dpkg.l/dpkg-1.21-debian12-trimmed.txt');
run('dpkg -l, 5000 packages', 'dpkg.l', [...dpkg.slice(0, 5), ...repeat(dpkg.slice(5), 5000, (r, i) => r.replace(/^ii  (\S+)/, `ii  pkg${i}`))]);
const dps = fx('docker.ps/docker-20.10.24-no-trunc-mixed-states.txt');
run('docker ps -a, 10k containers', 'docker.ps', [dps[0]!, ...repeat(dps.slice(1), 10_000, (r, i) => r.replace(/^[0-9a-f]{64}/, hex(i, 8).repeat(8)))]);
run('daemon.json, 20k keys', 'docker.daemon-json', ['{', ...Array.from({ length: 20_000 }, (_, i) => `  "label-${i}": "v${i}",`), '  "debug": true', '}']);
