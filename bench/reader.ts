/**
 * Bundle reader benchmark: throughput and peak memory of scanBundle on a large bundle.
 *
 *   npx tsx bench/reader.ts            # generate (once, cached) and measure
 *   npx tsx bench/reader.ts --mb 1000  # a bigger bundle (uncompressed MB)
 *   npx tsx bench/reader.ts --regen    # rebuild the bundle
 *   npx tsx bench/reader.ts --xz       # the same bundle as .tar.xz (sosreport default) vs tar -xJOf
 *
 * It writes a realistic collector bundle (≥ 500 MB uncompressed: a `journalctl -o json` journal of
 * JSON lines, an audit.log, dmesg, mountinfo, listings) to /tmp/dpm-bench/, packed by GNU tar -czf,
 * then times:
 *   - `tar -xzOf <bundle> > /dev/null` (the floor: decompress + untar, no line work), and
 *   - scanBundle with a counting sink on every artifact (lines + characters).
 * Prints the ratio (aim ≤ 1.3) and this process's peak RSS (process.resourceUsage().maxRSS; aim
 * < 200 MB). Generation happens in a child process so its memory does not count.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { journalRecord } from './journal-record.js';
import { createWriteStream, existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { scanBundle } from '../analyzer/src/spine/reader.js';
import { mulberry32 } from '../test/helpers/prng.js';

const args = process.argv.slice(2);
const MB = Number(args[args.indexOf('--mb') + 1]) > 0 && args.includes('--mb') ? Number(args[args.indexOf('--mb') + 1]) : 520;
const DIR = '/tmp/dpm-bench';
const TOP = `docker-postmortem-benchhost-20261128T071812Z`;
const GZ_BUNDLE = join(DIR, `${TOP}-${MB}mb.tar.gz`);
const XZ = args.includes('--xz');
const BUNDLE = XZ ? join(DIR, `${TOP}-${MB}mb.tar.xz`) : GZ_BUNDLE;

// --- generation (child process) -------------------------------------------------------------------

const rng = mulberry32;

async function writeLines(path: string, bytes: number, line: (i: number) => string): Promise<void> {
  const out = createWriteStream(path, { highWaterMark: 1 << 20 });
  let written = 0;
  let buf: string[] = [];
  let bufLen = 0;
  for (let i = 0; written < bytes; i++) {
    const l = line(i) + '\n';
    buf.push(l);
    bufLen += l.length;
    written += l.length;
    if (bufLen > 1 << 20) {
      if (!out.write(buf.join(''))) await new Promise<void>((r) => out.once('drain', () => r()));
      buf = [];
      bufLen = 0;
    }
  }
  out.write(buf.join(''));
  await new Promise<void>((r, j) => out.end((e?: Error | null) => (e ? j(e) : r())));
}

async function generate(): Promise<void> {
  const root = join(DIR, 'src', TOP);
  rmSync(join(DIR, 'src'), { recursive: true, force: true });
  for (const d of ['cmd', 'files/proc/self', 'files/var/log/audit', 'files/proc/sys/kernel']) mkdirSync(join(root, d), { recursive: true });
  const r = rng(42);
  const hex = (n: number) => Array.from({ length: n }, () => '0123456789abcdef'[Math.floor(r() * 16)]).join('');
  const boot = hex(32);
  const units = ['docker.service', 'containerd.service', 'systemd-journald.service', 'kubelet.service', 'sshd.service', 'firewalld.service'];
  const idents = ['dockerd', 'containerd', 'systemd-journald', 'kubelet', 'sshd', 'firewalld'];
  const msgs = [
    () => `time="2026-11-28T07:${String(Math.floor(r() * 60)).padStart(2, '0')}:00.${hex(9)}Z" level=info msg="ignoring event" container=${hex(64)} module=libcontainerd namespace=moby topic=/tasks/delete type="*events.TaskDelete"`,
    () => `time="2026-11-28T07:18:12Z" level=error msg="Handler for POST /v1.41/containers/${hex(64)}/start returned error: failed to create shim task: OCI runtime create failed"`,
    () => `I1128 07:18:12.${hex(6)} 1234 kubelet.go:2${Math.floor(r() * 999)}] "SyncLoop (PLEG): event for pod" pod="default/app-${hex(5)}" event={ID:${hex(8)} Type:ContainerStarted Data:${hex(64)}}`,
    () => `Accepted publickey for root from 10.0.${Math.floor(r() * 255)}.${Math.floor(r() * 255)} port ${Math.floor(r() * 65535)} ssh2: RSA SHA256:${hex(43)}`,
    () => `veth${hex(7)}: renamed from eth0`,
  ];
  const t0 = Date.parse('2026-11-28T00:00:00Z') * 1000;
  const journalBytes = Math.floor(MB * 0.82 * 1024 * 1024);
  await writeLines(join(root, 'cmd/journal.json'), journalBytes, (i) => {
    const u = Math.floor(r() * units.length);
    const ts = t0 + i * 37_000;
    return journalRecord({ i, ts, boot, ident: idents[u]!, unit: units[u]!, pid: 1000 + u, priority: 3 + Math.floor(r() * 4), message: msgs[Math.floor(r() * msgs.length)]!(), hex });
  });
  await writeLines(join(root, 'files/var/log/audit/audit.log'), Math.floor(MB * 0.12 * 1024 * 1024), (i) =>
    `type=SYSCALL msg=audit(1764314292.${String(i % 1000).padStart(3, '0')}:${i}): arch=c000003e syscall=59 success=yes exit=0 a0=${hex(12)} a1=${hex(12)} items=2 ppid=1 pid=${1000 + (i % 30000)} auid=4294967295 uid=0 gid=0 comm="runc" exe="/usr/bin/runc" key="docker"`,
  );
  await writeLines(join(root, 'cmd/dmesg.txt'), Math.floor(MB * 0.05 * 1024 * 1024), (i) => `[${(i / 100).toFixed(6).padStart(12)}] docker0: port ${1 + (i % 30)}(veth${hex(7)}) entered forwarding state`);
  await writeLines(join(root, 'cmd/dataroot-listing.tsv'), Math.floor(MB * 0.01 * 1024 * 1024), (i) => `f\t600\t0\t0\t${i * 7}\t1764314292.000\t/var/lib/docker/containers/${hex(64)}/config.v2.json`);
  await writeLines(join(root, 'files/proc/self/mountinfo'), 200_000, (i) => `${100 + i} 27 0:${60 + i} / /var/lib/docker/overlay2/${hex(64)}/merged rw,relatime - overlay overlay rw,lowerdir=/var/lib/docker/overlay2/l/${hex(26)}`);
  await writeLines(join(root, 'files/proc/sys/kernel/sem'), 1, () => '32000\t1024000000\t500\t32000');
  await writeLines(join(root, 'cmd/ipcs-s.txt'), 1, () => '\n------ Semaphore Arrays --------\nkey        semid      owner      perms      nsems     ');
  // the collector packs with GNU tar + gzip; so does the bench
  execFileSync('tar', ['-czf', GZ_BUNDLE + '.part', '-C', join(DIR, 'src'), TOP]);
  execFileSync('mv', [GZ_BUNDLE + '.part', GZ_BUNDLE]);
  rmSync(join(DIR, 'src'), { recursive: true, force: true });
}

// --- measurement ------------------------------------------------------------------------------

/** Wall and CPU seconds of `tar -xzOf`; CPU (tar + gzip, from the shell's `times`) is stable on a busy machine. */
function timeTar(): { s: number; cpu: number } {
  const t = process.hrtime.bigint();
  const r = spawnSync('sh', ['-c', `tar -x${XZ ? 'J' : 'z'}Of '${BUNDLE}' > /dev/null; times`], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error('tar failed');
  const s = Number(process.hrtime.bigint() - t) / 1e9;
  // `times`: line 1 the shell, line 2 its children: "0m2.649s 0m0.078s"
  const child = r.stdout.trim().split('\n').at(-1) ?? '';
  const secs = [...child.matchAll(/(\d+)m([\d.]+)s/g)].map((m) => Number(m[1]) * 60 + Number(m[2]));
  return { s, cpu: secs.reduce((a, b) => a + b, 0) };
}

async function timeScan(): Promise<{ s: number; cpu: number; lines: number; chars: number; bytesRead: number }> {
  let lines = 0;
  let chars = 0;
  const t = process.hrtime.bigint();
  const c = process.cpuUsage(); // all threads of this process, zlib's pool included
  const { inventory } = await scanBundle(BUNDLE, {
    sinkFor: () => ({
      push(l) {
        lines++;
        chars += l.text.length;
      },
      finish: () => ({ status: 'ok', value: null, problems: [] }),
    }),
  });
  const s = Number(process.hrtime.bigint() - t) / 1e9;
  const cu = process.cpuUsage(c);
  if (inventory.problems.length) console.log('problems:', inventory.problems);
  return { s, cpu: (cu.user + cu.system) / 1e6, lines, chars, bytesRead: inventory.bytesRead };
}

async function main(): Promise<void> {
  if (args.includes('--generate-only')) return generate();
  mkdirSync(DIR, { recursive: true });
  if (args.includes('--regen') || !existsSync(GZ_BUNDLE)) {
    console.log(`generating ${MB} MB bundle in ${DIR} (once; cached) …`);
    const r = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), '--generate-only', '--mb', String(MB)], { stdio: 'inherit' });
    if (r.status !== 0) throw new Error('generation failed');
  }
  if (XZ && (args.includes('--regen') || !existsSync(BUNDLE))) {
    console.log('recompressing as .tar.xz (xz -1) …');
    execFileSync('sh', ['-c', `gzip -dc '${GZ_BUNDLE}' | xz -1 -T0 > '${BUNDLE}.part' && mv '${BUNDLE}.part' '${BUNDLE}'`]);
  }
  const size = statSync(BUNDLE).size;
  const RUNS = 3;
  const tarRuns = Array.from({ length: RUNS }, () => timeTar());
  const scanRuns: Awaited<ReturnType<typeof timeScan>>[] = [];
  for (let i = 0; i < RUNS; i++) scanRuns.push(await timeScan());
  const minOf = <T extends { s: number; cpu: number }>(xs: T[], k: 's' | 'cpu') => xs.reduce((a, b) => (b[k] < a[k] ? b : a));
  const tarWall = minOf(tarRuns, 's').s;
  const tarCpu = minOf(tarRuns, 'cpu').cpu;
  const scanWall = minOf(scanRuns, 's');
  const scanCpu = minOf(scanRuns, 'cpu').cpu;
  const rssMB = process.resourceUsage().maxRSS / 1024;
  const mb = scanWall.bytesRead / 1024 / 1024;
  const fmt = (xs: { s: number; cpu: number }[]) => xs.map((x) => `${x.s.toFixed(2)}/${x.cpu.toFixed(2)}`).join(', ');
  console.log(`bundle:            ${BUNDLE} (${(size / 1024 / 1024).toFixed(1)} MB compressed, ${mb.toFixed(0)} MB uncompressed, ${scanWall.lines} lines)`);
  console.log(`load average:      ${loadavg().map((x) => x.toFixed(1)).join(' ')} on ${cpus().length} CPUs (wall times suffer on a busy machine; CPU times do not)`);
  console.log(`tar -x${XZ ? 'J' : 'z'}Of:         best wall ${tarWall.toFixed(2)} s, best CPU ${tarCpu.toFixed(2)} s   (wall/cpu runs: ${fmt(tarRuns)})`);
  console.log(`scanBundle:        best wall ${scanWall.s.toFixed(2)} s, best CPU ${scanCpu.toFixed(2)} s   (wall/cpu runs: ${fmt(scanRuns)}), ${(mb / scanWall.s).toFixed(0)} MB/s`);
  console.log(`ratio scan/tar:    wall ${(scanWall.s / tarWall).toFixed(2)}, CPU ${(scanCpu / tarCpu).toFixed(2)}  (aim ≤ 1.3)`);
  console.log(`peak RSS:          ${rssMB.toFixed(0)} MB  (aim < 200 MB)`);
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
