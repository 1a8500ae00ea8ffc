/**
 * Build the committed sample bundles samples/lab-netns-healthy/ and samples/lab-netns-veth-leak/: a real lab, the
 * real collector run inside the lab's netns, the archive unpacked.
 *
 * The lab shares this machine with other processes (sandbox tooling, other parallel labs). Lines about processes,
 * mounts and netns that are not this lab's are removed from a few host-wide outputs (SCRUBBED below), and the
 * manifest's bytes/sha256 of those items recomputed; sample README.md lists exactly what was removed.
 *
 * Run: npx tsx test/lab/make-samples.ts [healthy|veth-leak]...
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { REPO, writeReadme } from './capture.js';
import { collectorAvailable, runCollector, unpack } from './collect.js';
import { NetnsLab, sleep } from './netns-lab.js';
import { VETH_DELAYS, attempt } from './scenario-veth-leak.js';

// ps first: daemon-processes keeps the pids that ps kept.
const SCRUBBED = ['cmd/ps.txt', 'cmd/daemon-processes.txt', 'cmd/mount-l.txt', 'files/proc/self/mountinfo', 'cmd/ip-netns-list.txt'];

/** A line is foreign when it names another lab's folder/netns, or is sandbox tooling (whose argv carries its env). */
function foreign(line: string, allowed: string[]): boolean {
  if (/line_io_tools\/binary_backend|bash \/dev\/fd\/3/.test(line)) return true;
  const marks = line.match(/\/tmp\/dpm[^\s/]*|\bdpm-[0-9a-f]{6}\b/g) ?? [];
  return marks.some((m) => !allowed.some((a) => a === m || a.startsWith(`${m}/`) || a.startsWith(m)));
}

/**
 * ps-style tables keep: the header, PID 1, kernel threads, the lab's processes (alive right after collection), and
 * this collector run (its command line names the output folder or the lab folder) with their children.
 */
function keepPsLines(lines: string[], labPids: Set<number>, allowed: string[]): string[] {
  const rows = lines.map((l) => {
    const f = l.trim().split(/\s+/);
    return { l, pid: Number(f[0]), ppid: Number(f[1]) };
  });
  const keep = new Set<number>([1, ...labPids]);
  for (const r of rows) if (allowed.some((a) => r.l.includes(a))) keep.add(r.pid);
  let grew = true;
  while (grew) {
    grew = false;
    for (const r of rows) if (!keep.has(r.pid) && keep.has(r.ppid) && r.ppid !== 1) (keep.add(r.pid), (grew = true));
  }
  return rows.filter((r) => !Number.isFinite(r.pid) || Number.isNaN(r.pid) || keep.has(r.pid) || /\s\[[^\]]+\]$/.test(r.l) || r.ppid === 2 || r.pid === 2).map((r) => r.l);
}

function scrub(top: string, allowed: string[], labPids: Set<number>): string[] {
  const notes: string[] = [];
  const manifestPath = path.join(top, 'manifest.json');
  const manifest = JSON.parse(fs.readFileSync(manifestPath, 'utf8')) as { items: { path: string; bytes?: number; sha256?: string }[] };
  let keptPids = new Set<number>();
  for (const rel of SCRUBBED) {
    const f = path.join(top, rel);
    if (!fs.existsSync(f)) continue;
    const lines = fs.readFileSync(f, 'utf8').split('\n');
    let kept: string[];
    if (rel === 'cmd/ps.txt') {
      kept = keepPsLines(lines, labPids, allowed);
      keptPids = new Set(kept.map((l) => Number(l.trim().split(/\s+/)[0])).filter((n) => Number.isFinite(n)));
    } else if (rel === 'cmd/daemon-processes.txt') {
      // grouped by pid (proc/exe/env lines): keep the pids ps kept
      kept = lines.filter((l) => !/^(proc|exe|env)\t/.test(l) || keptPids.has(Number(l.split('\t')[1])));
    } else {
      kept = lines.filter((l) => !foreign(l, allowed));
    }
    const removed = lines.length - kept.length;
    if (!removed) continue;
    const text = kept.join('\n');
    fs.writeFileSync(f, text);
    for (const it of manifest.items) {
      if (it.path === rel) {
        it.bytes = Buffer.byteLength(text);
        it.sha256 = createHash('sha256').update(text).digest('hex');
      }
    }
    notes.push(`${rel}: ${removed} line(s) removed`);
  }
  fs.writeFileSync(manifestPath, JSON.stringify(manifest, null, 2) + '\n');
  return notes;
}

function checkNoKeys(dir: string): void {
  for (const e of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!e.isFile()) continue;
    const p = path.join(e.parentPath ?? (e as unknown as { path: string }).path, e.name);
    const t = fs.readFileSync(p, 'latin1');
    if (/-----BEGIN [A-Z ]*PRIVATE KEY-----|"kty"\s*:\s*"EC"/.test(t)) throw new Error(`private key material in ${p}`);
  }
}

