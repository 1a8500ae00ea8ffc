/**
 * daemon-start-timeout: systemd killed docker.service because it did not become ready within
 * TimeoutStartSec (90 s by default on openEuler's unit). Reports the timeouts with the likely cause:
 * a slow ExecStartPre, a short TimeoutStartSec, thousands of containers in the data-root, slow
 * container loading (an overloaded host), or the first devicemapper initialisation.
 * Field guide §1.5 (timeout lines per systemd version), §2 (Start timeout); openEuler guide "Daemon Start Time".
 */
import type { LogRecord } from '../model/host-model.js';
import type { Evidence } from '../spine/types.js';
import { defineRule } from './types.js';
import { LOG_ARTIFACTS, byTime, iso, listSome } from './util-evidence.js';
import { dataRootPath, driverEvidence, driverIs } from './util-storage.js';
import { systemdSpanMs } from '../parsers/util/timespan.js';

/** "Thousands of created/exited containers" (seed): from this count on, loading them is a likely cause. */
const MANY_CONTAINERS = 1000;
/** Container loading slower than this points at the host or the container count. */
const SLOW_LOADING_MS = 30_000;
/** systemd's DefaultTimeoutStartSec, which openEuler's unit keeps. */
const DEFAULT_TIMEOUT_S = 90;

