/**
 * JournalFacts: the journal, journal.previous-boot, journal.docker, journal.containerd, syslog and
 * dmesg files merged into one view.
 *
 * - sos often holds the same record several times (the whole journal, the --boot files, the docker
 *   plugin's unit journal, rsyslog's copy): an event seen again with the same kind, time, ident,
 *   pid and message is kept once (the first artifact in JOURNAL_ARTIFACTS order wins).
 * - True counts: files of one artifact (rotated syslog) are disjoint and add up; different artifacts
 *   are views of the same stream, so the largest count wins (never less than the distinct records kept).
 * - Records get their boot position (bootIndex) from boots.ts's span mapping.
 * - Kept events are capped per kind (first and last half by time); counts stay true.
 */
import type { FactStore } from './fact-store.js';
import type { ModelDraft } from './build.js';
import type { JournalFacts, LogEvent } from './host-model.js';
import type { JEvent, JRecord } from '../parsers/journal.js';
import type { EventKind } from '../events/types.js';
import { SIGNAL_KEEP } from '../parsers/journal.js';
import { mapBoots } from './boots.js';

const recKey = (r: JRecord): string => `${r.time ?? ''}|${r.ident ?? r.unit ?? ''}|${r.pid ?? ''}|${r.message}`;

function toLogEvent(r: JEvent, bootIndex: number | undefined): LogEvent {
  const out: LogEvent = { kind: r.kind, wording: r.wording, fields: r.fields, message: r.message, evidence: r.evidence };
  if (r.time !== undefined) out.time = r.time;
  if (bootIndex !== undefined) out.bootIndex = bootIndex;
  if (r.bootId) out.bootId = r.bootId;
  if (r.unit) out.unit = r.unit;
  if (r.ident) out.ident = r.ident;
  if (r.pid !== undefined) out.pid = r.pid;
  if (r.logrus) out.logrus = r.logrus;
  return out;
}

/** Stable sort by time; untimed records keep their place after the timed ones of the same file. */
function byTime(a: LogEvent, b: LogEvent): number {
  if (a.time === undefined || b.time === undefined) return 0;
  return a.time - b.time;
}

export function buildJournal(facts: FactStore, d: ModelDraft): JournalFacts {
  const { files } = mapBoots(facts);
  const events = new Map<EventKind, LogEvent[]>();
  const eventCounts: Partial<Record<EventKind, number>> = {};
  const out: JournalFacts = { events: {}, eventCounts, recordsByUnit: {}, available: false, truncated: false };
  const seen = new Map<EventKind, Set<string>>();
  // artifact → kind → summed count (files of one artifact add up)
  const countsByArtifact = new Map<string, Map<EventKind, number>>();
  const unitsByArtifact = new Map<string, Map<string, { count: number; first?: number; last?: number }>>();

  for (const f of files) {
    const v = f.value;
    const a = f.source.artifact;
    if (v.records > 0) out.available = true;
    const health = d.collection.health[a];
    if (f.source.truncated || health?.state === 'truncated' || v.truncated) out.truncated = true;
    if (v.firstTime !== undefined && (out.firstTime === undefined || v.firstTime < out.firstTime)) out.firstTime = v.firstTime;
    if (v.lastTime !== undefined && (out.lastTime === undefined || v.lastTime > out.lastTime)) out.lastTime = v.lastTime;

    const sc = countsByArtifact.get(a) ?? new Map<EventKind, number>();
    countsByArtifact.set(a, sc);
    for (const [kind, n] of Object.entries(v.eventCounts) as [EventKind, number][]) sc.set(kind, (sc.get(kind) ?? 0) + n);

    const uc = unitsByArtifact.get(a) ?? new Map();
    unitsByArtifact.set(a, uc);
    for (const [unit, c] of Object.entries(v.byUnit)) {
      const cur = uc.get(unit) ?? { count: 0 };
      cur.count += c.count;
      if (c.first !== undefined && (cur.first === undefined || c.first < cur.first)) cur.first = c.first;
      if (c.last !== undefined && (cur.last === undefined || c.last > cur.last)) cur.last = c.last;
      uc.set(unit, cur);
    }

    for (const [kind, recs] of Object.entries(v.events) as [EventKind, JEvent[]][]) {
      const s = seen.get(kind) ?? new Set<string>();
      seen.set(kind, s);
      let list = events.get(kind);
      if (!list) events.set(kind, (list = []));
      for (const r of recs) {
        const k = recKey(r);
        if (s.has(k)) continue;
        s.add(k);
        list.push(toLogEvent(r, f.index[r.bootSeq]));
      }
    }
  }

  const byKind: Partial<Record<EventKind, LogEvent[]>> = {};
  for (const [kind, list] of events) {
    list.sort(byTime);
    let max = 0;
    for (const sc of countsByArtifact.values()) max = Math.max(max, sc.get(kind) ?? 0);
    eventCounts[kind] = Math.max(max, list.length);
    byKind[kind] = list.length > SIGNAL_KEEP ? [...list.slice(0, SIGNAL_KEEP / 2), ...list.slice(-SIGNAL_KEEP / 2)] : list;
  }
  out.events = byKind as JournalFacts['events'];
  for (const uc of unitsByArtifact.values()) {
    for (const [unit, c] of uc) {
      const cur = out.recordsByUnit[unit];
      if (!cur) out.recordsByUnit[unit] = { ...c };
      else {
        cur.count = Math.max(cur.count, c.count);
        if (c.first !== undefined && (cur.first === undefined || c.first < cur.first)) cur.first = c.first;
        if (c.last !== undefined && (cur.last === undefined || c.last > cur.last)) cur.last = c.last;
      }
    }
  }
  return out;
}
