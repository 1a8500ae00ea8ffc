/**
 * journald-restart: systemd-journald restarted (`Journal stopped` + `Journal started` inside one boot)
 * while dockerd ran. dockerd's stdout/stderr go to journald through a stream socket: a plain restart or
 * kill -9 keeps the stream (journald's fd store), but `systemctl stop` + `start` drops it, and dockerd
 * then lives on logging nothing until it is restarted [lab]. Old dockerd without SIGPIPE handling
 * crashed instead (`code=killed, signal=PIPE`, moby/moby#7087; 18.09 ignores SIGPIPE, moby/moby#19728).
 * Field guide §2 "journald restart", §5; openEuler guide "Journald Component".
 */
import type { LogRecord } from '../model/host-model.js';
import type { Evidence } from '../spine/types.js';
import { defineRule } from './types.js';
import { byTime, iso } from './util-evidence.js';
import { journalSince } from './util-remediation-fill.js';
import { nextStartAfter, runAt } from '../model/daemon-runs.js';

export default defineRule({
  meta: {
    id: 'journald-restart',
    title: 'journald restarted while dockerd ran: lost logs or a SIGPIPE crash',
    category: 'logging',
    severity: 'warning',
    requires: ['journal', 'journal.docker', 'journal.containerd', 'journal.previous-boot', 'syslog', 'dmesg', 'journal.boots', 'systemd.status'],
    // systemctl status alone shows a SIGPIPE kill (`Main PID: N (code=killed, signal=PIPE)`, moby/moby#7087).
    essential: ['journal', 'journal.docker', 'journal.previous-boot', 'syslog', 'systemd.status'],
    explanation:
      'dockerd writes its log to stdout/stderr, which systemd connects to journald through a stream socket. journald keeps these ' +
      'streams across a plain restart or a kill (fd store), but after "systemctl stop systemd-journald" and a later start the ' +
      'stream is gone: dockerd keeps running and serving containers but nothing it logs reaches the journal until Docker is ' +
      'restarted. Old Docker versions without SIGPIPE handling crashed on the broken stream instead (killed by SIGPIPE).',
    guideSection: 'Installation and Deployment › Journald Component',
    messages: {
      sigpipeCrash: 'dockerd was killed by SIGPIPE ({{detail}}) after systemd-journald restarted at {{restartTime}}',
      sigpipeKilled: 'dockerd was killed by SIGPIPE ({{detail}}): its log stream to journald broke, which a journald restart does (the restart itself is not in what was collected)',
      dockerdSilent: 'systemd-journald restarted at {{restartTime}} while dockerd ran; dockerd has logged nothing since ({{activity}} docker events from other sources) and was not restarted',
      dockerdQuiet: 'systemd-journald restarted at {{restartTime}} while dockerd ran; dockerd has logged nothing since and was not restarted (idle, or its log stream was lost)',
      logsLost: 'systemd-journald restarted at {{restartTime}} while dockerd ran; dockerd logged nothing until its restart at {{dockerRestart}} although docker was active ({{activity}} events): those logs are lost',
    },
    remediation: [
      { kind: 'check', text: 'Read what dockerd logged after the journald restart (times in UTC).', commands: ['TZ=UTC journalctl -u docker --since "{{since}}" --no-pager | head -200'], source: 'general practice' },
      { kind: 'fix', risk: { restart: true, dataLoss: false, reversible: true }, text: 'Restart Docker after journald restarts or misbehaves, so that dockerd gets a new log stream.', commands: ['systemctl restart docker'], source: 'openEuler guide: Journald Component' },
      { kind: 'fix', risk: { restart: false, dataLoss: false, reversible: true }, text: 'Restart journald with "systemctl restart systemd-journald" rather than stop + start: the restart keeps the service log streams.', source: 'systemd-journald.service(8)' },
    ],
    // Every dockerd line (to find the silence), and docker activity that does not come from dockerd itself.
    events: ['journald.stopped', 'journald.started', 'dockerd.log-line', 'unit.mount-deactivated', 'kernel.bridge-port-state', 'unit.main-exited'],
  },

  evaluate(ctx) {
    const { model } = ctx;
    const restarts = model.daemons.journaldRestarts.filter((w) => w.started !== undefined);
    if (restarts.length === 0) {
      // No restart in the logs, but systemctl status saw docker's main process die of SIGPIPE: old dockerd's
      // answer to a lost journald stream (moby/moby#7087, #19728); nothing else writes to its stdout/stderr.
      const exit = model.units['docker.service']?.mainPidExit;
      if (exit?.code === 'killed' && exit.signal === 'PIPE') {
        ctx.report({
          messageId: 'sigpipeKilled',
          severity: 'error',
          data: { detail: `code=${exit.code}, signal=${exit.signal}` },
          evidence: [{ ...exit.evidence, match: 'signal=PIPE' }],
          confidence: 'medium',
          confidenceReason: 'systemctl status shows the SIGPIPE kill; the journald restart that causes it is not in the collected logs',
        });
      }
      return;
    }
    const dockerdLines = byTime(ctx.events('dockerd.log-line')).filter((r) => r.time !== undefined);
    const capped = ctx.eventCount('dockerd.log-line') > dockerdLines.length;
    const activity = byTime<LogRecord>([...ctx.events('unit.mount-deactivated'), ...ctx.events('kernel.bridge-port-state')]);
    const end = model.journal.lastTime ?? Infinity;

    // Only the last journald restart per dockerd run matters: earlier ones are covered by later evidence.
    let reported = false;
    for (let i = restarts.length - 1; i >= 0 && !reported; i--) {
      const jr = restarts[i]!;
      const t = jr.started!;
      const b = jr.bootIndex;
      const known = model.daemons.runs.some((r) => r.daemon === 'dockerd' && (b === undefined || r.bootIndex === b));
      const running = known ? runAt(model.daemons, 'dockerd', t, b) !== undefined : dockerdLines.some((r) => r.time! < t && (b === undefined || r.bootIndex === undefined || r.bootIndex === b));
      if (!running) continue;
      const jEvidence: Evidence[] = jr.evidence;
      // The commands read the journal from the journald restart on.
      const fill = { since: journalSince(iso(t)) };
      const restart = nextStartAfter(model.daemons, 'dockerd', t, b);
      const windowEnd = restart?.start ?? end;

      // 1. SIGPIPE crash after the restart.
      const pipe = model.daemons.runs.find((r) => r.daemon === 'dockerd' && r.end.how === 'killed' && (r.end.signal ?? '').includes('PIPE') && r.end.time !== undefined && r.end.time >= t);
      if (pipe) {
        ctx.report({
          messageId: 'sigpipeCrash',
          severity: 'error',
          data: { detail: `code=killed, status=${pipe.end.status ?? 'PIPE'}`, restartTime: iso(t)! },
          fill,
          evidence: [...jEvidence, ...pipe.end.evidence],
          confidence: 'high',
          confidenceReason: 'systemd recorded the SIGPIPE kill after the journald restart',
        });
        reported = true;
        continue;
      }

      // 2. Did dockerd log anything between the journald restart and its own restart (or the end)?
      const inWindow = (r: LogRecord) => r.time! > t && (restart ? r.time! < windowEnd : r.time! <= windowEnd);
      if (dockerdLines.some(inWindow)) {
        reported = true; // the stream survived (restart, kill -9: fd store)
        continue;
      }
      if (capped) {
        // The kept records skip the middle of the journal: only conclude when the window is outside the gap.
        const half = dockerdLines.length / 2;
        const gapStart = dockerdLines[Math.floor(half) - 1]?.time ?? -Infinity;
        const gapEnd = dockerdLines[Math.floor(half)]?.time ?? Infinity;
        if (t < gapEnd && windowEnd > gapStart) {
          ctx.insufficient('too many dockerd lines to tell whether dockerd logged after the journald restart', [`TZ=UTC journalctl -u docker --since "${fill.since ?? '<journald restart time>'}"`]);
          return;
        }
      }
      const acts = activity.filter((r) => r.time !== undefined && inWindow(r));
      const actEvidence = acts.slice(0, 10).map((r) => r.evidence);
      const lastBefore = [...dockerdLines].reverse().find((r) => r.time! <= t);
      const beforeEv = lastBefore ? [lastBefore.evidence] : [];
      if (restart) {
        if (acts.length === 0) {
          reported = true;
          continue; // quiet but idle until the restart: nothing shows a loss
        }
        ctx.report({
          messageId: 'logsLost',
          severity: 'info',
          fill,
          data: { restartTime: iso(t)!, dockerRestart: iso(restart.start) ?? '?', activity: acts.length, silentSeconds: Math.round((windowEnd - t) / 1000) },
          evidence: [...beforeEv, ...jEvidence, ...actEvidence, ...restart.evidence.slice(0, 1)],
          confidence: 'medium',
          confidenceReason: 'docker mounts/ports changed during the window, yet no dockerd line was logged until the restart',
        });
      } else if (acts.length > 0) {
        ctx.report({
          messageId: 'dockerdSilent',
          severity: 'warning',
          data: { restartTime: iso(t)!, activity: acts.length },
          fill,
          evidence: [...beforeEv, ...jEvidence, ...actEvidence],
          confidence: 'medium',
          confidenceReason: 'docker mounts/ports changed after the journald restart, yet dockerd logged nothing',
        });
      } else {
        ctx.report({
          messageId: 'dockerdQuiet',
          severity: 'info',
          data: { restartTime: iso(t)! },
          fill,
          evidence: [...beforeEv, ...jEvidence],
          confidence: 'low',
          confidenceReason: 'dockerd may simply have been idle; nothing else shows docker activity after the restart',
        });
      }
      reported = true;
    }
  },
});
