/**
 * Daemon runs and episodes: the lifecycle events (lifecycle.ts) grouped into runs of dockerd and
 * containerd, and the runs into the episodes rules reason about.
 *
 * A run is one start attempt: systemd's `Starting …` and dockerd's `Starting up` of the same
 * attempt are one run; it ends in a clean stop, a kill (with its signal), a crash or failed exit
 * (status, cause lines), a start timeout, a failed start (dockerd's own last words), or it is still
 * running. Where no init system logged the end (dockerd under another supervisor, or only
 * `--log-file`), a run followed by another start with no clean-shutdown line in between ended
 * uncleanly. Untimed lines (`failed to start daemon: …` in a log file) belong to the run around them
 * (lifecycle.ts orders them by their file position).
 *
 * Episodes:
 * - start limit: one or more refusals (`Start request repeated too quickly`) with no successful start
 *   between them, with the start attempts inside systemd's start-limit interval before the first one.
 *   Starts are counted, never log lines (a failed start writes 3–5 lines).
 * - restart storm: 3 or more unplanned exits of one daemon in one boot, each run starting within
 *   STORM_GAP_MS of the previous end; a run that stayed up longer than STORM_GAP_MS ends the storm
 *   (a short clean run, such as an operator's restart between failures, does not).
 * - journald restart: journald stopped and started again inside one boot.
 */
import type { FactStore } from './fact-store.js';
import type { ModelDraft } from './build.js';
import type { Boot, ContainerdLoss, DaemonHistory, DaemonRun, JournaldRestart, LifecycleEvent, RestartStorm, RunEnd, StartLimitEpisode, UnitFacts } from './host-model.js';
import type { Evidence } from '../spine/types.js';
import { systemdSpanMs } from '../parsers/util/timespan.js';

/** Unplanned exits further apart than this (or a run up longer than this between them) are separate trouble, not one storm. */
export const STORM_GAP_MS = 60 * 60_000;
export const STORM_MIN_RUNS = 3;
/** systemd's default start-limit interval (openEuler's unit keeps it) and the upstream docker unit's. */
const DEFAULT_INTERVAL_MS = { openeuler: 10_000, upstream: 60_000 };
/** Clock granularity of `short` journals: a start in the same second as the window edge still counts. */
const SLACK_MS = 1000;

const UNPLANNED: ReadonlySet<RunEnd> = new Set(['killed', 'crash', 'exit-failure', 'start-failed', 'start-timeout', 'unclean']);
export const isUnplanned = (how: RunEnd): boolean => UNPLANNED.has(how);

type Daemon = 'dockerd' | 'containerd';
const DAEMON_OF: Partial<Record<LifecycleEvent['actor'], Daemon>> = { dockerd: 'dockerd', 'docker.service': 'dockerd', containerd: 'containerd', 'containerd.service': 'containerd' };

interface Open {
  run: DaemonRun;
  /** Which actors already logged a start for this run (systemd's and the daemon's own). */
  startedBy: Set<LifecycleEvent['actor']>;
  stopping: boolean;
}

function newRun(daemon: Daemon, e: LifecycleEvent): Open {
  const run: DaemonRun = { daemon, end: { how: 'running', evidence: [] }, evidence: [e.evidence] };
  if (e.bootIndex !== undefined) run.bootIndex = e.bootIndex;
  if (e.time !== undefined) run.start = e.time;
  if (daemon === 'containerd') run.startedBy = e.source === 'containerd.started-by-dockerd' ? 'dockerd' : e.actor === 'containerd.service' ? 'systemd' : 'unknown';
  return { run, startedBy: new Set(e.kind === 'start' ? [e.actor] : []), stopping: false };
}

