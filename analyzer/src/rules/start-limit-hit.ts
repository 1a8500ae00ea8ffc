/**
 * start-limit-hit: systemd refused to start docker.service because it was started too often
 * (default 5 starts per 10 s on openEuler's unit; 3 per 60 s upstream). It is a consequence:
 * the finding lists the failed starts that led to it, each with the cause the journal shows.
 * Field guide §1.5; openEuler guide "Failed to Restart the Docker Service".
 */
import type { LifecycleEvent, LogRecord } from '../model/host-model.js';
import type { Evidence } from '../spine/types.js';
import { defineRule } from './types.js';
import { LOG_ARTIFACTS, byTime, iso, listSome, recordEvidence } from './util-evidence.js';

// systemd 219: "start request repeated too quickly for docker.service";
// v229+: "docker.service: Start request repeated too quickly."
const REPEATED = /start request repeated too quickly for docker\.service|docker\.service: Start request repeated too quickly/i;
// v230+ result; v252 also fails the socket with 'service-start-limit-hit' (upstream units only).
const RESULT = /docker\.(?:service|socket): Failed with result '(?:service-)?start-limit-hit'/;
// dockerd's own last words before exiting (18.09 / 20.10+ / config errors).
const START_ERROR = /(?:Error starting daemon|failed to start daemon|unable to configure the Docker daemon with file [^:]+|unable to parse logging level): .*/;
/** Failed starts counted towards one start-limit hit: systemd's interval is 10 s (openEuler) or 60 s (upstream). */
const LOOKBACK_MS = 5 * 60_000;
/** Starts counted for a restart loop: upstream units allow 3 per 60 s, openEuler's systemd default 5 per 10 s. */
const STARTS_WINDOW_MS = 60_000;

