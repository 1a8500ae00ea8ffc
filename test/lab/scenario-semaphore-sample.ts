/**
 * samples/lab-netns-semaphore-leak/: a netns lab dockerd plus libdevmapper-style udev cookies leaked up to SEMMNI
 * in a private IPC namespace (field guide §1.2, §6 B), collected by our collector run inside that IPC namespace
 * and the lab's netns.
 *
 * A holder process (`unshare --ipc -- sleep`) keeps the IPC namespace alive; cookies are made in it with
 * sem-cookies (lvm2 libdm's semget + semop +1) until semget fails with ENOSPC; after more than a minute (older
 * than dmsetup udevcomplete_all's in-flight window) the collector runs under `nsenter --ipc=/proc/<holder>/ns/ipc`.
 * The host's IPC namespace and kernel.sem stay untouched (checked). The holder is ended by its PID; the namespace
 * and its semaphores vanish with it.
 *
 * Run: npx tsx test/lab/scenario-semaphore-sample.ts   (root, gcc)
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { REPO } from './capture.js';
import { collectorAvailable } from './collect.js';
import { bundle } from './make-samples.js';
import { NetnsLab, runSync, sleep, waitGone } from './netns-lab.js';

/** SEMMNI is the 4th value; the others are the pre-3.19 defaults (field guide §1.2). */
export const LAB_KERNEL_SEM = '250 32000 32 8';
/** dmsetup udevcomplete_all 1 and the semaphore-leak rule skip cookies younger than one minute. */
const AGE_MS = 75_000;
const SEED = 3405; // 0xd4d: reproducible keys

async function main(): Promise<void> {
  const why = collectorAvailable();
  if (why) throw new Error(why);
  const hostSem = fs.readFileSync('/proc/sys/kernel/sem', 'utf8');
  const hostIpc = fs.readlinkSync('/proc/self/ns/ipc');
  const bin = fs.mkdtempSync(path.join(os.tmpdir(), 'dpm-semsample-'));
  const cc = runSync(['gcc', '-O2', '-Wall', '-o', path.join(bin, 'sem-cookies'), path.join(REPO, 'test/lab/sem/sem-cookies.c')]);
  if (cc.code !== 0) throw new Error(`gcc: ${cc.stderr}`);

  const holder = spawn('unshare', ['--ipc', '--', 'sleep', '100000'], { stdio: 'ignore' });
  const lab = await NetnsLab.start().catch((e) => {
    holder.kill('SIGKILL');
    throw e;
  });
  try {
    if (!holder.pid) throw new Error('unshare --ipc failed');
    // Wait until unshare has exec'd sleep in the new namespace.
    const nsPath = `/proc/${holder.pid}/ns/ipc`;
    for (let i = 0; i < 50 && fs.readlinkSync(nsPath) === hostIpc; i++) await sleep(100);
    const labIpc = fs.readlinkSync(nsPath);
    if (labIpc === hostIpc) throw new Error('holder is still in the host IPC namespace');
    const inIpc = ['nsenter', `--ipc=${nsPath}`, '--'];

    // A small ordinary host: one running container, one exited.
    await lab.importBusybox();
    await lab.runContainers(1, { prefix: 'web' });
    await lab.docker(['run', '--name', 'job0', 'bb:latest', 'true']);

    const set = runSync([...inIpc, 'sh', '-c', `echo "${LAB_KERNEL_SEM}" > /proc/sys/kernel/sem && cat /proc/sys/kernel/sem`]);
    if (set.code !== 0) throw new Error(`kernel.sem in the lab IPC namespace: ${set.stderr}`);
    const semmni = Number(LAB_KERNEL_SEM.split(' ')[3]);
    // One more than SEMMNI: the last semget must fail with ENOSPC, as libdm's does at the limit.
    const made = runSync([...inIpc, path.join(bin, 'sem-cookies'), String(semmni + 1), '1', String(SEED)]);
    console.log(made.stdout.trim());
    if (!/No space left on device/.test(made.stdout)) throw new Error(`semget did not reach ENOSPC:\n${made.stdout}${made.stderr}`);
    const createdAt = new Date().toISOString();
    if (fs.readFileSync('/proc/sys/kernel/sem', 'utf8') !== hostSem) throw new Error('host kernel.sem changed');
    console.log(`waiting ${AGE_MS / 1000} s so the cookies are older than the in-flight minute`);
    await sleep(AGE_MS);

    await bundle(
      lab,
      'lab-netns-semaphore-leak',
      `# lab-netns-semaphore-leak: real bundle with devicemapper udev cookies leaked up to SEMMNI (field guide §1.2)

dockerd 20.10.24 (Debian docker.io) in netns \`${lab.netns}\`: web0 running on the default bridge, job0 exited 0.
In a private IPC namespace (\`unshare --ipc\`, held by a \`sleep\`; the host's IPC namespace ${hostIpc} and its
kernel.sem \`${hostSem.trim()}\` were not touched) kernel.sem was set to \`${LAB_KERNEL_SEM}\` (SEMMNI ${semmni}), then
\`test/lab/sem/sem-cookies ${semmni + 1} 1 ${SEED}\` made cookies the way lvm2 libdm does
(\`semget(0x0d4d0000|rand16, 1, IPC_CREAT|IPC_EXCL|0600)\` + \`semop +1\`) until semget failed at ${createdAt}:
\`\`\`
${made.stdout.trim()}
\`\`\`
${AGE_MS / 1000} s later (older than dmsetup's in-flight minute; the creating process had exited) the collector ran
under \`nsenter --ipc=/proc/<holder>/ns/ipc\` (IPC namespace ${labIpc}), so \`cmd/ipcs-s*.txt\`, \`cmd/ipcs-s-i/\`,
\`cmd/ipcs-l.txt\`, \`cmd/ipcs-u.txt\`, \`cmd/dmsetup-udevcookies.txt\`, \`files/proc/sysvipc/sem\` and
\`files/proc/sys/kernel/sem\` show that namespace. dockerd itself uses overlay2 and logged no cookie error.
Expected findings: semaphore-leak (${semmni} of ${semmni} arrays used, all leaked cookies: critical); nothing else
at warning or above. Made by \`npx tsx test/lab/scenario-semaphore-sample.ts\`.`,
      { wrap: inIpc },
    );
  } finally {
    if (holder.pid) {
      holder.kill('SIGKILL');
      await waitGone(holder.pid, 5_000);
    }
    const notes = await lab.teardown();
    if (notes.length) console.error(notes.join('\n'));
    fs.rmSync(bin, { recursive: true, force: true });
    if (fs.readFileSync('/proc/sys/kernel/sem', 'utf8') !== hostSem) console.error('WARNING: host kernel.sem changed');
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