function end(o: Open, how: RunEnd, e: LifecycleEvent | undefined, extra: Partial<DaemonRun['end']> = {}): void {
  const cur = o.run.end;
  // A more specific ending may follow the first (exit status after dockerd's start error, a result line).
  const keep = cur.how !== 'running' && rank(cur.how) >= rank(how);
  if (!keep) cur.how = how;
  if (e) {
    if (cur.time === undefined && e.time !== undefined) cur.time = e.time;
    cur.evidence.push(e.evidence);
  }
  for (const [k, v] of Object.entries(extra)) if (v !== undefined && (cur as unknown as Record<string, unknown>)[k] === undefined) (cur as unknown as Record<string, unknown>)[k] = v;
}
/** Which ending says most: a timeout or dockerd's own refusal beats the exit status systemd adds after it. */
function rank(how: RunEnd): number {
  return ({ running: 0, unknown: 1, 'clean-stop': 2, unclean: 3, 'exit-failure': 4, crash: 5, killed: 6, 'start-failed': 7, 'start-timeout': 8 } as Record<RunEnd, number>)[how];
}

function buildRuns(daemon: Daemon, lifecycle: readonly LifecycleEvent[], boots: readonly Boot[]): DaemonRun[] {
  const runs: DaemonRun[] = [];
  let o: Open | undefined;
  /** The run that ended last: systemd's lines after an exit (`Stopped …`, the result) still belong to it. */
  let last: Open | undefined;
  const close = (how: RunEnd) => {
    if (o && o.run.end.how === 'running') o.run.end.how = how;
    o = undefined;
  };
  const ensure = (e: LifecycleEvent): Open => {
    if (!o) {
      o = newRun(daemon, e);
      runs.push(o.run);
      last = o;
    }
    return o;
  };
  /** The run an ending line belongs to: the open one, else the one that just ended (same boot, within a minute). */
  const owner = (e: LifecycleEvent): Open => {
    if (o) return o;
    const l = last;
    if (l && l.run.end.how !== 'running' && l.run.bootIndex === e.bootIndex && (e.time === undefined || l.run.end.time === undefined || e.time - l.run.end.time <= 60_000)) return l;
    return ensure(e);
  };
  for (const e of lifecycle) {
    if (e.kind === 'boot') {
      // The boot's verdict says how a run still open at its end went down.
      const prev = boots.find((b) => b.index === (e.bootIndex ?? 0) - 1);
      close(prev?.verdict === 'unclean' ? 'unclean' : 'unknown');
      continue;
    }
    if (DAEMON_OF[e.actor] !== daemon) {
      // dockerd restarting its managed containerd ends that containerd run.
      if (daemon === 'containerd' && e.source === 'containerd.restarted-by-dockerd' && o) {
        end(o, 'killed', e, { cause: 'killed and restarted by dockerd' });
        close('killed');
      }
      continue;
    }
    // systemd's summary lines (`Failed to start …`, the result, the failed state) restate the end of the open
    // run; with no run open they follow a start-limit refusal, which starts nothing.
    if (!o && (e.source === 'unit.failed-to-start' || e.source === 'unit.failed-state')) continue;
    switch (e.kind) {
      case 'start': {
        if (o && (o.run.end.how !== 'running' || o.startedBy.has(e.actor))) {
          // A second start of the same attempt's kind: the run before ended with no line saying so.
          if (o.run.end.how === 'running') close(o.stopping ? 'clean-stop' : 'unclean');
          else close('unknown');
        }
        const cur = ensure(e);
        cur.startedBy.add(e.actor);
        if (cur.run.start === undefined && e.time !== undefined) cur.run.start = e.time;
        if (!cur.run.evidence.includes(e.evidence)) cur.run.evidence.push(e.evidence);
        if (daemon === 'containerd' && e.source === 'containerd.started-by-dockerd') cur.run.startedBy = 'dockerd';
        break;
      }
      case 'ready': {
        const cur = ensure(e);
        if (cur.run.ready === undefined && e.time !== undefined) cur.run.ready = e.time;
        if (cur.run.ready === undefined) cur.run.ready = cur.run.start ?? Number.NaN;
        break;
      }
      case 'stop': {
        const cur = owner(e);
        if (e.source === 'dockerd.signal' || e.source === 'unit.stopping') cur.stopping = true;
        else if (e.source === 'dockerd.shutdown-complete' || e.source === 'unit.stopped' || e.source === 'unit.main-exited') {
          end(cur, 'clean-stop', e, e.fields?.['status'] ? { status: e.fields['status'] } : {});
          if (e.source !== 'dockerd.shutdown-complete' && cur === o) close('clean-stop');
        }
        break;
      }
      case 'killed': {
        const cur = owner(e);
        end(cur, 'killed', e, { signal: e.fields?.['status'], status: e.fields?.['status'] });
        break;
      }
      case 'crash': {
        const cur = owner(e);
        if (e.source === 'unit.main-exited') end(cur, 'exit-failure', e, { status: e.fields?.['status'] });
        else if (e.source === 'unit.failed-result') end(cur, 'exit-failure', e, { result: e.fields?.['result'] });
        else if (e.source === 'go.panic' || e.source === 'go.fatal-error' || e.source === 'containerd.exit-failed') end(cur, 'crash', e, { cause: e.detail });
        else end(cur, 'exit-failure', e);
        break;
      }
      case 'start-failed': {
        const cur = owner(e);
        end(cur, 'start-failed', e, e.source === 'unit.failed-to-start' ? {} : { cause: e.detail });
        break;
      }
      case 'timeout': {
        const cur = owner(e);
        end(cur, 'start-timeout', e, e.source === 'unit.failed-result' ? { result: 'timeout' } : {});
        break;
      }
      case 'restart': {
        // systemd scheduling a restart closes the run that just ended (its line is part of that end).
        const ended = o ?? last;
        if (ended && ended.run.end.how !== 'running' && ended.run.bootIndex === e.bootIndex) ended.run.end.evidence.push(e.evidence);
        if (o && o.run.end.how !== 'running') o = undefined;
        break;
      }
      case 'start-limit':
        // A refusal starts nothing (daemon-runs' start-limit episodes hold it).
        if (o && o.run.end.how !== 'running') o = undefined;
        break;
    }
  }
  return runs;
}

