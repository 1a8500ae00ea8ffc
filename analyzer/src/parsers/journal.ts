/**
 * Journal / syslog / dmesg parser. One streaming sink reads every text form a bundle may hold and
 * detects the form per line (field guide §3):
 *
 * - our collector's `journalctl -o json --all` (one object per line; values are strings, byte arrays
 *   for binary, `null` for values ≥ 4096 bytes without `--all`, arrays for repeated fields):
 *     {"__REALTIME_TIMESTAMP":"1700007202100000","_BOOT_ID":"8e1f…","_SYSTEMD_UNIT":"docker.service",
 *      "SYSLOG_IDENTIFIER":"dockerd","_PID":"311","PRIORITY":"6","MESSAGE":"time=\"…\" level=info msg=\"Starting up\""}
 * - `short` / traditional syslog: `Nov 15 00:13:20 docklab dockerd[311]: msg` (no year, no zone; rsyslog pads `May  9`)
 * - `short-precise`: `Nov 15 00:13:20.000010 …`
 * - `short-iso` (`+0000` up to v254, `+00:00` from v255), `short-iso-precise`, rsyslog RFC 3339
 *   (`2023-11-15T00:13:20.123456+00:00 host ident[pid]: msg`)
 * - dmesg: `[   12.345678] msg` (relative: no wall time) and `dmesg -T`: `[Wed Nov 15 00:13:20 2023] msg`
 * - markers: `-- Reboot --` (≤ v246), `-- Boot <32hex> --` (v247+, names the NEXT boot),
 *   `-- Logs begin at … --`, `-- Journal begins at …, ends at … --`, `-- No entries --`; catalog
 *   lines (`-- Subject:`, `-- `, `░░ `) are skipped; indented lines continue the previous message.
 * - a daemon's own log file (`dockerd --log-file`, `*dockerd*.log`): bare logrus lines (timed by their
 *   `time=` field) and the stderr lines between them (`failed to start daemon: …`, `panic: …`, untimed).
 * - journalctl's own notes captured with the output (`No journal files were found.`, `Data from the
 *   specified boot (-1) is not available: …`, `Hint: …`) are neither records nor problems.
 *
 * What it keeps (bounded, whatever the input size): typed events, one per record and meaning, from the
 * event catalog (analyzer/src/events/: first and last SIGNAL_KEEP/2 per kind, with true counts), per unit/ident counts with first/last time,
 * boot spans in file order with their last TAIL_KEEP records (for the clean/unclean verdict),
 * journald "corrupted or uncleanly shut down" lines, markers, first/last time.
 */
import type { Evidence, Line, LineSink, ParseContext, ParseProblem, ParseResult, ParserDef } from '../spine/types.js';
import type { LogRecord } from '../model/host-model.js';
import type { EventKind } from '../events/types.js';
import type { CompiledCatalog, CompiledWording, EventMatch } from '../events/catalog.js';
import { EVENTS, eventMatch } from '../events/catalog.js';
import { bytesAt } from '../events/literal-scan.js';
import { looksLikeLogrus, parseLogrus } from './logrus.js';
import { ShortStampClock, fracMsAt, newSyslogHead, readSyslogHead, type SyslogHead } from './journal-fast.js';
import { MONTHS, YearFixer, fracToMs, grepPrefixLength, isoOrUndefined, parseIsoStamp, readShortStamp, type ShortStamp } from './journal-time.js';

export type JournalFormat = 'json' | 'short' | 'short-precise' | 'short-iso' | 'short-iso-precise' | 'dmesg' | 'dmesg-T' | 'logrus' | 'stderr';

/** A kept record; `bootSeq` is the boot span (in this file) it belongs to. */
export interface JRecord extends LogRecord {
  bootSeq: number;
  /** PRIORITY (0 emerg … 7 debug) when the source has it (json only). */
  priority?: number;
  /** The event kinds this record means (boot tails keep them: the clean/unclean verdict reads kinds, not text). */
  kinds?: readonly EventKind[];
}

/** A record with one of its meanings from the event catalog. */
export interface JEvent extends JRecord {
  kind: EventKind;
  /** `<kind>#<n>`: the wording that matched. */
  wording: string;
  fields: Record<string, string>;
}

export type BootStart = 'file-start' | 'reboot-marker' | 'boot-marker' | 'boot-id' | 'kernel-banner';

/** One boot as seen in this file, in file order. */
export interface BootSpan {
  seq: number;
  bootId?: string;
  startedBy: BootStart;
  first?: number;
  last?: number;
  count: number;
  firstLine: number;
  lastLine: number;
  /** The last TAIL_KEEP records of this boot, oldest first. */
  tail: JRecord[];
}

export interface JournalMarker {
  kind: 'reboot' | 'boot' | 'logs-begin' | 'journal-begins' | 'no-entries';
  line: number;
  text: string;
}

export interface UnitCount {
  count: number;
  first?: number;
  last?: number;
}

export interface JournalParse {
  /** Records per detected line form. */
  formats: Partial<Record<JournalFormat, number>>;
  records: number;
  /** Event kind → events (first and last SIGNAL_KEEP/2); `eventCounts` has the true count. */
  events: Partial<Record<EventKind, JEvent[]>>;
  eventCounts: Partial<Record<EventKind, number>>;
  /** Keyed by ident (syslog tag) and, when different, by systemd unit as well. */
  byUnit: Record<string, UnitCount>;
  boots: BootSpan[];
  journaldCorrupt: JRecord[];
  markers: JournalMarker[];
  firstTime?: number;
  lastTime?: number;
  /** Records without a wall-clock time (relative dmesg stamps). */
  untimed: number;
  /** Values journalctl printed as null (≥ 4096 bytes without --all). */
  omittedValues: number;
  /** A cap dropped something (signal records, units, boots). */
  capped: boolean;
  /** The first or the last line could not be read: the file looks cut there (sos head-cut, size limit). */
  truncated: boolean;
  /** How yearless stamps got their year. */
  year?: { reference: 'collectedAt' | 'mtime' | 'today'; lastYear: number };
}

