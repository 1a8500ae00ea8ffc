/**
 * JournalFacts: the journal, journal.previous-boot, journal.docker, journal.containerd, syslog and
 * dmesg files merged into one view.
 *
 * - sos often holds the same record several times (the whole journal, the --boot files, the docker
 *   plugin's unit journal, rsyslog's copy): a signal record seen again with the same time, ident,
 *   pid and message is kept once (the first artifact in JOURNAL_ARTIFACTS order wins).
 * - True counts: files of one artifact (rotated syslog) are disjoint and add up; different artifacts
 *   are views of the same stream, so the largest count wins (never less than the distinct records kept).
 * - Records get their boot position (bootIndex) from boots.ts's span mapping.
 * - Kept records are capped per signal (first and last half by time); counts stay true.
 */
import type { FactStore } from './fact-store.js';
import type { ModelDraft } from './build.js';
import type { JournalFacts, LogRecord } from './host-model.js';
import type { JRecord } from '../parsers/journal.js';
import { SIGNAL_KEEP } from '../parsers/journal.js';
import { mapBoots } from './boots.js';

const recKey = (r: JRecord): string => `${r.time ?? ''}|${r.ident ?? r.unit ?? ''}|${r.pid ?? ''}|${r.message}`;

function toLogRecord(r: JRecord, bootIndex: number | undefined): LogRecord {
  const out: LogRecord = { message: r.message, evidence: r.evidence };
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
function byTime(a: LogRecord, b: LogRecord): number {
  if (a.time === undefined || b.time === undefined) return 0;
  return a.time - b.time;
}

export function buildJournal(facts: FactStore, d: ModelDraft): JournalFacts {
  const { files } = mapBoots(facts);
  const out: JournalFacts = { signals: {}, signalCounts: {}, recordsByUnit: {}, available: false, truncated: false };
  const seen = new Map<string, Set<string>>();
  // artifact → signal → summed count (files of one artifact add up)
  const countsByArtifact = new Map<string, Map<string, number>>();
  const unitsByArtifact = new Map<string, Map<string, { count: number; first?: number; last?: number }>>();

  for (const f of files) {
    const v = f.value;
    const a = f.source.artifact;
    if (v.records > 0) out.available = true;
    const health = d.collection.health[a];
    if (f.source.truncated || health?.state === 'truncated' || v.truncated) out.truncated = true;
    if (v.firstTime !== undefined && (out.firstTime === undefined || v.firstTime < out.firstTime)) out.firstTime = v.firstTime;
    if (v.lastTime !== undefined && (out.lastTime === undefined || v.lastTime > out.lastTime)) out.lastTime = v.lastTime;

    const sc = countsByArtifact.get(a) ?? new Map<string, number>();
    countsByArtifact.set(a, sc);
    for (const [name, n] of Object.entries(v.signalCounts)) sc.set(name, (sc.get(name) ?? 0) + n);

    const uc = unitsByArtifact.get(a) ?? new Map();
    unitsByArtifact.set(a, uc);
    for (const [unit, c] of Object.entries(v.byUnit)) {
      const cur = uc.get(unit) ?? { count: 0 };
      cur.count += c.count;
      if (c.first !== undefined && (cur.first === undefined || c.first < cur.first)) cur.first = c.first;
      if (c.last !== undefined && (cur.last === undefined || c.last > cur.last)) cur.last = c.last;
      uc.set(unit, cur);
    }

    for (const [name, recs] of Object.entries(v.signals)) {
      const s = seen.get(name) ?? new Set<string>();
      seen.set(name, s);
      const list = (out.signals[name] ??= []);
      for (const r of recs) {
        const k = recKey(r);
        if (s.has(k)) continue;
        s.add(k);
        list.push(toLogRecord(r, f.index[r.bootSeq]));
      }
    }
  }

  for (const [name, list] of Object.entries(out.signals)) {
    list.sort(byTime);
    let max = 0;
    for (const sc of countsByArtifact.values()) max = Math.max(max, sc.get(name) ?? 0);
    out.signalCounts[name] = Math.max(max, list.length);
    if (list.length > SIGNAL_KEEP) out.signals[name] = [...list.slice(0, SIGNAL_KEEP / 2), ...list.slice(-SIGNAL_KEEP / 2)];
  }
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
