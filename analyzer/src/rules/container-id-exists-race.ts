/**
 * container-id-exists-race: containerd was force-killed while a container start was inside
 * `runc create` (a slow hook, say); after containerd restarts the old create may still run, so
 * the next start fails because the id already exists. Field guide §1.4; openEuler guide
 * "Failed to Restart a Container".
 */
import type { Boot, LogEvent } from '../model/host-model.js';
import { defineRule } from './types.js';
import { LOG_ARTIFACTS, byTime, iso } from './util-evidence.js';

/** A containerd kill/restart this long before the failure counts as its cause. */
const CORRELATION_MS = 15 * 60_000;
/** A failure this soon after a boot that follows an unclean (or any) reboot points at stale runtime state. */
const AFTER_BOOT_MS = 30 * 60_000;

type Failure = LogEvent<'runtime.id-exists' | 'containerd.task-exists' | 'dockerd.container-not-cleaned'>;

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
      idExistsAfterReboot: 'container {{container}} failed to start ("{{error}}") {{minutes}} min after boot {{boot}} began; the boot before it ended {{verdict}}: stale runtime state, not a containerd kill',
    },
    remediation: [
      { kind: 'fix', risk: { restart: false, dataLoss: false, reversible: true }, text: 'Wait for the first `runc create` (and its hooks) to finish, then start the container again.', commands: ['docker start {{container}}'], source: 'openEuler guide: Failed to Restart a Container' },
      { kind: 'fix', risk: { restart: false, dataLoss: true, reversible: false }, text: 'Preferably create a new container instead of restarting this one.', commands: ['docker rm {{container}}', 'docker run …'], source: 'openEuler guide: Failed to Restart a Container' },
      { kind: 'fix', risk: { restart: false, dataLoss: false, reversible: false }, text: 'With containerd 1.6 the error persists until the stale shim ends: find and stop it.', commands: ['ps -ef | grep containerd-shim'], source: 'moby/moby#36145' },
    ],
    events: ['dockerd.api-error', 'runtime.id-exists', 'containerd.task-exists', 'dockerd.container-not-cleaned', 'containerd.started-by-dockerd', 'containerd.restarted-by-dockerd', 'containerd.exit-failed', 'containerd.connection-lost', 'unit.main-exited'],
  },

  evaluate(ctx) {
    const { model } = ctx;
    const failures: Failure[] = byTime([...ctx.events('runtime.id-exists'), ...ctx.events('containerd.task-exists'), ...ctx.events('dockerd.container-not-cleaned')]);
    if (failures.length === 0) return;
    const losses = model.daemons.containerdLosses;
    // The API request a failure line also is (same line): it names the container when the runtime text does not.
    const apiErrors = new Map(ctx.events('dockerd.api-error').map((e) => [`${e.evidence.path}|${e.evidence.line}`, e.fields.container]));
    const containerOf = (r: Failure): string | undefined => {
      const f = r.fields as Record<string, string | undefined>;
      return f['id'] || f['container'] || apiErrors.get(`${r.evidence.path}|${r.evidence.line}`) || r.logrus?.fields['container'];
    };

    // One finding per container: the first failure, with every failure of that container as evidence.
    const byContainer = new Map<string, Failure[]>();
    for (const r of failures) {
      const key = containerOf(r) ?? 'unknown';
      byContainer.set(key, [...(byContainer.get(key) ?? []), r]);
    }
    for (const [key, records] of byContainer) {
      const first = records[0]!;
      const name = displayName(key, model.containers);
      // The commands name the container as docker does: its name when known, else its id.
      const fill = { container: commandRef(key, model.containers) };
      const error = first.evidence.match ?? first.kind;
      const cause = [...losses].reverse().find(
        (k) =>
          first.time !== undefined && k.time !== undefined && k.time <= first.time && first.time - k.time <= CORRELATION_MS &&
          (k.bootIndex === undefined || first.bootIndex === undefined || k.bootIndex === first.bootIndex),
      );
      const evidence = [...records.map((r) => r.evidence), ...(cause ? [cause.evidence] : [])];
      if (cause) {
        ctx.report({
          messageId: 'raceAfterContainerdKill',
          subject: key,
          fill,
          data: { container: name, error, minutes: Math.round(((first.time! - cause.time!) / 60_000) * 10) / 10 },
          evidence,
          confidence: 'high',
          confidenceReason: `the failure follows containerd going away (${cause.how}) in the same boot`,
          detail: `containerd went away (${cause.how}) at ${iso(cause.time)}; the start failed at ${iso(first.time)} (${records.length} failure(s) for this container).`,
        });
        continue;
      }
      const boot = bootOf(first, model.boots);
      const prev = boot ? model.boots.find((b) => b.index === boot.index - 1) : undefined;
      if (boot && prev && boot.firstEntry !== undefined && first.time !== undefined && first.time - boot.firstEntry <= AFTER_BOOT_MS) {
        ctx.report({
          messageId: 'idExistsAfterReboot',
          subject: key,
          fill,
          data: { container: name, error, minutes: Math.round(((first.time - boot.firstEntry) / 60_000) * 10) / 10, boot: boot.index, verdict: prev.verdict },
          severity: 'warning',
          evidence: [...evidence, ...(prev.evidence[0] ? [prev.evidence[0]] : [])].filter((e) => LOG_ARTIFACTS.includes(e.artifact as (typeof LOG_ARTIFACTS)[number])),
          confidence: prev.verdict === 'unclean' ? 'high' : 'medium',
          confidenceReason:
            prev.verdict === 'unclean'
              ? 'the failure comes right after an unclean reboot, with no containerd kill: runc/containerd state from before the reboot was left behind'
              : 'the failure comes right after a reboot, with no containerd kill: state under /run survived a warm reboot or was restored',
        });
        continue;
      }
      ctx.report({
        messageId: 'idExistsNoKillSeen',
        subject: key,
        fill,
        data: { container: name, error },
        severity: 'warning',
        evidence,
        confidence: 'low',
        confidenceReason: 'no containerd kill or restart in the 15 minutes before; stale runc state after an unclean reboot gives the same text',
      });
    }
  },
});

function bootOf(e: { bootIndex?: number }, boots: readonly Boot[]): Boot | undefined {
  return e.bootIndex === undefined ? undefined : boots.find((b) => b.index === e.bootIndex);
}

/** What `docker start` takes for this container: its name, else its id; undefined when the log named none. */
function commandRef(key: string, containers: readonly { id: string; name?: string }[]): string | undefined {
  if (key === 'unknown') return undefined;
  const c = containers.find((x) => x.id.startsWith(key) || key.startsWith(x.id) || x.name === key);
  return c?.name ?? c?.id ?? key;
}

function displayName(key: string, containers: readonly { id: string; name?: string }[]): string {
  if (key === 'unknown') return '(unnamed)';
  const c = containers.find((x) => x.id.startsWith(key) || key.startsWith(x.id) || x.name === key);
  if (!c) return key.length === 64 ? key.slice(0, 12) : key;
  return c.name ? `${c.name} (${c.id.slice(0, 12)})` : c.id.slice(0, 12);
}