function intervalMs(unit: UnitFacts | undefined, flavor: string | undefined): number {
  const p = unit?.properties ?? {};
  const v = p['StartLimitIntervalUSec'] ?? p['StartLimitIntervalSec'] ?? p['StartLimitInterval'];
  const parsed = systemdSpanMs(v);
  // `0` or `infinity` disable systemd's start limit: no window to count starts in.
  if (parsed !== undefined && Number.isFinite(parsed)) return parsed;
  return flavor === 'openeuler-docker-engine' ? DEFAULT_INTERVAL_MS.openeuler : DEFAULT_INTERVAL_MS.upstream;
}


function startLimitEpisodes(lifecycle: readonly LifecycleEvent[], runs: readonly DaemonRun[], d: ModelDraft): StartLimitEpisode[] {
  const episodes: StartLimitEpisode[] = [];
  const unit = d.units?.['docker.service'];
  const windowMs = intervalMs(unit, d.identity?.flavor);
  // A refusal is systemd's "repeated too quickly" line; its result line restates it (only counted alone).
  const lines = lifecycle.filter((e) => e.actor === 'docker.service' && e.kind === 'start-limit');
  const refusals = lines.filter(
    (e) =>
      e.source === 'unit.start-limit' ||
      !lines.some((o) => o.source === 'unit.start-limit' && o.bootIndex === e.bootIndex && (o.time === undefined || e.time === undefined || Math.abs(o.time - e.time) <= 2000)),
  );
  // The result line (`Failed with result 'start-limit-hit'`) of a refusal: evidence, never a second refusal.
  const echoes = (r: LifecycleEvent) =>
    lines.filter((o) => o !== r && !refusals.includes(o) && o.bootIndex === r.bootIndex && (o.time === undefined || r.time === undefined || Math.abs(o.time - r.time) <= 2000)).map((o) => o.evidence);
  let cur: StartLimitEpisode | undefined;
  for (const r of refusals) {
    const startedSince = cur && runs.some((x) => x.bootIndex === cur!.bootIndex && x.ready !== undefined && x.start !== undefined && r.time !== undefined && cur!.last !== undefined && x.start > cur!.last && x.start <= r.time);
    if (cur && cur.bootIndex === r.bootIndex && !startedSince) {
      cur.refusals++;
      cur.refusalEvidence.push(r.evidence, ...echoes(r));
      if (r.time !== undefined) cur.last = r.time;
      continue;
    }
    const prevEnd = cur?.last;
    const t = r.time;
    const starts = runs.filter(
      (x) =>
        x.daemon === 'dockerd' &&
        x.bootIndex === r.bootIndex &&
        x.start !== undefined &&
        t !== undefined &&
        x.start <= t &&
        x.start >= t - windowMs - SLACK_MS &&
        (prevEnd === undefined || x.start > prevEnd),
    );
    cur = { unit: 'docker.service', refusals: 1, refusalEvidence: [r.evidence, ...echoes(r)], starts: [...starts], windowMs };
    if (r.bootIndex !== undefined) cur.bootIndex = r.bootIndex;
    if (t !== undefined) {
      cur.first = t;
      cur.last = t;
    }
    episodes.push(cur);
  }
  return episodes;
}

