/**
 * docker-restart-storm: dockerd exits or fails to start again and again without (yet) hitting systemd's
 * start limit: a crash loop spread out enough to slip under 5 starts per 10 s (openEuler) or 3 per 60 s
 * (upstream, whose Restart=on-failure restarts it each time). Each episode carries its cause (the
 * dockerd start error, panic, or the signal that killed it). Field guide §1.5 (lifecycle wordings),
 * §0 (fatal start errors); openEuler guide "Failed to Restart the Docker Service".
 */
import type { DaemonRun } from '../model/host-model.js';
import { STORM_MIN_RUNS, runEvidence } from '../model/daemon-runs.js';
import { defineRule } from './types.js';
import { LOG_ARTIFACTS, iso, listSome } from './util-evidence.js';
import { journalSince } from './util-remediation-fill.js';

/** The most telling detail of one exit: dockerd's own words first, then the signal, then the unit result. */
const causeOf = (r: DaemonRun): string => r.end.cause ?? (r.end.signal ? `killed (${r.end.signal})` : r.end.status ? `exit status ${r.end.status}` : r.end.result ? `result ${r.end.result}` : r.end.how);

export default defineRule({
  meta: {
    id: 'docker-restart-storm',
    title: 'dockerd crashing or failing to start repeatedly',
    category: 'daemon',
    severity: 'warning',
    requires: ['systemd.docker', 'systemd.status', ...LOG_ARTIFACTS],
    essential: ['systemd.docker', ...LOG_ARTIFACTS],
    explanation:
      'dockerd that exits, is killed or fails to start several times within an hour is in a crash loop even when systemd\'s start ' +
      'limit never trips (the limit only counts starts within 10 s on openEuler, 60 s upstream). Every restart stops or re-attaches ' +
      'containers, reloads networks and replays cleanup; the first exit usually carries the real cause.',
    guideSection: 'Installation and Deployment › Failed to Restart the Docker Service',
    messages: {
      storm: '{{daemon}} stopped unplanned {{count}} times in a row within {{minutes}} min ({{first}} … {{last}}); causes: {{causes}}',
      restartCounter: 'systemd restarted docker.service {{restarts}} times (NRestarts) in its current run',
    },
    remediation: [
      { kind: 'fix', risk: { restart: false, dataLoss: false, reversible: true }, text: 'Fix the first cause listed (see the linked finding): repeated restarts do not clear it.', source: 'openEuler guide: Failed to Restart the Docker Service' },
      { kind: 'check', text: 'Read the full log around the first failure.', commands: ['TZ=UTC journalctl -u docker --since "{{since}}" --no-pager | head -200', 'systemctl status docker'], source: 'general practice' },
    ],
    events: ['unit.starting', 'dockerd.starting', 'unit.main-exited', 'unit.failed-result', 'dockerd.start-error', 'dockerd.config-error', 'go.panic', 'unit.scheduled-restart'],
    causedBy: ['daemon-config-invalid', 'semaphore-leak', 'power-off-db-loss', 'nproc-limit', 'journald-restart', 'devicemapper-uuid-mismatch', 'daemon-start-timeout'],
  },

  evaluate(ctx) {
    const { model } = ctx;
    const storms = model.daemons.restartStorms;
    for (const storm of storms) {
      const exits = storm.exits;
      const first = storm.first;
      const last = storm.last ?? first;
      const causes = [...new Set(exits.map((r) => causeOf(r).slice(0, 160)))];
      ctx.report({
        messageId: 'storm',
        subject: storm.daemon,
        data: {
          daemon: storm.daemon,
          count: exits.length,
          minutes: first !== undefined && last !== undefined ? Math.max(1, Math.round((last - first) / 60_000)) : 0,
          first: iso(first) ?? '?',
          last: iso(last) ?? '?',
          causes: listSome(causes.map((c) => `"${c}"`), 3),
          threshold: STORM_MIN_RUNS,
        },
        evidence: exits.flatMap(runEvidence),
        fill: { since: journalSince(iso(first)) },
        confidence: 'high',
        confidenceReason: 'each start and each unplanned exit is in the journal (counted per run, not per line)',
        detail: exits.map((r, i) => `${i + 1}. ${iso(r.start ?? r.end.time) ?? '?'}: ${causeOf(r).slice(0, 200)}`).join('\n'),
      });
    }
    if (storms.some((s) => s.daemon === 'dockerd')) return;
    // Journal rotated or filtered: systemd's own counter.
    const unit = model.units['docker.service'];
    const n = Number(unit?.properties['NRestarts'] ?? '0');
    const nEv = unit?.propertyEvidence?.['NRestarts'];
    const seenInJournal = model.daemons.runs.some((r) => r.daemon === 'dockerd' && r.end.how !== 'running');
    if (Number.isFinite(n) && n >= STORM_MIN_RUNS && nEv && !seenInJournal) {
      ctx.report({
        messageId: 'restartCounter',
        data: { restarts: n },
        evidence: [{ ...nEv, match: 'NRestarts' }],
        confidence: 'medium',
        confidenceReason: 'systemd counted the automatic restarts; the journal does not show them (rotated or not collected)',
      });
    }
  },
});
