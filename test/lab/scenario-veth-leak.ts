/**
 * Field guide §1.3: SIGKILL dockerd while several bridge containers are starting, restart it, and look for veth
 * NICs that the restarted daemon neither knows nor deletes. Repeats with different kill delays until a leak shows.
 *
 * Run: npx tsx test/lab/scenario-veth-leak.ts [maxAttempts]
 * Writes test/fixtures/lab/veth-leak/ (only when a leak was seen; otherwise prints what each attempt saw).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { NetnsLab, sleep, type RunResult } from './netns-lab.js';
import { EventLog, captureState, fixtureDir, save, saveLog, writeReadme } from './capture.js';

interface LinkInfo {
  name: string;
  peer: string | null; // peer name when both ends are in this netns
  master: string | null;
  netnsid: string | null;
  raw: string;
}

export function parseLinks(ipOLink: string): LinkInfo[] {
  return ipOLink
    .split('\n')
    .filter(Boolean)
    .map((raw) => {
      const m = /^\d+: ([^:@]+)(?:@([^:]+))?:/.exec(raw);
      const peer = m?.[2] && !/^if\d+$/.test(m[2]) && m[2] !== 'NONE' ? m[2] : null;
      return {
        name: m?.[1] ?? '',
        peer,
        master: /\bmaster (\S+)/.exec(raw)?.[1] ?? null,
        netnsid: /\blink-netnsid (\d+)/.exec(raw)?.[1] ?? null,
        raw,
      };
    });
}

/** Kill delays (ms after the parallel runs begin) tried in turn; ~1 s leaked on this machine. */
export const VETH_DELAYS = [1000, 1300, 700, 1600, 400, 2000, 2500, 900, 1150, 1450, 1800, 600];

export async function attempt(lab: NetnsLab, n: number, delayMs: number, count: number): Promise<{ leaked: boolean; summary: string; lab: NetnsLab; ev: EventLog; runs: RunResult[] }> {
  const ev = new EventLog();
  ev.add(`lab ${lab.netns} dockerd pid ${lab.daemonPid()} started`);
  await lab.importBusybox();
  // Two settled containers first, so the capture also shows what healthy endpoints look like.
  await lab.runContainers(2, { prefix: 'steady' });
  ev.add('2 steady containers running');
  const startOffset = lab.logSize();
  ev.add(`starting ${count} docker run -d in parallel (bridge), SIGKILL after ${delayMs} ms`);
  const runsP = lab.runContainers(count, { prefix: 'victim', timeoutMs: 30_000 });
  await sleep(delayMs);
  ev.add(`SIGKILL dockerd pid ${lab.daemonPid()}`);
  await lab.killDaemon('SIGKILL');
  ev.add('dockerd gone and its containerd reaped');
  const runs = await runsP;
  ev.add(`clients returned: ${runs.map((r) => r.code).join(',')}`);
  const pre = lab.nsSync(['ip', '-o', 'link']).stdout;
  await sleep(500);
  const restart = await lab.startDaemon();
  ev.add(`dockerd restarted pid ${restart.pid}`);
  await sleep(3000); // let the restarted daemon finish its cleanup (Removing stale sandbox …)
  const links = parseLinks(lab.nsSync(['ip', '-o', 'link']).stdout);
  const ps = (await lab.docker(['ps', '-a', '--no-trunc', '--format', '{{.ID}} {{.State}}'])).stdout;
  const running = ps.split('\n').filter((l) => / running$/.test(l)).length;
  const bothEnds = links.filter((l) => l.name.startsWith('veth') && l.peer);
  const onBridge = links.filter((l) => l.name.startsWith('veth') && l.master === 'docker0');
  const summary = `attempt ${n} delay ${delayMs}ms: pre-restart veths ${parseLinks(pre).filter((l) => l.name.startsWith('veth')).length}, after: veths ${links.filter((l) => l.name.startsWith('veth')).length}, both-ends-in-ns ${bothEnds.length}, on docker0 ${onBridge.length}, running containers ${running}`;
  ev.add(summary);
  const leaked = bothEnds.length > 0 || onBridge.length > running;
  void startOffset;
  return { leaked, summary, lab, ev, runs };
}

async function main(): Promise<void> {
  const max = Number(process.argv[2] ?? 12);
  const delays = VETH_DELAYS;
  const summaries: string[] = [];
  for (let i = 0; i < max; i++) {
    const delay = delays[i % delays.length]!;
    let res: Awaited<ReturnType<typeof attempt>> | undefined;
    let lab: NetnsLab | undefined;
    try {
      lab = await NetnsLab.start();
      res = await attempt(lab, i + 1, delay, 8);
      summaries.push(res.summary);
      console.log(res.summary);
      if (res.leaked) {
        const dir = fixtureDir('veth-leak');
        await captureState(res.lab, dir);
        saveLog(res.lab, dir);
        fs.writeFileSync(
          path.join(dir, 'client-results.txt'),
          res.runs.map((r, k) => `victim${k}\texit=${r.code}\tstdout=${r.stdout.trim()}\tstderr=${r.stderr.trim().replace(/\n/g, ' | ')}`).join('\n') + '\n',
        );
        save(dir, 'docker-info.txt', await res.lab.docker(['info']));
        res.ev.write(dir);
        writeReadme(
          dir,
          `
# veth-leak (field guide §1.3), real capture

dockerd 20.10.24 (Debian docker.io) in netns \`${res.lab.netns}\`, data-root \`${res.lab.dataRoot}\`,
exec-root \`${res.lab.execRoot}\`, bridge docker0 with --bip ${res.lab.bip}. Two steady containers, then 8 parallel
\`docker run -d\` (bridge) and SIGKILL of dockerd after ${delay} ms; dockerd restarted; state captured 3 s later.
Run with LC_ALL=C TZ=UTC by test/lab/scenario-veth-leak.ts.

Attempts (each a fresh lab):
${summaries.map((s) => `- ${s}`).join('\n')}

Files: \`ip-o-link.txt\`/\`ip-d-o-link.txt\`/\`bridge-link.txt\`/\`ip-d-address.txt\` (inside the netns), \`docker-ps-a.txt\`,
\`ctr-containers.txt\`/\`ctr-tasks.txt\` (containerd namespace moby), \`ps.txt\` (lab processes only),
\`dataroot-listing.tsv\`/\`execroot-listing.tsv\` (bundle listing format), \`ip-netns.txt\` (exec-root/netns),
\`dockerd.log\` (both starts, the kill is between them: see \`events.tsv\`), \`client-results.txt\` (each docker run).
`,
        );
        console.log(`leak captured in ${dir}`);
        return;
      }
    } catch (e) {
      console.error(`attempt ${i + 1} failed: ${String(e)}`);
      summaries.push(`attempt ${i + 1}: error ${String(e).split('\n')[0]}`);
    } finally {
      if (lab && process.env.DPM_KEEP_LOGS) fs.copyFileSync(lab.logFile, `${process.env.DPM_KEEP_LOGS}/veth-attempt-${i + 1}.log`);
      const notes = await lab?.teardown();
      if (notes?.length) console.error(notes.join('\n'));
    }
  }
  console.log(`no leak in ${max} attempts:\n${summaries.join('\n')}`);
  process.exitCode = 1;
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
