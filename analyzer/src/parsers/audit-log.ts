/**
 * audit.log (field guide §2 "audit watches", §3 audit.log):
 *
 *   type=SYSCALL msg=audit(1517656451.457:8097): arch=c000003e syscall=257 success=yes exit=3 … pid=1029 comm="dockerd" exe="/usr/bin/dockerd" key="docker"
 *   type=PATH msg=audit(1517656451.457:8097): item=0 name="/var/lib/docker/containers/…/config.v2.json" … nametype=NORMAL
 *
 * - Optional `node=X ` prefix. Records group into events by (node, `sec.msec:serial`) over the whole
 *   file: events interleave and `EOE` is never written to disk. An event is closed once it has not
 *   been touched for EVENT_WINDOW lines (bounded memory; a record arriving later starts a new event).
 * - ENRICHED format appends `\x1d` and upper-case interpreted fields (`SYSCALL=openat`); split on it.
 * - Unquoted hex values of string fields (name, exe, comm, proctitle, key, cwd) are encoded bytes.
 * - `(null)`, `?` and `4294967295` are sentinels (no value). Types may be `UNKNOWN[1334]`.
 *
 * Kept: total events, per-key counts with first/last time, and events that concern Docker (a key
 * containing "docker" or a PATH name containing "/docker"), capped; the model filters those by the
 * effective data-root.
 */
import type { Evidence, Line, LineSink, ParseContext, ParseProblem, ParseResult, ParserDef } from '../spine/types.js';
import type { AuditEvent } from '../model/host-model.js';
import { flatCopy } from './journal.js';
import { dict } from './util/dict.js';

export interface AuditLogParse {
  totalEvents: number;
  records: number;
  keyCounts: Record<string, { count: number; first?: number; last?: number }>;
  /** Docker-related events (first EVENT_KEEP/2 and last EVENT_KEEP/2). */
  events: AuditEvent[];
  dockerEvents: number;
  firstTime?: number;
  lastTime?: number;
  types: Record<string, number>;
}

export const EVENT_KEEP = 2000;
const EVENT_WINDOW = 2000;
const MAX_OPEN = 20_000;
const MAX_KEYS = 1000;
const MAX_TYPES = 500;
const MAX_RECORD = 8192;

const RE_RECORD = /^(?:node=(\S+) )?type=(\S+) msg=audit\((\d+)\.(\d+):(\d+)\): ?(.*)$/s;

/** One audit.log record by its parts, as RE_RECORD reads them (a forwarded record is read straight into them). */
export interface AuditRecord {
  node?: string;
  type: string;
  /** The stamp `sec.msec` and the serial, as written. */
  sec: string;
  msec: string;
  serial: string;
  /** Everything after `): `. */
  body: string;
}

/**
 * The length of recordText(r) without the body, counted instead of written. Too small would skip the cut
 * (a test at the cut fails); too large only sends a record the written way.
 */
function headLength(r: AuditRecord): number {
  // `node=N ` + `type=T` + ` msg=audit(` + `S.M:N` + `): `
  return (r.node === undefined ? 0 : r.node.length + 6) + 5 + r.type.length + 11 + r.sec.length + 1 + r.msec.length + 1 + r.serial.length + 3;
}

/** The audit.log line of a record that has none of its own (a forwarded one): its evidence excerpt. */
export function recordText(r: AuditRecord): string {
  return `${r.node === undefined ? '' : `node=${r.node} `}type=${r.type} msg=audit(${r.sec}.${r.msec}:${r.serial}): ${r.body}`;
}
const HEX_FIELDS = new Set(['name', 'exe', 'comm', 'proctitle', 'key', 'cwd', 'path', 'cmd', 'data', 'old', 'new']);
const SENTINELS = new Set(['(null)', '?', '4294967295', '(none)']);

/** key=value pairs; values bare, "double-quoted" or 'single-quoted' (USER_* msg='…', parsed recursively). */
export function auditFields(body: string, into: Record<string, string> = dict(), depth = 0): Record<string, string> {
  let i = 0;
  const n = body.length;
  let guard = 0;
  while (i < n && guard++ < 500) {
    while (i < n && body.charCodeAt(i) === 32) i++;
    const eq = body.indexOf('=', i);
    if (eq < 0) break;
    const key = body.slice(i, eq);
    i = eq + 1;
    let value: string;
    const q = body[i];
    if (q === '"' || q === "'") {
      const end = body.indexOf(q, i + 1);
      const stop = end < 0 ? n : end;
      value = body.slice(i + 1, stop);
      i = stop + 1;
      if (q === "'" && depth < 2 && value.includes('=')) auditFields(value, into, depth + 1);
      if (!(key in into)) into[key] = value;
      continue;
    }
    let j = body.indexOf(' ', i);
    if (j < 0) j = n;
    value = body.slice(i, j);
    i = j;
    if (key.includes(' ') || key.length === 0) continue;
    if (HEX_FIELDS.has(key) && value.length >= 2 && value.length % 2 === 0 && /^[0-9A-F]+$/.test(value)) {
      value = Buffer.from(value, 'hex').toString('utf8');
    }
    if (!(key in into)) into[key] = value;
  }
  return into;
}

