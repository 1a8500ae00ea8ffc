/**
 * Lifecycle events of dockerd, containerd, their units, journald and firewalld, read from the model
 * signals (model/signals.ts) in model.journal, plus one `boot` event per known boot start.
 *
 * - systemd `Main process exited, code=killed` → killed (status 9/KILL, 6/ABRT …); `code=dumped` →
 *   crash; `code=exited` with a non-zero status → crash; status 0 → stop.
 * - `Failed with result 'start-limit-hit'` → start-limit, `'timeout'` → timeout, other results → crash.
 * - journald `Journal started` is a restart when journald already started or stopped in that boot
 *   (a journal that begins mid-boot still shows stop → start as a restart); firewalld `Started`
 *   likewise; `Reloaded` is a restart.
 * - dockerd `killing and restarting containerd` → containerd restart (18.09 managed containerd).
 * Ordered by time (stable); events without a time keep their boot's place (see timeline.ts).
 */
import type { FactStore } from './fact-store.js';
import type { ModelDraft } from './build.js';
import type { LifecycleActor, LifecycleEvent, LifecycleKind, LogRecord } from './host-model.js';
import { SIG } from './signals.js';
import { orderByBootThenTime } from './timeline.js';

type Mapper = (r: LogRecord, m: RegExpMatchArray | null) => { actor: LifecycleActor; kind: LifecycleKind; detail?: string } | undefined;

const unitActor = (s: string | undefined, text: string): LifecycleActor =>
  s === 'containerd' || (!s && /containerd/.test(text) && !/Docker Application/.test(text)) ? 'containerd.service' : 'docker.service';
const daemonActor = (r: LogRecord): LifecycleActor => (/containerd/.test(r.ident ?? r.unit ?? '') ? 'containerd' : 'dockerd');

