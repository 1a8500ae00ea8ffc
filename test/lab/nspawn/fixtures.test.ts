// Guards the nspawn captures (test/fixtures/nspawn/*) that parser and rule tests build on: after a
// regenerate.sh run each scenario must still show the exact strings the field guide (§1.1, §1.5, §2, §5)
// and test/lab/nspawn/README.md promise, in every output mode. Reads files only; needs no root.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../../fixtures/nspawn');
const read = (scenario: string, file: string): string => readFileSync(join(root, scenario, file), 'utf8');

interface Entry {
  MESSAGE?: unknown;
  _BOOT_ID?: string;
  __CURSOR?: string;
  SYSLOG_IDENTIFIER?: string;
}
function journal(scenario: string): Entry[] {
  return read(scenario, 'journal.json')
    .split('\n')
    .filter((l) => l.length > 0)
    .map((l) => JSON.parse(l) as Entry);
}
const messages = (scenario: string): string[] =>
  journal(scenario).map((e) => (typeof e.MESSAGE === 'string' ? e.MESSAGE : ''));
// `--list-boots` v251+ layout: header, then one "IDX BOOT-ID FIRST LAST" row per boot.
const bootRows = (scenario: string): string[] =>
  read(scenario, 'list-boots.txt')
    .split('\n')
    .filter((l) => /^\s*-?\d+ [0-9a-f]{32} /.test(l));

const scenarios = [
  'start-limit-hit',
  'start-limit-daemon-json',
  'start-timeout',
  'journald-restart',
  'clean-reboot',
  'power-off-db-loss',
  'power-off-kv-empty',
  'power-off-plain',
  'daemon-json-errors',
  'container-config-damage',
  'dockerd-sigkill',
  'containerd-kill-during-create',
  'iptables-wiped',
];

describe('nspawn fixtures: every scenario has the standard capture set', () => {
  for (const s of scenarios) {
    it(s, () => {
      for (const f of [
        'journal.json',
        'journal-short.txt',
        'journal-short-iso.txt',
        'journal-short-precise.txt',
        'journal-short-iso-precise.txt',
        'list-boots.txt',
        'header.txt',
        'systemctl-show.txt',
        'systemctl-status-docker.txt',
        'systemctl-cat-docker.txt',
        'steps.log',
      ]) {
        expect(existsSync(join(root, s, f)), `${s}/${f}`).toBe(true);
      }
      const entries = journal(s);
      expect(entries.length).toBeGreaterThan(20);
      for (const e of entries) {
        expect(e.__CURSOR).toMatch(/^s=/);
        expect(e._BOOT_ID).toMatch(/^[0-9a-f]{32}$/);
      }
      // The text modes carry the same entries as the json (boot markers aside).
      const shortLines = read(s, 'journal-short-precise.txt')
        .split('\n')
        .filter((l) => /^[A-Z][a-z]{2} [ 0-9]\d \d\d:\d\d:\d\d\.\d{6} /.test(l));
      expect(shortLines.length).toBeGreaterThanOrEqual(entries.length * 0.9);
      // short-iso up to v254 prints +0000 (field guide §3).
      expect(read(s, 'journal-short-iso.txt')).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+0000 docklab /m);
    });
  }
});

