/**
 * bench/sosreport.ts: a sosreport whose journal is text (`journalctl --no-pager`, short format),
 * as support engineers receive it, packed as .tar.gz and .tar.xz.
 *
 *   npm run build && npx tsx bench/sosreport.ts
 *   DPM_BENCH_SOS_MB=40 DPM_BENCH_RUNS=1 npx tsx bench/sosreport.ts     # a quick run
 *   DPM_BENCH_FORMATS=xz npx tsx bench/sosreport.ts                     # only the .tar.xz
 *
 * Generation (once, cached in /tmp/dpm-bench-sos): the real sos 4.0 sample
 * (samples/sosreport-vm-debian12.tar.xz) with its `sos_commands/logs/journalctl_--no-pager` replaced
 * by DPM_BENCH_SOS_MB (default 400) MB of syslog-style lines of 150–250 bytes from several idents
 * (dockerd, containerd, kubelet, sshd, systemd, kernel), about 8 lines a second over three days.
 * 99.8 % of the way in, docker.service fails three starts and hits its start limit; the run checks
 * that `analyze` reports start-limit-hit (the late finding must be found).
 *
 * Measured per format, each in the same run as its floor (`tar -xzOf` / `tar -xJOf` > /dev/null):
 *   - reader: scanBundle with a counting sink on every artifact (decode + untar + line split);
 *     for xz, both decoders: the system `xz -dc` and the WASM fallback (DPM_XZ=wasm);
 *   - analyze: the built CLI, `analyze <bundle> -o <tmp> --format json`; when NODE_EXTRA_CA_CERTS is set,
 *     also without it (Node parses that file at every start: measure.ts, EXTRA_CA).
 * Each figure is printed as wall and CPU ratios to the floor, with the load average.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { mulberry32 } from '../test/helpers/prng.js';
import { best, envNumber, EXTRA_CA, fmtTiming, loadLine, ratio, runs, timeShell, type Timing, withoutExtraCa } from './measure.js';

const ROOT = resolve(import.meta.dirname, '..');
/** DPM_BENCH_CLI: another build to measure (e.g. the previous commit's, for a before/after). */
const CLI = process.env['DPM_BENCH_CLI'] ?? join(ROOT, 'dist/bundle/main.js');
const SAMPLE = join(ROOT, 'samples/sosreport-vm-debian12.tar.xz');
const MB = envNumber('DPM_BENCH_SOS_MB', 400);
const RUNS = envNumber('DPM_BENCH_RUNS', 2);
const FORMATS = (process.env['DPM_BENCH_FORMATS'] ?? 'gz,xz').split(',');
const DIR = '/tmp/dpm-bench-sos';
const BASE = join(DIR, `sosreport-${MB}mb`);
const JOURNAL_REL = 'sos_commands/logs/journalctl_--no-pager';