/** opts.wrap: argv prefix for the collector run (see runCollector), e.g. nsenter into a private IPC namespace. */
export async function bundle(lab: NetnsLab, name: string, readme: string, opts: { wrap?: string[]; timeoutMs?: number } = {}): Promise<void> {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'dpm-sample-'));
  try {
    const r = await runCollector(lab, out, ['--since', '-20min', '--log-file', lab.logFile, '--budget', '180'], opts.timeoutMs, opts.wrap);
    const labPids = new Set(lab.labPids());
    if (!r.archive) throw new Error(`collector failed (${r.code}): ${r.stderr.slice(-2000)}`);
    const dest = path.join(REPO, 'samples', name);
    fs.rmSync(dest, { recursive: true, force: true });
    const tmpUnpack = path.join(out, 'unpacked');
    const top = unpack(r.archive, tmpUnpack);
    const notes = scrub(top, [lab.base, lab.netns, out], labPids);
    checkNoKeys(top);
    fs.renameSync(top, dest);
    writeReadme(
      dest,
      `${readme}

Collector: \`nsenter --net=/var/run/netns/${lab.netns} sh collector/docker-postmortem-collect.sh --output <tmp>
--data-root ${lab.dataRoot} --exec-root ${lab.execRoot} --since -20min --log-file ${lab.logFile} --budget 180\`
with DOCKER_HOST=${lab.dockerHost}; it took ${(r.durationMs / 1000).toFixed(1)} s. The archive was unpacked here (its top
folder renamed to this folder). The lab's dockerd logs to a file (no systemd on the lab host), so its logrus lines
are in \`logs/dockerd.log\`; the journal part is empty.

Scrubbed after collection (this machine also runs sandbox tooling and other parallel labs, including another
dockerd under systemd-nspawn): \`cmd/ps.txt\` keeps the header, PID 1, kernel threads, the lab's processes and the
collector's own; \`cmd/daemon-processes.txt\` keeps the same pids; mount and netns lists drop lines naming other labs.
Manifest bytes/sha256 of these items were recomputed:
${notes.length ? notes.map((n) => `- ${n}`).join('\n') : '- nothing'}

Collector stderr summary:
\`\`\`
${r.stderr.trim()}
\`\`\`
`,
    );
    console.log(`sample ${dest}`);
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
}

async function healthy(): Promise<void> {
  const lab = await NetnsLab.start();
  try {
    await lab.importBusybox();
    await lab.runContainers(2, { prefix: 'web' });
    await lab.docker(['network', 'create', 'appnet']);
    await lab.runContainers(1, { prefix: 'app', network: 'appnet' });
    await lab.runContainers(1, { prefix: 'isolated', network: 'none' });
    await lab.docker(['run', '--name', 'job0', 'bb:latest', 'true']);
    await sleep(1000);
    await bundle(
      lab,
      'lab-netns-healthy',
      `# lab-netns-healthy: real bundle of a healthy lab host

dockerd 20.10.24 (Debian docker.io) in netns \`${lab.netns}\`: web0/web1 on the default bridge (--bip ${lab.bip}),
app0 on user network appnet, isolated0 with --network none, job0 exited 0. Nothing was killed. Expected findings: none.`,
    );
  } finally {
    await lab.teardown();
  }
}

async function vethLeak(): Promise<void> {
  for (let i = 0; i < 12; i++) {
    const lab = await NetnsLab.start();
    try {
      const res = await attempt(lab, i + 1, VETH_DELAYS[i % VETH_DELAYS.length]!, 8);
      console.log(res.summary);
      if (!res.leaked) continue;
      await bundle(
        lab,
        'lab-netns-veth-leak',
        `# lab-netns-veth-leak: real bundle after SIGKILL of dockerd during parallel docker run (field guide §1.3)

dockerd 20.10.24 in netns \`${lab.netns}\`: two steady containers, then 8 parallel \`docker run -d\` (bridge) and
SIGKILL of dockerd; dockerd restarted (see the two starts in \`logs/dockerd.log\`). ${res.summary}.
Expected findings: leaked veth NICs (a pair with both ends in the netns and/or veths on docker0 without a running
container), orphan containerd-shim processes, containers \`Created\`/\`Exited (137)\`.`,
      );
      return;
    } finally {
      await lab.teardown();
    }
  }
  throw new Error('no veth leak in 12 attempts');
}

async function main(): Promise<void> {
  const why = collectorAvailable();
  if (why) throw new Error(why);
  const which = process.argv.slice(2);
  if (!which.length || which.includes('healthy')) await healthy();
  if (!which.length || which.includes('veth-leak')) await vethLeak();
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
