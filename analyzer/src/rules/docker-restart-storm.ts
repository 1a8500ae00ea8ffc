/**
 * docker-restart-storm: dockerd exits or fails to start again and again without (yet) hitting systemd's
 * start limit: a crash loop spread out enough to slip under 5 starts per 10 s (openEuler) or 3 per 60 s
 * (upstream, whose Restart=on-failure restarts it each time). Each episode carries its cause (the
 * dockerd start error, panic, or the signal that killed it). Field guide §1.5 (lifecycle wordings),
 * §0 (fatal start errors); openEuler guide "Failed to Restart the Docker Service".
 */
import type { LifecycleEvent } from '../model/host-model.js';
import type { Evidence } from '../spine/types.js';
import { defineRule } from './types.js';
import { LOG_ARTIFACTS, iso, listSome } from './util-evidence.js';

/** Unplanned restarts within WINDOW_MS that make a storm (hotsos-style named thresholds). */
export const STORM_COUNT = 3;
export const WINDOW_MS = 60 * 60_000;
const BAD = new Set(['crash', 'killed', 'start-failed', 'timeout']);

interface Episode {
  time?: number;
  bootIndex?: number;
  events: LifecycleEvent[];
  cause: string;
}

/** The most telling detail of one exit: dockerd's own words first, then the signal, then the unit result. */
function causeOf(events: LifecycleEvent[]): string {
  const own = events.find((e) => e.actor === 'dockerd' && e.detail && e.kind !== 'restart');
  if (own?.detail) return own.detail;
  const exited = events.find((e) => /^code=/.test(e.detail ?? ''));
  if (exited?.detail) return exited.detail;
  return events.find((e) => e.detail)?.detail ?? events[0]!.kind;
}

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
      storm: 'dockerd stopped unplanned {{count}} times within {{minutes}} min ({{first}} … {{last}}); causes: {{causes}}',
      restartCounter: 'systemd restarted docker.service {{restarts}} times (NRestarts) in its current run',
    },
    remediation: [
      { text: 'Fix the first cause listed (see the linked finding): repeated restarts do not clear it.', source: 'field guide §1.5' },
      { text: 'Read the full log around the first failure.', commands: ['journalctl -u docker --since "<first time>" --no-pager | head -200', 'systemctl status docker'], source: 'general practice' },
    ],
    causedBy: ['daemon-config-invalid', 'semaphore-leak', 'power-off-db-loss', 'nproc-limit', 'journald-restart', 'devicemapper-uuid-mismatch', 'daemon-start-timeout'],
  },

  evaluate(ctx) {
    const { model } = ctx;
    const daemonEv = model.lifecycle.filter((e) => e.actor === 'dockerd' || e.actor === 'docker.service');
    // Group failure events (and systemd's automatic restart lines) into exit episodes: a start closes the episode
    // before it, so one exit's several lines (dockerd's last words, Main process exited, Failed with result, Failed to
    // start, Scheduled restart job) count once, however close together the failed starts are.
    const episodes: Episode[] = [];
    let current: Episode | undefined;
    for (const e of daemonEv) {
      if (e.kind === 'start' || e.kind === 'boot') {
        current = undefined;
        continue;
      }
      if (!BAD.has(e.kind) && !(e.kind === 'restart' && e.actor === 'docker.service')) continue;
      if (current && (e.bootIndex === current.bootIndex || e.bootIndex === undefined) && (e.time === undefined || current.time === undefined || e.time - current.time <= 5 * 60_000)) {
        current.events.push(e);
        continue;
      }
      current = { time: e.time, bootIndex: e.bootIndex, events: [e], cause: '' };
      episodes.push(current);
    }
    for (const ep of episodes) ep.cause = causeOf(ep.events);
    const timed = episodes.filter((ep) => ep.time !== undefined && ep.events.some((e) => BAD.has(e.kind)));
    const limits = model.lifecycle.filter((e) => (e.actor === 'docker.service' || e.actor === 'dockerd') && e.kind === 'start-limit');

    // The densest window of WINDOW_MS.
    let best: Episode[] = [];
    for (let i = 0; i < timed.length; i++) {
      const win = timed.filter((ep) => ep.time! >= timed[i]!.time! && ep.time! < timed[i]!.time! + WINDOW_MS);
      if (win.length > best.length) best = win;
    }
    if (best.length >= STORM_COUNT) {
      const first = best[0]!.time!;
      const last = best[best.length - 1]!.time!;
      // A start-limit refusal in the same stretch is reported by start-limit-hit.
      if (limits.some((l) => l.time !== undefined && l.time >= first - 60_000 && l.time <= last + 5 * 60_000)) return;
      const causes = [...new Set(best.map((ep) => ep.cause.slice(0, 160)))];
      const evidence: Evidence[] = best.flatMap((ep) => {
        const own = ep.events.find((e) => e.actor === 'dockerd' && e.detail);
        const exited = ep.events.find((e) => /^code=/.test(e.detail ?? ''));
        const counter = ep.events.find((e) => e.kind === 'restart');
        return [own ?? exited ?? ep.events[0]!, ...(own && exited ? [exited] : []), ...(counter ? [counter] : [])].map((e) => e.evidence);
      });
      ctx.report({
        messageId: 'storm',
        data: { count: best.length, minutes: Math.max(1, Math.round((last - first) / 60_000)), first: iso(first)!, last: iso(last)!, causes: listSome(causes.map((c) => `"${c}"`), 3), threshold: STORM_COUNT },
        evidence,
        confidence: 'high',
        confidenceReason: 'each exit is in the journal',
        detail: best.map((ep, i) => `${i + 1}. ${iso(ep.time)}: ${ep.cause.slice(0, 200)}`).join('\n'),
      });
      return;
    }
    // Journal rotated or filtered: systemd's own counter.
    const unit = model.units['docker.service'];
    const n = Number(unit?.properties['NRestarts'] ?? '0');
    const nEv = unit?.propertyEvidence?.['NRestarts'];
    if (Number.isFinite(n) && n >= STORM_COUNT && nEv && timed.length === 0) {
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