describe('nspawn fixtures: the failure each scenario proves (field guide wording)', () => {
  it('start-limit-hit: manual restarts end in start-limit-hit', () => {
    const m = messages('start-limit-hit');
    expect(m).toContain('docker.service: Start request repeated too quickly.');
    expect(m).toContain("docker.service: Failed with result 'start-limit-hit'.");
    expect(m).toContain('Failed to start docker.service - Docker Application Container Engine.');
    expect(m).toContain("docker.socket: Failed with result 'service-start-limit-hit'.");
    expect(read('start-limit-hit', 'systemctl-status-docker.txt')).toContain('(Result: start-limit-hit)');
    expect(read('start-limit-hit', 'steps.log')).toContain(
      'Job for docker.service failed because start of the service was attempted too often.',
    );
  });

  it('start-limit-daemon-json: the auto-restart loop keeps Result=exit-code', () => {
    const m = messages('start-limit-daemon-json');
    expect(m).toContain('unable to configure the Docker daemon with file /etc/docker/daemon.json: unexpected EOF');
    const i = m.indexOf('docker.service: Start request repeated too quickly.');
    expect(i).toBeGreaterThan(0);
    expect(m[i + 1]).toBe("docker.service: Failed with result 'exit-code'.");
    expect(m).not.toContain("docker.service: Failed with result 'start-limit-hit'.");
    expect(read('start-limit-daemon-json', 'systemctl-show.txt')).toMatch(/^Result=exit-code$/m);
  });

  it('start-timeout: both v252 timeout wordings, then the start limit', () => {
    const m = messages('start-timeout');
    expect(m).toContain('docker.service: start-pre operation timed out. Terminating.');
    expect(m).toContain('docker.service: start operation timed out. Terminating.');
    expect(m).toContain("docker.service: Failed with result 'timeout'.");
    expect(m).toContain('docker.service: Start request repeated too quickly.');
  });

  it('journald-restart: Journal stopped/started inside one boot, then dockerd silence', () => {
    const e = journal('journald-restart');
    expect(new Set(e.map((x) => x._BOOT_ID)).size).toBe(1);
    const msg = (x: Entry) => (typeof x.MESSAGE === 'string' ? x.MESSAGE : '');
    const phase2 = e.findIndex((x) => msg(x).includes('phase 2: dockerd should log now'));
    const phase3 = e.findIndex((x) => msg(x).includes('phase 3: systemctl restart docker'));
    expect(phase2).toBeGreaterThan(0);
    expect(phase3).toBeGreaterThan(phase2);
    expect(e.slice(0, phase2).filter((x) => msg(x) === 'Journal stopped').length).toBe(2);
    const silent = e.slice(phase2 + 1, phase3).filter((x) => x.SYSLOG_IDENTIFIER === 'dockerd');
    expect(silent).toEqual([]);
    expect(e.slice(phase3).some((x) => x.SYSLOG_IDENTIFIER === 'dockerd')).toBe(true);
  });

  it('clean-reboot: three boots, the earlier two with clean v252 tails', () => {
    expect(bootRows('clean-reboot')).toHaveLength(3);
    const m = messages('clean-reboot');
    expect(m.filter((x) => x === 'Journal stopped')).toHaveLength(2);
    expect(m).toContain('Reached target poweroff.target - System Power Off.');
    expect(m).toContain('Reached target reboot.target - System Reboot.');
    expect(m.filter((x) => x === 'Shutting down.')).toHaveLength(2);
  });

  it('power-off-db-loss: unclean boot, file size too small, failed to load container error=EOF', () => {
    expect(bootRows('power-off-db-loss')).toHaveLength(2);
    const m = messages('power-off-db-loss');
    expect(m).not.toContain('Journal stopped');
    expect(
      m.some((x) =>
        x.endsWith(
          'failed to start daemon: Error initializing network controller: error obtaining controller instance: failed to get bridge network configurations from store: error while populating kmap: file size too small',
        ),
      ),
    ).toBe(true);
    expect(m.some((x) => /level=error msg="failed to load container" container=[0-9a-f]{64} error=EOF$/.test(x))).toBe(
      true,
    );
    expect(m).toContain('docker.service: Start request repeated too quickly.');
    expect(read('power-off-db-loss', 'journal-files.txt')).toMatch(/system@[0-9a-f]{16}-[0-9a-f]{16}\.journal~/);
    expect(read('power-off-db-loss', 'dataroot-json.tsv')).toMatch(/config\.v2\.json\t0\t\t\n/);
    expect(existsSync(join(root, 'power-off-db-loss/sos'))).toBe(true);
  });

  it('power-off-kv-empty: dockerd starts but the user network is gone', () => {
    const m = messages('power-off-kv-empty');
    expect(m.some((x) => /msg="failed to start container" container=[0-9a-f]{64} error="network [0-9a-f]{64} not found"/.test(x))).toBe(true);
  });

  it('power-off-plain: stale sandboxes removed, c-none left Exited (255)', () => {
    const m = messages('power-off-plain');
    expect(m.some((x) => /msg="Removing stale sandbox [0-9a-f]{64} \([0-9a-f]{64}\)"/.test(x))).toBe(true);
    expect(read('power-off-plain', 'steps.log')).toMatch(/ c-none Exited \(255\)/);
  });

  it('daemon-json-errors: one dockerd line per breakage (§1.5 first causes)', () => {
    const m = messages('daemon-json-errors');
    const prefix = 'unable to configure the Docker daemon with file /etc/docker/daemon.json: ';
    for (const cause of [
      'unexpected EOF',
      "invalid character '}' looking for beginning of object key string",
      "the following directives don't match any configuration option: storage-drive",
      'the following directives are specified both as a flag and in the configuration file: hosts: (from flag: [fd://], from file: [unix:///var/run/docker.sock])',
      "invalid character '\\x00' looking for beginning of value",
      'EOF',
    ]) {
      expect(m).toContain(prefix + cause);
    }
    expect(m).toContain('unable to parse logging level: verbose');
    expect(m).toContain('failed to start daemon: error initializing graphdriver: driver not supported');
    expect(m.some((x) => x.includes('level=warning msg="The \\"graph\\" config file option is deprecated. Please use \\"data-root\\" instead."'))).toBe(true);
  });

  it('container-config-damage: the §1.1 <err> forms of failed to load container', () => {
    const errs = messages('container-config-damage')
      .map((x) => /msg="failed to load container" container=[0-9a-f]{64} error=(.*)$/.exec(x)?.[1])
      .filter((x): x is string => x !== undefined);
    expect(errs).toContain('EOF');
    expect(errs).toContain('"unexpected EOF"');
    // logrus quotes the value, so the decoder's \x00 arrives with its backslash doubled.
    expect(errs).toContain(`"invalid character '\\\\x00' looking for beginning of value"`);
    expect(errs).toContain('"json: cannot unmarshal number into Go value of type container.Container"');
    expect(errs.some((e) => /^"open \/var\/lib\/docker\/containers\/[0-9a-f]{64}\/config\.v2\.json: no such file or directory"$/.test(e))).toBe(true);
  });

  it('dockerd-sigkill: systemd wording for killed daemons; transient veth pairs during in-flight starts', () => {
    const m = messages('dockerd-sigkill');
    expect(m).toContain('docker.service: Main process exited, code=killed, status=9/KILL');
    expect(m).toContain("docker.service: Failed with result 'signal'.");
    expect(m).toContain('containerd.service: Main process exited, code=killed, status=9/KILL');
    expect(m.some((x) => /^containerd\.service: Unit process \d+ \(containerd-shim\) remains running after unit stopped\.$/.test(x))).toBe(true);
    expect(m.some((x) => /^containerd\.service: Found left-over process \d+ \(containerd-shim\) in control group while starting unit\. Ignoring\.$/.test(x))).toBe(true);
    expect(m.some((x) => x.includes('level=error msg="Failed to get event" error="rpc error: code = Unavailable desc = transport is closing"'))).toBe(true);
    // The §1.3 shape (vethA@vethB and vethB@vethA, both here) while the restarted dockerd was still starting
    // the queued containers, and gone once those starts had failed: a trap for leak rules (README).
    expect(read('dockerd-sigkill', 'ip-o-link-after-dockerd-kill.txt')).toMatch(/: (veth[0-9a-f]{7})@(veth[0-9a-f]{7}): [\s\S]*: \2@\1: /);
    expect(read('dockerd-sigkill', 'ip-o-link.txt')).not.toMatch(/: veth[0-9a-f]{7}@veth[0-9a-f]{7}: /);
  });

  it('containerd-kill-during-create: task already exists, persisting across restarts (§1.4)', () => {
    const m = messages('containerd-kill-during-create');
    expect(m).toContain('containerd.service: Main process exited, code=killed, status=9/KILL');
    expect(
      m.some((x) =>
        /level=error msg="Container not cleaned up from containerd from previous run" container=[0-9a-f]{64} error=/.test(x),
      ),
    ).toBe(true);
    const refused = m.filter((x) =>
      /msg="Handler for POST \/v1\.41\/containers\/victim\/start returned error: task [0-9a-f]{64}: already exists"/.test(x),
    );
    expect(refused.length).toBeGreaterThanOrEqual(3);
    const steps = read('containerd-kill-during-create', 'steps.log');
    expect(steps).toMatch(/^Error response from daemon: task [0-9a-f]{64}: already exists$/m);
    expect(steps).toContain('docker: Error response from daemon: transport is closing: unavailable.');
  });

  it('iptables-wiped: port publishing after a firewall-style flush (§2 firewalld)', () => {
    const m = messages('iptables-wiped');
    expect(
      m.some((x) =>
        /msg="Handler for POST \/v1\.41\/containers\/[0-9a-f]{64}\/start returned error: driver failed programming external connectivity on endpoint after \([0-9a-f]{64}\): {2}\(iptables failed: iptables --wait -t nat -A DOCKER .*: iptables: No chain\/target\/match by that name\.\\n \(exit status 1\)\)"$/.test(x),
      ),
    ).toBe(true);
    expect(m.some((x) => x.includes('Failed to Setup IP tables: Unable to enable SKIP DNAT rule:'))).toBe(true);
    expect(read('iptables-wiped', 'iptables-save-after.txt')).not.toContain(':DOCKER');
    expect(read('iptables-wiped', 'iptables-save-before.txt')).toContain(':DOCKER');
  });
});
