/**
 * systemd (PID 1) about the units that matter here, journald, and the system shutdown.
 *
 * Unit names are captured as `unit`: `docker.service`, `docker.socket`, `containerd.service`,
 * `firewalld.service` (Debian's old `docker.io.service` too). Lines about any other unit are not
 * events: a start-limit hit of another service is not docker's.
 * Versions: v219 (EulerOS/CentOS 7, openEuler 20.03 ships v243), v229–v249, v252+ (field guide §0, §1.5).
 */
import { defineEvent } from './types.js';

/** Units we follow; `docker.io` is Debian's old unit name. */
const U = String.raw`(?<unit>(?:docker(?:\.io)?|containerd|firewalld)\.(?:service|socket))`;
const US = String.raw`(?<unit>(?:docker(?:\.io)?|containerd|firewalld)\.service)`;
/** A unit's Description, with the v246+ `unit.service - ` prefix. */
const DESC = String.raw`(?:${US} - )?(?<desc>Docker Application Container Engine|containerd container runtime|firewalld - dynamic firewall daemon)`;
const PID1 = ['systemd'];

/** `Docker Application Container Engine` → `docker.service` when the line names only the description. */
function unitFromDescription(f: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  const desc = f['desc'];
  out['unit'] = f['unit'] ?? (desc?.startsWith('containerd') ? 'containerd.service' : desc?.startsWith('firewalld') ? 'firewalld.service' : 'docker.service');
  for (const [k, v] of Object.entries(f)) if (k !== 'desc' && k !== 'unit') out[k] = v;
  return out;
}

const LAB = '[lab] Debian 12 nspawn, systemd 252';

