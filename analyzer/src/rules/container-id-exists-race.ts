/**
 * container-id-exists-race: containerd was force-killed while a container start was inside
 * `runc create` (a slow hook, say); after containerd restarts the old create may still run, so
 * the next start fails because the id already exists. Field guide §1.4; openEuler guide
 * "Failed to Restart a Container".
 */
import type { LifecycleEvent, LogRecord } from '../model/host-model.js';
import type { Evidence } from '../spine/types.js';
import { defineRule } from './types.js';
import { LOG_ARTIFACTS, byTime, containerIdsIn, iso, recordEvidence } from './util-evidence.js';

// runc rc3–v1.0.3: "container with id exists: <id>"; v1.1.0+: "container with given ID already exists";
// wrapped by containerd 1.2 as "OCI runtime create failed: …" and by old docker as "oci runtime error: …".
const RUNC_EXISTS = /(?:OCI runtime create failed: |oci runtime error: )?container with (?:id exists(?:: ?[0-9a-f]*)?|given ID already exists)/;
// containerd 1.6: "task <64hex>: already exists"; 20.10 / openEuler patch 0161: "Container not cleaned up … id already in use".
const TASK_EXISTS = /task [0-9a-f]{64}: already exists/;
const NOT_CLEANED = /Container not cleaned up from containerd from previous run/;
// containerd going away while dockerd talks to it.
const CONTAINERD_GONE = /killing and restarting containerd|started new containerd process|containerd did not exit successfully|transport is closing|containerd\.service: Main process exited, code=killed/;
/** A containerd started this soon after dockerd started is dockerd's normal start (18.09 starts it within a second), not a restart. */
const DOCKERD_START_MS = 10_000;
/** A containerd kill/restart this long before the failure counts as its cause. */
const CORRELATION_MS = 15 * 60_000;