// --- generation --------------------------------------------------------------------------------

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad = (n: number, w = 2) => String(n).padStart(w, '0');
/** journalctl's short format: "Nov 28 07:18:12" (local time; the sample host is UTC). */
const shortTime = (ms: number) => {
  const d = new Date(ms);
  return `${MONTHS[d.getUTCMonth()]} ${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
};

/** The docker.service start-limit hit, as systemd 252 + dockerd 20.10 write it. */
function startLimitStory(t: number, host: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < 3; i++) {
    const at = shortTime(t + i * 2000);
    out.push(
      `${at} ${host} systemd[1]: Starting docker.service - Docker Application Container Engine...`,
      `${at} ${host} dockerd[${7001 + i}]: time="2026-11-28T07:2${i}:00.000000000Z" level=info msg="Starting up"`,
      `${at} ${host} dockerd[${7001 + i}]: failed to start daemon: error initializing graphdriver: driver not supported`,
      `${at} ${host} systemd[1]: docker.service: Main process exited, code=exited, status=1/FAILURE`,
      `${at} ${host} systemd[1]: docker.service: Failed with result 'exit-code'.`,
      `${at} ${host} systemd[1]: Failed to start docker.service - Docker Application Container Engine.`,
    );
  }
  const at = shortTime(t + 7000);
  out.push(
    `${at} ${host} systemd[1]: docker.service: Start request repeated too quickly.`,
    `${at} ${host} systemd[1]: docker.service: Failed with result 'start-limit-hit'.`,
    `${at} ${host} systemd[1]: Failed to start docker.service - Docker Application Container Engine.`,
  );
  return out;
}

async function writeJournal(path: string, bytes: number, host: string, endMs: number): Promise<number> {
  const r = mulberry32(15);
  const hex = (n: number) => {
    let s = '';
    for (let i = 0; i < n; i++) s += '0123456789abcdef'[(r() * 16) | 0];
    return s;
  };
  const lineCount = Math.ceil(bytes / 200);
  const startMs = endMs - Math.ceil(lineCount / 8) * 1000;
  const iso = (ms: number) => new Date(ms).toISOString().replace('Z', '').replace(/\.(\d+)/, (_, f: string) => `.${f}${hex(6)}`) + 'Z';
  // 150–250 bytes each once the "Nov 28 07:18:12 vm ident[pid]: " prefix is added.
  const lines: ((ms: number) => string)[] = [
    (ms) => `dockerd[1234]: time="${iso(ms)}" level=info msg="ignoring event" container=${hex(64)} module=libcontainerd namespace=moby topic=/tasks/delete type="*events.TaskDelete"`,
    (ms) => `containerd[987]: time="${iso(ms)}" level=info msg="shim disconnected" id=${hex(64)} namespace=moby`,
    (ms) => `kubelet[2345]: I1128 07:18:12.${hex(6)}    2345 kubelet.go:2${(r() * 999) | 0}] "SyncLoop (PLEG): event for pod" pod="default/app-${hex(5)}" event={ID:${hex(8)} Type:ContainerStarted}`,
    () => `sshd[${4000 + ((r() * 999) | 0)}]: Accepted publickey for root from 10.${(r() * 255) | 0}.${(r() * 255) | 0}.${(r() * 255) | 0} port ${(r() * 65535) | 0} ssh2: RSA SHA256:${hex(43)}`,
    () => `systemd[1]: run-docker-runtime\\x2drunc-moby-${hex(64)}-runc.${hex(6)}.mount: Deactivated successfully.`,
    (ms) => `kernel: audit: type=1400 audit(${(ms / 1000).toFixed(3)}:${(r() * 9999) | 0}): apparmor="STATUS" operation="profile_replace" info="same as current profile, skipping" profile="unconfined" name="docker-default" pid=${(r() * 99999) | 0} comm="apparmor_parser"`,
  ];
  const out = createWriteStream(path, { highWaterMark: 1 << 20 });
  const storyAt = Math.floor(lineCount * 0.998);
  let buf = '';
  let written = 0;
  for (let i = 0; i < lineCount; i++) {
    const ms = startMs + Math.floor(i / 8) * 1000;
    if (i === storyAt) buf += startLimitStory(ms, host).join('\n') + '\n';
    const l = `${shortTime(ms)} ${host} ${lines[(r() * lines.length) | 0]!(ms)}\n`;
    buf += l;
    if (buf.length > 1 << 20) {
      written += buf.length;
      if (!out.write(buf)) await new Promise<void>((res) => out.once('drain', () => res()));
      buf = '';
    }
  }
  written += buf.length;
  out.write(buf);
  await new Promise<void>((res, rej) => out.end((e?: Error | null) => (e ? rej(e) : res())));
  return written;
}

async function generate(): Promise<void> {
  mkdirSync(DIR, { recursive: true });
  const src = join(DIR, 'src');
  rmSync(src, { recursive: true, force: true });
  mkdirSync(src);
  execFileSync('tar', ['-xJf', SAMPLE, '-C', src]);
  const top = readdirSync(src)[0]!;
  const host = readFileSync(join(src, top, 'hostname'), 'utf8').trim() || 'vm';
  // Only the text journal is read as the journal: drop the sample's other journal captures.
  for (const f of readdirSync(join(src, top, 'sos_commands/logs'))) if (f.startsWith('journalctl_--no-pager_')) rmSync(join(src, top, 'sos_commands/logs', f));
  // End the journal a few minutes before the sample was collected (2026-11-28 07:31 UTC).
  const bytes = await writeJournal(join(src, top, JOURNAL_REL), MB * 1024 * 1024, host, Date.UTC(2026, 10, 28, 7, 25, 0));
  console.log(`  journal: ${(bytes / 1024 / 1024).toFixed(0)} MB`);
  execFileSync('tar', ['-czf', `${BASE}.tar.gz.part`, '-C', src, top]);
  // sos compresses with xz; -T0 keeps generation quick (a multi-block file decodes the same).
  execFileSync('sh', ['-c', `tar -cf - -C '${src}' '${top}' | xz -2 -T0 > '${BASE}.tar.xz.part'`]);
  execFileSync('mv', [`${BASE}.tar.gz.part`, `${BASE}.tar.gz`]);
  execFileSync('mv', [`${BASE}.tar.xz.part`, `${BASE}.tar.xz`]);
  rmSync(src, { recursive: true, force: true });
}

// --- measurement -------------------------------------------------------------------------------

/** The reader alone with a counting sink on every artifact, in plain node (no tsx start-up in the figure). */
const READER_SCRIPT = (bundle: string) => `
const { scanBundle } = await import(${JSON.stringify(join(ROOT, 'dist/analyzer/src/spine/reader.js'))});
let lines = 0;
const { inventory } = await scanBundle(${JSON.stringify(bundle)}, {
  sinkFor: () => ({ push: () => void lines++, finish: () => ({ status: 'ok', value: null, problems: [] }) }),
});
if (inventory.problems.length) { console.error(JSON.stringify(inventory.problems)); process.exit(1); }`;

function analyzeOnce(bundle: string, env: NodeJS.ProcessEnv): Timing & { found: boolean } {
  const out = mkdtempSync(join(tmpdir(), 'dpm-bench-sos-out-'));
  try {
    const t = timeShell(`node '${CLI}' analyze '${bundle}' -o '${out}' --format json > /dev/null`, env);
    const report = JSON.parse(readFileSync(join(out, readdirSync(out).find((n) => n.endsWith('.json'))!), 'utf8')) as { findings: { ruleId: string }[] };
    return { ...t, found: report.findings.some((f) => f.ruleId === 'start-limit-hit') };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

function readerOnce(bundle: string, env: NodeJS.ProcessEnv): Timing {
  return timeShell(`node --input-type=module -e '${READER_SCRIPT(bundle).replace(/'/g, "'\\''")}'`, env);
}

