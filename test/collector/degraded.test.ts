/**
 * The collector on a bad day: tools missing (and no `timeout`: the POSIX poll fallback), a hung
 * docker daemon, a tiny --budget, no root, SIGTERM in the middle, and a check that nothing is
 * written outside --output.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { waitGone } from '../lab/netns-lab.js';
import { baseEnv, collect, fakeTool, isRoot, items, readableScriptCopy, removeTmpDirs, RUN_TIMEOUT_MS, runCollector, SCRIPT, tmpDir, toolDir, tree, which } from './helpers.js';

afterAll(removeTmpDirs);

const dash = which('dash')!;
const setpriv = which('setpriv');

// What every minimal host has; the collector needs exactly these (see its "required tool" check).
const BASIC = ['sh', 'cat', 'tar', 'gzip', 'date', 'mkdir', 'rm', 'mv', 'chmod', 'sed', 'awk', 'tr', 'head', 'tail', 'wc', 'od', 'ls', 'find', 'readlink', 'dirname', 'basename', 'mktemp', 'df', 'id', 'sleep', 'kill', 'sort', 'cut', 'xargs', 'stat'];

describe.skipIf(!dash)('missing tools (needs dash)', () => {
  it(
    'records each missing tool as skipped "tool not found: X", uses the poll fallback for time limits, and succeeds',
    async () => {
      const bin = toolDir(BASIC);
      for (const t of ['ipcs', 'dmsetup', 'journalctl', 'timeout', 'docker', 'systemctl', 'ip', 'iptables-save']) {
        expect(fs.existsSync(path.join(bin, t)), t).toBe(false);
      }
      const out = tmpDir('missing');
      const c = await collect(['--output', out, '--min-free', '0'], { shell: [dash], env: baseEnv({ PATH: bin }) });
      const reason = (id: string): (string | null)[] => items(c, id).map((i) => i.skipReason);
      expect(reason('ipcs.sem')).toEqual(['tool not found: ipcs']);
      expect(reason('ipcs.limits')).toEqual(['tool not found: ipcs']);
      expect(reason('dmsetup.udevcookies')[0]).toMatch(/^(tool not found: dmsetup|not root)$/);
      expect(reason('journal')).toEqual(['tool not found: journalctl']);
      expect(reason('journal.boots')).toEqual(['tool not found: journalctl']);
      expect(reason('docker.info')).toEqual(['tool not found: docker']);
      expect(reason('systemd.docker')).toEqual(['tool not found: systemctl']);
      expect(reason('ip.link')).toEqual(['tool not found: ip']);
      expect(c.manifest.options.timeoutMode).toBe('poll');
      // files still come through without those tools
      expect(items(c, 'kernel.sem')[0]!.skipped).toBe(false);
      expect(c.file('files/proc/sys/kernel/sem')!.length).toBeGreaterThan(0);
      // without journalctl the syslog files are the fallback log source
      expect(items(c, 'syslog').length).toBeGreaterThan(0);
      expect(items(c, 'syslog')[0]!.skipReason ?? '').not.toContain('persistent journal present');
    },
    RUN_TIMEOUT_MS,
  );

  it(
    'kills a hung docker with the POSIX poll fallback (no timeout binary) and skips the other docker calls',
    async () => {
      const bin = toolDir(BASIC);
      fakeTool(bin, 'docker', 'exec sleep 300');
      const out = tmpDir('hung-poll');
      const c = await collect(['--output', out, '--timeout', '2', '--min-free', '0'], { shell: [dash], env: baseEnv({ PATH: bin }) });
      expect(c.manifest.options.timeoutMode).toBe('poll');
      const v = items(c, 'docker.version')[0]!;
      expect(v).toMatchObject({ timedOut: true, exitCode: 124, skipped: false });
      expect(v.durationMs!).toBeGreaterThanOrEqual(2000);
      expect(v.durationMs!).toBeLessThan(15_000);
      for (const id of ['docker.info', 'docker.ps', 'docker.network-ls']) {
        expect(items(c, id)[0]!.skipReason, id).toMatch(/^daemon not reachable/);
      }
    },
    RUN_TIMEOUT_MS,
  );
});

describe('hung daemon with the timeout binary', () => {
  it.skipIf(!which('timeout'))(
    'records timedOut/124 for docker version and goes on; never runs a legacy iptables-save on an unloaded table (needs timeout)',
    async () => {
      const bin = tmpDir('hung-bin');
      fakeTool(bin, 'docker', 'exec sleep 300');
      // a legacy (non-nft) iptables-save would autoload iptable_<table>: it must not run for tables the kernel lacks
      const marker = path.join(bin, 'iptables-ran');
      fakeTool(bin, 'iptables-save', `case "$1" in -V) echo "iptables-save v1.4.21"; exit 0;; esac\necho "$@" >> ${marker}\necho "*$2"`);
      const out = tmpDir('hung-timeout');
      const c = await collect(['--output', out, '--timeout', '2', '--min-free', '0'], {
        env: baseEnv({ PATH: `${bin}:${process.env.PATH}` }),
      });
      expect(c.manifest.options.timeoutMode).toMatch(/^timeout/);
      expect(items(c, 'docker.version')[0]).toMatchObject({ timedOut: true, exitCode: 124 });
      expect(items(c, 'docker.info')[0]!.skipReason).toMatch(/^daemon not reachable/);
      // items after the docker calls were still collected
      expect(items(c, 'df.h')[0]!.skipped).toBe(false);
      if (isRoot) {
        let loaded: string[] = [];
        try {
          loaded = fs.readFileSync('/proc/net/ip_tables_names', 'utf8').split('\n').filter(Boolean);
        } catch {
          /* no legacy tables at all */
        }
        const ran = fs.existsSync(marker) ? fs.readFileSync(marker, 'utf8') : '';
        for (const t of ['filter', 'nat']) {
          if (loaded.includes(t)) {
            expect(ran).toContain(`-t ${t}`);
          } else {
            expect(ran, t).not.toContain(`-t ${t}`);
            expect(items(c, `iptables.${t}`)[0]!.skipReason).toBe(`table not loaded: ${t} (reading it would load a kernel module)`);
          }
        }
      }
    },
    RUN_TIMEOUT_MS,
  );
});