export default defineRule({
  meta: {
    id: 'container-id-exists-race',
    title: '"container with id exists" after containerd was killed during a start',
    category: 'daemon',
    severity: 'error',
    requires: [...LOG_ARTIFACTS, 'docker.ps'],
    essential: ['journal', 'journal.docker', 'journal.containerd', 'syslog'],
    explanation:
      'When containerd is force-killed while a container start is inside `runc create` (for example a slow prestart hook), the old ' +
      '`runc create` can outlive it. After containerd restarts, `docker start` fails because runc (or containerd 1.6) still holds ' +
      'the id, until the first create finishes; Docker does not control how long hooks run. The same runc text also follows unclean ' +
      'reboots that leave stale runc state: that case has no create in flight and is bounded by a boot change.',
    guideSection: 'Installation and Deployment › Failed to Restart a Container',
    messages: {
      raceAfterContainerdKill: 'container {{container}} failed to start ("{{error}}") {{minutes}} min after containerd was killed or restarted',
      idExistsNoKillSeen: 'container {{container}} failed to start ("{{error}}"); no containerd kill or restart was seen before it',
    },
    remediation: [
      { text: 'Wait for the first `runc create` (and its hooks) to finish, then start the container again.', commands: ['docker start <container>'], source: 'openEuler guide: Failed to Restart a Container' },
      { text: 'Preferably create a new container instead of restarting this one.', commands: ['docker rm <container>', 'docker run …'], source: 'openEuler guide: Failed to Restart a Container' },
      { text: 'With containerd 1.6 the error persists until the stale shim ends: find and stop it.', commands: ['ps -ef | grep containerd-shim'], source: 'field guide §1.4 [lab]' },
    ],
    signals: {
      runcExists: { pattern: RUNC_EXISTS, hint: 'exists' },
      taskExists: { pattern: TASK_EXISTS, hint: 'already exists' },
      notCleaned: { pattern: NOT_CLEANED, hint: 'not cleaned up' },
      containerdGone: { pattern: CONTAINERD_GONE, hint: ['containerd', 'transport is closing'] },
    },
  },

  evaluate(ctx) {
    const failures = byTime([...ctx.signal('runcExists'), ...ctx.signal('taskExists'), ...ctx.signal('notCleaned')]);
    if (failures.length === 0) return;
    // dockerd 18.09 logs "started new containerd process" at EVERY start of its managed containerd:
    // that line counts as a restart only when dockerd itself did not just start.
    const dockerdStarts = ctx.model.lifecycle.filter((e) => e.actor === 'dockerd' && e.kind === 'start' && e.time !== undefined).map((e) => e.time!);
    const isRestart = (r: LogRecord) =>
      !/started new containerd process/.test(r.message) || r.time === undefined || !dockerdStarts.some((t) => t <= r.time! && r.time! - t <= DOCKERD_START_MS);
    const kills = byTime([
      ...ctx.signal('containerdGone').filter(isRestart).map((r) => ({ time: r.time, bootIndex: r.bootIndex, evidence: recordEvidence(r, CONTAINERD_GONE) })),
      ...ctx.model.lifecycle
        .filter((e: LifecycleEvent) => (e.actor === 'containerd' || e.actor === 'containerd.service') && ['killed', 'crash', 'restart'].includes(e.kind))
        .map((e) => ({ time: e.time, bootIndex: e.bootIndex, evidence: e.evidence })),
    ]);

    // One finding per container: the first failure, with every failure of that container as evidence.
    const byContainer = new Map<string, LogRecord[]>();
    for (const r of failures) {
      const key = containerOf(r) ?? 'unknown';
      byContainer.set(key, [...(byContainer.get(key) ?? []), r]);
    }
    for (const [key, records] of byContainer) {
      const first = records[0]!;
      const name = displayName(key, ctx.model.containers);
      const error = (TASK_EXISTS.exec(first.message) ?? RUNC_EXISTS.exec(first.message) ?? NOT_CLEANED.exec(first.message))![0];
      const cause = [...kills].reverse().find(
        (k) =>
          first.time !== undefined && k.time !== undefined && k.time <= first.time && first.time - k.time <= CORRELATION_MS &&
          (k.bootIndex === undefined || first.bootIndex === undefined || k.bootIndex === first.bootIndex),
      );
      const evidence: Evidence[] = [...records.map((r) => recordEvidence(r, new RegExp(`${TASK_EXISTS.source}|${RUNC_EXISTS.source}|${NOT_CLEANED.source}`))), ...(cause ? [cause.evidence] : [])];
      if (cause) {
        ctx.report({
          messageId: 'raceAfterContainerdKill',
          data: { container: name, error, minutes: Math.round(((first.time! - cause.time!) / 60_000) * 10) / 10 },
          evidence,
          confidence: 'high',
          confidenceReason: 'the failure follows a containerd kill or restart in the same boot',
          detail: `containerd went away at ${iso(cause.time)}; the start failed at ${iso(first.time)} (${records.length} failure(s) for this container).`,
        });
      } else {
        ctx.report({
          messageId: 'idExistsNoKillSeen',
          data: { container: name, error },
          severity: 'warning',
          evidence,
          confidence: 'low',
          confidenceReason: 'no containerd kill or restart in the 15 minutes before; stale runc state after an unclean reboot gives the same text',
        });
      }
    }
  },
});

/** The container a failure names: the id in the runc/containerd text, or dockerd's `container=` field. */
function containerOf(r: LogRecord): string | undefined {
  const field = r.logrus?.fields['container'];
  if (field) return field;
  const handler = /containers\/([^/\s]+)\/start/.exec(r.message);
  return containerIdsIn(r.message)[0] ?? handler?.[1];
}

function displayName(key: string, containers: readonly { id: string; name?: string }[]): string {
  if (key === 'unknown') return '(unnamed)';
  const c = containers.find((x) => x.id.startsWith(key) || key.startsWith(x.id) || x.name === key);
  if (!c) return key.length === 64 ? key.slice(0, 12) : key;
  return c.name ? `${c.name} (${c.id.slice(0, 12)})` : c.id.slice(0, 12);
}