const MAPPERS: Record<string, { re?: RegExp; map: Mapper }> = {
  [SIG.dockerdStarting]: { map: () => ({ actor: 'dockerd', kind: 'start' }) },
  [SIG.dockerdApiListen]: { re: /API listen on ([^"]+)/, map: (_r, m) => ({ actor: 'dockerd', kind: 'ready', detail: `API listen on ${m?.[1] ?? '?'}` }) },
  [SIG.dockerdInitDone]: { map: () => ({ actor: 'dockerd', kind: 'ready', detail: 'Daemon has completed initialization' }) },
  [SIG.dockerdSignal]: { re: /Processing signal '(\w+)'/, map: (_r, m) => ({ actor: 'dockerd', kind: 'stop', detail: `signal ${m?.[1] ?? '?'}` }) },
  [SIG.dockerdShutdownComplete]: { map: () => ({ actor: 'dockerd', kind: 'stop', detail: 'Daemon shutdown complete' }) },
  [SIG.dockerdStartError]: { map: (r) => ({ actor: 'dockerd', kind: 'start-failed', detail: r.message.slice(0, 500) }) },
  [SIG.dockerdConfigError]: { map: (r) => ({ actor: 'dockerd', kind: 'start-failed', detail: r.message.slice(0, 500) }) },
  [SIG.dockerdFatal]: { map: (r) => ({ actor: 'dockerd', kind: 'start-failed', detail: (r.logrus?.msg ?? r.message).slice(0, 500) }) },
  [SIG.goPanic]: { map: (r) => ({ actor: daemonActor(r), kind: 'crash', detail: r.message.slice(0, 500) }) },
  [SIG.goFatalError]: { map: (r) => ({ actor: daemonActor(r), kind: 'crash', detail: r.message.slice(0, 500) }) },
  [SIG.containerdBooted]: { re: /booted in ([\d.]+s)/, map: (_r, m) => ({ actor: 'containerd', kind: 'ready', detail: `booted in ${m?.[1] ?? '?'}` }) },
  [SIG.libcontainerdStarted]: { map: () => ({ actor: 'containerd', kind: 'start', detail: 'started by dockerd (libcontainerd)' }) },
  [SIG.containerdKilledByDockerd]: { map: () => ({ actor: 'containerd', kind: 'restart', detail: 'killed and restarted by dockerd' }) },
  [SIG.containerdDidNotExit]: { map: () => ({ actor: 'containerd', kind: 'crash', detail: 'containerd did not exit successfully' }) },
  [SIG.unitStarting]: { re: /(docker|containerd)\.service/, map: (r, m) => ({ actor: unitActor(m?.[1], r.message), kind: 'start' }) },
  [SIG.unitStarted]: { re: /(docker|containerd)\.service/, map: (r, m) => ({ actor: unitActor(m?.[1], r.message), kind: 'ready', detail: 'unit started' }) },
  [SIG.unitStopping]: { re: /(docker|containerd)\.service/, map: (r, m) => ({ actor: unitActor(m?.[1], r.message), kind: 'stop', detail: 'stopping' }) },
  [SIG.unitStopped]: { re: /(docker|containerd)\.service/, map: (r, m) => ({ actor: unitActor(m?.[1], r.message), kind: 'stop', detail: 'stopped' }) },
  [SIG.unitFailedToStart]: { re: /(docker|containerd)\.service/, map: (r, m) => ({ actor: unitActor(m?.[1], r.message), kind: 'start-failed', detail: 'Failed to start' }) },
  [SIG.unitMainExited]: {
    re: /^(docker|containerd)\.service:? [Mm]ain process exited, code=(\w+), (status|signal)=([^\s,]+)/,
    map: (r, m) => {
      if (!m) return undefined;
      const actor = unitActor(m[1], r.message);
      const detail = `code=${m[2]}, ${m[3]}=${m[4]}`;
      if (m[2] === 'killed') return { actor, kind: 'killed', detail };
      if (m[2] === 'exited' && /^0(\/|$)/.test(m[4]!)) return { actor, kind: 'stop', detail };
      return { actor, kind: 'crash', detail };
    },
  },
  [SIG.unitFailedResult]: {
    re: /^(docker|containerd)\.(service|socket): Failed with result '([\w-]+)'/,
    map: (r, m) => {
      if (!m) return undefined;
      const actor = unitActor(m[1], r.message);
      const res = m[3]!;
      const detail = `${m[1]}.${m[2]} result '${res}'`;
      if (/start-limit/.test(res)) return { actor, kind: 'start-limit', detail };
      if (res === 'timeout') return { actor, kind: 'timeout', detail };
      return { actor, kind: 'crash', detail };
    },
  },
  [SIG.unitFailedState]: { re: /(docker|containerd)\.service/, map: (r, m) => ({ actor: unitActor(m?.[1], r.message), kind: 'crash', detail: 'unit entered failed state' }) },
  [SIG.unitStartLimit]: { re: /(docker|containerd)\.service/, map: (r, m) => ({ actor: unitActor(m?.[1], r.message), kind: 'start-limit', detail: 'Start request repeated too quickly' }) },
  [SIG.unitStartTimeout]: {
    re: /^(docker|containerd)\.service:? ([Ss]tart(?:-pre|-post)?) operation timed out/,
    map: (r, m) => ({ actor: unitActor(m?.[1], r.message), kind: 'timeout', detail: `${(m?.[2] ?? 'start').toLowerCase()} operation timed out` }),
  },
  [SIG.unitScheduledRestart]: {
    re: /^(docker|containerd)\.service: Scheduled restart job, restart counter is at (\d+)/,
    map: (r, m) => ({ actor: unitActor(m?.[1], r.message), kind: 'restart', detail: `restart counter ${m?.[2] ?? '?'}` }),
  },
  [SIG.unitHoldoff]: { re: /(docker|containerd)\.service/, map: (r, m) => ({ actor: unitActor(m?.[1], r.message), kind: 'restart', detail: 'hold-off time over, scheduling restart' }) },
  [SIG.journaldStopped]: { map: () => ({ actor: 'journald', kind: 'stop', detail: 'Journal stopped' }) },
  [SIG.journaldStarted]: { map: () => ({ actor: 'journald', kind: 'start', detail: 'Journal started' }) },
  [SIG.firewalld]: {
    re: /^(Starting|Started|Stopping|Stopped|Reloading|Reloaded) /,
    map: (_r, m) => {
      switch (m?.[1]) {
        case 'Started':
          return { actor: 'firewalld', kind: 'start', detail: 'started' };
        case 'Stopped':
          return { actor: 'firewalld', kind: 'stop', detail: 'stopped' };
        case 'Reloaded':
          return { actor: 'firewalld', kind: 'restart', detail: 'reloaded' };
        default:
          return undefined; // Starting/Stopping/Reloading: the completed form follows
      }
    },
  },
};

export function buildLifecycle(_facts: FactStore, d: ModelDraft): LifecycleEvent[] {
  const out: LifecycleEvent[] = [];
  const signals = d.journal?.signals ?? {};
  // Boots first, so that a boot sorts before the records of the same second.
  for (const b of d.boots ?? []) {
    if (b.firstEntry === undefined) continue;
    const evidence = b.evidence[0] ?? { artifact: 'journal.boots', path: '', line: 0, excerpt: `boot ${b.index}` };
    out.push({ time: b.firstEntry, bootIndex: b.index, actor: 'system', kind: 'boot', detail: b.bootId ? `boot ${b.index} ${b.bootId}` : `boot ${b.index}`, evidence });
  }

  for (const [name, { re, map }] of Object.entries(MAPPERS)) {
    for (const r of signals[name] ?? []) {
      const m = re ? re.exec(r.message) : null;
      const e = map(r, m);
      if (!e) continue;
      const ev: LifecycleEvent = { actor: e.actor, kind: e.kind, evidence: r.evidence };
      if (r.time !== undefined) ev.time = r.time;
      if (r.bootIndex !== undefined) ev.bootIndex = r.bootIndex;
      if (e.detail) ev.detail = e.detail;
      if (r.pid !== undefined && r.pid !== 1) ev.pid = r.pid;
      out.push(ev);
    }
  }
  // Line order first (the file's order is the truth within one second of a `short` journal), boots
  // ahead of records; then the stable boot/time order.
  out.sort((a, b) => (a.kind === 'boot' ? 0 : 1) - (b.kind === 'boot' ? 0 : 1) || a.evidence.line - b.evidence.line);
  const sorted = orderByBootThenTime(out, d.boots ?? []);
  // A journald/firewalld start after an earlier start or stop of it in the same boot is a restart
  // (field guide §2/§5: `Journal stopped`/`Journal started` inside one boot).
  const seen = new Set<string>();
  return sorted.map((e) => {
    if (e.actor === 'journald' || e.actor === 'firewalld') {
      const k = `${e.actor}|${e.bootIndex ?? '?'}`;
      const before = seen.has(k);
      if (e.kind === 'start' || e.kind === 'stop') seen.add(k);
      if (e.kind === 'start' && before) return { ...e, kind: 'restart' as const, detail: `${e.detail ?? ''} (again in the same boot)`.trim() };
    }
    if (e.actor === 'system' && e.kind === 'boot') {
      seen.delete(`journald|${e.bootIndex ?? '?'}`);
      seen.delete(`firewalld|${e.bootIndex ?? '?'}`);
    }
    return e;
  });
}
