/**
 * Lifecycle events of dockerd, containerd, their units, journald and firewalld, read from the typed
 * events of the catalog (analyzer/src/events/) in model.journal, plus one `boot` event per known
 * boot start. No log text is read here: every meaning comes from an event kind and its fields.
 *
 * - `unit.main-exited` code=killed → killed (status 9/KILL, 6/ABRT …); code=dumped → crash;
 *   code=exited with a non-zero status → crash; status 0 → stop.
 * - `unit.failed-result` start-limit-hit → start-limit, timeout → timeout, other results → crash.
 *   A socket's result (docker.socket `service-start-limit-hit`) restates the service's: not an event.
 * - journald/firewalld `start` is a restart when it already started or stopped in that boot; a
 *   firewalld reload is a restart.
 * Ordered by boot position, then time, then line (timeline.ts); daemon-runs.ts groups them into runs.
 */
import type { FactStore } from './fact-store.js';
import type { ModelDraft } from './build.js';
import type { EventsByKind, LifecycleActor, LifecycleEvent, LifecycleKind, LogEvent } from './host-model.js';
import type { EventKind } from '../events/types.js';
import { orderByBootThenTime } from './timeline.js';
import { byCodeUnits } from '../text-order.js';

type Mapped = { actor: LifecycleActor; kind: LifecycleKind; detail?: string } | undefined;
type Mapper<K extends EventKind> = (e: LogEvent<K>) => Mapped;

/** The actor behind a unit name; other units (docker.socket) are not lifecycle actors. */
function unitActor(unit: string | undefined): LifecycleActor | undefined {
  if (unit === 'docker.service' || unit === 'docker.io.service') return 'docker.service';
  if (unit === 'containerd.service') return 'containerd.service';
  if (unit === 'firewalld.service') return 'firewalld';
  return undefined;
}
/** A Go runtime failure belongs to the daemon that wrote it. */
const daemonActor = (e: LogEvent): LifecycleActor => ((e.ident ?? e.unit ?? '').startsWith('containerd') ? 'containerd' : 'dockerd');

/** A unit event of docker/containerd; firewalld's unit lines have their own mapping. */
function unitOnly(kind: LifecycleKind, detail?: string): Mapper<'unit.starting' | 'unit.stopping' | 'unit.failed-to-start' | 'unit.failed-state' | 'unit.start-limit' | 'unit.holdoff'> {
  return (e) => {
    const actor = unitActor(e.fields.unit);
    return actor && actor !== 'firewalld' ? { actor, kind, ...(detail ? { detail } : {}) } : undefined;
  };
}

const MAPPERS: { [K in EventKind]?: Mapper<K> } = {
  'dockerd.starting': () => ({ actor: 'dockerd', kind: 'start' }),
  'dockerd.api-listen': (e) => ({ actor: 'dockerd', kind: 'ready', detail: `serving its API on ${e.fields.address ?? '?'}` }),
  'dockerd.init-done': () => ({ actor: 'dockerd', kind: 'ready', detail: 'initialised' }),
  'dockerd.signal': (e) => ({ actor: 'dockerd', kind: 'stop', detail: `signal ${e.fields.signal ?? '?'}` }),
  'dockerd.shutdown-complete': () => ({ actor: 'dockerd', kind: 'stop', detail: 'clean shutdown' }),
  'dockerd.start-error': (e) => ({ actor: 'dockerd', kind: 'start-failed', detail: (e.fields.cause ?? '').slice(0, 500) }),
  'dockerd.config-error': (e) => ({ actor: 'dockerd', kind: 'start-failed', detail: `configuration file ${e.fields.file ?? '?'} refused: ${(e.fields.cause ?? '').slice(0, 400)}` }),
  'dockerd.log-level-error': (e) => ({ actor: 'dockerd', kind: 'start-failed', detail: `log level ${e.fields.level ?? '?'} refused` }),
  'dockerd.fatal': (e) => ({ actor: 'dockerd', kind: 'start-failed', detail: (e.fields.cause ?? '').slice(0, 500) }),
  'go.panic': (e) => ({ actor: daemonActor(e), kind: 'crash', detail: `panic: ${(e.fields.text ?? '').slice(0, 480)}` }),
  'go.fatal-error': (e) => ({ actor: daemonActor(e), kind: 'crash', detail: `Go runtime failure: ${(e.fields.text ?? '').slice(0, 480)}` }),
  'containerd.booted': (e) => ({ actor: 'containerd', kind: 'ready', detail: `booted in ${e.fields.duration ?? '?'}` }),
  'containerd.started-by-dockerd': () => ({ actor: 'containerd', kind: 'start', detail: 'started by dockerd (libcontainerd)' }),
  'containerd.restarted-by-dockerd': () => ({ actor: 'containerd', kind: 'restart', detail: 'killed and restarted by dockerd' }),
  'containerd.exit-failed': () => ({ actor: 'containerd', kind: 'crash', detail: 'exited with an error' }),
  'unit.starting': unitOnly('start'),
  'unit.started': (e) => {
    const actor = unitActor(e.fields.unit);
    if (!actor) return undefined;
    return actor === 'firewalld' ? { actor, kind: 'start', detail: 'started' } : { actor, kind: 'ready', detail: 'unit started' };
  },
  'unit.stopping': unitOnly('stop', 'stopping'),
  'unit.stopped': (e) => {
    const actor = unitActor(e.fields.unit);
    return actor ? { actor, kind: 'stop', detail: 'stopped' } : undefined;
  },
  'unit.reloaded': (e) => (unitActor(e.fields.unit) === 'firewalld' ? { actor: 'firewalld', kind: 'restart', detail: 'reloaded' } : undefined),
  'unit.failed-to-start': unitOnly('start-failed', 'start failed'),
  'unit.main-exited': (e) => {
    const actor = unitActor(e.fields.unit);
    if (!actor || actor === 'firewalld') return undefined;
    const { code = '?', status = '?' } = e.fields;
    const detail = `code=${code}, status=${status}`;
    if (code === 'killed') return { actor, kind: 'killed', detail };
    if (code === 'exited' && /^0(\/|$)/.test(status)) return { actor, kind: 'stop', detail };
    return { actor, kind: 'crash', detail };
  },
  'unit.failed-result': (e) => {
    const { unit, result = '?' } = e.fields;
    if (!unit?.endsWith('.service')) return undefined;
    const actor = unitActor(unit);
    if (!actor || actor === 'firewalld') return undefined;
    const detail = `${unit} result '${result}'`;
    if (result.includes('start-limit')) return { actor, kind: 'start-limit', detail };
    if (result === 'timeout') return { actor, kind: 'timeout', detail };
    return { actor, kind: 'crash', detail };
  },
  'unit.failed-state': unitOnly('crash', 'unit failed'),
  'unit.start-limit': unitOnly('start-limit', 'start refused: start limit hit'),
  'unit.start-timeout': (e) => {
    const actor = unitActor(e.fields.unit);
    return actor && actor !== 'firewalld' ? { actor, kind: 'timeout', detail: `${(e.fields.phase ?? 'start').toLowerCase()} timed out` } : undefined;
  },
  'unit.scheduled-restart': (e) => {
    const actor = unitActor(e.fields.unit);
    return actor && actor !== 'firewalld' ? { actor, kind: 'restart', detail: `restart counter ${e.fields.counter ?? '?'}` } : undefined;
  },
  'unit.holdoff': unitOnly('restart', 'restart scheduled'),
  'journald.stopped': () => ({ actor: 'journald', kind: 'stop', detail: 'journald stopped' }),
  'journald.started': () => ({ actor: 'journald', kind: 'start', detail: 'journald started' }),
};