export const SYSTEMD_EVENTS = [
  defineEvent({
    kind: 'unit.starting',
    title: 'unit starting',
    from: PID1,
    fields: ['unit'],
    normalize: unitFromDescription,
    wordings: [{ re: new RegExp(String.raw`^Starting ${DESC}\.\.\.$`), hint: 'Starting ', versions: 'systemd 219–256', source: LAB, sample: 'Starting docker.service - Docker Application Container Engine...' }],
    nearMiss: 'Starting Docker Socket for the API...',
  }),
  defineEvent({
    kind: 'unit.started',
    title: 'unit started',
    from: PID1,
    fields: ['unit'],
    normalize: unitFromDescription,
    wordings: [{ re: new RegExp(String.raw`^Started ${DESC}\.$`), hint: 'Started ', versions: 'systemd 219–256', source: LAB, sample: 'Started docker.service - Docker Application Container Engine.' }],
    nearMiss: 'Started Session 1 of User root.',
  }),
  defineEvent({
    kind: 'unit.stopping',
    title: 'unit stopping',
    nearMiss: 'Stopping Docker Socket for the API...',
    from: PID1,
    fields: ['unit'],
    normalize: unitFromDescription,
    wordings: [{ re: new RegExp(String.raw`^Stopping ${DESC}\.\.\.$`), hint: 'Stopping ', versions: 'systemd 219–256', source: LAB, sample: 'Stopping docker.service - Docker Application Container Engine...' }],
  }),
  defineEvent({
    kind: 'unit.stopped',
    title: 'unit stopped',
    nearMiss: 'Stopped Docker Socket for the API.',
    from: PID1,
    fields: ['unit'],
    normalize: unitFromDescription,
    wordings: [{ re: new RegExp(String.raw`^Stopped ${DESC}\.$`), hint: 'Stopped ', versions: 'systemd 219–256', source: LAB, sample: 'Stopped docker.service - Docker Application Container Engine.' }],
  }),
  defineEvent({
    kind: 'unit.reloaded',
    title: 'unit reloaded',
    nearMiss: 'Reloaded Network Manager.',
    from: PID1,
    fields: ['unit'],
    normalize: unitFromDescription,
    wordings: [{ re: new RegExp(String.raw`^Reloaded ${DESC}\.$`), hint: 'Reloaded ', versions: 'systemd 219–256', source: 'field guide §2 (firewalld reload)', sample: 'Reloaded firewalld.service - firewalld - dynamic firewall daemon.' }],
  }),
  defineEvent({
    kind: 'unit.failed-to-start',
    title: 'unit failed to start',
    from: PID1,
    fields: ['unit'],
    normalize: unitFromDescription,
    wordings: [{ re: new RegExp(String.raw`^Failed to start ${DESC}\.$`), hint: 'Failed to start ', versions: 'systemd 219–256', source: LAB, sample: 'Failed to start docker.service - Docker Application Container Engine.' }],
    nearMiss: 'Failed to start Docker Socket for the API.',
  }),
  defineEvent({
    kind: 'unit.main-exited',
    title: 'main process exited',
    from: PID1,
    fields: ['unit', 'code', 'status'],
    wordings: [
      { re: new RegExp(String.raw`^${US}: Main process exited, code=(?<code>\w+), status=(?<status>[^\s,]+)`), hint: 'Main process exited', versions: 'systemd 229+', source: LAB, sample: 'docker.service: Main process exited, code=killed, status=9/KILL' },
      { re: new RegExp(String.raw`^${US}:? main process exited, code=(?<code>\w+), status=(?<status>[^\s,]+)`), hint: 'main process exited', versions: 'systemd 219', source: 'field guide §1.3 (systemd-rhel7 service.c)', sample: 'docker.service: main process exited, code=killed, status=9/KILL' },
      // `Main PID: 1234 (code=killed, signal=PIPE)` is systemctl status, not the journal; old journals wrote `signal=`.
      { re: new RegExp(String.raw`^${US}:? [Mm]ain process exited, code=(?<code>\w+), signal=(?<status>[^\s,]+)`), hint: 'ain process exited', versions: 'systemd < 219', source: 'moby/moby#7087', sample: 'docker.service: main process exited, code=killed, signal=PIPE' },
    ],
    nearMiss: 'docker.service: Control process exited, code=killed, status=15/TERM',
  }),
  defineEvent({
    kind: 'unit.failed-result',
    title: 'unit failed',
    from: PID1,
    fields: ['unit', 'result'],
    wordings: [{ re: new RegExp(String.raw`^${U}: Failed with result '(?<result>[\w-]+)'\.`), hint: 'Failed with result', versions: 'systemd 229+ (start-limit-hit from 230; service-start-limit-hit on docker.socket)', source: LAB, sample: "docker.service: Failed with result 'start-limit-hit'." }],
    nearMiss: "systemd-networkd-wait-online.service: Failed with result 'timeout'.",
  }),
  defineEvent({
    kind: 'unit.failed-state',
    title: 'unit entered failed state',
    nearMiss: 'Unit user@0.service entered failed state.',
    from: PID1,
    fields: ['unit'],
    wordings: [
      { re: new RegExp(String.raw`^Unit ${US} entered failed state\.$`), hint: 'entered failed state', versions: 'systemd 219', source: 'field guide §1.5', sample: 'Unit docker.service entered failed state.' },
      { re: new RegExp(String.raw`^${US}: Unit entered failed state\.$`), hint: 'entered failed state', versions: 'systemd 229–234', source: 'field guide §1.5', sample: 'docker.service: Unit entered failed state.' },
      { re: new RegExp(String.raw`^${US} failed\.$`), hint: ' failed.', versions: 'systemd 219', source: 'field guide §1.5', sample: 'docker.service failed.' },
    ],
  }),
  defineEvent({
    kind: 'unit.start-limit',
    title: 'start refused: start limit hit',
    from: PID1,
    fields: ['unit'],
    wordings: [
      { re: new RegExp(String.raw`^${US}: Start request repeated too quickly\.`), hint: 'Start request repeated too quickly', versions: 'systemd 229+', source: LAB, sample: 'docker.service: Start request repeated too quickly.' },
      { re: new RegExp(String.raw`^start request repeated too quickly for ${US}`), hint: 'start request repeated too quickly', versions: 'systemd 219', source: 'field guide §1.5', sample: 'start request repeated too quickly for docker.service' },
    ],
    nearMiss: 'user@0.service: Start request repeated too quickly.',
  }),
  defineEvent({
    kind: 'unit.start-timeout',
    title: 'start timed out',
    nearMiss: 'systemd-networkd-wait-online.service: start operation timed out. Terminating.',
    from: PID1,
    fields: ['unit', 'phase'],
    wordings: [
      { re: new RegExp(String.raw`^${US}:? (?<phase>[Ss]tart(?:-pre|-post)?) operation timed out\. Terminating\.`), hint: 'operation timed out', versions: 'systemd 219 (no colon), 229–242 (Start), 243+ (start), 252 (start-pre)', source: LAB, sample: 'docker.service: Start operation timed out. Terminating.' },
      // systemd ≤ 218 wrote no phase.
      { re: new RegExp(String.raw`^${US} operation timed out\.(?: Terminating\.)?$`), hint: 'operation timed out', versions: 'systemd ≤ 218 (EL7 before 219)', source: 'moby/moby#17464, moby/moby#18995', sample: 'docker.service operation timed out. Terminating.' },
    ],
  }),
  defineEvent({
    kind: 'unit.scheduled-restart',
    title: 'restart scheduled by systemd',
    nearMiss: 'kubelet.service: Scheduled restart job, restart counter is at 3.',
    from: PID1,
    fields: ['unit', 'counter'],
    wordings: [{ re: new RegExp(String.raw`^${US}: Scheduled restart job, restart counter is at (?<counter>\d+)\.`), hint: 'Scheduled restart job', versions: 'systemd 239+', source: LAB, sample: 'docker.service: Scheduled restart job, restart counter is at 1.' }],
  }),
  defineEvent({
    kind: 'unit.holdoff',
    title: 'restart scheduled by systemd',
    nearMiss: 'kubelet.service holdoff time over, scheduling restart.',
    from: PID1,
    fields: ['unit'],
    wordings: [
      { re: new RegExp(String.raw`^${US} holdoff time over, scheduling restart\.`), hint: 'holdoff time over', versions: 'systemd 219', source: 'field guide §1.5', sample: 'docker.service holdoff time over, scheduling restart.' },
      { re: new RegExp(String.raw`^${US}: Service hold-off time over, scheduling restart\.`), hint: 'hold-off time over', versions: 'systemd 229–238', source: 'field guide §1.5', sample: 'docker.service: Service hold-off time over, scheduling restart.' },
    ],
  }),
  defineEvent({
    kind: 'unit.mount-deactivated',
    title: 'docker mount released',
    chatter: true,
    nearMiss: 'run-user-0.mount: Deactivated successfully.',
    from: PID1,
    fields: ['mount'],
    wordings: [{ re: /^(?<mount>run-docker-\S+|var-lib-docker-\S+)\.mount: Deactivated successfully\.$/, hint: '.mount: Deactivated successfully', versions: 'systemd 247+', source: LAB, sample: 'var-lib-docker-overlay2-419c846700782953f5dce00a90a4af84b89d7254c2070dd727d084753ddbd3db\\x2dinit-merged.mount: Deactivated successfully.' }],
  }),
  defineEvent({
    kind: 'system.shutdown',
    title: 'orderly shutdown',
    nearMiss: 'Reached target multi-user.target - Multi-User System.',
    // systemd, systemd-logind, systemd-journald (prefix `systemd`) and rsyslogd's last words.
    from: [...PID1, 'rsyslogd'],
    fields: ['step'],
    wordings: [
      { re: /^Reached target (?<step>Shutdown|System Shutdown|shutdown\.target - System Shutdown)\.$/, hint: 'Reached target ', versions: 'systemd 219–256', source: 'field guide §5', sample: 'Reached target shutdown.target - System Shutdown.' },
      { re: /^Reached target (?<step>final\.target - Late Shutdown Services|poweroff\.target - System Power Off|Power-Off|Reboot|reboot\.target - System Reboot)\.$/, hint: 'Reached target ', versions: 'systemd 219–256', source: '[lab] Debian 12 nspawn, systemd 252', sample: 'Reached target poweroff.target - System Power Off.' },
      { re: /^Received SIGTERM from PID 1 \((?<step>systemd-shutdow)\)\.$/, hint: 'Received SIGTERM from PID 1', versions: 'systemd-journald 219–256', source: 'field guide §5', sample: 'Received SIGTERM from PID 1 (systemd-shutdow).' },
      { re: /(?<step>exiting on signal 15)\.?$/, hint: 'exiting on signal 15', versions: 'rsyslogd 8.x', source: 'field guide §5', sample: '[origin software="rsyslogd" swVersion="8.2302.0" x-pid="312" x-info="https://www.rsyslog.com"] exiting on signal 15.' },
      { re: /^System is (?<step>powering down|rebooting)\.$/, hint: 'System is ', versions: 'systemd 219–256', source: 'field guide §5', sample: 'System is rebooting.' },
      { re: /^(?<step>Shutting down)\.$/, hint: 'Shutting down.', versions: 'systemd 219–256', source: 'field guide §5', sample: 'Shutting down.' },
    ],
  }),
  defineEvent({
    kind: 'journald.started',
    title: 'journald started',
    nearMiss: 'Journal started by operator',
    // `systemd-journal`: the kernel's comm is 15 characters, and syslog lines carry it (moby/moby#19728).
    from: ['systemd-journal'],
    fields: [],
    wordings: [{ re: /^Journal started$/, hint: 'Journal started', versions: 'systemd 219–256', source: LAB, sample: 'Journal started' }],
  }),
  defineEvent({
    kind: 'journald.stopped',
    title: 'journald stopped',
    nearMiss: 'Journal stopped accepting messages',
    from: ['systemd-journal'],
    fields: [],
    wordings: [{ re: /^Journal stopped$/, hint: 'Journal stopped', versions: 'systemd 219–256', source: LAB, sample: 'Journal stopped' }],
  }),
  defineEvent({
    kind: 'journald.corrupt',
    title: 'journal file set aside as corrupt',
    nearMiss: 'File /var/log/journal/x/system.journal rotated.',
    from: ['systemd-journald'],
    fields: ['file'],
    wordings: [{ re: /^File (?<file>\S+) corrupted or uncleanly shut down, renaming and replacing\./, hint: 'uncleanly shut down', versions: 'systemd 219–256', source: 'field guide §5', sample: 'File /var/log/journal/8e1f/system.journal corrupted or uncleanly shut down, renaming and replacing.' }],
  }),
];
