/**
 * Three captures from one lab:
 * - healthy/: a clean lab host with a few running containers (default bridge, a user bridge network, none) and
 *   one cleanly exited container; the same state set as the failure scenarios.
 * - docker-cli/: `docker info`, `docker version`, `docker ps -a --no-trunc`, `docker network ls --no-trunc`, plus
 *   what parallel `docker network create` of one name does (field guide §2: duplicate network names).
 * - daemon-json/: the exact stderr of dockerd started with broken daemon.json variants (field guide §1.5).
 *
 * Run: npx tsx test/lab/scenario-healthy.ts
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { NetnsLab, DOCKERD, pidAlive, sleep, withLab } from './netns-lab.js';
import { EventLog, captureState, fixtureDir, save, saveLog, writeReadme } from './capture.js';

async function healthy(lab: NetnsLab): Promise<void> {
  const ev = new EventLog();
  const dir = fixtureDir('healthy');
  await lab.importBusybox();
  ev.add('image bb:latest imported from busybox-static');
  await lab.runContainers(2, { prefix: 'web' });
  ev.add('web0, web1 running on the default bridge');
  await lab.docker(['network', 'create', 'appnet']);
  await lab.runContainers(1, { prefix: 'app', network: 'appnet' });
  ev.add('network appnet created; app0 running on it');
  await lab.runContainers(1, { prefix: 'isolated', network: 'none' });
  ev.add('isolated0 running with --network none');
  await lab.docker(['run', '--name', 'job0', 'bb:latest', 'true']);
  ev.add('job0 ran `true` and exited 0');
  await sleep(1500);
  await captureState(lab, dir);
  save(dir, 'docker-info.txt', await lab.docker(['info']));
  save(dir, 'docker-network-ls.txt', await lab.docker(['network', 'ls', '--no-trunc']));
  saveLog(lab, dir);
  ev.write(dir);
  writeReadme(
    dir,
    `
# healthy, real capture

A clean lab host: dockerd 20.10.24 in netns \`${lab.netns}\` (data-root \`${lab.dataRoot}\`, exec-root
\`${lab.execRoot}\`, --bip ${lab.bip}), containers web0/web1 (default bridge), app0 (user network appnet, bridge
\`br-<12hex>\`), isolated0 (--network none), job0 (exited 0). Nothing was killed; every veth has a running container.
Made by test/lab/scenario-healthy.ts with LC_ALL=C TZ=UTC. Steps with times: \`events.tsv\`.
`,
  );
}

async function dockerCli(lab: NetnsLab): Promise<void> {
  const dir = fixtureDir('docker-cli');
  save(dir, 'docker-info.txt', await lab.docker(['info']));
  save(dir, 'docker-version.txt', await lab.docker(['version']));
  save(dir, 'docker-ps-a-no-trunc.txt', await lab.docker(['ps', '-a', '--no-trunc']));
  save(dir, 'docker-images.txt', await lab.docker(['images', '--no-trunc']));
  // Serial duplicate: the daemon refuses by name.
  save(dir, 'network-create-serial-dup.txt', await lab.docker(['network', 'create', 'appnet']));
  // Parallel creates of one name: race the name check (field guide §2).
  const notes: string[] = [];
  let dupName = '';
  for (let round = 0; round < 6 && !dupName; round++) {
    const name = `dupnet${round}`;
    const rs = await Promise.all(Array.from({ length: 6 }, () => lab.docker(['network', 'create', name])));
    const ok = rs.filter((r) => r.code === 0).length;
    notes.push(`round ${round}: 6 parallel \`docker network create ${name}\` → ${ok} succeeded`);
    fs.writeFileSync(
      path.join(dir, `network-create-parallel-${name}.txt`),
      rs.map((r, i) => `#${i} exit=${r.code} stdout=${r.stdout.trim()} stderr=${r.stderr.trim()}`).join('\n') + '\n',
    );
    if (ok > 1) dupName = name;
  }
  save(dir, 'docker-network-ls-no-trunc.txt', await lab.docker(['network', 'ls', '--no-trunc']));
  if (dupName) {
    save(dir, 'network-inspect-dup.txt', await lab.docker(['network', 'inspect', dupName]));
    save(dir, 'network-rm-dup.txt', await lab.docker(['network', 'rm', dupName]));
  }
  writeReadme(
    dir,
    `
# docker-cli, real capture

docker CLI 20.10.24 against dockerd 20.10.24 (lab netns \`${lab.netns}\`), LC_ALL=C TZ=UTC, made by
test/lab/scenario-healthy.ts after the healthy capture (same containers).

Duplicate network names (field guide §2):
- \`network-create-serial-dup.txt(.stderr)\`: a second \`docker network create appnet\`.
${notes.map((n) => `- ${n}`).join('\n')}
${dupName ? `- duplicate \`${dupName}\` visible in \`docker-network-ls-no-trunc.txt\`; \`network-inspect-dup.txt\` and \`network-rm-dup.txt\` show what the CLI says about it.` : '- no duplicate was produced: the daemon serialised the creates (only one succeeded in each round).'}
`,
  );
}

interface Variant {
  name: string;
  json: string;
  extra?: string[];
  why: string;
}

const VARIANTS: Variant[] = [
  { name: 'truncated', json: '{\n  "debug": true,\n  "log-level": "info"\n', why: 'file cut short (no closing brace)' },
  { name: 'misplaced-brace', json: '{\n  "debug": true,\n}\n', why: 'trailing comma before }' },
  { name: 'unknown-key', json: '{\n  "storage-drive": "overlay2"\n}\n', why: 'typo storage-drive' },
  { name: 'flag-and-file-hosts', json: '{\n  "hosts": ["unix://@BASE@/dup.sock"]\n}\n', why: 'hosts in the file and -H on the command line' },
  { name: 'flag-and-file-data-root', json: '{\n  "data-root": "@BASE@/other-root"\n}\n', why: 'data-root in the file and --data-root flag' },
  { name: 'bad-log-level', json: '{\n  "log-level": "verbose"\n}\n', why: 'log-level verbose' },
  { name: 'graph-deprecated', json: '{\n  "graph": "@BASE@/graph"\n}\n', why: 'deprecated graph option together with --data-root' },
  { name: 'bridge-and-bip', json: '{\n  "bridge": "none"\n}\n', why: 'bridge in the file and --bip flag' },
  { name: 'empty-file', json: '', why: 'zero-byte daemon.json' },
];

async function daemonJson(lab: NetnsLab): Promise<void> {
  const dir = fixtureDir('daemon-json');
  const rows: string[] = [];
  for (const v of VARIANTS) {
    const cfg = path.join(lab.base, `daemon-${v.name}.json`);
    // Paths in a variant point into the lab folder, so even a variant that starts writes nowhere else.
    const json = v.json.replace(/@BASE@/g, lab.base);
    fs.writeFileSync(cfg, json);
    fs.writeFileSync(path.join(dir, `${v.name}.daemon.json`), json);
    // A separate data-root/exec-root/socket, so a variant that does start cannot disturb the running lab daemon.
    const root = path.join(lab.base, `v-${v.name}`);
    const args = lab
      .daemonArgs()
      .map((a) => a.replace(lab.dataRoot, `${root}/data`).replace(lab.execRoot, `${root}/exec`).replace(lab.sock, `${root}/d.sock`).replace(lab.pidFile, `${root}/d.pid`))
      .map((a) => (a === lab.configFile ? cfg : a));
    const logOffset = lab.logSize();
    const st = lab.spawnDaemon([], args);
    let waited = 0;
    while (waited < 20_000 && pidAlive(st.pid)) {
      await sleep(200);
      waited += 200;
    }
    // Still running after 20 s = it accepted the file (the socket alone is no proof: it appears before some checks).
    const started = pidAlive(st.pid);
    if (started) {
      process.kill(st.pid, 'SIGTERM');
      await sleep(3000);
    }
    const out = lab.logSince(logOffset);
    fs.writeFileSync(path.join(dir, `${v.name}.stderr`), out);
    const last = out.trim().split('\n').pop() ?? '';
    rows.push(`| ${v.name} | ${v.why} | ${started ? 'kept running (accepted)' : 'exited'} | \`${last.replace(/\|/g, '\\|')}\` |`);
  }
  writeReadme(
    dir,
    `
# daemon-json, real capture

dockerd 20.10.24 (\`${DOCKERD}\`) started in the lab netns with \`--config-file <variant>.daemon.json\` plus the lab's
usual flags (\`--data-root\`, \`--exec-root\`, \`-H unix://…\`, \`--pidfile\`, \`--bip ${lab.bip}\`, …), LC_ALL=C TZ=UTC.
\`<variant>.stderr\` is everything dockerd printed (stdout+stderr) before it exited. Made by test/lab/scenario-healthy.ts.

| variant | what is wrong | result | last line |
|---|---|---|---|
${rows.join('\n')}
`,
  );
}

async function main(): Promise<void> {
  await withLab({}, async (lab) => {
    await healthy(lab);
    await dockerCli(lab);
    await daemonJson(lab);
  });
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