export const SIGNAL_KEEP = 200;
export const TAIL_KEEP = 20;
/** Idents the fast path keeps one string for. */
const MAX_INTERNED = 4096;
export const MAX_UNITS = 2000;
export const MAX_BOOTS = 1000;
export const MAX_PROBLEMS = 100;
export const MAX_MESSAGE = 2000;
const MAX_CONTINUATION = 16_384;
const MAX_CORRUPT = 50;
const MAX_MARKERS = 200;

/** The raw record while it is pending (continuation lines may follow). */
interface Raw {
  line: number;
  time?: number;
  bootId?: string;
  unit?: string;
  ident?: string;
  pid?: number;
  priority?: number;
  message: string;
  /** Prefix shown before the message in the excerpt: the line's header; undefined for json (built at finish as `ident[pid]: `). */
  head?: string;
  bootSeq: number;
  format: JournalFormat;
  kinds?: readonly EventKind[];
  /**
   * The fast path's line while `message` and `head` are not cut from it yet: they are `text.slice(from)`
   * and `text.slice(0, from)` (settle()). Most records are never kept, so most lines are never cut. Only the
   * sink's `slot` (and copies of it) has one, and `slotFound` is its prefilter result.
   */
  text?: string;
  from: number;
}

/** Cuts a fast-path record's message and head from its line (see Raw.text); a no-op for any other record. */
function settle(r: Raw): void {
  const t = r.text;
  if (t === undefined) return;
  r.message = t.slice(r.from);
  r.head = t.slice(0, r.from);
  r.text = undefined;
}

const RE_ISO = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(?:[.,](\d{1,9}))?(Z|[+-]\d\d:?\d\d)? +(\S+) *(.*)$/;
/** RFC 5424: `<PRI>1 2003-10-11T22:14:15.003Z host app procid msgid [sd]|- msg` (PRI optional in files). */
const RE_5424 = /^(?:<\d{1,3}>)?1 (\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(?:[.,](\d{1,9}))?(Z|[+-]\d\d:?\d\d) (\S+) (\S+) (\S+) \S+ (?:-|(?:\[[^\]]*\])+) ?(.*)$/s;
/** `host rest`; rsyslog templates may put two spaces after the host. */
const RE_HOST = /^(\S+) *(.*)$/s;
const RE_NO_HOST = /^[^\s[\]]+\[\d+\]: /;
const RE_IDENT = /^([^\s[\]]+?)(?:\[(\d+)\])?:(?: (.*))?$/s;
/** `tag[pid] msg` without the colon (some rsyslog templates, SONiC's swss). */
const RE_IDENT_NO_COLON = /^([^\s[\]:]+)\[(\d+)\] (.*)$/s;
/**
 * A severity word some writers put between host and program: SONiC's templates (`sonic INFO dockerd[758]: …`)
 * and busybox syslogd's `facility.priority` (`host kern.notice kernel: …`, `host daemon.info dockerd[811]: …`).
 */
const RE_SEVERITY_WORD =
  /^(?:EMERG|ALERT|CRIT|ERR|ERROR|WARNING|WARN|NOTICE|INFO|DEBUG|(?:kern|user|mail|daemon|auth|authpriv|security|syslog|lpr|news|uucp|cron|ftp|mark|local[0-7])\.(?:emerg|panic|alert|crit|err|error|warn|warning|notice|info|debug)) +(?=\S)/;
const RE_DMESG_REL = /^\[\s*(\d+)\.(\d+)\] ?(.*)$/s;
const RE_DMESG_T = /^\[(?:[A-Z][a-z]{2}) ([A-Z][a-z]{2}) +(\d{1,2}) (\d\d):(\d\d):(\d\d) (\d{4})\] ?(.*)$/s;
const RE_BOOT = /^-- Boot ([0-9a-f]{32}) --$/;
const RE_LOGS_BEGIN = /^-- Logs begin at .* --$/;
const RE_JOURNAL_BEGINS = /^-- Journal begins at .* --$/;
const RE_JOURNALCTL_NOTE = /^(?:Hint: |No journal files were (?:found|opened)|Data from the specified boot \(.*\) is not available|Specifying boot ID or boot offset has no effect)/;

const cut = (s: string, n: number): string => (s.length > n ? s.slice(0, n) : s);
/** A copy that shares no memory with the string it came from. */
export const flatCopy = (s: string): string => Buffer.from(s, 'utf8').toString('utf8');

/**
 * An event kept lazily: the record is only built at finish, and the wording's fields read then
 * (most hits fall out of the ring). `ev` is read at once only when the message is cut for keeping,
 * because the fields come from the whole message.
 */
interface Hit {
  raw: Raw;
  w: CompiledWording;
  ev?: EventMatch;
}

class SignalBucket {
  head: Hit[] = [];
  ring: Hit[] = [];
  pos = 0;
  count = 0;
  add(r: Hit): void {
    this.count++;
    const half = SIGNAL_KEEP / 2;
    if (this.head.length < half) {
      this.head.push(r);
      return;
    }
    if (this.ring.length < half) this.ring.push(r);
    else {
      this.ring[this.pos] = r;
      this.pos = (this.pos + 1) % half;
    }
  }
  list(): Hit[] {
    return [...this.head, ...this.ring.slice(this.pos), ...this.ring.slice(0, this.pos)];
  }
}