describe('--budget', () => {
  it(
    '--budget 1 finishes fast, records the rest as skipped "budget exhausted", and still writes the archive',
    async () => {
      const bin = tmpDir('budget-bin');
      fakeTool(bin, 'docker', 'exec sleep 300');
      const out = tmpDir('budget');
      const t0 = Date.now();
      const c = await collect(['--output', out, '--budget', '1', '--min-free', '0'], {
        env: baseEnv({ PATH: `${bin}:${process.env.PATH}` }),
      });
      const exhausted = c.manifest.items.filter((i) => i.skipReason === 'budget exhausted');
      expect(exhausted.length).toBeGreaterThan(20);
      // the hung docker would take 20 s per call without the budget cap
      expect(Date.now() - t0).toBeLessThan(60_000);
      for (const id of ['dataroot.listing', 'dataroot.json-health', 'execroot.listing', 'df.h']) {
        expect(items(c, id)[0]!.skipReason, id).toBe('budget exhausted');
      }
      // once the budget ran out nothing after it ran
      const first = c.manifest.items.findIndex((i) => i.skipReason === 'budget exhausted');
      for (const i of c.manifest.items.slice(first)) {
        expect(i.skipped, `${i.id} ran after the budget was exhausted`).toBe(true);
      }
    },
    RUN_TIMEOUT_MS,
  );
});

describe.skipIf(!isRoot || !setpriv)('not root (needs root to switch to uid 65534, and setpriv)', () => {
  it(
    'as nobody: archive produced, asRoot false, root-only and unreadable items marked "not root"',
    async () => {
      const out = tmpDir('nobody');
      fs.chownSync(out, 65534, 65534);
      // one log in a 0700 folder (like /var/log/audit), one 0600 file in an open folder
      const closedDir = tmpDir('nobody-log');
      const secretLog = path.join(closedDir, 'secret.log');
      fs.writeFileSync(secretLog, 'root only\n', { mode: 0o600 });
      const openDir = tmpDir('nobody-open');
      fs.chmodSync(openDir, 0o755);
      const privateLog = path.join(openDir, 'private.log');
      fs.writeFileSync(privateLog, 'root only\n', { mode: 0o600 });
      const c = await collect(['--output', out, '--min-free', '0', '--log-file', secretLog, '--log-file', privateLog], {
        wrap: [setpriv!, '--reuid=65534', '--regid=65534', '--clear-groups'],
        shell: [dash],
        // uid 65534 must be able to read the script wherever this checkout lives (a mktemp -d clone is 0700)
        script: readableScriptCopy(),
        env: baseEnv({ HOME: out }),
      });
      expect(c.manifest.asRoot).toBe(false);
      expect(fs.statSync(c.archive).uid).toBe(65534);
      for (const id of ['dmsetup.udevcookies', 'dmsetup.info', 'iptables.filter', 'audit.rules']) {
        const it = items(c, id)[0]!;
        expect(it.skipReason, id).toMatch(/^(not root|tool not found: .*)$/);
      }
      expect(items(c, 'syslog').find((i) => i.source === secretLog)!.skipReason).toBe('not root');
      expect(items(c, 'syslog').find((i) => i.source === privateLog)!.skipReason).toBe('not root');
      // the daemon-processes item still exists
      expect(items(c, 'process.daemons')[0]!.skipped).toBe(false);
    },
    RUN_TIMEOUT_MS,
  );
});

