/**
 * samples/lab-netns-container-id-exists/: field guide §1.4 in the netns lab, then our collector while the failure
 * is fresh. Same recipe as scenario-id-exists.ts (a wrapper runtime that sleeps before `runc create`, containerd
 * SIGKILLed by PID during the create, `docker start` again after dockerd restarted containerd), with a longer sleep
 * so the old create, its shim and the wrapper are still alive while the collector runs.
 *
 * Run: npx tsx test/lab/scenario-id-exists-sample.ts   (root)
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { collectorAvailable } from './collect.js';
import { bundle } from './make-samples.js';
import { NetnsLab, sleep } from './netns-lab.js';
import { writeSlowRuntime } from './slow-runtime.js';

/** Long enough to cover the kill, containerd's restart, two failed starts and the collector run (~20 s). */
const SLOW_SECONDS = 120;

async function main(): Promise<void> {
  const why = collectorAvailable();
  if (why) throw new Error(why);
  const events: string[] = [];
  const ev = { add: (what: string) => (events.push(`${new Date().toISOString()}\t${what}`), console.error(events.at(-1))) };
  const wdir = fs.mkdtempSync(path.join(os.tmpdir(), 'dpm-slowrt-'));
  const wrapper = writeSlowRuntime(wdir, SLOW_SECONDS);
  const lab = await NetnsLab.start({ runtimes: { slow: wrapper } });
  try {
    ev.add(`lab ${lab.netns} dockerd pid ${lab.daemonPid()} with --add-runtime slow=${wrapper}`);
    await lab.importBusybox();
    await lab.runContainers(1, { prefix: 'web' });
    const id = (await lab.docker(['create', '--runtime', 'slow', '--name', 'racer', 'bb:latest', 'sleep', '100000'])).stdout.trim();
    if (!/^[0-9a-f]{64}$/.test(id)) throw new Error(`docker create racer: ${id}`);
    ev.add(`created racer ${id}`);
    const firstStart = lab.docker(['start', 'racer'], { timeoutMs: 60_000 });
    ev.add(`docker start racer (wrapper sleeps ${SLOW_SECONDS}s in create)`);
    await sleep(4000);
    const cd = lab.containerdPid();
    if (!cd) throw new Error('no containerd of this lab');
    ev.add(`SIGKILL containerd pid ${cd}`);
    process.kill(cd, 'SIGKILL');
    const r1 = await firstStart;
    ev.add(`first docker start exit=${r1.code}: ${r1.stderr.trim().split('\n')[0]}`);
    // dockerd's supervisor restarts containerd.
    const until = Date.now() + 30_000;
    while (Date.now() < until && (!lab.containerdPid() || lab.containerdPid() === cd)) await sleep(250);
    ev.add(`containerd now pid ${lab.containerdPid()}`);
    await sleep(2000);
    const r2 = await lab.docker(['start', 'racer'], { timeoutMs: 60_000 });
    ev.add(`second docker start exit=${r2.code}: ${r2.stderr.trim().split('\n')[0]}`);
    await sleep(2000);
    const r3 = await lab.docker(['start', 'racer'], { timeoutMs: 60_000 });
    ev.add(`third docker start exit=${r3.code}: ${r3.stderr.trim().split('\n')[0]}`);
    if (!/already exists/.test(r2.stderr + r3.stderr)) throw new Error(`no "already exists" failure:\n${r2.stderr}\n${r3.stderr}`);
    ev.add('collector starts (the first create still sleeps)');
    await bundle(
      lab,
      'lab-netns-container-id-exists',
      `# lab-netns-container-id-exists: real bundle after containerd was SIGKILLed during a slow \`runc create\` (field guide §1.4)

dockerd 20.10.24 + its own containerd 1.6.20 + runc 1.1.5 in netns \`${lab.netns}\`; runtime \`slow\` is a wrapper
(\`--add-runtime slow=${wrapper}\`) that sleeps ${SLOW_SECONDS} s before \`runc create\` (a stand-in for a slow
prestart hook). web0 runs on the default runtime. racer (\`${id}\`) was created on \`slow\`; during
its \`docker start\` containerd was SIGKILLed by PID, dockerd restarted containerd, and two more \`docker start racer\`
failed. The collector ran right after, while the first create still slept (its shim and the wrapper's \`sleep\` are
in \`cmd/ps.txt\`). Made by \`npx tsx test/lab/scenario-id-exists-sample.ts\`.

What the script saw (UTC):
\`\`\`
${events.join('\n')}
\`\`\`
Expected findings: container-id-exists-race for racer (\`task <id>: already exists\` and \`Container not cleaned up
from containerd from previous run\` after \`containerd did not exit successfully\` / \`started new containerd process\`
in \`logs/dockerd.log\`).`,
    );
    for (const [n, r] of [['1', r1], ['2', r2], ['3', r3]] as const) console.log(n, r.code, r.stderr.trim());
  } finally {
    const notes = await lab.teardown();
    if (notes.length) console.error(notes.join('\n'));
    fs.rmSync(wdir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