function newRaw(): Raw {
  return { line: 0, time: undefined, bootId: undefined, unit: undefined, ident: undefined, pid: undefined, priority: undefined, message: '', head: undefined, bootSeq: 0, format: 'json', kinds: undefined, text: undefined, from: 0 };
}

/** Every field of `r` into `d` (message and head uncut when `r`'s are). */
function copyRaw(d: Raw, r: Raw): Raw {
  d.line = r.line;
  d.time = r.time;
  d.bootId = r.bootId;
  d.unit = r.unit;
  d.ident = r.ident;
  d.pid = r.pid;
  d.priority = r.priority;
  d.message = r.message;
  d.head = r.head;
  d.text = r.text;
  d.from = r.from;
  d.bootSeq = r.bootSeq;
  d.format = r.format;
  d.kinds = r.kinds;
  return d;
}

/** A copy to keep, its message and head cut. */
function cloneRaw(r: Raw): Raw {
  const c = copyRaw(newRaw(), r);
  settle(c);
  return c;
}

/** The last TAIL_KEEP records of a boot, in TAIL_KEEP reused slots (no allocation per record). */
class TailRing {
  items: Raw[] = [];
  pos = 0;
  add(r: Raw): void {
    if (this.items.length < TAIL_KEEP) {
      this.items.push(cloneRaw(r));
      return;
    }
    copyRaw(this.items[this.pos]!, r);
    this.pos = (this.pos + 1) % TAIL_KEEP;
  }
  list(): Raw[] {
    return [...this.items.slice(this.pos), ...this.items.slice(0, this.pos)];
  }
}

interface SpanState {
  span: BootSpan;
  tail: TailRing;
}

function firstString(v: unknown): string | undefined | null {
  if (v === null) return null;
  if (typeof v === 'string') return v;
  if (Array.isArray(v)) {
    if (v.length > 0 && v.every((x) => typeof x === 'number')) return Buffer.from(v as number[]).toString('utf8');
    return v.length ? firstString(v[0]) : undefined;
  }
  if (typeof v === 'number') return String(v);
  return undefined;
}

export class JournalSink implements LineSink<JournalParse> {
  private readonly ctx: ParseContext;
  private readonly catalog: CompiledCatalog;
  private readonly buckets = new Map<EventKind, SignalBucket>();
  private readonly units = new Map<string, UnitCount>();
  private readonly spans: SpanState[] = [];
  private readonly spanById = new Map<string, SpanState>();
  private cur?: SpanState;
  private pending?: Raw;
  private readonly problems: ParseProblem[] = [];
  private badLines = 0;
  private lines = 0;
  private records = 0;
  private untimed = 0;
  private omitted = 0;
  private capped = false;
  private firstTime?: number;
  private lastTime?: number;
  private readonly formats: Partial<Record<JournalFormat, number>> = {};
  /**
   * The current run of records of one format, added to `formats` when the format changes and at finish:
   * a keyed store per record was the costliest line of emit (a journal is one format for millions of lines).
   */
  private runFormat?: JournalFormat;
  private runCount = 0;
  private readonly markers: JournalMarker[] = [];
  private readonly corrupt: Raw[] = [];
  private readonly fixer: YearFixer;
  private lastLineNo = 0;
  private lastWasMarker = false;
  private firstBad = false;
  private readonly scratch: Raw = newRaw();
  /** The fast path's pending record, reused line after line (emit copies what it keeps, as for `scratch`). */
  private readonly slot: Raw = newRaw();
  /**
   * The prefilter's result for `slot`'s message while it is uncut (`Raw.text`: only the fast path's slot has
   * one), found while its line was being pushed: from the line's bytes, which are gone by the time the record
   * is complete. A continuation line cuts the message into a new string, and emit scans that instead.
   */
  private slotFound?: Set<number>;
  /** The fast path (journal-fast.ts); off only in tests that compare it with the regex path. */
  private readonly fast: boolean;
  private readonly head = newSyslogHead();
  /**
   * The fast path's idents by their hash (SyslogHead.identHash): a text journal repeats a few idents on
   * millions of lines, and one string per ident, instead of a slice per line, spares the allocation and
   * lets the unit and gate maps reuse its cached hash. Bounded; a collision only means a slice.
   */
  private readonly identByHash = new Map<number, { text: string; bytes: Uint8Array }>();
  private readonly clock: ShortStampClock;
  private lastBadNo = -1;
  private pendingContinuationBytes = 0;
  /** A daemon's own log file (`dockerd --log-file`, a lab's dockerd.log): bare logrus and stderr lines. */
  private bareMode: boolean;
  private readonly bareIdent: string;

  constructor(ctx: ParseContext, opts: { fastPath?: boolean } = {}) {
    this.ctx = ctx;
    this.catalog = ctx.events ?? EVENTS;
    this.fixer = new YearFixer(ctx.hostUtcOffsetMinutes);
    this.clock = new ShortStampClock(this.fixer);
    this.fast = opts.fastPath ?? true;
    const base = ctx.path.split('/').pop() ?? '';
    this.bareIdent = /containerd/.test(base) ? 'containerd' : 'dockerd';
    // A file under the bundle's logs/ is a daemon's or tool's own output (the collector's --log-file copies,
    // a script's log): lines between its records are that program's stderr, not garbage.
    this.bareMode = /(?:dockerd?|containerd)[^/]*\.log(?:\.\d+)?$/.test(base) || /(?:^|\/)logs\/[^/]+$/.test(ctx.path);
  }