describe('signals and footprint', () => {
  it(
    'SIGTERM mid-run removes the temp folder, leaves no archive and ends the running command',
    async () => {
      const bin = tmpDir('term-bin');
      const pidFile = path.join(bin, 'docker.pid');
      // the fake docker hangs and says who it is, so we can check it was ended
      fakeTool(bin, 'docker', `echo $$ > ${pidFile}; exec sleep 300`);
      const out = tmpDir('term');
      const r = await runCollector(['--output', out, '--min-free', '0'], {
        env: baseEnv({ PATH: `${bin}:${process.env.PATH}` }),
        onSpawn: (child) => {
          // The shell creates the file before it writes the PID: wait for the whole line, or a SIGTERM landing in
          // between would leave an empty file and the check below would read PID 0 (our own process group).
          const written = () => {
            try {
              return /^\d+\n$/.test(fs.readFileSync(pidFile, 'utf8'));
            } catch {
              return false;
            }
          };
          const poll = setInterval(() => {
            if (written()) {
              clearInterval(poll);
              child.kill('SIGTERM');
            }
          }, 100);
          child.on('close', () => clearInterval(poll));
        },
      });
      expect(r.code).toBe(143);
      expect(tree(out)).toEqual([]);
      const pid = Number(fs.readFileSync(pidFile, 'utf8'));
      expect(pid).toBeGreaterThan(1);
      // The hung child went with us. Give the kill a moment to land; a killed orphan stays a zombie until PID 1
      // reaps it (on some CI inits only every second or so), and a zombie has ended: pidAlive counts it as dead.
      expect(await waitGone(pid, 20_000)).toBe(true);
    },
    RUN_TIMEOUT_MS,
  );

  it(
    'cleans up when the reader of its output is gone (| true, a killed | tee): SIGPIPE is trapped too',
    async () => {
      // The shell reports a child killed by Ctrl-C/SIGTERM ("Terminated") on stderr; when that pipe's reader
      // died in the same signal, the write raised SIGPIPE and killed the shell before its cleanup trap ran
      // (seen with `… 2>&1 | tail`). A reader that is gone from the start makes that deterministic.
      const out = tmpDir('pipe-out');
      const r = spawnSync('sh', ['-c', `${dash} "$0" --output ${out} --min-free 0 2>&1 | true`, SCRIPT], {
        env: baseEnv() as NodeJS.ProcessEnv,
        timeout: RUN_TIMEOUT_MS,
      });
      expect(r.error).toBeUndefined();
      for (let i = 0; i < 50 && tree(out).length > 0; i++) await new Promise((res) => setTimeout(res, 100));
      expect(tree(out)).toEqual([]);
    },
    RUN_TIMEOUT_MS,
  );

  it(
    'writes nothing outside --output (HOME, cwd and TMPDIR stay empty)',
    async () => {
      const home = tmpDir('home');
      const cwd = tmpDir('cwd');
      const tmp = tmpDir('tmpdir');
      const out = tmpDir('out');
      const c = await collect(['--output', out, '--min-free', '0', '--since', '-2h', '--until', 'now'], { cwd, env: baseEnv({ HOME: home, TMPDIR: tmp }) });
      // the journal window is passed on and recorded
      expect(c.manifest.options).toMatchObject({ since: '-2h', until: 'now' });
      const j = items(c, 'journal')[0]!;
      if (!j.skipped) expect(j.argv!.join(' ')).toContain('--since -2h --until now');
      expect(tree(home)).toEqual([]);
      expect(tree(cwd)).toEqual([]);
      expect(tree(tmp)).toEqual([]);
      expect(tree(out)).toEqual([path.basename(c.archive)]);
    },
    RUN_TIMEOUT_MS,
  );
});
