/**
 * start-limit-hit: systemd refused to start docker.service because it was started too often
 * (default 5 starts per 10 s on openEuler's unit; 3 per 60 s upstream). It is a consequence:
 * the finding lists the failed starts that led to it, each with the cause the journal shows.
 * Field guide §1.5; openEuler guide "Failed to Restart the Docker Service".
 */
import type { DaemonRun, StartLimitEpisode } from '../model/host-model.js';
import { isUnplanned, runEvidence } from '../model/daemon-runs.js';
import type { Evidence } from '../spine/types.js';
import { defineRule } from './types.js';
import { LOG_ARTIFACTS, iso, listSome } from './util-evidence.js';

/** dockerd's own words on a failed start (its start error, config refusal, panic), else systemd's status. */
const causeOf = (r: DaemonRun): string | undefined =>
  r.end.cause ??
  (r.end.how === 'start-timeout' ? 'the start timed out' : r.end.how === 'killed' ? `killed (${r.end.signal ?? r.end.status ?? 'signal'})` : r.end.status ? `exit status ${r.end.status}` : r.end.result ? `result ${r.end.result}` : undefined);

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
      startLimitHit: 'systemd refused to start docker.service {{hits, plural, one{# time} other{# times}}} (start limit hit) after {{failedStarts, plural, one{# failed start} other{# failed starts}}}; first cause: {{cause}}',
      startLimitState: 'docker.service is in state {{state}} (Result={{result}}): the start limit was hit',
      restartedTooOften: 'systemd refused to start docker.service {{hits, plural, one{# time} other{# times}}}: it was started {{starts}} times within {{seconds}} s before the refusal, more than the start limit allows',
    },
    remediation: [
      { kind: 'fix', risk: { restart: false, dataLoss: false, reversible: true }, text: 'Fix the cause of the failed starts first (see the linked finding and the first failing start below).', source: 'openEuler guide: Failed to Restart the Docker Service' },
      { kind: 'fix', risk: { restart: true, dataLoss: false, reversible: true }, text: 'Wait for the next 10-second period, then restart Docker.', commands: ['systemctl restart docker'], source: 'openEuler guide: Failed to Restart the Docker Service' },
      { kind: 'fix', risk: { restart: true, dataLoss: false, reversible: true }, text: 'Or clear the failed state so systemd accepts a start at once.', commands: ['systemctl reset-failed docker.service', 'systemctl start docker'], source: 'systemd hint' },
    ],
    events: ['unit.start-limit', 'unit.failed-result', 'unit.starting', 'dockerd.starting', 'dockerd.start-error', 'dockerd.config-error', 'unit.main-exited'],
    confirmedBy: ['systemd.docker', 'systemd.status'],
    causedBy: ['semaphore-leak', 'daemon-config-invalid', 'power-off-db-loss', 'devicemapper-uuid-mismatch', 'daemon-start-timeout'],
    // The failed starts before a refusal are a restart storm too: the refusal's finding lists them, once.
    supersedes: ['docker-restart-storm'],
  },

  evaluate(ctx) {
    const { model } = ctx;
    const unit = model.units['docker.service'];
    const result = unit?.properties['Result'];
    const episodes = model.daemons.startLimits;
    const resultEv = unit?.propertyEvidence?.['Result'] ?? unit?.evidence;

    if (episodes.length === 0) {
      // No journal line, but the unit's own state can still show it (journal rotated away).
      const activeHit = /\(Result: start-limit(?:-hit)?\)/.exec(unit?.activeLine ?? '');
      const stateHit = result === 'start-limit-hit' || activeHit !== null;
      if (stateHit && unit?.evidence) {
        ctx.report({
          messageId: 'startLimitState',
          data: { state: unit.properties['ActiveState'] ?? 'failed', result: result ?? 'start-limit' },
          evidence: [{ ...(unit.propertyEvidence?.['Result'] ?? unit.evidence), match: result === 'start-limit-hit' ? 'start-limit-hit' : activeHit![0] }],
          confidence: 'high',
          confidenceReason: 'systemd reports the unit result directly; the journal lines were not found',
        });
      }
      return;
    }
    for (const ep of episodes) report(ep);

    function report(ep: StartLimitEpisode): void {
      const failed = ep.starts.filter((r) => isUnplanned(r.end.how));
      const causes = [...new Set(failed.map(causeOf).filter((c): c is string => c !== undefined))];
      // docker.socket fails with the service's refusal (`service-start-limit-hit`): the same refusal, shown as evidence.
      const socket = ctx
        .events('unit.failed-result')
        .filter((e) => e.fields.unit === 'docker.socket' && e.bootIndex === ep.bootIndex && e.time !== undefined && ep.first !== undefined && e.time >= ep.first - 2000 && e.time <= (ep.last ?? ep.first) + 2000)
        .map((e) => e.evidence);
      const evidence: Evidence[] = [...ep.refusalEvidence, ...socket, ...ep.starts.flatMap(runEvidence)];
      if (resultEv && result) evidence.push({ ...resultEv, match: result });
      const when = `First refusal at ${iso(ep.first) ?? 'an unknown time'}; systemd's start-limit interval here is ${ep.windowMs / 1000} s.`;
      if (failed.length === 0) {
        // Every start succeeded: the unit was simply (re)started too often (a restart loop by hand or by a tool).
        ctx.report({
          messageId: 'restartedTooOften',
          data: { hits: ep.refusals, starts: ep.starts.length, seconds: ep.windowMs / 1000 },
          evidence,
          confidence: 'high',
          confidenceReason: 'systemd logged the start-limit refusal; the starts before it all succeeded',
          detail: `${when} No start failed before it: something restarted docker.service repeatedly (systemctl restart in a loop, a configuration tool or a health check). A daemon-reload also resets the counter.`,
        });
        return;
      }
      ctx.report({
        messageId: 'startLimitHit',
        data: { hits: ep.refusals, failedStarts: failed.length, cause: (causes[0] ?? 'not shown in the journal').slice(0, 300) },
        evidence,
        confidence: 'high',
        confidenceReason: 'systemd logged the start-limit refusal; each failed start is counted once, from its own lines',
        detail:
          `${when}` +
          (causes.length ? ` Causes of the failed starts: ${listSome(causes.map((c) => `"${c.slice(0, 160)}"`), 5)}.` : ' The journal shows no dockerd start error before it; look at the unit failures listed as evidence.') +
          (result === 'exit-code' ? ' systemctl still shows Result=exit-code: systemd keeps the last failure result when its own restart loop hits the limit.' : ''),
      });
    }
  },
});
