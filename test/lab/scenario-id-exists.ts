/**
 * Field guide §1.4: containerd SIGKILLed while a start is inside a slow `runc create`; then `docker start` again.
 * The slow part is a wrapper runtime (dockerd --add-runtime slow=<wrapper>) that sleeps before exec'ing runc
 * when the verb is `create`.
 *
 * Run: npx tsx test/lab/scenario-id-exists.ts   → test/fixtures/lab/container-id-exists-race/
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { NetnsLab, runSync, sleep } from './netns-lab.js';
import { EventLog, captureState, fixtureDir, save, saveLog, writeReadme } from './capture.js';
import { writeSlowRuntime } from './slow-runtime.js';

const SLOW_SECONDS = 25;

async function main(): Promise<void> {
  const ev = new EventLog();
  // The wrapper must exist before dockerd starts; it lives in its own temp dir removed at the end.
  const wdir = fs.mkdtempSync(path.join(os.tmpdir(), 'dpm-slowrt-'));
  const wrapper = writeSlowRuntime(wdir, SLOW_SECONDS);
  const lab = await NetnsLab.start({ runtimes: { slow: wrapper } });
  try {
    const dir = fixtureDir('container-id-exists-race');
    fs.copyFileSync(wrapper, path.join(dir, 'slow-runc.sh'));
    ev.add(`lab ${lab.netns} dockerd pid ${lab.daemonPid()} with --add-runtime slow=${wrapper}`);
    await lab.importBusybox();
    const id = (await lab.docker(['create', '--runtime', 'slow', '--name', 'racer', 'bb:latest', 'sleep', '100000'])).stdout.trim();
    ev.add(`created racer ${id}`);
    const firstStart = lab.docker(['start', 'racer'], { timeoutMs: 120_000 });
    ev.add(`docker start racer (wrapper sleeps ${SLOW_SECONDS}s in create)`);
    await sleep(4000);
    save(dir, 'ps-during-create.txt', runSync(['ps', '-o', 'pid,ppid,stat,args', '-p', lab.labPids().join(',')]));
    const cd = lab.containerdPid();
    ev.add(`SIGKILL containerd pid ${cd}`);
    if (cd) process.kill(cd, 'SIGKILL');
    const r1 = await firstStart;
    ev.add(`first docker start returned exit=${r1.code}`);
    save(dir, 'start-1-during-kill.txt', r1);
    // dockerd's supervisor restarts containerd; give it time.
    const until = Date.now() + 30_000;
    while (Date.now() < until && (!lab.containerdPid() || lab.containerdPid() === cd)) await sleep(250);
    ev.add(`containerd now pid ${lab.containerdPid()}`);
    await sleep(2000);
    const r2 = await lab.docker(['start', 'racer'], { timeoutMs: 90_000 });
    ev.add(`second docker start (create still sleeping) exit=${r2.code}`);
    save(dir, 'start-2-while-create-runs.txt', r2);
    await captureState(lab, dir, 'during-');
    // The v2 shim passes --root <exec-root>/runtime-runc/<ns> to every runtime binary, the wrapper included.
    const runcRoot = path.join(lab.execRoot, 'runtime-runc', lab.containerdNamespace);
    save(dir, 'runc-list.txt', runSync(['runc', '--root', runcRoot, 'list']));
    save(dir, 'runtime-dirs.txt', runSync(['sh', '-c', `ls -laR '${lab.execRoot}'/runtime-* 2>&1 | head -100`]));
    // Wait until the wrapper's sleep is over, then try again: does it clear (seed case) or persist (containerd 1.6)?
    await sleep((SLOW_SECONDS + 5) * 1000);
    const r3 = await lab.docker(['start', 'racer'], { timeoutMs: 90_000 });
    ev.add(`third docker start (after create finished) exit=${r3.code}`);
    save(dir, 'start-3-after-create-ended.txt', r3);
    const r4 = await lab.docker(['run', '-d', '--runtime', 'slow', '--name', 'fresh', 'bb:latest', 'sleep', '100000'], { timeoutMs: 90_000 });
    ev.add(`docker run fresh (new container, seed remedy) exit=${r4.code}`);
    save(dir, 'run-fresh-container.txt', r4);
    await captureState(lab, dir, 'after-');
    save(dir, 'docker-inspect-racer-state.txt', await lab.docker(['inspect', '--format', '{{json .State}}', 'racer']));
    saveLog(lab, dir);
    ev.write(dir);
    writeReadme(
      dir,
      `
# container-id-exists-race (field guide §1.4), real capture

dockerd 20.10.24 + its own containerd 1.6.20 + runc 1.1.5 in lab netns \`${lab.netns}\`; runtime \`slow\` =
\`slow-runc.sh\` (sleeps ${SLOW_SECONDS} s before \`runc create\`). LC_ALL=C TZ=UTC; made by test/lab/scenario-id-exists.ts.

1. \`docker create --runtime slow --name racer\`, then \`docker start racer\`; 4 s later containerd got SIGKILL by PID
   (\`ps-during-create.txt\` shows the shim, wrapper and sleep). Client: \`start-1-during-kill.txt(.stderr)\`.
2. dockerd restarted containerd; \`docker start racer\` again while the old create still slept:
   \`start-2-while-create-runs.txt(.stderr)\`; state \`during-*\`.
3. After the sleep ended: \`start-3-after-create-ended.txt(.stderr)\`; state \`after-*\`;
   \`run-fresh-container.txt\` is a new container on the same runtime.
\`dockerd.log\` has dockerd's and containerd's lines (containerd logs through dockerd); times in \`events.tsv\`.
`,
    );
    console.log(`captured in ${dir}`);
    for (const [n, r] of [['1', r1], ['2', r2], ['3', r3], ['fresh', r4]] as const) console.log(n, r.code, r.stderr.trim());
  } finally {
    const notes = await lab.teardown();
    if (notes.length) console.error(notes.join('\n'));
    fs.rmSync(wdir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