/** Lifecycle event of one catalog event, or undefined when the event says nothing about a lifecycle. */
export function lifecycleOf(e: LogEvent): LifecycleEvent | undefined {
  const map = MAPPERS[e.kind] as Mapper<EventKind> | undefined;
  const m = map?.(e);
  if (!m) return undefined;
  const ev: LifecycleEvent = { actor: m.actor, kind: m.kind, source: e.kind, evidence: e.evidence };
  if (e.time !== undefined) ev.time = e.time;
  if (e.bootIndex !== undefined) ev.bootIndex = e.bootIndex;
  if (m.detail) ev.detail = m.detail;
  if (e.pid !== undefined && e.pid !== 1) ev.pid = e.pid;
  if (Object.keys(e.fields).length) ev.fields = e.fields as Record<string, string>;
  return ev;
}

export function buildLifecycle(_facts: FactStore, d: ModelDraft): LifecycleEvent[] {
  const out: LifecycleEvent[] = [];
  const events: EventsByKind = d.journal?.events ?? {};
  // Boots first, so that a boot sorts before the records of the same second.
  for (const b of d.boots ?? []) {
    if (b.firstEntry === undefined) continue;
    const evidence = b.evidence[0] ?? { artifact: 'journal.boots', path: '', line: 0, excerpt: `boot ${b.index}` };
    out.push({ time: b.firstEntry, bootIndex: b.index, actor: 'system', kind: 'boot', detail: b.bootId ? `boot ${b.index} ${b.bootId}` : `boot ${b.index}`, evidence });
  }
  for (const kind of Object.keys(MAPPERS) as EventKind[]) {
    for (const e of (events[kind] ?? []) as LogEvent[]) {
      const l = lifecycleOf(e);
      if (l) out.push(l);
    }
  }
  // Line order first (the file's order is the truth within one second of a `short` journal), boots
  // ahead of records; then the stable boot/time order.
  out.sort((a, b) => (a.kind === 'boot' ? 0 : 1) - (b.kind === 'boot' ? 0 : 1) || byCodeUnits(a.evidence.path, b.evidence.path) || a.evidence.line - b.evidence.line);
  // An untimed line (dockerd's bare `failed to start daemon: …` in its log file) sorts at the time of
  // the timed line before it in the same file: it belongs to the run around it.
  const lastTimeByPath = new Map<string, number>();
  const keyed = out.map((e) => {
    if (e.time !== undefined) lastTimeByPath.set(e.evidence.path, e.time);
    const time = e.time ?? lastTimeByPath.get(e.evidence.path);
    return { e, ...(time !== undefined ? { time } : {}), ...(e.bootIndex !== undefined ? { bootIndex: e.bootIndex } : {}) };
  });
  const sorted = orderByBootThenTime(keyed, d.boots ?? []).map((k) => k.e);
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