function report(name: string, xs: Timing[], floor: Timing[]): void {
  console.log(`  ${name.padEnd(26)} ${fmtTiming(best(xs))}   → ${ratio(xs, floor)}`);
}

async function main(): Promise<void> {
  if (!existsSync(CLI)) throw new Error('run `npm run build` first');
  if (!existsSync(`${BASE}.tar.gz`) || !existsSync(`${BASE}.tar.xz`) || process.argv.includes('--regen')) {
    console.log(`generating a ${MB} MB text-journal sosreport in ${DIR} (once; cached) …`);
    await generate();
  }
  const haveXz = spawnSync('xz', ['--version']).status === 0;
  for (const fmt of FORMATS) {
    const bundle = `${BASE}.tar.${fmt}`;
    const flag = fmt === 'xz' ? 'J' : 'z';
    console.log(`\n${bundle} (${(statSync(bundle).size / 1024 / 1024).toFixed(0)} MB), ${loadLine()}`);
    const floor = runs(RUNS, () => timeShell(`tar -x${flag}Of '${bundle}' > /dev/null`));
    console.log(`  ${`floor tar -x${flag}Of`.padEnd(26)} ${fmtTiming(best(floor))}`);
    const decoders = fmt === 'xz' ? (haveXz ? ['system', 'wasm'] : ['wasm']) : ['zlib'];
    for (const d of decoders) {
      const env = { ...process.env, ...(d === 'wasm' ? { DPM_XZ: 'wasm' } : {}) };
      report(`reader (${d})`, runs(RUNS, () => readerOnce(bundle, env)), floor);
    }
    const an = runs(RUNS, () => analyzeOnce(bundle, process.env));
    report('analyze', an, floor);
    if (EXTRA_CA) {
      // Node parses that file at every start, before the CLI runs (measure.ts): tar pays nothing alike.
      const noCa = withoutExtraCa();
      const plain = runs(RUNS, () => analyzeOnce(bundle, noCa));
      report('analyze [no extra CA]', plain, floor);
      an.push(...plain);
    }
    console.log(`  start-limit-hit found:     ${an.every((a) => a.found) ? 'yes' : 'NO'}   (${loadLine()})`);
    if (!an.every((a) => a.found)) process.exitCode = 1;
  }
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