  push(line: Line): void {
    this.take(line, undefined, 0, 0);
  }

  /** push(), with the line's bytes at hand for the fast path (LineSink.pushBytes). */
  pushBytes(line: Line, bytes: Uint8Array, start: number, end: number): void {
    this.take(line, bytes, start, end);
  }

  private take(line: Line, bytes: Uint8Array | undefined, start: number, end: number): void {
    try {
      this.lines++;
      this.lastLineNo = line.no;
      this.handle(line, bytes, start, end);
    } catch (e) {
      this.problem(line, `internal: ${(e as Error).message}`);
    }
  }

  private problem(line: Line, reason: string): void {
    this.badLines++;
    if (line.no === 1) this.firstBad = true;
    this.lastBadNo = line.no;
    if (this.problems.length < MAX_PROBLEMS) this.problems.push({ line: line.no, reason, excerpt: flatCopy(cut(line.text, 200)) });
  }

  /** One line; `bytes[start, end)` are its bytes when the reader gave them (pushBytes): the fast path reads those. */
  private handle(line: Line, bytes: Uint8Array | undefined, start: number, end: number): void {
    const t = line.text;
    if (t.length === 0) return;
    const c = t.charCodeAt(0);
    if (c >= 65 && c <= 90 && this.fast) {
      // A line pushed without its bytes (a test, a pasted text) is encoded: the fast path reads bytes.
      if (bytes === undefined) {
        bytes = Buffer.from(t, 'utf8');
        start = 0;
        end = bytes.length;
      }
      if (readSyslogHead(bytes, start, end, this.head)) {
        this.flush();
        this.fastShort(line, bytes, start, end);
        return;
      }
    }
    if (c === 123 /* { */) {
      this.flush();
      this.json(line);
      return;
    }
    if (c === 32 && isDigit(t.charCodeAt(1))) {
      // ja_JP / zh_TW / ko_KR pad one-digit months with a space: ` 1月 11 02:59:48 host …` is a record.
      const st = readShortStamp(t);
      if (st) {
        this.flush();
        this.short(line, st);
        return;
      }
    }
    if (c === 32 || c === 9) {
      // Continuation of a multi-line message (journalctl indents to the message column).
      if (this.pending) {
        if (this.pendingContinuationBytes < MAX_CONTINUATION) {
          const add = t.trimStart();
          settle(this.pending);
          this.pending.message += '\n' + add;
          this.pendingContinuationBytes += add.length;
        }
        return;
      }
      if (t.trim().length === 0) return;
      this.problem(line, 'continuation line without a record before it');
      return;
    }
    if (c === 45 /* - */ && t.trimEnd() === '--') return; // journalctl -x: the catalog's bare separator line
    if (c === 45 /* - */ && t.startsWith('-- ')) {
      this.flush();
      this.marker(line);
      return;
    }
    if (t.startsWith('░░')) return; // catalog text (v246+)
    if (c === 91 /* [ */) {
      this.flush();
      this.dmesg(line);
      return;
    }
    if (isDigit(c) || c === 60 /* < */) {
      this.flush();
      const st = readShortStamp(t); // `7月 26 …` (zh_CN), `2025 Sep 24 …` (SONiC year first)
      if (st) this.short(line, st);
      else this.iso(line, 0);
      return;
    }
    if (c > 64) {
      const st = readShortStamp(t); // any locale's month, a weekday first, a grep `file:` prefix
      if (st) {
        this.flush();
        this.short(line, st);
        return;
      }
      const g = grepPrefixLength(t);
      if (g) {
        this.flush();
        this.iso(line, g);
        return;
      }
    }
    if (c === 116 /* t */ || c === 108 /* l */) {
      if (looksLikeLogrus(t)) {
        this.flush();
        this.bare(line, true);
        return;
      }
    }
    if (RE_JOURNALCTL_NOTE.test(t)) {
      // journalctl's own notes that sos/the collector captured with the output: no records, not garbage.
      this.markerPush('no-entries', line);
      return;
    }
    this.flush();
    if (this.bareMode) {
      // stderr of the daemon next to its logrus lines: `failed to start daemon: …`, `panic: …`
      this.bare(line, false);
      return;
    }
    this.problem(line, 'unrecognised line');
  }

