/**
 * nproc-limit: process limits that containers run into: pam_limits `nproc` (e.g. RHEL/openEuler's
 * limits.d/20-nproc.conf `*  soft  nproc  4096`, on the host and in images), `kernel.pid_max` (32768
 * before systemd v243 raised it) and, for the systemd-started dockerd and everything it starts,
 * LimitNPROC/TasksMax of docker.service (pam_limits does not apply to services). Fork failures show as
 * `fork/exec …: resource temporarily unavailable`, `fork: retry: Resource temporarily unavailable`
 * (bash) or Go's `pthread_create failed` / `failed to create new OS thread`. Field guide §2 "nproc /
 * pid_max"; openEuler guide "Precautions for Common Users".
 */
import type { LogEvent } from '../model/host-model.js';
import type { Evidence } from '../spine/types.js';
import { defineRule } from './types.js';
import { LOG_ARTIFACTS, byTime, listSome } from './util-evidence.js';
/** Share of a limit in use from which a warning is worth it. */
export const NEAR = 0.8;
/** nproc soft limits at or below this are the RHEL/openEuler default cap worth mentioning. */
const LOW_NPROC = 4096;

const num = (v: string | undefined): number | undefined => (v !== undefined && /^\d+$/.test(v) ? Number(v) : undefined);

