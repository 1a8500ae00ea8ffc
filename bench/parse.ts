/**
 * Journal parser benchmark: lines/second of the journal parser on a generated `journalctl -o json`
 * journal, the whole `facts` pipeline (reader + every parser + model) on a bundle holding it, and
 * peak RSS of each, against the floor `tar -xzOf` (decompress + untar).
 *
 *   npx tsx bench/parse.ts             # 1024 MB journal (generated once into /tmp/dpm-bench-parse)
 *   npx tsx bench/parse.ts --mb 200    # smaller (or DPM_BENCH_JSON_MB=200)
 *   npx tsx bench/parse.ts --regen     # DPM_BENCH_RUNS=1 for one run of each
 *
 * Each measurement runs in its own child process so that its peak RSS (resourceUsage().maxRSS) is
 * its own. Aims: facts within 1.5× of tar -xzOf; peak RSS < 300 MB.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { journalRecord } from './journal-record.js';
import { createReadStream, createWriteStream, existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { mulberry32 } from '../test/helpers/prng.js';

const args = process.argv.slice(2);
const opt = (name: string): string | undefined => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const MB = Number(opt('--mb') ?? process.env['DPM_BENCH_JSON_MB'] ?? 1024);
const DIR = '/tmp/dpm-bench-parse';
const TOP = 'docker-postmortem-parsebench-20261128T071812Z';
const JOURNAL = join(DIR, `journal-${MB}mb.json`);
const BUNDLE = join(DIR, `${TOP}-${MB}mb.tar.gz`);

const rng = mulberry32;

async function generate(): Promise<void> {
  mkdirSync(DIR, { recursive: true });
  const r = rng(7);
  const hex = (n: number) => {
    let s = '';
    for (let i = 0; i < n; i++) s += '0123456789abcdef'[Math.floor(r() * 16)];
    return s;
  };
  const boots = Array.from({ length: 4 }, () => hex(32));
  const units = ['docker.service', 'containerd.service', 'systemd-journald.service', 'kubelet.service', 'sshd.service', 'init.scope'];
  const idents = ['dockerd', 'containerd', 'systemd-journald', 'kubelet', 'sshd', 'systemd'];
  const msgs: ((u: number) => string)[] = [
    () => `time="2026-11-28T07:18:12.${hex(9)}Z" level=info msg="ignoring event" container=${hex(64)} module=libcontainerd namespace=moby topic=/tasks/delete type="*events.TaskDelete"`,
    () => `time="2026-11-28T07:18:12Z" level=error msg="Handler for POST /v1.41/containers/${hex(64)}/start returned error: failed to create shim task: OCI runtime create failed"`,
    () => `I1128 07:18:12.${hex(6)} 1234 kubelet.go:2${Math.floor(r() * 999)}] "SyncLoop (PLEG): event for pod" pod="default/app-${hex(5)}" event={ID:${hex(8)} Type:ContainerStarted Data:${hex(64)}}`,
    () => `Accepted publickey for root from 127.0.${Math.floor(r() * 255)}.${Math.floor(r() * 255)} port ${Math.floor(r() * 65535)} ssh2: RSA SHA256:${hex(43)}`,
    // a few lifecycle lines so catalog events match now and then
    (u) => (u === 0 ? 'time="2026-11-28T07:18:12Z" level=info msg="Starting up"' : u === 5 ? 'docker.service: Main process exited, code=killed, status=9/KILL' : 'Journal started'),
  ];
  const t0 = Date.parse('2026-11-28T00:00:00Z') * 1000;
  const out = createWriteStream(JOURNAL, { highWaterMark: 1 << 20 });
  const target = MB * 1024 * 1024;
  let written = 0;
  let buf: string[] = [];
  let bufLen = 0;
  for (let i = 0; written < target; i++) {
    const u = Math.floor(r() * units.length);
    const ts = t0 + i * 37_000;
    const boot = boots[Math.min(boots.length - 1, Math.floor((written / target) * boots.length))]!;
    const line =
      journalRecord({ i, ts, boot, ident: idents[u]!, unit: units[u]!, pid: 1000 + u, priority: 3 + Math.floor(r() * 4), message: msgs[Math.floor(r() * msgs.length)]!(u), hex }) + '\n';
    buf.push(line);
    bufLen += line.length;
    written += line.length;
    if (bufLen > 1 << 20) {
      if (!out.write(buf.join(''))) await new Promise<void>((res) => out.once('drain', () => res()));
      buf = [];
      bufLen = 0;
    }
  }
  out.write(buf.join(''));
  await new Promise<void>((res, rej) => out.end((e?: Error | null) => (e ? rej(e) : res())));
  // A collector-layout bundle holding only the journal.
  const src = join(DIR, 'src');
  rmSync(src, { recursive: true, force: true });
  mkdirSync(join(src, TOP, 'cmd'), { recursive: true });
  execFileSync('ln', ['-s', JOURNAL, join(src, TOP, 'cmd', 'journal.json')]);
  execFileSync('tar', ['-czhf', BUNDLE + '.part', '-C', src, TOP]);
  execFileSync('mv', [BUNDLE + '.part', BUNDLE]);
  rmSync(src, { recursive: true, force: true });
}

/** Child: the journal parser alone, fed by a plain streaming line splitter. */
async function phaseParser(): Promise<void> {
  const { parserFor } = await import('../analyzer/src/parsers/index.js');
  const { EVENTS } = await import('../analyzer/src/events/catalog.js');
  const { LineSplitter, pushLine } = await import('../analyzer/src/spine/line-splitter.js');
  const sink = parserFor('journal')!.create({ artifact: 'journal', path: JOURNAL, events: EVENTS });
  const t = process.hrtime.bigint();
  const c = process.cpuUsage();
  // The reader's own line splitter, so the figure is what `facts` pays per line.
  let no = 0;
  const splitter = new LineSplitter(64 * 1024, (text, _cut, bytes, start, end) => pushLine(sink, { no: ++no, text }, bytes, start, end));
  for await (const chunk of createReadStream(JOURNAL, { highWaterMark: 1 << 20 })) splitter.write(chunk as Buffer);
  splitter.end();
  const res = sink.finish();
  const s = Number(process.hrtime.bigint() - t) / 1e9;
  const cu = process.cpuUsage(c);
  const v = res.status === 'ok' ? (res.value as { records: number; eventCounts: Record<string, number> }) : undefined;
  process.stdout.write(JSON.stringify({ s, cpu: (cu.user + cu.system) / 1e6, lines: no, records: v?.records, kinds: Object.keys(v?.eventCounts ?? {}).length, rssMB: process.resourceUsage().maxRSS / 1024 }) + '\n');
}

