/**
 * The timeline: every time-stamped fact in UTC with its evidence, one list.
 *
 * Sources: boots (start, and end with the verdict), lifecycle events, every other catalog event
 * (category from the unit/ident; a line already listed is not repeated), and audit events on docker
 * paths summarised per minute (a burst is one line, not thousands).
 *
 * Clocks lie (RTC reset, NTP steps, systemd/systemd#27422), so the order is: boot position first,
 * then time within the boot, then the order the facts were produced (stable sort). An event without
 * a boot position is placed in the boot whose [first, last] range holds its time, else after the
 * latest boot that started before it. Where the clock went backwards across a reboot, the list order
 * of boots wins over the timestamps; inside one boot the timestamps decide.
 */
import type { FactStore } from './fact-store.js';
import type { ModelDraft } from './build.js';
import type { Boot, LogEvent, LogRecord, TimelineCategory, TimelineEvent } from './host-model.js';
import type { EventKind } from '../events/types.js';
import { eventTitle } from '../events/catalog.js';
import { lookupTable } from '../parsers/util/dict.js';

/** Events that only say "dockerd wrote a line": activity, not history. */
const NOT_ON_TIMELINE: ReadonlySet<EventKind> = new Set(['dockerd.log-line']);
const MAX_EVENTS = 20_000;

/** Boot position of a time: the boot whose range holds it, else the latest boot begun before it. */
export function bootForTime(t: number, boots: readonly Boot[]): number | undefined {
  let best: Boot | undefined;
  for (const b of boots) {
    if (b.firstEntry === undefined) continue;
    if (t >= b.firstEntry - 1000 && (b.lastEntry === undefined || t <= b.lastEntry + 1000)) return b.index;
    if (b.firstEntry <= t && (!best || b.firstEntry > best.firstEntry!)) best = b;
  }
  return best?.index;
}

/** Stable order: boot position, then time; items without either keep their relative place at the end. */
export function orderByBootThenTime<T extends { time?: number; bootIndex?: number }>(items: readonly T[], boots: readonly Boot[]): T[] {
  const keyed = items.map((it, i) => {
    const boot = it.bootIndex ?? (it.time !== undefined ? bootForTime(it.time, boots) : undefined);
    return { it, i, boot: boot ?? (it.time !== undefined ? 0 : Infinity), time: it.time ?? Infinity };
  });
  const anyBoot = keyed.some((k) => k.boot !== 0 && k.boot !== Infinity) || boots.length > 0;
  keyed.sort((a, b) => (anyBoot && a.boot !== b.boot ? a.boot - b.boot : 0) || (a.time !== b.time ? (a.time < b.time ? -1 : 1) : 0) || a.i - b.i);
  return keyed.map((k) => k.it);
}

function categoryOf(r: LogRecord): TimelineCategory {
  const u = `${r.unit ?? ''} ${r.ident ?? ''}`;
  if (/containerd/.test(u)) return 'containerd';
  if (/docker/.test(u)) return 'dockerd';
  if (/journald/.test(u)) return 'journald';
  if (/firewalld/.test(u)) return 'firewalld';
  if (/\bkernel\b/.test(u)) return 'kernel';
  if (/systemd/.test(u)) return 'systemd';
  if (/audit/.test(u)) return 'audit';
  return 'other';
}

const ACTOR_CATEGORY = lookupTable<TimelineCategory>({
  dockerd: 'dockerd',
  'docker.service': 'dockerd',
  containerd: 'containerd',
  'containerd.service': 'containerd',
  journald: 'journald',
  firewalld: 'firewalld',
  system: 'boot',
});

export function buildTimeline(_facts: FactStore, d: ModelDraft): TimelineEvent[] {
  const boots = d.boots ?? [];
  const ev: TimelineEvent[] = [];
  const push = (e: TimelineEvent) => {
    if (ev.length < MAX_EVENTS && Number.isFinite(e.time)) ev.push(e);
  };
  for (const b of boots) {
    const evidence = b.evidence[0];
    if (!evidence) continue;
    if (b.lastEntry !== undefined && b.verdict !== 'unknown') {
      push({ time: b.lastEntry, category: 'boot', kind: 'boot.end', label: `boot ${b.index} ended ${b.verdict}: ${b.reason}`, bootIndex: b.index, evidence: b.evidence[1] ?? evidence });
    }
  }
  for (const l of d.lifecycle ?? []) {
    if (l.time === undefined) continue;
    const label = l.kind === 'boot' ? `boot ${l.bootIndex ?? '?'} started${l.detail ? ` (${l.detail})` : ''}` : `${l.actor} ${l.kind}${l.detail ? `: ${l.detail}` : ''}`;
    push({ time: l.time, category: ACTOR_CATEGORY[l.actor] ?? 'other', kind: l.kind === 'boot' ? 'boot.start' : `lifecycle.${l.kind}`, label, ...(l.bootIndex !== undefined ? { bootIndex: l.bootIndex } : {}), evidence: l.evidence });
  }
  // Every other event once: a line already on the timeline (as a lifecycle event) is not repeated.
  const onTimeline = new Set(ev.map((e) => `${e.evidence.path}|${e.evidence.line}`));
  const events = d.journal?.events ?? {};
  for (const kind of Object.keys(events).sort() as EventKind[]) {
    if (NOT_ON_TIMELINE.has(kind)) continue;
    for (const r of (events[kind] ?? []) as LogEvent[]) {
      if (r.time === undefined) continue;
      const key = `${r.evidence.path}|${r.evidence.line}`;
      if (onTimeline.has(key)) continue;
      onTimeline.add(key);
      push({ time: r.time, category: categoryOf(r), kind, label: `${eventTitle(kind)}: ${(r.logrus?.msg ?? r.message).slice(0, 160)}`, ...(r.bootIndex !== undefined ? { bootIndex: r.bootIndex } : {}), evidence: r.evidence });
    }
  }
  // Audit: one line per minute with docker-path events.
  const audit = d.audit;
  if (audit && audit.events.length) {
    let start = audit.events[0]!;
    let n = 0;
    const flush = (endTime: number) => {
      if (n === 0) return;
      push({ time: start.time, category: 'audit', kind: 'audit.burst', label: `audit: ${n} event(s) on docker paths${start.key ? ` (key ${start.key})` : ''} until ${new Date(endTime).toISOString()}`, evidence: start.evidence });
    };
    let last = start.time;
    for (const e of audit.events) {
      if (e.time - start.time >= 60_000) {
        flush(last);
        start = e;
        n = 0;
      }
      n++;
      last = e.time;
    }
    flush(last);
  }
  ev.sort(byRankThenLine);
  return orderByBootThenTime(ev, boots);
}

// Within one timestamp: a boot's start first, its end last, file line order in between. Module-level, not
// arrows in buildTimeline: a batch worker would compile new ones for every bundle (bench/README, "hot callbacks").
const rank = (e: TimelineEvent): number => (e.kind === 'boot.start' ? 0 : e.kind === 'boot.end' ? 2 : 1);
const byRankThenLine = (a: TimelineEvent, b: TimelineEvent): number => rank(a) - rank(b) || a.evidence.line - b.evidence.line;