/**
 * An event while its records may still arrive. Every field is always present (undefined when unset):
 * closed events go back to the sink's pool and are reused, so they keep one shape.
 */
interface OpenEvent {
  node: string | undefined;
  time: number;
  serial: number;
  /** The first nTypes entries are this event's; the array is kept across reuses (its length is not reset). */
  types: string[];
  nTypes: number;
  /** Made on the first key or path: most records (AVC, PROCTITLE …) have neither. */
  keys: string[] | undefined;
  syscall: string | undefined;
  success: boolean | undefined;
  exe: string | undefined;
  comm: string | undefined;
  pid: number | undefined;
  paths: { name: string; nametype?: string }[] | undefined;
  lastLine: number;
  /**
   * The evidence: the SYSCALL record, else the first record of a kind that can make the event one about
   * Docker (a key or a path: SYSCALL, PATH, CONFIG_CHANGE, USER_*, DAEMON_START), with its line. Only
   * those records are kept: an event that is not about Docker is never shown, and keeping the line of
   * every open event (an AppArmor or seccomp record every sixth line of a journal) cost 5 % of the
   * journal's parse. A forwarded record is kept by its parts and written only if shown.
   */
  excerpt: string | AuditRecord | undefined;
  excerptLine: number | undefined;
}

function newOpenEvent(): OpenEvent {
  return { node: undefined, time: 0, serial: 0, types: [], nTypes: 0, keys: undefined, syscall: undefined, success: undefined, exe: undefined, comm: undefined, pid: undefined, paths: undefined, lastLine: 0, excerpt: undefined, excerptLine: undefined };
}

/** `key` may hold several keys (`\x01`-separated, auditctl -k given twice). */
function addKeys(ev: OpenEvent, key: string): void {
  for (const k of key.split('\x01')) if (k && !ev.keys?.includes(k)) (ev.keys ??= []).push(k);
}

function keepExcerpt(ev: OpenEvent, shown: string | AuditRecord, no: number): void {
  ev.excerpt = typeof shown === 'string' ? shown.slice(0, 500) : shown;
  ev.excerptLine = no;
}

const clean = (v: string | undefined): string | undefined => (v === undefined || SENTINELS.has(v) ? undefined : v);

/** The audit.log sink, also taking forwarded records by their parts (audit-forwarded.ts). */
export interface AuditRecordSink extends LineSink<AuditLogParse> {
  pushRecord(no: number, r: AuditRecord): void;
}

class AuditLogSink implements AuditRecordSink {
  /**
   * Open events by serial number: a number key spares building and hashing a joined string per record
   * (a sixth of the instructions of a forwarded-audit parse). A log of several hosts (`node=`) or a serial
   * too long for a double is keyed by its `node|serial` text instead. An event is (node, stamp, serial):
   * a key met again with another stamp is a restarted counter (a reboot), and the old event is over.
   */
  private readonly open = new Map<number | string, OpenEvent>();
  /**
   * Closed events, reused for the next ones. An event stays open for up to EVENT_WINDOW lines, long enough
   * to outlive a young-generation collection: with a kernel AppArmor record every sixth line of a journal,
   * a new object per event (copied, promoted, then collected from the old generation) cost 4 % of the
   * journal's parse, and reusing them saves 2.4 % (bench/README.md). Pooled events are old and stay so;
   * the pool is at most the MAX_OPEN events that were open at once.
   */
  private readonly pool: OpenEvent[] = [];
  /** Records since the last look for events to close. */
  private sinceExpire = 0;
  private readonly problems: ParseProblem[] = [];
  private bad = 0;
  private lines = 0;
  private records = 0;
  private total = 0;
  private docker = 0;
  private readonly keyCounts = new Map<string, { count: number; first?: number; last?: number }>();
  private readonly head: AuditEvent[] = [];
  private readonly ring: AuditEvent[] = [];
  private ringPos = 0;
  private firstTime?: number;
  private lastTime?: number;
  private readonly types = new Map<string, number>();
  private lineNo = 0;
  constructor(private readonly ctx: ParseContext) {}