export default defineRule({
  meta: {
    id: 'nproc-limit',
    title: 'Process limits (nproc, pid_max, TasksMax) for containers',
    category: 'performance',
    severity: 'warning',
    requires: ['limits', 'sysctl', 'ps', 'systemd.docker', ...LOG_ARTIFACTS],
    essential: ['limits', 'sysctl', 'ps', 'systemd.docker', ...LOG_ARTIFACTS],
    explanation:
      'Linux counts every thread against the per-user process limit (RLIMIT_NPROC) and against kernel.pid_max. RHEL-family systems, ' +
      'openEuler included, ship /etc/security/limits.d/20-nproc.conf with "* soft nproc 4096"; images built from them carry the ' +
      'same file, so containers that log a user in (su, sshd, login shells) get it too. pam_limits does not govern a dockerd ' +
      'started by systemd: for it and the containers it starts, LimitNPROC and TasksMax of docker.service apply. kernel.pid_max ' +
      'is 32768 on older kernels unless systemd ≥ v243 raised it. When a limit is hit, fork and thread creation fail with EAGAIN ' +
      '("resource temporarily unavailable").',
    guideSection: 'Installation and Deployment › Precautions for Common Users',
    messages: {
      forkFailed: '{{count, plural, one{# fork/thread creation failure} other{# fork/thread creation failures}}} with EAGAIN (resource temporarily unavailable){{limitNote}}',
      nearLimit: '{{what}}: {{used}} of {{limit}} in use ({{percent}}%)',
      nprocCapped: 'nproc is capped at {{value}} for {{domain}} ({{file}}); pam_limits does not govern a systemd-started dockerd (LimitNPROC={{unitLimit}})',
    },
    remediation: [
      { kind: 'fix', risk: { restart: false, dataLoss: false, reversible: true }, text: 'Raise the nproc limit from 4096 (up to kernel.pid_max) in /etc/security/limits.d/20-nproc.conf on the host and in the images that carry it.', commands: ['grep -r nproc /etc/security/limits.conf /etc/security/limits.d/', 'sysctl kernel.pid_max'], source: 'openEuler guide: Precautions for Common Users' },
      { kind: 'fix', risk: { restart: true, dataLoss: false, reversible: true }, text: 'For dockerd and its containers set LimitNPROC and TasksMax in a docker.service drop-in (pam_limits does not apply to services), then reload and restart.', commands: ['systemctl edit docker   # [Service] LimitNPROC=infinity TasksMax=infinity', 'systemctl daemon-reload', 'systemctl restart docker'], source: 'systemd.exec(5), systemd.resource-control(5)' },
      { kind: 'fix', risk: { restart: false, dataLoss: false, reversible: true }, text: 'Raise kernel.pid_max if the host runs many processes.', commands: ['sysctl -w kernel.pid_max=4194304'], source: 'general practice' },
    ],
    // EAGAIN from Go's fork/exec, bash's fork and cgo's pthread_create; the Go runtime's "failed to create new OS thread".
    events: ['proc.fork-eagain', 'go.os-thread-failed'],
  },

  evaluate(ctx) {
    const { model } = ctx;
    const { limits, processes } = model;
    const unit = model.units['docker.service'];
    const unitLimit = unit?.properties['LimitNPROCSoft'] ?? unit?.properties['LimitNPROC'];
    const unitEv = (k: string): Evidence[] => (unit?.propertyEvidence?.[k] ? [{ ...unit.propertyEvidence[k]!, match: k }] : []);
    const nproc = limits.effective['nproc'];
    const nprocSoft = num(nproc?.soft);
    const pidMax = limits.pidMax;

    // Context evidence every finding can carry.
    const limitEvidence: Evidence[] = [...(nproc ? [{ ...nproc.evidence, match: 'nproc' }] : []), ...(pidMax ? [{ ...pidMax.evidence, match: 'kernel.pid_max' }] : []), ...unitEv('LimitNPROC'), ...unitEv('TasksMax')];
    const limitParts: string[] = [];
    if (nprocSoft !== undefined) limitParts.push(`nproc soft ${nprocSoft} for *`);
    if (pidMax) limitParts.push(`kernel.pid_max ${pidMax.value}`);
    if (unitLimit) limitParts.push(`docker.service LimitNPROC=${unitLimit}`);
    if (unit?.properties['TasksMax']) limitParts.push(`TasksMax=${unit.properties['TasksMax']}`);

    // 1. Fork failures in the logs.
    const failures = byTime<LogEvent>([...ctx.events('proc.fork-eagain'), ...ctx.events('go.os-thread-failed')]);
    if (failures.length > 0) {
      ctx.report({
        messageId: 'forkFailed',
        severity: 'error',
        data: { count: ctx.eventCount('proc.fork-eagain') + ctx.eventCount('go.os-thread-failed'), limitNote: limitParts.length ? `; limits seen: ${limitParts.join(', ')}` : '' },
        evidence: [...failures.slice(-10).map((e) => e.evidence), ...limitEvidence],
        confidence: 'high',
        confidenceReason: 'the logs show EAGAIN from fork or thread creation, which only process/thread limits cause',
        detail: 'Processes started by dockerd inherit docker.service\'s LimitNPROC/TasksMax (not limits.conf); processes of logged-in users and of containers that log a user in get the pam_limits nproc value.',
      });
    }

    // 2. Limits nearly used up.
    const near: { what: string; used: number; limit: number; evidence: Evidence[] }[] = [];
    const tasksMax = num(unit?.properties['TasksMax']);
    const tasksCur = num(unit?.properties['TasksCurrent']);
    if (tasksMax && tasksCur !== undefined && tasksCur >= NEAR * tasksMax) near.push({ what: 'docker.service tasks (TasksCurrent/TasksMax)', used: tasksCur, limit: tasksMax, evidence: [...unitEv('TasksCurrent'), ...unitEv('TasksMax')] });
    if (processes.available && pidMax && processes.list.length >= NEAR * pidMax.value) {
      near.push({ what: 'processes against kernel.pid_max (threads not counted)', used: processes.list.length, limit: pidMax.value, evidence: [{ ...pidMax.evidence, match: 'kernel.pid_max' }, processes.list[processes.list.length - 1]!.evidence] });
    }
    if (processes.available && nprocSoft !== undefined) {
      const perUser = new Map<string, typeof processes.list>();
      for (const p of processes.list) if (p.user && p.user !== 'root' && p.user !== '0') perUser.set(p.user, [...(perUser.get(p.user) ?? []), p]);
      for (const [user, list] of perUser) {
        if (list.length >= NEAR * nprocSoft) near.push({ what: `processes of user ${user} against nproc`, used: list.length, limit: nprocSoft, evidence: [{ ...nproc!.evidence, match: 'nproc' }, ...list.slice(-5).map((p) => p.evidence)] });
      }
    }
    for (const n of near) {
      ctx.report({
        messageId: 'nearLimit',
        subject: n.what,
        severity: 'warning',
        data: { what: n.what, used: n.used, limit: n.limit, percent: Math.round((100 * n.used) / n.limit) },
        evidence: n.evidence,
        confidence: 'medium',
        confidenceReason: 'counted from a snapshot; threads count against these limits too, so the real use is higher',
      });
    }
    if (failures.length > 0 || near.length > 0) return;

    // 3. Precaution: the RHEL-style cap is in place (info).
    if (nprocSoft !== undefined && nprocSoft <= LOW_NPROC) {
      const file = nproc!.evidence.path.split('/').slice(-2).join('/');
      ctx.report({
        messageId: 'nprocCapped',
        severity: 'info',
        data: { value: nprocSoft, domain: '*', file, unitLimit: unitLimit ?? 'not collected' },
        evidence: limitEvidence,
        confidence: 'medium',
        confidenceReason: 'a precaution: the bundle shows the cap, not a process hitting it',
        detail: `Limits seen: ${listSome(limitParts, 6)}.`,
      });
    }
  },
});