function restartStorms(runs: readonly DaemonRun[]): RestartStorm[] {
  const storms: RestartStorm[] = [];
  let seq: DaemonRun[] = [];
  let prev: DaemonRun | undefined;
  const flush = () => {
    if (seq.length >= STORM_MIN_RUNS) {
      const first = seq[0]!;
      const last = seq[seq.length - 1]!;
      const s: RestartStorm = { daemon: first.daemon, exits: seq };
      if (first.bootIndex !== undefined) s.bootIndex = first.bootIndex;
      const ft = first.end.time ?? first.start;
      const lt = last.end.time ?? last.start;
      if (ft !== undefined) s.first = ft;
      if (lt !== undefined) s.last = lt;
      storms.push(s);
    }
    seq = [];
  };
  for (const r of runs) {
    // A run that stayed up longer than the gap was healthy for a while: the trouble before it is over.
    const longLived = r.start !== undefined && r.end.time !== undefined ? r.end.time - r.start > STORM_GAP_MS : r.end.how === 'running';
    const lastExit = seq[seq.length - 1];
    const gapOk =
      !prev ||
      (prev.bootIndex === r.bootIndex &&
        (prev.end.time === undefined || r.start === undefined || r.start - prev.end.time <= STORM_GAP_MS) &&
        (lastExit?.end.time === undefined || r.end.time === undefined || r.end.time - lastExit.end.time <= STORM_GAP_MS));
    if (!gapOk) flush();
    if (isUnplanned(r.end.how) && !longLived) seq.push(r);
    else if (longLived) flush();
    prev = r;
  }
  flush();
  return storms;
}

function journaldRestarts(lifecycle: readonly LifecycleEvent[]): JournaldRestart[] {
  const out: JournaldRestart[] = [];
  let lastStop: LifecycleEvent | undefined;
  for (const e of lifecycle) {
    if (e.kind === 'boot') lastStop = undefined;
    if (e.actor !== 'journald') continue;
    if (e.kind === 'stop') lastStop = e;
    else if (e.kind === 'restart') {
      const w: JournaldRestart = { evidence: [...(lastStop && lastStop.bootIndex === e.bootIndex ? [lastStop.evidence] : []), e.evidence] };
      if (e.bootIndex !== undefined) w.bootIndex = e.bootIndex;
      if (lastStop?.time !== undefined && lastStop.bootIndex === e.bootIndex) w.stopped = lastStop.time;
      if (e.time !== undefined) w.started = e.time;
      out.push(w);
      lastStop = undefined;
    }
  }
  return out;
}

