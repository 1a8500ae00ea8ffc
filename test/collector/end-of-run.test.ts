/**
 * What the customer reads at the end of a run (issue 14 item 10) and what the manifest records about the case
 * (item 9): the archive's path, size and sha256 with "send this file to support" on stderr (the archive path
 * stays the last stdout line), a one-line note for expected failures, a loud warning when the bundle holds no
 * logs, and the syslog fallback when the journal gives no entries. journalctl is a fake on PATH, so the journal's
 * content is the test's choice; every expectation comes from the archive the run wrote.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { RUN_TIMEOUT_MS, baseEnv, collect, fakeDaemon, fakeTool, isRoot, items, removeTmpDirs, runCollector, tmpDir, type Collected } from './helpers.js';

afterAll(removeTmpDirs);

/** A journalctl that answers every query with `entries` (one JSON object a line) and nothing else. */
function fakeJournal(entries: string[]): string {
  const bin = tmpDir('journal-bin');
  const data = path.join(bin, 'entries.json');
  fs.writeFileSync(data, entries.map((e) => `${e}\n`).join(''));
  // Only the main journal query (-o json without -b) returns entries; list-boots, header and boot tails say nothing.
  fakeTool(bin, 'journalctl', `case " $* " in *" -o json "*) case " $* " in *" -b "*) exit 0 ;; esac; cat '${data}' ;; esac\nexit 0`);
  return bin;
}

const hostSyslogs = (): string[] =>
  fs.existsSync('/var/log') ? fs.readdirSync('/var/log').filter((n) => /^(messages|syslog)/.test(n)).map((n) => `/var/log/${n}`) : [];

async function run(bin: string, extra: string[] = [], wrap?: string[]): Promise<Collected> {
  return collect(['--output', tmpDir('end-out'), '--min-free', '0', '--data-root', tmpDir('end-dataroot'), ...extra], {
    env: baseEnv({ PATH: `${bin}:${process.env.PATH}` }),
    wrap,
  });
}

/** argv prefix: a new PID namespace with its own /proc (as root; else in a user namespace, where that is allowed). */
const PIDNS_CANDIDATES = [
  ...(isRoot ? [['unshare', '--pid', '--fork', '--mount-proc', '--']] : []),
  ['unshare', '--user', '--map-root-user', '--pid', '--fork', '--mount-proc', '--'],
];
const PIDNS = PIDNS_CANDIDATES.find((p) => spawnSync(p[0]!, [...p.slice(1), 'true'], { stdio: 'ignore', timeout: 30_000 }).status === 0) ?? null;
const PIDNS_REASON = 'needs unshare (util-linux) and root, or unprivileged user namespaces, for a private PID namespace';

/**
 * argv prefix (after PIDNS) that starts a fake dockerd (a copy of sh, so /proc/<pid>/comm says dockerd) and runs
 * the rest once it shows as dockerd: the collector looks at the daemons early, and must not race the exec.
 */
function withFakeDockerd(): string[] {
  const fake = fakeDaemon(tmpDir('fake-dockerd'), 'dockerd');
  const script = [
    // `; :` keeps the shell from exec'ing sleep, which would rename the process to sleep.
    `"$0" -c 'sleep 300; :' &`,
    'i=0',
    'until [ "$(cat /proc/$!/comm 2>/dev/null)" = dockerd ]; do',
    '  i=$((i + 1)); [ "$i" -gt 1200 ] && { echo "fake dockerd did not start" >&2; exit 97; }',
    '  sleep 0.05',
    'done',
    // The collector becomes PID 1 of the namespace: when it ends, the kernel ends the fake dockerd with it.
    'exec "$@"',
  ].join('\n');
  return ['sh', '-c', script, fake];
}

