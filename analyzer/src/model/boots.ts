/**
 * Boots: `journalctl --list-boots` in list order (positions, not clocks: systemd/systemd#27422),
 * joined with the boot spans the journal/syslog parsers saw, and a clean/unclean/unknown verdict per
 * boot following field guide §5:
 *
 * 1. A boot is clean when its tail holds a shutdown line (systemd targets, `Shutting down.`, logind
 *    `System is powering down.`, `Received SIGTERM from PID 1 (systemd-shutdow).`), when its very last
 *    record is journald stopping (earlier in the boot it is only a journald restart), or
 *    when dockerd's `Processing signal 'terminated'` and `Daemon shutdown complete` are both there.
 * 2. Otherwise it is unclean, with corroboration in the reason: the next boot's journald
 *    "corrupted or uncleanly shut down" line, fs recovery lines, `*.journal~` files or an old file
 *    still ONLINE (--header), panic/OOM lines at the end, a long gap before the next boot.
 * 3. Caveat: volatile, vacuumed or head-truncated journals look unclean. A tail only counts when the
 *    data reaches the boot's LAST ENTRY from --list-boots, or the same file goes on into a later
 *    boot (so nothing of this boot's end was cut); otherwise the verdict is unknown. Boot 0 is
 *    unknown: it was still running.
 *
 * Each journal span is mapped to a list position by, in order: its boot id; the list's time range
 * containing its first record; its distance to a span of the same file whose position is known; and
 * finally, for unfiltered journals only, counting back from the file's end (newest span = 0, or -1
 * for sos's `--boot -1` file).
 */
import type { ArtifactId } from '../spine/artifacts.js';
import type { ArtifactSource, Evidence } from '../spine/types.js';
import type { FactStore } from './fact-store.js';
import type { ModelDraft } from './build.js';
import type { Boot } from './host-model.js';
import type { BootSpan, JRecord, JournalParse } from '../parsers/journal.js';
import type { EventKind } from '../events/types.js';
import type { BootList, ListedBoot } from '../parsers/journal-boots.js';
import type { JournalHeaders } from '../parsers/journal-header.js';

/** Journal-like artifacts in merge priority order (first wins when records repeat). */
export const JOURNAL_ARTIFACTS: readonly ArtifactId[] = ['journal', 'journal.previous-boot', 'journal.boot-tails', 'journal.docker', 'journal.containerd', 'syslog', 'dmesg'];
/** Artifacts whose boot tails show the whole system (unit-filtered journals do not). */
const UNFILTERED: ReadonlySet<ArtifactId> = new Set(['journal', 'journal.previous-boot', 'journal.boot-tails', 'syslog']);

export interface MappedFile {
  source: ArtifactSource;
  value: JournalParse;
  /** bootSeq → list position (undefined when it could not be placed). */
  index: (number | undefined)[];
}

export interface BootMapping {
  list?: ListedBoot[];
  files: MappedFile[];
}

const mappingCache = new WeakMap<FactStore, BootMapping>();

/** Maps every journal span to a --list-boots position (shared by boots.ts and journal-facts.ts). */
export function mapBoots(facts: FactStore): BootMapping {
  const cached = mappingCache.get(facts);
  if (cached) return cached;
  const list = facts.first<BootList>('journal.boots')?.value.boots;
  const byId = new Map((list ?? []).map((b) => [b.bootId, b.index]));
  const files: MappedFile[] = [];
  for (const a of JOURNAL_ARTIFACTS) {
    const values = facts.values<JournalParse>(a);
    values.forEach(({ value, source }) => {
      const spans = value.boots;
      const index: (number | undefined)[] = spans.map((s) => (s.bootId ? byId.get(s.bootId) : undefined));
      // Time containment in the list's ranges (1 s slack: the list prints whole seconds).
      if (list && list.some((b) => b.first !== undefined)) {
        spans.forEach((s, i) => {
          if (index[i] !== undefined || s.first === undefined) return;
          const hit = list.find((b) => b.first !== undefined && b.last !== undefined && s.first! >= b.first - 1000 && s.first! <= b.last + 1000);
          if (hit) index[i] = hit.index;
        });
      }
      // Distance to a placed span of the same file (only for unfiltered files: filtered ones skip boots).
      if (UNFILTERED.has(a) || a === 'dmesg') {
        for (let i = 0; i < spans.length; i++) {
          if (index[i] !== undefined) continue;
          const later = index.findIndex((v, j) => j > i && v !== undefined);
          if (later >= 0) {
            index[i] = index[later]! - (later - i);
            continue;
          }
          let earlier = -1;
          for (let j = i - 1; j >= 0; j--) if (index[j] !== undefined) (earlier = j), (j = -1);
          if (earlier >= 0) index[i] = index[earlier]! + (i - earlier);
        }
      }
      // Counting back from the end: the newest span of a full journal is the current boot.
      const rotatedSyslog = a === 'syslog' && !/(messages|syslog)$/.test(source.path);
      if ((a === 'journal' || a === 'journal.previous-boot' || a === 'dmesg' || (a === 'syslog' && !rotatedSyslog)) && !index.some((v) => v !== undefined)) {
        const newest = a === 'journal.previous-boot' || /--boot_-1\b/.test(source.path) ? -1 : 0;
        for (let i = 0; i < spans.length; i++) index[i] = newest - (spans.length - 1 - i);
      }
      files.push({ source, value, index });
    });
  }
  const m: BootMapping = { list, files };
  mappingCache.set(facts, m);
  return m;
}

