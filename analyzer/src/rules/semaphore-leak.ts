/**
 * semaphore-leak: libdevmapper udev-cookie semaphores (key 0x0D4D…) left behind by a dockerd that
 * was killed between creating a cookie and udev completing it, counted against SEMMNI.
 * Field guide §1.2; openEuler guide "Semaphores May Be Residual".
 */
import type { Semaphore } from '../model/host-model.js';
import type { Evidence } from '../spine/types.js';
import { MAX_EVIDENCE_PER_FINDING } from './util-evidence.js';
import { defineRule } from './types.js';
import { LOG_ARTIFACTS, byTime, listSome } from './util-evidence.js';

/** Cookies younger than this may still be in flight (dmsetup udevcomplete_all uses the same minute). */
const IN_FLIGHT_MS = 60_000;
/** "critical when the limit is reached, or within 10% of it" (issue text). */
const NEAR_LIMIT = 0.9;
/** Where leaked cookies show; without any of them only the logs' cookie failures can be read. */
const SEM_TABLES = ['ipcs.sem', 'proc.sysvipc-sem', 'dmsetup.udevcookies'] as const;


export default defineRule({
  meta: {
    id: 'semaphore-leak',
    title: 'Leaked devicemapper udev-cookie semaphores',
    category: 'ipc',
    severity: 'error',
    requires: ['ipcs.sem', 'ipcs.sem-times', 'ipcs.sem-info', 'proc.sysvipc-sem', 'dmsetup.udevcookies', 'kernel.sem', 'sysctl', 'ipcs.limits', 'ipcs.summary', 'ps', ...LOG_ARTIFACTS],
    // The logs alone can show the cookie failures (found with lower confidence; the engine asks for confirmedBy).
    essential: ['ipcs.sem', 'proc.sysvipc-sem', 'dmsetup.udevcookies', ...LOG_ARTIFACTS],
    explanation:
      'libdevmapper creates one SysV semaphore (key 0x0D4D<<16 | random) per udev-synchronised operation and destroys it when udev completes. ' +
      'If dockerd is killed in between, the semaphore leaks: at most one per kill. Leaks accumulate until SEMMNI, the 4th field of kernel.sem, ' +
      'is reached; then every devicemapper operation fails with "dm_task_set_cookie failed" and dockerd cannot start.',
    guideSection: 'Installation and Deployment › Semaphores May Be Residual',
    messages: {
      limitReached: '{{used}} of {{limit}} semaphore arrays (SEMMNI) in use; {{leaked}} are devicemapper udev cookies left behind',
      leakedCookies: '{{leaked}} devicemapper udev-cookie semaphores left behind ({{used}} of {{limit}} arrays in use)',
      leakedCookiesNoLimit: '{{leaked}} devicemapper udev-cookie semaphores left behind (SEMMNI unknown)',
      cookieFailures: 'dockerd could not create devicemapper udev cookies {{count, plural, one{# time} other{# times}}}: the semaphore limit is likely exhausted',
    },
    remediation: [
      { kind: 'check', text: 'Count the semaphores and the cookies, and read the limit (4th value of kernel.sem = SEMMNI).', commands: ['ipcs', 'dmsetup udevcookies', 'cat /proc/sys/kernel/sem'], source: 'openEuler guide: Semaphores May Be Residual' },
      { kind: 'fix', risk: { restart: false, dataLoss: false, reversible: true }, text: 'If the leaked count equals the 4th value, either raise the limit…', commands: ['echo 250 32000  32  1024 > /proc/sys/kernel/sem'], source: 'openEuler guide: Semaphores May Be Residual' },
      { kind: 'fix', risk: { restart: false, dataLoss: false, reversible: false }, text: '…or destroy cookies older than one minute (it asks for confirmation and skips younger cookies).', commands: ['dmsetup udevcomplete_all 1'], source: 'openEuler guide: Semaphores May Be Residual' },
    ],
    events: ['devmapper.cookie-failed', 'devmapper.semaphore-limit', 'devmapper.udev-wait-failed'],
    confirmedBy: ['ipcs.sem', 'kernel.sem'],
  },

  evaluate(ctx) {
    const { ipc, collection } = ctx.model;
    const now = collection.collectedAt;
    const cookies = ipc.semaphores.filter((s) => s.isDmCookie);
    // In flight: young, or its last operator still runs. Everything else is left behind.
    const inFlight = (s: Semaphore) =>
      s.lastPidAlive === true || (now !== undefined && s.ctime !== undefined && now - s.ctime < IN_FLIGHT_MS);
    const leaked = cookies.filter((s) => !inFlight(s));
    const failures = byTime([...ctx.events('devmapper.cookie-failed'), ...ctx.events('devmapper.semaphore-limit'), ...ctx.events('devmapper.udev-wait-failed')]);
    const limit = ipc.limits?.semmni;
    const used = ipc.usedArrays ?? ipc.semaphores.length;

    // Only what the engine can keep: a million leaked cookies must not make two million excerpts first.
    const semEvidence: Evidence[] = leaked.slice(0, MAX_EVIDENCE_PER_FINDING).flatMap((s) => s.evidence.slice(0, 2));
    if (ipc.limits) semEvidence.unshift({ ...ipc.limits.evidence, match: String(ipc.limits.semmni) });
    const semEvidenceTotal = leaked.reduce((n, x) => n + Math.min(2, x.evidence.length), ipc.limits ? 1 : 0);
    const logEvidence = failures.map((r) => r.evidence);
    const keys = leaked.map((s) => s.keyHex);
    const detail = leaked.length
      ? `Leaked cookie keys: ${listSome(keys, 10)}.${cookies.length > leaked.length ? ` ${cookies.length - leaked.length} younger cookie(s) may still be in flight and were not counted.` : ''}`
      : undefined;

    if (limit !== undefined && used >= Math.floor(limit * NEAR_LIMIT) && (leaked.length > 0 || failures.length > 0)) {
      ctx.report({
        messageId: 'limitReached',
        data: { used, limit, leaked: leaked.length },
        severity: 'critical',
        evidence: [...semEvidence, ...logEvidence],
        evidenceTotal: semEvidenceTotal + logEvidence.length,
        confidence: leaked.length > 0 ? 'high' : 'medium',
        confidenceReason: leaked.length > 0 ? 'semaphore table and kernel.sem both collected' : 'limit reached; cookies not identified in the semaphore table',
        detail,
      });
      return;
    }
    if (leaked.length > 0) {
      const hasLimit = limit !== undefined;
      ctx.report({
        messageId: hasLimit ? 'leakedCookies' : 'leakedCookiesNoLimit',
        data: hasLimit ? { leaked: leaked.length, used, limit } : { leaked: leaked.length },
        // A handful of leaks is a warning; dockerd errors make it an error.
        severity: failures.length > 0 ? 'error' : 'warning',
        evidence: [...semEvidence, ...logEvidence],
        evidenceTotal: semEvidenceTotal + logEvidence.length,
        confidence: leaked.some((s) => s.ctime !== undefined || s.lastPidAlive === false) ? 'high' : 'medium',
        confidenceReason: leaked.some((s) => s.ctime !== undefined)
          ? 'cookie change times are older than one minute'
          : 'cookie age unknown (collect ipcs -s -t / ipcs -s -i)',
        detail,
      });
      return;
    }
    if (failures.length > 0) {
      ctx.report({
        messageId: 'cookieFailures',
        data: { count: ctx.eventCount('devmapper.cookie-failed') + ctx.eventCount('devmapper.semaphore-limit') + ctx.eventCount('devmapper.udev-wait-failed') },
        severity: 'error',
        evidence: logEvidence,
        confidence: 'medium',
        confidenceReason: SEM_TABLES.some((a) => collection.health[a]?.state === 'present')
          ? 'dockerd reported cookie failures; no leaked cookie in the semaphore table (maybe another IPC namespace, or cleaned since)'
          : 'dockerd reported cookie failures; the semaphore table was not collected',
      });
      return;
    }
    if (!SEM_TABLES.some((a) => collection.health[a]?.state === 'present')) {
      ctx.insufficient('no semaphore table (ipcs -s, /proc/sysvipc/sem, dmsetup udevcookies) and no cookie failure in the logs', ['ipcs -s', 'dmsetup udevcookies']);
    }
  },
});