describe('the end of a run', () => {
  it(
    'names the archive with its size and sha256 and says to send it to support; the path stays the last stdout line',
    async () => {
      const c = await run(fakeJournal(['{"MESSAGE":"dockerd started"}']), ['--case-id', 'SR-0042', '--label', 'node1.after_reboot']);
      const lines = c.run.stdout.trimEnd().split('\n');
      expect(lines[lines.length - 1]).toBe(c.archive);
      const bytes = fs.readFileSync(c.archive);
      expect(c.run.stderr).toContain(`archive: ${c.archive}\n`);
      expect(c.run.stderr).toMatch(new RegExp(`\\nsize: +${bytes.length} bytes\\n`));
      expect(c.run.stderr).toMatch(new RegExp(`\\nsha256: +${createHash('sha256').update(bytes).digest('hex')}\\n`));
      expect(c.run.stderr).toContain(`Send this file to support: ${c.archive}\n`);
      // the journal gave an entry: no warning, and syslog keeps its "persistent journal" reason where that applies
      expect(c.run.stderr).not.toContain('NO LOGS');
      if (fs.existsSync('/var/log/journal')) expect(items(c, 'syslog')[0]!.skipReason).toBe('persistent journal present (/var/log/journal)');
      // issue 14 item 9: the case id and label land in the manifest as given
      expect(c.manifest).toMatchObject({ caseId: 'SR-0042', label: 'node1.after_reboot' });
    },
    RUN_TIMEOUT_MS,
  );

  // Run in a PID namespace of its own (its own /proc), the collector sees exactly the dockerd processes the test
  // started there. On the host it also saw the real dockerds that lab tests in other files start and kill meanwhile:
  // one that died between the collector's look at the daemons and its daemon-processes listing left the note out
  // while the listing showed no dockerd.
  for (const withDockerd of [false, true]) {
    it.skipIf(PIDNS === null)(
      `explains an absent dockerd in one line, exactly when the run saw no dockerd process (${withDockerd ? 'a' : 'no'} dockerd in its PID namespace)${PIDNS === null ? ` (skipped: ${PIDNS_REASON})` : ''}`,
      async () => {
        const c = await run(fakeJournal(['{"MESSAGE":"x"}']), [], withDockerd ? [...PIDNS!, ...withFakeDockerd()] : PIDNS!);
        // The collector's own snapshot of the daemons (same run) decides whether the note is due.
        const sawDockerd = /^proc\t\d+\t[^\t]*\tdockerd\t/m.test(c.file('cmd/daemon-processes.txt')!.toString());
        expect(sawDockerd).toBe(withDockerd);
        const note = c.run.stderr.split('\n').filter((l) => l.startsWith('note: dockerd is not running'));
        expect(note).toHaveLength(sawDockerd ? 0 : 1);
      },
      RUN_TIMEOUT_MS,
    );
  }

  it.skipIf(hostSyslogs().length > 0)(
    'warns loudly when the bundle holds no logs: empty journal, no syslog file, no --log-file (needs a host without /var/log/messages* and syslog*)',
    async () => {
      const c = await run(fakeJournal([]));
      expect(items(c, 'journal')[0]!.bytes).toBe(0);
      // the empty journal sent the collector to the syslog files, which this host does not have
      const syslog = items(c, 'syslog');
      expect(syslog.map((i) => i.skipReason)).toEqual(['not present: /var/log/messages* /var/log/syslog*']);
      expect(c.run.stderr).toMatch(/^WARNING: THIS BUNDLE HOLDS NO LOGS/m);
      // the warning comes before the archive lines, which end the message
      expect(c.run.stderr.indexOf('NO LOGS')).toBeLessThan(c.run.stderr.indexOf('Send this file to support'));
    },
    RUN_TIMEOUT_MS,
  );

  it(
    'does not warn when a --log-file brought a log, even with an empty journal',
    async () => {
      const dir = tmpDir('end-log');
      const log = path.join(dir, 'dockerd.log');
      fs.writeFileSync(log, 'time="2026-11-28T07:18:12Z" level=info msg="API listen on /var/run/docker.sock"\n');
      const c = await run(fakeJournal([]), ['--log-file', log]);
      expect(items(c, 'syslog').find((i) => i.source === log)!.bytes).toBe(fs.statSync(log).size);
      expect(c.run.stderr).not.toContain('NO LOGS');
    },
    RUN_TIMEOUT_MS,
  );

  it('refuses a case id or label outside [A-Za-z0-9._-]{1,64} with exit 1, before collecting anything', async () => {
    for (const [opt, bad] of [['--case-id', 'a b'], ['--label', 'x;rm'], ['--case-id', 'x'.repeat(65)], ['--label', '']] as const) {
      const out = tmpDir('end-bad');
      const r = await runCollector(['--output', out, opt, bad]);
      expect(r.code, `${opt} ${bad}`).toBe(1);
      expect(r.stderr).toContain(`${opt} takes 1 to 64 letters, digits`);
      expect(fs.readdirSync(out)).toEqual([]);
    }
  });
});