  /** A line of a daemon's own log file: logrus (time from its `time=` field) or bare stderr (no time). */
  private bare(line: Line, logrus: boolean): void {
    this.bareMode = true;
    let time: number | undefined;
    if (logrus) {
      const m = /^time="([^"]+)"/.exec(line.text);
      if (m) {
        const t = parseIsoStamp(m[1]!.replace(/(\.\d{1,9})\d*/, '$1'));
        if (Number.isFinite(t)) time = t;
      }
    }
    const st = this.ensureSpan(line.no);
    this.pending = {
      line: line.no,
      time,
      ident: this.bareIdent,
      message: line.text,
      head: '',
      bootSeq: st.span.seq,
      bootId: st.span.bootId,
      format: logrus ? 'logrus' : 'stderr',
      from: 0,
    };
    this.pendingContinuationBytes = 0;
  }

  private markerPush(kind: JournalMarker['kind'], line: Line): void {
    if (this.markers.length < MAX_MARKERS) this.markers.push({ kind, line: line.no, text: cut(line.text, 300) });
  }

  private marker(line: Line): void {
    const t = line.text.trimEnd();
    if (t === '-- Reboot --') {
      this.markerPush('reboot', line);
      this.newSpan('reboot-marker', line.no, undefined);
      this.lastWasMarker = true;
      return;
    }
    const b = RE_BOOT.exec(t);
    if (b) {
      this.markerPush('boot', line);
      this.newSpan('boot-marker', line.no, b[1]);
      this.lastWasMarker = true;
      return;
    }
    if (t === '-- No entries --') return this.markerPush('no-entries', line);
    if (RE_LOGS_BEGIN.test(t)) return this.markerPush('logs-begin', line);
    if (RE_JOURNAL_BEGINS.test(t)) return this.markerPush('journal-begins', line);
    // Anything else starting with "-- " is catalog text (-x): skipped.
  }

  /** Starts a new boot span at a marker; an empty current span is reused. */
  private newSpan(startedBy: BootStart, lineNo: number, bootId: string | undefined): void {
    if (this.cur && this.cur.span.count === 0) {
      this.cur.span.startedBy = startedBy;
      if (bootId) {
        this.cur.span.bootId = bootId;
        this.spanById.set(bootId, this.cur);
      }
      return;
    }
    if (this.spans.length >= MAX_BOOTS) {
      this.capped = true;
      return;
    }
    const st: SpanState = {
      span: { seq: this.spans.length, bootId, startedBy, count: 0, firstLine: lineNo, lastLine: lineNo, tail: [] },
      tail: new TailRing(),
    };
    this.spans.push(st);
    if (bootId) this.spanById.set(bootId, st);
    this.cur = st;
  }

  private spanForId(bootId: string, lineNo: number): SpanState {
    if (this.cur && this.cur.span.bootId === bootId) return this.cur;
    const known = this.spanById.get(bootId);
    if (known) {
      this.cur = known;
      return known;
    }
    if (this.cur && this.cur.span.count === 0 && !this.cur.span.bootId) {
      this.cur.span.bootId = bootId;
      this.cur.span.startedBy = 'boot-id';
      this.spanById.set(bootId, this.cur);
      return this.cur;
    }
    this.newSpan(this.spans.length === 0 ? 'file-start' : 'boot-id', lineNo, bootId);
    return this.cur!;
  }

  private ensureSpan(lineNo: number): SpanState {
    if (!this.cur) this.newSpan('file-start', lineNo, undefined);
    return this.cur!;
  }

  private json(line: Line): void {
    // JSON.parse of the whole line: measured faster than extracting the few keys by hand.
    let o: Record<string, unknown>;
    try {
      o = JSON.parse(line.text) as Record<string, unknown>;
    } catch {
      this.problem(line, 'invalid JSON journal line');
      return;
    }
    if (!o || typeof o !== 'object' || Array.isArray(o)) {
      this.problem(line, 'JSON line is not an object');
      return;
    }
    let message = firstString(o.MESSAGE);
    if (message === null) {
      this.omitted++;
      message = '';
    }
    const rt = firstString(o.__REALTIME_TIMESTAMP);
    let time: number | undefined;
    if (rt) {
      const us = Number(rt);
      if (Number.isFinite(us)) time = us / 1000;
    }
    const bootId = firstString(o._BOOT_ID) ?? undefined;
    const unit = firstString(o._SYSTEMD_UNIT) ?? undefined;
    const ident = firstString(o.SYSLOG_IDENTIFIER) ?? firstString(o._COMM) ?? undefined;
    const pidS = firstString(o._PID) ?? firstString(o.SYSLOG_PID);
    const pid = pidS ? Number(pidS) : undefined;
    const prS = firstString(o.PRIORITY);
    const priority = prS ? Number(prS) : undefined;
    const st = bootId ? this.spanForId(bootId, line.no) : this.ensureSpan(line.no);
    // json records are filled into one scratch object: emit copies what it keeps.
    const raw = this.scratch;
    raw.line = line.no;
    raw.time = time;
    raw.bootId = bootId ?? st.span.bootId;
    raw.unit = unit;
    raw.ident = ident;
    raw.pid = Number.isFinite(pid) ? pid : undefined;
    raw.priority = Number.isFinite(priority) ? priority : undefined;
    raw.message = message ?? '';
    raw.head = undefined;
    raw.bootSeq = st.span.seq;
    raw.format = 'json';
    this.emit(raw, st);
  }

  /** The common `short` line, read by readSyslogHead into `this.head`: what short() + headed() make of it, without regexes. */
  private fastShort(line: Line, bytes: Uint8Array, start: number, end: number): void {
    const t = line.text;
    const h = this.head;
    let time = this.clock.at(h);
    if (h.fracEnd > h.fracStart) time += fracMsAt(t, h.fracStart, h.fracEnd);
    const ident = this.internIdent(t, h, bytes, start);
    const from = h.msgStart < t.length ? h.msgStart : t.length;
    if (h.identEnd - h.identStart === 6 && ident === 'kernel' && this.cur && this.cur.span.count > 0 && !this.lastWasMarker && isKernelBanner(t.slice(from))) {
      this.newSpan('kernel-banner', line.no, undefined);
    }
    const st = this.ensureSpan(line.no);
    const r = this.slot;
    r.line = line.no;
    r.time = time;
    r.bootId = st.span.bootId;
    r.unit = undefined;
    r.ident = ident;
    r.pid = h.pid >= 0 ? h.pid : undefined;
    r.priority = undefined;
    // message and head stay uncut (Raw.text): only a kept record needs them as strings.
    r.message = '';
    r.head = undefined;
    r.text = t;
    r.from = from;
    r.bootSeq = st.span.seq;
    r.format = h.fracEnd > h.fracStart ? 'short-precise' : 'short';
    r.kinds = undefined;
    // Bytes only when each became one character (scanBytes); a line with multibyte characters is scanned as text.
    const prefilter = this.catalog.gate(undefined, ident).prefilter;
    this.slotFound = end - start === t.length ? prefilter?.scanBytes(t, from, bytes, start) : prefilter?.scan(t, from);
    this.pending = r;
    this.pendingContinuationBytes = 0;
  }

  private internIdent(t: string, h: SyslogHead, bytes: Uint8Array, start: number): string {
    const len = h.identEnd - h.identStart;
    const known = this.identByHash.get(h.identHash);
    // Compared by bytes (an ident on the fast path is ASCII): `startsWith` cost a builtin call a line.
    if (known !== undefined && known.bytes.length === len && bytesAt(known.bytes, bytes, start + h.identStart)) return known.text;
    const ident = t.slice(h.identStart, h.identEnd);
    if (known !== undefined || this.identByHash.size >= MAX_INTERNED) return ident;
    // A copy of its own: a long slice would keep its whole line alive for the rest of the parse.
    const own = len >= 13 ? flatCopy(ident) : ident;
    this.identByHash.set(h.identHash, { text: own, bytes: Buffer.from(own, 'latin1') });
    return own;
  }

  private short(line: Line, st: ShortStamp): void {
    // The fixer's state moves here: the fast path's per-second cache must read its next stamp afresh.
    this.clock.forget();
    const ms = fracToMs(st.frac);
    const time =
      st.year !== undefined
        ? Date.UTC(st.year, st.month, st.day, st.h, st.mi, st.s) + ms - (this.ctx.hostUtcOffsetMinutes ?? 0) * 60_000
        : this.fixer.stamp(st.month, st.day, st.h, st.mi, st.s, 0) + ms;
    // journalctl prints no host when the record has no _HOSTNAME: `Jul 17 14:11:50 dockerd[46867]: …`.
    const hm = RE_NO_HOST.test(st.rest) ? undefined : RE_HOST.exec(st.rest);
    this.headed(line, time, st.frac ? 'short-precise' : 'short', hm ? hm[2]! : st.rest);
  }

  private iso(line: Line, offset: number): void {
    const text = offset ? line.text.slice(offset) : line.text;
    const r5424 = RE_5424.exec(text);
    if (r5424) {
      const time = parseIsoStamp(`${r5424[1]}${r5424[2] ? '.' + r5424[2] : ''}${r5424[3]}`);
      if (Number.isFinite(time)) {
        // Rebuilt as `app[procid]: msg` so the ident/pid split below reads it like any other line.
        const pid = /^\d+$/.test(r5424[6]!) ? `[${r5424[6]}]` : '';
        this.headed(line, time, r5424[2] ? 'short-iso-precise' : 'short-iso', `${r5424[5]}${pid}: ${r5424[7] ?? ''}`, r5424[7] ?? '');
        return;
      }
    }
    const m = RE_ISO.exec(text);
    if (!m) {
      this.problem(line, 'unrecognised line');
      return;
    }
    const stamp = `${m[1]}${m[2] ? '.' + m[2] : ''}${m[3] ?? ''}`;
    let time = parseIsoStamp(stamp);
    if (!m[3] && Number.isFinite(time) && this.ctx.hostUtcOffsetMinutes) time -= this.ctx.hostUtcOffsetMinutes * 60_000;
    if (!Number.isFinite(time)) {
      this.problem(line, 'invalid timestamp');
      return;
    }
    this.headed(line, time, m[2] ? 'short-iso-precise' : 'short-iso', m[5] ?? '');
  }

  /** A `stamp host rest` line: splits `ident[pid]: message` (`message` given when `rest` was rebuilt). */
  private headed(line: Line, time: number, format: JournalFormat, rest: string, original?: string): void {
    const sev = RE_SEVERITY_WORD.exec(rest);
    if (sev && (RE_IDENT.test(rest.slice(sev[0].length)) || RE_IDENT_NO_COLON.test(rest.slice(sev[0].length)))) rest = rest.slice(sev[0].length);
    const im = RE_IDENT.exec(rest) ?? RE_IDENT_NO_COLON.exec(rest);
    let ident: string | undefined;
    let pid: number | undefined;
    let message: string;
    if (im) {
      ident = im[1];
      pid = im[2] ? Number(im[2]) : undefined;
      message = original ?? im[3] ?? '';
    } else message = rest; // e.g. rsyslog "-- MARK --"
    // Kernel banner starts a boot in marker-less text (syslog, journalctl -q).
    if (ident === 'kernel' && this.cur && this.cur.span.count > 0 && !this.lastWasMarker && isKernelBanner(message)) {
      this.newSpan('kernel-banner', line.no, undefined);
    }
    const st = this.ensureSpan(line.no);
    const head = line.text.slice(0, line.text.length - message.length);
    this.pending = {
      line: line.no,
      time,
      bootId: st.span.bootId,
      ident,
      pid,
      message,
      head,
      bootSeq: st.span.seq,
      format,
      from: 0,
    };
    this.pendingContinuationBytes = 0;
  }

  private dmesg(line: Line): void {
    const t = line.text;
    let m = RE_DMESG_REL.exec(t);
    if (m) {
      this.pendKernel(line, t, m[3] ?? '', undefined, 'dmesg');
      return;
    }
    m = RE_DMESG_T.exec(t);
    if (m && m[1]! in MONTHS) {
      const off = this.ctx.hostUtcOffsetMinutes ?? 0;
      const time = Date.UTC(+m[6]!, MONTHS[m[1]!]!, +m[2]!, +m[3]!, +m[4]!, +m[5]!) - off * 60_000;
      this.pendKernel(line, t, m[7] ?? '', time, 'dmesg-T');
      return;
    }
    this.problem(line, 'unrecognised line');
  }

  /** A kernel ring-buffer line (plain or `-T`): a kernel banner opens a new boot span. */
  private pendKernel(line: Line, t: string, message: string, time: number | undefined, format: 'dmesg' | 'dmesg-T'): void {
    if (this.cur && this.cur.span.count > 0 && isKernelBanner(message)) this.newSpan('kernel-banner', line.no, undefined);
    const st = this.ensureSpan(line.no);
    this.pending = {
      line: line.no,
      ...(time === undefined ? {} : { time }),
      ident: 'kernel',
      message,
      head: t.slice(0, t.length - message.length),
      bootSeq: st.span.seq,
      bootId: st.span.bootId,
      format,
      from: 0,
    };
    this.pendingContinuationBytes = 0;
  }

  private flush(): void {
    const p = this.pending;
    if (!p) return;
    this.pending = undefined;
    const st = this.spans[p.bootSeq] ?? this.ensureSpan(p.line);
    this.emit(p, st);
  }

  private countUnit(key: string, time: number | undefined): void {
    let u = this.units.get(key);
    if (!u) {
      if (this.units.size >= MAX_UNITS) {
        this.capped = true;
        key = '(other)';
        u = this.units.get(key);
      }
      if (!u) {
        u = { count: 0 };
        this.units.set(key, u);
      }
    }
    u.count++;
    if (time !== undefined) {
      if (u.first === undefined || time < u.first) u.first = time;
      if (u.last === undefined || time > u.last) u.last = time;
    }
  }

  /** Counts a complete record, matches the event catalog, and feeds the boot tail. */
  private emit(r: Raw, st: SpanState): void {
    this.lastWasMarker = false;
    this.records++;
    if (r.format === this.runFormat) this.runCount++;
    else {
      this.endFormatRun();
      this.runFormat = r.format;
      this.runCount = 1;
    }
    const t = r.time;
    if (t === undefined) this.untimed++;
    else {
      if (this.firstTime === undefined || t < this.firstTime) this.firstTime = t;
      if (this.lastTime === undefined || t > this.lastTime) this.lastTime = t;
    }
    const span = st.span;
    span.count++;
    span.lastLine = r.line;
    if (t !== undefined) {
      if (span.first === undefined || t < span.first) span.first = t;
      if (span.last === undefined || t > span.last) span.last = t;
    }
    if (r.ident !== undefined) this.countUnit(r.ident, t);
    if (r.unit !== undefined && r.unit !== r.ident) this.countUnit(r.unit, t);
    if (r.ident === undefined && r.unit === undefined) this.countUnit('(none)', t);
    const text = r.text;
    const gate = this.catalog.gate(r.unit, r.ident);
    // A fast-path record's line was scanned when it was pushed (slotFound); any other message is scanned here.
    const matches = text === undefined ? this.catalog.matchWordings(gate, r.message) : this.catalog.matchFound(gate, this.slotFound, text, r.from);
    // One wording is the common case: its one-kind array is shared, not made per record.
    r.kinds = matches === undefined ? undefined : matches.length === 1 ? matches[0]!.kinds : matches.map((w) => w.kind);
    const corrupt = this.corrupt.length < MAX_CORRUPT && matches !== undefined && matches.some((w) => w.kind === 'journald.corrupt');
    // A kept record must not pin a long input line: V8 substrings of a text line reference the whole
    // line, so cut long messages to a fresh copy (rare: only lines over MAX_MESSAGE characters).
    const long = (text === undefined ? r.message.length : text.length - r.from) > MAX_MESSAGE;
    let msg = r.message;
    if (long) {
      settle(r);
      msg = r.message;
      r.message = flatCopy(msg.slice(0, MAX_MESSAGE));
      if (r.head !== undefined) r.head = flatCopy(r.head.slice(0, 512));
    }
    st.tail.add(r);
    if (matches) {
      // Copied uncut (Raw.text): a kind's ring drops most of its hits, so the cut waits for finish.
      const owned = r === this.scratch || r === this.slot ? copyRaw(newRaw(), r) : r;
      for (const w of matches) {
        let b = this.buckets.get(w.kind);
        if (!b) {
          b = new SignalBucket();
          this.buckets.set(w.kind, b);
        }
        if (b.count >= SIGNAL_KEEP) this.capped = true;
        b.add(long ? { raw: owned, w, ev: eventMatch(w, msg) } : { raw: owned, w });
      }
      if (corrupt) this.corrupt.push(owned);
    }
  }

  private endFormatRun(): void {
    const f = this.runFormat;
    if (f !== undefined) this.formats[f] = (this.formats[f] ?? 0) + this.runCount;
    this.runFormat = undefined;
    this.runCount = 0;
  }

  private materialize(r: Raw): JRecord {
    settle(r);
    const message = cut(r.message, MAX_MESSAGE);
    const ev: Evidence = {
      artifact: this.ctx.artifact,
      path: this.ctx.path,
      line: r.line,
      excerpt: cut((r.head ?? `${r.ident ?? r.unit ?? '?'}${r.pid !== undefined ? `[${r.pid}]` : ''}: `) + r.message, 500),
    };
    const time = isoOrUndefined(r.time);
    if (time) ev.time = time;
    const rec: JRecord = { message, evidence: ev, bootSeq: r.bootSeq };
    if (r.time !== undefined) rec.time = r.time;
    if (r.bootId) rec.bootId = r.bootId;
    if (r.unit) rec.unit = r.unit;
    if (r.ident) rec.ident = r.ident;
    if (r.pid !== undefined) rec.pid = r.pid;
    if (r.priority !== undefined) rec.priority = r.priority;
    if (r.kinds) rec.kinds = r.kinds;
    const lr = parseLogrus(message);
    if (lr) rec.logrus = lr;
    return rec;
  }

  finish(): ParseResult<JournalParse> {
    try {
      return this.finishInner();
    } catch (e) {
      return { status: 'malformed', reason: `internal: ${(e as Error).message}`, problems: this.problems };
    }
  }

  private finishInner(): ParseResult<JournalParse> {
    this.flush();
    this.endFormatRun();
    const problems = this.problems;
    if (this.badLines > problems.length) {
      problems.push({ line: this.lastLineNo, reason: `${this.badLines - problems.length} more unreadable lines not listed` });
    }
    if (this.lines === 0) return { status: 'skipped', reason: 'empty', problems };

    // Records are built only now, once per raw record kept anywhere.
    const built = new Map<Raw, JRecord>();
    const spans = this.spans.map((s) => {
      s.span.tail = this.recordsOf(s.tail.list(), built);
      return s.span;
    });
    const events: Partial<Record<EventKind, JEvent[]>> = {};
    const eventCounts: Partial<Record<EventKind, number>> = {};
    for (const [kind, b] of this.buckets) {
      const list: JEvent[] = [];
      for (const h of b.list()) {
        const rec = this.recordOf(h.raw, built); // cuts the record's message from its line (settle)
        list.push(toEvent(rec, h.ev ?? eventMatch(h.w, h.raw.message) ?? unread(h.w)));
      }
      events[kind] = list;
      eventCounts[kind] = b.count;
    }
    const value: JournalParse = {
      formats: this.formats,
      records: this.records,
      events,
      eventCounts,
      byUnit: Object.fromEntries(this.units),
      boots: spans,
      journaldCorrupt: this.recordsOf(this.corrupt, built),
      markers: this.markers,
      firstTime: this.firstTime,
      lastTime: this.lastTime,
      untimed: this.untimed,
      omittedValues: this.omitted,
      capped: this.capped,
      truncated: this.firstBad || (this.lastBadNo === this.lastLineNo && this.lastLineNo > 1),
    };
    if (this.fixer.used) this.fixYears(value, problems);
    if (this.records === 0 && !this.markers.some((m) => m.kind === 'no-entries')) {
      return { status: 'malformed', reason: 'no journal or syslog records recognised', line: problems[0]?.line, value, problems };
    }
    return { status: 'ok', value, problems };
  }

  /**
   * A kept raw record's record, built once however many places keep it. Methods and loops, not arrows made in
   * finishInner: a batch worker would compile a new arrow for every bundle (bench/README, "hot callbacks").
   */
  private recordOf(r: Raw, built: Map<Raw, JRecord>): JRecord {
    let rec = built.get(r);
    if (!rec) {
      rec = this.materialize(r);
      built.set(r, rec);
    }
    return rec;
  }

  private recordsOf(raws: readonly Raw[], built: Map<Raw, JRecord>): JRecord[] {
    const out: JRecord[] = [];
    for (const r of raws) out.push(this.recordOf(r, built));
    return out;
  }

  /** Gives yearless stamps their year (see journal-time.ts) across everything kept. */
  private fixYears(v: JournalParse, problems: ParseProblem[]): void {
    let reference: 'collectedAt' | 'mtime' | 'today' = 'collectedAt';
    let ref = this.ctx.collectedAt;
    if (ref === undefined && this.ctx.sourceMtime !== undefined) {
      ref = this.ctx.sourceMtime;
      reference = 'mtime';
    }
    if (ref === undefined) {
      ref = Date.now();
      reference = 'today';
      problems.push({ line: 0, reason: 'lines carry no year and the bundle gives no collection time: year assumed from today' });
    }
    const f = this.fixer;
    f.resolve(ref);
    const fx = (t: number | undefined) => f.fix(t);
    // Walk what is kept (bounded); a record shared by several events is fixed once (events copy the
    // record, so they are fixed on their own).
    const kept = new Set<JRecord>([...Object.values(v.events).flat(), ...v.journaldCorrupt, ...v.boots.flatMap((b) => b.tail)]);
    for (const r of kept) {
      r.time = fx(r.time);
      if (r.evidence.time !== undefined) r.evidence.time = isoOrUndefined(r.time);
    }
    for (const s of v.boots) {
      s.first = fx(s.first);
      s.last = fx(s.last);
    }
    for (const u of Object.values(v.byUnit)) {
      u.first = fx(u.first);
      u.last = fx(u.last);
    }
    v.firstTime = fx(v.firstTime);
    v.lastTime = fx(v.lastTime);
    v.year = { reference, lastYear: new Date(fx(v.lastTime) ?? ref).getUTCFullYear() };
  }
}

/** A wording's event whose fields could not be read again (cannot happen: the same regex on the same text). */
function unread(w: CompiledWording): EventMatch {
  return { kind: w.kind, wording: w.id, fields: {}, match: '' };
}

/** The record as one event: its own evidence highlights this meaning's match. */
function toEvent(rec: JRecord, ev: EventMatch): JEvent {
  return { ...rec, evidence: { ...rec.evidence, match: cut(ev.match, 200) }, kind: ev.kind, wording: ev.wording, fields: ev.fields };
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isKernelBanner(message: string): boolean {
  let m = message;
  if (m.startsWith('[')) {
    const e = m.indexOf('] ');
    if (e > 0) m = m.slice(e + 2);
  }
  return m.startsWith('Linux version ');
}

export const journalParser: ParserDef<JournalParse> = {
  name: 'journal',
  artifacts: ['journal', 'journal.previous-boot', 'journal.boot-tails', 'journal.docker', 'journal.containerd'],
  create: (ctx) => new JournalSink(ctx),
};