export default defineRule({
  meta: {
    id: 'daemon-start-timeout',
    title: 'docker.service start timed out',
    category: 'daemon',
    severity: 'error',
    requires: ['systemd.docker', 'systemd.status', 'systemd.cat-docker', 'docker.ps', 'dataroot.listing', 'docker.info', 'docker.daemon-json', 'sysconfig.docker', 'process.daemons', 'devicemapper.deviceset-metadata', ...LOG_ARTIFACTS],
    // systemctl show/status alone prove a timeout (Result=timeout) when no log was collected.
    essential: ['journal', 'journal.docker', 'syslog', 'journal.previous-boot', 'systemd.docker', 'systemd.status'],
    explanation:
      'systemd gives docker.service TimeoutStartSec (90 s by default; openEuler removes TimeoutStartSec=0) to become ready, then logs ' +
      'that starting took too long, and kills it. dockerd is slow to start when it must load thousands of created or exited ' +
      'containers, when devicemapper initialises its pool for the first time, or when the host is overloaded; an ExecStartPre command or ' +
      'a short TimeoutStartSec can also be the reason. Repeated timeouts end in the start limit.',
    guideSection: 'Installation and Deployment › Daemon Start Time',
    messages: {
      startTimedOut: 'docker.service start timed out {{count, plural, one{# time} other{# times}}}; likely cause: {{cause}}',
      resultTimeout: 'docker.service last failed with Result=timeout (the journal lines were not found)',
    },
    remediation: [
      { kind: 'fix', risk: { restart: false, dataLoss: true, reversible: false }, text: 'Have the orchestrator remove containers that are no longer needed (exited and created ones) so that dockerd loads fewer at start.', commands: ['docker ps -a --filter status=exited --filter status=created -q | wc -l', 'docker container prune'], source: 'openEuler guide: Daemon Start Time' },
      { kind: 'fix', risk: { restart: false, dataLoss: false, reversible: true }, text: 'Tune the orchestrator\'s restart period and docker.service\'s start timeout to the start time the host needs.', commands: ['systemctl edit docker.service   # [Service] TimeoutStartSec=300', 'systemctl show docker.service -p TimeoutStartUSec'], source: 'openEuler guide: Daemon Start Time' },
    ],
    events: ['unit.start-timeout', 'unit.failed-result', 'dockerd.loading-containers'],
    causedBy: ['audit-dataroot-watch', 'devicemapper-thinpool'],
    // Repeated timeouts are the storm: one finding, with the timeouts and their likely cause.
    supersedes: ['docker-restart-storm'],
  },

  evaluate(ctx) {
    const { model } = ctx;
    const unit = model.units['docker.service'];
    // Timed-out start attempts: one per run, however many lines systemd wrote about it.
    const timedOut = model.daemons.runs.filter((r) => r.daemon === 'dockerd' && r.end.how === 'start-timeout');
    const counted = timedOut.map((r) => ({ time: r.end.time, run: r, evidence: r.end.evidence }));
    if (counted.length === 0) {
      const showResult = unit?.properties['Result'] === 'timeout';
      const statusResult = unit?.activeResult === 'timeout';
      if (showResult || statusResult) {
        const ev = showResult ? (unit!.propertyEvidence?.['Result'] ?? unit!.evidence) : unit!.evidence;
        if (ev) {
          ctx.report({
            messageId: 'resultTimeout',
            evidence: [{ ...ev, match: showResult ? 'timeout' : '(Result: timeout)' }],
            confidence: 'high',
            confidenceReason: showResult ? 'systemctl show reports Result=timeout' : 'systemctl status reports Result: timeout',
          });
        }
      }
      return;
    }


    const causes: string[] = [];
    const causeEv: Evidence[] = [];
    // 1. ExecStartPre did not finish (systemd 252 names the phase).
    const timeoutLines = ctx.events('unit.start-timeout').filter((e) => (e.fields.unit ?? '').startsWith('docker'));
    if (timeoutLines.some((e) => (e.fields.phase ?? '').toLowerCase() === 'start-pre')) causes.push('an ExecStartPre command did not finish in time');
    // 2. A short start timeout.
    const tv = unit?.properties['TimeoutStartUSec'];
    const tms = systemdSpanMs(tv);
    const ts = tms === undefined ? undefined : tms / 1000;
    if (ts !== undefined && ts < DEFAULT_TIMEOUT_S) {
      causes.push(`TimeoutStartSec is only ${tv} (systemd default ${DEFAULT_TIMEOUT_S} s)`);
      const ev = unit?.propertyEvidence?.['TimeoutStartUSec'];
      if (ev) causeEv.push({ ...ev, match: 'TimeoutStartUSec' });
      for (const d of unit?.dropIns ?? []) if (/TimeoutStartSec/.test(d.evidence.excerpt)) causeEv.push(d.evidence);
    }
    // 3. Thousands of containers in the data-root.
    const byState = (s: string) => model.containers.filter((c) => c.state === s).length;
    const nContainers = Math.max(model.dataRoot.containerIds.length, model.containers.length);
    if (nContainers >= MANY_CONTAINERS) {
      causes.push(`${nContainers} containers in ${dataRootPath(model)} (${byState('exited')} exited, ${byState('created')} created)`);
      const dir = model.dataRoot.entries.find((e) => e.path === `${dataRootPath(model)}/containers`);
      if (dir) causeEv.push(dir.evidence);
      causeEv.push(...model.containers.filter((c) => c.state === 'exited' || c.state === 'created').slice(0, 3).flatMap((c) => c.evidence.slice(0, 1)));
    }
    // 4. Slow (or unfinished) container loading.
    const loading = byTime(ctx.events('dockerd.loading-containers'));
    const starts = loading.filter((e) => e.fields.phase === 'start');
    const dones = loading.filter((e) => e.fields.phase === 'done');
    let slowest: { ms: number; from: LogRecord; to?: LogRecord } | undefined;
    for (const s of starts) {
      if (s.time === undefined) continue;
      const d = dones.find((x) => x.time !== undefined && x.time >= s.time! && (x.pid === undefined || s.pid === undefined || x.pid === s.pid));
      const end = d?.time ?? counted.find((t) => t.time !== undefined && t.time >= s.time!)?.time;
      if (end === undefined) continue;
      const ms = end - s.time;
      if (!slowest || ms > slowest.ms) slowest = { ms, from: s, ...(d ? { to: d } : {}) };
    }
    if (slowest && slowest.ms >= SLOW_LOADING_MS) {
      const secs = Math.round(slowest.ms / 1000);
      causes.push(slowest.to ? `loading containers took ${secs} s (overloaded host or many containers)` : `loading containers had not finished ${secs} s later when systemd gave up`);
      causeEv.push(slowest.from.evidence, ...(slowest.to ? [slowest.to.evidence] : []));
    }
    // 5. First devicemapper initialisation: no base device recorded yet.
    if (driverIs(model, ['devicemapper']) && !model.storage.baseDeviceUuids.some((b) => b.uuid)) {
      causes.push('first devicemapper initialisation (no base device recorded yet)');
      causeEv.push(...driverEvidence(model));
    }

    const first = counted[0]!;
    ctx.report({
      messageId: 'startTimedOut',
      data: { count: counted.length, cause: causes.length ? listSome(causes, 4) : 'not shown (no slow ExecStartPre, short timeout, container backlog or slow container loading found)', containers: nContainers },
      evidence: [...counted.flatMap((c) => c.evidence), ...causeEv],
      confidence: causes.length ? 'high' : 'medium',
      confidenceReason: causes.length ? 'systemd logged the timeout and the bundle shows a reason' : 'systemd logged the timeout; the bundle does not show why dockerd was slow',
      detail: `First timeout at ${iso(first.time) ?? 'an unknown time'}. Phases: ${[...new Set(timeoutLines.map((e) => (e.fields.phase ?? 'start').toLowerCase()))].join(', ') || 'start'}.`,
    });
  },
});