/** Child: the whole facts pipeline on the bundle. */
async function phaseFacts(): Promise<void> {
  const { buildModel } = await import('../analyzer/src/cli/commands/facts.js');
  const t = process.hrtime.bigint();
  const c = process.cpuUsage();
  const m = await buildModel(BUNDLE);
  const s = Number(process.hrtime.bigint() - t) / 1e9;
  const cu = process.cpuUsage(c);
  process.stdout.write(JSON.stringify({ s, cpu: (cu.user + cu.system) / 1e6, boots: m.boots.length, lifecycle: m.lifecycle.length, rssMB: process.resourceUsage().maxRSS / 1024 }) + '\n');
}

function child(phase: string): Record<string, number> {
  const r = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), '--phase', phase, '--mb', String(MB)], { encoding: 'utf8', maxBuffer: 1 << 20 });
  if (r.status !== 0) throw new Error(`${phase} failed: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').at(-1)!) as Record<string, number>;
}

function timeTar(): { s: number; cpu: number } {
  const t = process.hrtime.bigint();
  const r = spawnSync('sh', ['-c', `tar -xzOf '${BUNDLE}' > /dev/null; times`], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error('tar failed');
  const s = Number(process.hrtime.bigint() - t) / 1e9;
  const secs = [...(r.stdout.trim().split('\n').at(-1) ?? '').matchAll(/(\d+)m([\d.]+)s/g)].map((m) => Number(m[1]) * 60 + Number(m[2]));
  return { s, cpu: secs.reduce((a, b) => a + b, 0) };
}

async function main(): Promise<void> {
  const phase = opt('--phase');
  if (phase === 'generate') return generate();
  if (phase === 'parser') return phaseParser();
  if (phase === 'facts') return phaseFacts();
  if (args.includes('--regen') || !existsSync(BUNDLE) || !existsSync(JOURNAL)) {
    console.log(`generating a ${MB} MB json journal and its bundle in ${DIR} (once; cached) …`);
    const r = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), '--phase', 'generate', '--mb', String(MB)], { stdio: 'inherit' });
    if (r.status !== 0) throw new Error('generation failed');
  }
  const RUNS = Number(opt('--runs') ?? process.env['DPM_BENCH_RUNS'] ?? 2);
  const best = <T extends { cpu?: number }>(xs: T[]) => xs.reduce((a, b) => (b.cpu! < a.cpu! ? b : a));
  const p = best(Array.from({ length: RUNS }, () => child('parser')));
  const tar = best(Array.from({ length: RUNS }, () => timeTar()));
  const f = best(Array.from({ length: RUNS }, () => child('facts')));
  const mb = statSync(JOURNAL).size / 1024 / 1024;
  console.log(`journal:        ${JOURNAL} (${mb.toFixed(0)} MB, ${p.lines} lines); bundle ${(statSync(BUNDLE).size / 1024 / 1024).toFixed(0)} MB compressed`);
  console.log(`load average:   ${loadavg().map((x) => x.toFixed(1)).join(' ')} on ${cpus().length} CPUs`);
  console.log(`parser alone:   ${p.s!.toFixed(2)} s wall, ${p.cpu!.toFixed(2)} s CPU: ${(p.lines! / p.cpu!).toFixed(0)} lines/CPU-s, ${(mb / p.cpu!).toFixed(0)} MB/CPU-s; peak RSS ${p.rssMB!.toFixed(0)} MB`);
  console.log(`tar -xzOf:      ${tar.s.toFixed(2)} s wall, ${tar.cpu.toFixed(2)} s CPU`);
  console.log(`facts pipeline: ${f.s!.toFixed(2)} s wall, ${f.cpu!.toFixed(2)} s CPU, peak RSS ${f.rssMB!.toFixed(0)} MB`);
  console.log(`ratio facts/tar: wall ${(f.s! / tar.s).toFixed(2)}, CPU ${(f.cpu! / tar.cpu).toFixed(2)}  (aim ≤ 1.5; wall suffers on a busy machine, CPU does not); peak RSS aim < 300 MB`);
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