  push(line: Line): void {
    try {
      this.lineNo = line.no;
      this.record(line);
      this.maybeExpire(line.no);
    } catch (e) {
      this.problem(line, `internal: ${(e as Error).message}`);
    }
  }

  private maybeExpire(no: number): void {
    // Every 256 records, not every 256th line number: forwarded records carry the log's line numbers,
    // which may never be a multiple of 256 (audit lines on odd lines only would never expire).
    if (++this.sinceExpire >= 256 && this.open.size > 64) {
      this.sinceExpire = 0;
      this.expire(no);
    }
  }

  private problem(line: Line, reason: string): void {
    this.bad++;
    if (this.problems.length < 100) this.problems.push({ line: line.no, reason, excerpt: flatCopy(line.text.slice(0, 200)) });
  }

  /**
   * A forwarded record, already read into its parts by the log parser's tee: the line it would have
   * written is made only if its event is shown (recordText). A record longer than MAX_RECORD is
   * written and read as a line instead, where record() cuts it (rare: over 8 KB).
   */
  pushRecord(no: number, r: AuditRecord): void {
    if (headLength(r) + r.body.length > MAX_RECORD) {
      this.push({ no, text: recordText(r) });
      return;
    }
    try {
      this.lineNo = no;
      this.lines++;
      this.add(no, r.node, r.type, r.sec, r.msec, r.serial, r.body, r);
      this.maybeExpire(no);
    } catch (e) {
      this.problem({ no, text: recordText(r) }, `internal: ${(e as Error).message}`);
    }
  }

  private record(line: Line): void {
    // Field values are substrings of the line and V8 substrings pin their parent: a very long line
    // is cut to a fresh copy first so open and kept events stay small.
    const t = line.text.length > MAX_RECORD ? flatCopy(line.text.slice(0, MAX_RECORD)) : line.text;
    if (t.length === 0) return;
    this.lines++;
    const m = RE_RECORD.exec(t);
    if (!m) {
      this.problem(line, 'not an audit record');
      return;
    }
    // Indexed, not destructured: the array iterator is measurable at a record every sixth journal line.
    this.add(line.no, m[1], m[2]!, m[3]!, m[4]!, m[5]!, m[6]!, t);
  }

  /** One record into its event; `shown` is the record's line, or its parts when it has none. */
  private add(no: number, node: string | undefined, type: string, sec: string, msec: string, serialS: string, rest: string, shown: string | AuditRecord): void {
    this.records++;
    const sep = rest.indexOf('\x1d');
    const raw = sep >= 0 ? rest.slice(0, sep) : rest;
    const enriched = sep >= 0 ? auditFields(rest.slice(sep + 1)) : undefined;
    const time = Number(sec) * 1000 + Number(msec.padEnd(3, '0').slice(0, 3));
    const serial = Number(serialS);
    if (this.types.size < MAX_TYPES || this.types.has(type)) this.types.set(type, (this.types.get(type) ?? 0) + 1);
    const key = node === undefined && serialS.length <= 15 ? serial : `${node ?? ''}|${serialS}`;
    let ev = this.open.get(key);
    if (ev !== undefined && ev.time !== time) {
      this.close(ev);
      this.open.delete(key);
      ev = undefined;
    }
    if (!ev) {
      ev = this.pool.pop() ?? newOpenEvent();
      ev.node = node;
      ev.time = time;
      ev.serial = serial;
      this.open.set(key, ev);
      if (this.open.size > MAX_OPEN) this.expire(no, true);
    }
    ev.lastLine = no;
    if (ev.nTypes < 32) ev.types[ev.nTypes++] = type;
    // Only the record kinds we use are split into fields (speed on large logs).
    if (type === 'SYSCALL') {
      const f = auditFields(raw);
      keepExcerpt(ev, shown, no);
      const key = clean(f.key);
      if (key) addKeys(ev, key);
      ev.syscall = clean(enriched?.SYSCALL) ?? clean(f.syscall);
      if (f.success === 'yes') ev.success = true;
      else if (f.success === 'no') ev.success = false;
      ev.exe = clean(f.exe);
      ev.comm = clean(f.comm);
      const pid = Number(clean(f.pid));
      if (Number.isFinite(pid) && f.pid !== undefined) ev.pid = pid;
    } else if (type === 'PATH') {
      if (ev.excerpt === undefined) keepExcerpt(ev, shown, no);
      const f = auditFields(raw);
      const name = clean(f.name);
      if (name && (ev.paths?.length ?? 0) < 16) (ev.paths ??= []).push({ name, nametype: clean(f.nametype) });
    } else if (type === 'CONFIG_CHANGE' || type.startsWith('USER_') || type === 'DAEMON_START') {
      if (ev.excerpt === undefined) keepExcerpt(ev, shown, no);
      const f = auditFields(raw);
      const key = clean(f.key);
      if (key) addKeys(ev, key);
    }
  }