/** A tail record means this kind (the event catalog matched it while the journal streamed). */
const means = (r: JRecord, kind: EventKind): boolean => r.kinds?.includes(kind) ?? false;

interface Best {
  file: MappedFile;
  span: BootSpan;
}

function lastOf<T>(a: readonly T[], f: (x: T) => boolean): T | undefined {
  for (let i = a.length - 1; i >= 0; i--) if (f(a[i]!)) return a[i];
  return undefined;
}

const ev = (r: JRecord): Evidence => r.evidence;
const iso = (t: number | undefined) => (t === undefined ? '?' : new Date(Math.floor(t)).toISOString());

export function buildBoots(facts: FactStore, d: ModelDraft): Boot[] {
  void d;
  const { list, files } = mapBoots(facts);
  const headers = facts.first<JournalHeaders>('journal.header')?.value.files ?? [];

  // Spans per position.
  const spansAt = new Map<number, Best[]>();
  for (const f of files) {
    f.value.boots.forEach((s, i) => {
      const idx = f.index[i];
      if (idx === undefined) return;
      const arr = spansAt.get(idx) ?? [];
      arr.push({ file: f, span: s });
      spansAt.set(idx, arr);
    });
  }

  type Row = { index: number; bootId?: string; first?: number; last?: number; listed?: ListedBoot };
  let rows: Row[];
  if (list && list.length) {
    rows = list.map((b) => ({ index: b.index, bootId: b.bootId, first: b.first, last: b.last, listed: b }));
  } else {
    rows = [...spansAt.keys()].sort((a, b) => a - b).map((index) => {
      const spans = spansAt.get(index)!;
      const firsts = spans.map((s) => s.span.first).filter((t): t is number => t !== undefined);
      const lasts = spans.map((s) => s.span.last).filter((t): t is number => t !== undefined);
      return {
        index,
        bootId: spans.find((s) => s.span.bootId)?.span.bootId,
        first: firsts.length ? Math.min(...firsts) : undefined,
        last: lasts.length ? Math.max(...lasts) : undefined,
      };
    });
  }

  return rows.map((row) => {
    const boot: Boot = { index: row.index, verdict: 'unknown', reason: '', evidence: [] };
    if (row.bootId) boot.bootId = row.bootId;
    if (row.first !== undefined) boot.firstEntry = row.first;
    if (row.last !== undefined) boot.lastEntry = row.last;
    if (row.listed) boot.evidence.push(row.listed.evidence);
    const spans = spansAt.get(row.index) ?? [];
    // Position 0 is the boot that was running when journalctl ran (a sos `--boot -1` file alone has no 0).
    if (row.index === 0) {
      boot.reason = 'current boot: still running when the bundle was collected';
      return boot;
    }
    const candidates = spans.filter((s) => UNFILTERED.has(s.file.source.artifact) && s.span.count > 0);
    if (candidates.length === 0) {
      boot.reason = spans.length
        ? 'only unit-filtered journal records for this boot: its tail is not visible'
        : 'no journal records for this boot (volatile or vacuumed journal, or not collected)';
      return boot;
    }
    const best = candidates.reduce((a, b) => ((b.span.last ?? -Infinity) > (a.span.last ?? -Infinity) ? b : a));
    const tail = best.span.tail;
    const lastRec = tail[tail.length - 1];
    // Is the end of this boot in the data? Either the records reach the boot's LAST ENTRY from
    // --list-boots, or the same file goes on into a later boot (journalctl writes in order and
    // truncation/vacuuming only ever removes the oldest part, so an end followed by more data was
    // not cut; this also holds for the collector's unit-matched journal, whose PID 1 and journald
    // lines carry every shutdown marker), or it is sos's `--boot -1` file (a whole boot, tail kept).
    const reachesLast = row.listed?.last !== undefined && best.span.last !== undefined && best.span.last >= row.listed.last - 1000;
    const laterInFile = best.span.seq < best.file.value.boots.length - 1;
    const complete = reachesLast || laterInFile || best.file.source.artifact === 'journal.previous-boot';
    if (!complete) {
      boot.reason = row.listed?.last !== undefined
        ? `journal data for this boot ends at ${iso(best.span.last)}, before its last entry ${iso(row.listed.last)} (truncated or filtered journal): its end is not visible`
        : 'the journal does not show where this boot ended (no later boot in the same file, no --list-boots)';
      if (lastRec) boot.evidence.push(ev(lastRec));
      return boot;
    }
    // 1. clean markers
    for (let i = tail.length - 1; i >= 0; i--) {
      const r = tail[i]!;
      if (means(r, 'system.shutdown')) {
        boot.verdict = 'clean';
        boot.reason = `ends with a clean shutdown ('${r.message.slice(0, 120)}')`;
        boot.evidence.push(ev(r));
        return boot;
      }
    }
    if (lastRec && means(lastRec, 'journald.stopped')) {
      boot.verdict = 'clean';
      boot.reason = 'ends with journald stopping';
      boot.evidence.push(ev(lastRec));
      return boot;
    }
    const sig = lastOf(tail, (r) => means(r, 'dockerd.signal'));
    const done = lastOf(tail, (r) => means(r, 'dockerd.shutdown-complete'));
    if (sig && done && done.evidence.line >= sig.evidence.line) {
      boot.verdict = 'clean';
      boot.reason = "dockerd stopped in order at the end of the boot (it processed a stop signal, then completed its shutdown)";
      boot.evidence.push(ev(sig), ev(done));
      return boot;
    }
    // 2. unclean, with corroboration
    boot.verdict = 'unclean';
    const why: string[] = [];
    if (lastRec) {
      boot.evidence.push(ev(lastRec));
      why.push(`ends at '${lastRec.message.slice(0, 120)}' with no shutdown line`);
    } else why.push('ends with no shutdown line');
    const panic = tail.find((r) => means(r, 'kernel.panic-or-oom'));
    if (panic) {
      why.push('kernel panic/OOM/watchdog lines at the end');
      boot.evidence.push(ev(panic));
    }
    const next = rows.find((r) => r.index === row.index + 1);
    const nextSpans = spansAt.get(row.index + 1) ?? [];
    const corrupt = nextSpans.flatMap((s) => s.file.value.journaldCorrupt.filter((r) => r.bootSeq === s.span.seq));
    if (corrupt[0]) {
      why.push('the next boot renamed a corrupted or uncleanly closed journal file');
      boot.evidence.push(ev(corrupt[0]));
    }
    const recovery = nextSpans.flatMap((s) => s.span.tail.filter((r) => means(r, 'kernel.fs-recovery')));
    const recSig = files.flatMap((f) => (f.value.events['kernel.fs-recovery'] ?? []).filter((r) => f.index[r.bootSeq] === row.index + 1));
    const rec = recSig[0] ?? recovery[0];
    if (rec) {
      why.push('the next boot ran filesystem journal recovery');
      boot.evidence.push(ev(rec));
    }
    if (row.bootId) {
      const dirty = headers.filter((h) => h.bootId === row.bootId && (h.dirty || h.state === 'ONLINE'));
      if (dirty[0]) {
        why.push(dirty[0].dirty ? `journal file ${dirty[0].path} was set aside as dirty` : `journal file ${dirty[0].path} is still ONLINE`);
        boot.evidence.push(dirty[0].stateEvidence ?? dirty[0].evidence);
      }
    }
    const gapEnd = next?.first;
    if (gapEnd !== undefined && best.span.last !== undefined && gapEnd - best.span.last > 3600_000) {
      why.push(`${Math.round((gapEnd - best.span.last) / 60_000)} min passed before the next boot`);
    }
    boot.reason = why.join('; ');
    return boot;
  });
}