/** dockerd 18.09+ starts its managed containerd within a second of its own start: that start is no restart. */
const MANAGED_START_MS = 10_000;

/**
 * Moments containerd went away under a running dockerd: a containerd run that ended unplanned, a
 * managed containerd started again while dockerd kept running, or dockerd losing its connection.
 */
function containerdLosses(dockerd: readonly DaemonRun[], containerd: readonly DaemonRun[], events: ModelDraft['journal']): ContainerdLoss[] {
  const out: ContainerdLoss[] = [];
  for (const r of containerd) {
    if (isUnplanned(r.end.how) && r.end.how !== 'start-failed') {
      const t = r.end.time;
      out.push({ how: r.end.how === 'killed' ? 'killed' : 'crashed', ...(t !== undefined ? { time: t } : {}), ...(r.bootIndex !== undefined ? { bootIndex: r.bootIndex } : {}), evidence: r.end.evidence[0] ?? r.evidence[0]! });
    }
    if (r.startedBy === 'dockerd' && r.start !== undefined) {
      const host = dockerd.find((x) => x.bootIndex === r.bootIndex && x.start !== undefined && x.start <= r.start! && (x.end.time === undefined || x.end.time >= r.start!));
      // With no dockerd start in view (journal begins later), a start of its containerd is a restart.
      if (!host || r.start - host.start! > MANAGED_START_MS) out.push({ how: 'restarted-by-dockerd', time: r.start, ...(r.bootIndex !== undefined ? { bootIndex: r.bootIndex } : {}), evidence: r.evidence[0]! });
    }
  }
  for (const e of events?.events['containerd.connection-lost'] ?? []) {
    out.push({ how: 'connection-lost', ...(e.time !== undefined ? { time: e.time } : {}), ...(e.bootIndex !== undefined ? { bootIndex: e.bootIndex } : {}), evidence: e.evidence });
  }
  return out.sort((a, b) => (a.time ?? Infinity) - (b.time ?? Infinity));
}

export function buildDaemonHistory(_facts: FactStore, d: ModelDraft): DaemonHistory {
  const lifecycle = d.lifecycle ?? [];
  const boots = d.boots ?? [];
  const dockerd = buildRuns('dockerd', lifecycle, boots);
  const containerd = buildRuns('containerd', lifecycle, boots);
  return {
    runs: [...dockerd, ...containerd],
    containerdLosses: containerdLosses(dockerd, containerd, d.journal),
    startLimits: startLimitEpisodes(lifecycle, dockerd, d),
    restartStorms: [...restartStorms(dockerd), ...restartStorms(containerd)],
    journaldRestarts: journaldRestarts(lifecycle),
  };
}

/** Evidence of a run: its start line(s) and its end lines. */
export function runEvidence(r: DaemonRun): Evidence[] {
  return [...r.evidence, ...r.end.evidence.filter((e) => !r.evidence.includes(e))];
}

/** The run of a daemon that was up at time t in boot b (started, and not ended before t); undefined when none is known. */
export function runAt(history: DaemonHistory, daemon: Daemon, t: number, bootIndex: number | undefined): DaemonRun | undefined {
  return history.runs.find(
    (r) =>
      r.daemon === daemon &&
      (bootIndex === undefined || r.bootIndex === undefined || r.bootIndex === bootIndex) &&
      // A run whose start is before the journal (only its ready or end line is there) started before t.
      (r.start ?? (r.ready !== undefined && Number.isFinite(r.ready) ? r.ready : -Infinity)) <= t &&
      (r.end.how === 'running' || r.end.time === undefined ? r.end.how === 'running' : r.end.time >= t),
  );
}

/** The first start of a daemon after time t in the same boot. */
export function nextStartAfter(history: DaemonHistory, daemon: Daemon, t: number, bootIndex: number | undefined): DaemonRun | undefined {
  return history.runs.find((r) => r.daemon === daemon && r.start !== undefined && r.start > t && (bootIndex === undefined || r.bootIndex === undefined || r.bootIndex === bootIndex));
}