  /** Closes events not touched for EVENT_WINDOW lines (or the oldest half when too many are open). */
  private expire(now: number, force = false): void {
    let dropped = 0;
    for (const [id, ev] of this.open) {
      if (ev.lastLine < now - EVENT_WINDOW || (force && dropped < MAX_OPEN / 2)) {
        this.close(ev);
        this.open.delete(id);
        dropped++;
      } else if (!force) break;
    }
  }

  /** Counts and, if it is about Docker, keeps a closed event; then returns it to the pool. */
  private close(ev: OpenEvent): void {
    this.publish(ev);
    ev.node = ev.keys = ev.syscall = ev.success = ev.exe = ev.comm = ev.pid = ev.paths = ev.excerpt = ev.excerptLine = undefined;
    ev.nTypes = 0;
    this.pool.push(ev);
  }

  private publish(ev: OpenEvent): void {
    this.total++;
    if (this.firstTime === undefined || ev.time < this.firstTime) this.firstTime = ev.time;
    if (this.lastTime === undefined || ev.time > this.lastTime) this.lastTime = ev.time;
    const keys = ev.keys ?? [];
    const paths = ev.paths ?? [];
    for (const k of keys) {
      let c = this.keyCounts.get(k);
      if (!c) {
        if (this.keyCounts.size >= MAX_KEYS) continue;
        c = { count: 0 };
        this.keyCounts.set(k, c);
      }
      c.count++;
      if (c.first === undefined || ev.time < c.first) c.first = ev.time;
      if (c.last === undefined || ev.time > c.last) c.last = ev.time;
    }
    const isDocker = keys.some((k) => k.includes('docker')) || paths.some((p) => p.name.includes('/docker'));
    if (!isDocker) return;
    this.docker++;
    const evidence: Evidence = {
      artifact: this.ctx.artifact,
      path: this.ctx.path,
      line: ev.excerptLine ?? ev.lastLine,
      time: new Date(ev.time).toISOString(),
      excerpt: ev.excerpt === undefined ? '' : typeof ev.excerpt === 'string' ? ev.excerpt : recordText(ev.excerpt).slice(0, 500),
    };
    // The types array stays with the pooled event; paths is the event's own (reset, not reused).
    const out: AuditEvent = { time: ev.time, serial: ev.serial, types: ev.types.slice(0, ev.nTypes), paths, evidence };
    if (ev.node) out.node = ev.node;
    if (keys.length) out.key = keys.join(',');
    if (ev.syscall) out.syscall = ev.syscall;
    if (ev.success !== undefined) out.success = ev.success;
    if (ev.exe) out.exe = ev.exe;
    if (ev.comm) out.comm = ev.comm;
    if (ev.pid !== undefined) out.pid = ev.pid;
    const half = EVENT_KEEP / 2;
    if (this.head.length < half) this.head.push(out);
    else if (this.ring.length < half) this.ring.push(out);
    else {
      this.ring[this.ringPos] = out;
      this.ringPos = (this.ringPos + 1) % half;
    }
  }

  finish(): ParseResult<AuditLogParse> {
    for (const ev of this.open.values()) this.close(ev);
    this.open.clear();
    const problems = this.problems;
    if (this.bad > problems.length) problems.push({ line: this.lineNo, reason: `${this.bad - problems.length} more unreadable lines not listed` });
    if (this.lines === 0) return { status: 'skipped', reason: 'empty', problems };
    const events = [...this.head, ...this.ring.slice(this.ringPos), ...this.ring.slice(0, this.ringPos)].sort((a, b) => a.time - b.time || a.serial - b.serial);
    const value: AuditLogParse = {
      totalEvents: this.total,
      records: this.records,
      keyCounts: Object.fromEntries(this.keyCounts),
      events,
      dockerEvents: this.docker,
      firstTime: this.firstTime,
      lastTime: this.lastTime,
      types: Object.fromEntries(this.types),
    };
    if (this.records === 0) return { status: 'malformed', reason: 'no audit records', line: problems[0]?.line, value, problems };
    return { status: 'ok', value, problems };
  }
}

export const newAuditLogSink = (ctx: ParseContext): AuditRecordSink => new AuditLogSink(ctx);

export const auditLogParser: ParserDef<AuditLogParse> = {
  name: 'audit-log',
  artifacts: ['audit.log'],
  create: newAuditLogSink,
};