export default defineRule({
  meta: {
    id: 'start-limit-hit',
    title: 'docker.service refused by systemd start limit',
    category: 'systemd',
    severity: 'error',
    requires: ['systemd.docker', 'systemd.status', 'systemd.cat-docker', ...LOG_ARTIFACTS],
    essential: ['journal', 'journal.docker', 'syslog', 'systemd.docker', 'systemd.status'],
    explanation:
      'systemd refuses further starts of a unit that was started more often than its start limit allows within the interval ' +
      '(openEuler docker-engine removes StartLimitBurst/StartLimitInterval, so the systemd default of 5 starts per 10 s applies; ' +
      'upstream units use 3 per 60 s). The hit itself is a consequence: the failed starts before it carry the real cause.',
    guideSection: 'Installation and Deployment › Failed to Restart the Docker Service',
    messages: {
      startLimitHit: 'systemd refused to start docker.service {{hits}} time(s) (start limit hit) after {{failedStarts}} failed start(s); first cause: {{cause}}',
      startLimitState: 'docker.service is in state {{state}} (Result={{result}}): the start limit was hit',
      restartedTooOften: 'systemd refused to start docker.service {{hits}} time(s): it was started {{starts}} times within {{seconds}} s before the refusal, more than the start limit allows',
    },
    remediation: [
      { text: 'Fix the cause of the failed starts first (see the linked finding and the first failing start below).', source: 'field guide §1.5' },
      { text: 'Wait for the next 10-second period, then restart Docker.', commands: ['systemctl restart docker'], source: 'openEuler guide: Failed to Restart the Docker Service' },
      { text: 'Or clear the failed state so systemd accepts a start at once.', commands: ['systemctl reset-failed docker.service', 'systemctl start docker'], source: 'systemd hint' },
    ],
    signals: {
      repeated: { pattern: REPEATED, hint: 'repeated too quickly' },
      result: { pattern: RESULT, hint: 'start-limit-hit' },
      startError: { pattern: START_ERROR, hint: ['daemon', 'logging level'] },
    },
    causedBy: ['semaphore-leak', 'daemon-config-invalid', 'power-off-db-loss', 'devicemapper-uuid-mismatch', 'daemon-start-timeout'],
  },

  evaluate(ctx) {
    const { model } = ctx;
    const hits = byTime([...ctx.signal('repeated'), ...ctx.signal('result')]);
    const unit = model.units['docker.service'];
    const result = unit?.properties['Result'];
    const activeLine = unit?.activeLine;

    if (hits.length === 0) {
      // No journal line, but the unit's own state can still show it (journal rotated away).
      const stateHit = result === 'start-limit-hit' || /\(Result: start-limit(?:-hit)?\)/.test(activeLine ?? '');
      if (stateHit && unit?.evidence) {
        ctx.report({
          messageId: 'startLimitState',
          data: { state: unit.properties['ActiveState'] ?? 'failed', result: result ?? 'start-limit' },
          evidence: [{ ...(unit.propertyEvidence?.['Result'] ?? unit.evidence), match: result === 'start-limit-hit' ? 'start-limit-hit' : 'start-limit' }],
          confidence: 'high',
          confidenceReason: 'systemd reports the unit result directly; the journal lines were not found',
        });
      }
      return;
    }

    const first = hits[0]!;
    const firstTime = first.time;
    // Failed starts that led to the first refusal: dockerd start errors and unit failures shortly before it.
    const inWindow = (t?: number) => firstTime === undefined || t === undefined || (t <= firstTime && firstTime - t <= LOOKBACK_MS);
    const failed: LifecycleEvent[] = model.lifecycle.filter(
      (e) => (e.actor === 'docker.service' || e.actor === 'dockerd') && ['start-failed', 'crash', 'killed', 'timeout'].includes(e.kind) && inWindow(e.time),
    );
    const causes: LogRecord[] = byTime(ctx.signal('startError').filter((r) => inWindow(r.time)));
    const causeText = causes[0] ? (START_ERROR.exec(causes[0].message)?.[0] ?? causes[0].message) : failed[0]?.detail ?? 'not shown in the journal';
    const evidence: Evidence[] = [
      ...hits.map((r) => recordEvidence(r, new RegExp(`${REPEATED.source}|${RESULT.source}`, 'i'))),
      ...causes.map((r) => recordEvidence(r, START_ERROR)),
      ...failed.map((e) => e.evidence),
    ];
    const resultEv = unit?.propertyEvidence?.['Result'] ?? unit?.evidence;
    if (resultEv && result) evidence.push({ ...resultEv, match: result });
    if (failed.length === 0 && causes.length === 0) {
      // Every start succeeded: the unit was simply (re)started too often (a restart loop by hand or by a tool).
      const starts = model.lifecycle.filter(
        (e) => e.actor === 'docker.service' && e.kind === 'start' && e.time !== undefined && firstTime !== undefined && e.time <= firstTime && firstTime - e.time <= STARTS_WINDOW_MS,
      );
      ctx.report({
        messageId: 'restartedTooOften',
        data: { hits: ctx.signalCount('repeated') || hits.length, starts: starts.length, seconds: STARTS_WINDOW_MS / 1000 },
        evidence: [...hits.map((r) => recordEvidence(r, new RegExp(`${REPEATED.source}|${RESULT.source}`, 'i'))), ...starts.map((e) => e.evidence)],
        confidence: 'high',
        confidenceReason: 'systemd logged the start-limit refusal; the starts before it all succeeded',
        detail: `First refusal at ${iso(firstTime) ?? 'an unknown time'}. No start failed before it: something restarted docker.service repeatedly (systemctl restart in a loop, a configuration tool or a health check). A daemon-reload also resets the counter.`,
      });
      return;
    }
    const distinctCauses = [...new Set(causes.map((r) => START_ERROR.exec(r.message)?.[0] ?? r.message))];
    ctx.report({
      messageId: 'startLimitHit',
      data: { hits: ctx.signalCount('repeated') || hits.length, failedStarts: Math.max(failed.length, causes.length), cause: causeText.slice(0, 300) },
      evidence,
      confidence: 'high',
      confidenceReason: 'systemd logged the start-limit refusal',
      detail:
        `First refusal at ${iso(firstTime) ?? 'an unknown time'}.` +
        (distinctCauses.length ? ` dockerd's start errors before it: ${listSome(distinctCauses.map((c) => `"${c.slice(0, 160)}"`), 5)}.` : ' The journal shows no dockerd start error before it; look at the unit failures listed as evidence.') +
        (result === 'exit-code' ? ' systemctl still shows Result=exit-code: systemd keeps the last failure result when its own restart loop hits the limit.' : ''),
    });
  },
});
