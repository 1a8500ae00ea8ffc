/**
 * Audit records that reached the system log instead of (or besides) /var/log/audit/audit.log.
 * Hosts without auditd, or with the audisp syslog plugin, keep their only audit trail there:
 *
 *   Jul 31 17:22:58 ams audispd: node=ams type=CWD msg=audit(1690824178.815:11733971): cwd="/var/lib/docker/…"
 *   Jan 13 02:44:04 host kernel: [ 1761.149377] audit: type=1400 audit(1452649444.219:6421): apparmor="DENIED" …
 *   {"_TRANSPORT":"audit","_AUDIT_TYPE_NAME":"SYSCALL","_AUDIT_ID":"8097","MESSAGE":"SYSCALL arch=c000003e …", …}
 *
 * The first form (audispd / audisp-syslog, any syslog prefix) is already an audit.log record; the
 * kernel's own printk form (no auditd running) has a numeric type and no `msg=`; journald's audit
 * transport keeps type and serial in fields. Each is handed to the audit.log sink in the audit.log
 * form (the kernel's form by its parts: the sink writes its line only for an event it shows), so
 * events are assembled (SYSCALL/CWD/PATH by serial) exactly as from audit.log, with evidence
 * pointing at the log file and line. journalctl's short form of the audit
 * transport (`audit[1234]: SYSCALL …`) carries no serial and cannot be grouped: it is not read.
 *
 * `withForwardedAudit` wraps a log parser (journal, syslog, dmesg): the log parse is unchanged and,
 * when the file held audit records, its value gains `auditForwarded`. Kept out of journal.ts so the
 * journal parser's hot path gains one substring test per line and nothing else.
 */
import { pushLine } from '../spine/line-splitter.js';
import type { Line, LineSink, ParseResult, ParserDef } from '../spine/types.js';
import { newAuditLogSink, recordText, type AuditLogParse, type AuditRecord, type AuditRecordSink } from './audit-log.js';

/** A log parse that may carry the audit records forwarded into it. */
export interface WithForwardedAudit {
  auditForwarded?: AuditLogParse;
}

/** The kernel's numeric record types (linux/audit.h) for the ones the audit model reads or shows. */
const TYPE_NAMES: Record<string, string> = {
  '1100': 'USER_AUTH',
  '1101': 'USER_ACCT',
  '1105': 'USER_START',
  '1106': 'USER_END',
  '1107': 'USER_AVC',
  '1300': 'SYSCALL',
  '1302': 'PATH',
  '1303': 'IPC',
  '1305': 'CONFIG_CHANGE',
  '1306': 'SOCKADDR',
  '1307': 'CWD',
  '1309': 'EXECVE',
  '1320': 'EOE',
  '1326': 'SECCOMP',
  '1327': 'PROCTITLE',
  '1400': 'AVC',
  '1401': 'SELINUX_ERR',
};

/** audispd / audisp-syslog: an audit.log record somewhere in the message. */
const RE_AUDISP = /(?:node=\S+ )?type=[A-Z][A-Z0-9_]*(?:\[\d+\])? msg=audit\(\d+\.\d+:\d+\):.*$/s;
/** kernel printk: `audit: type=1300 audit(1517656451.457:8097): body`. */
const RE_KERNEL = /\baudit: type=(\d+) audit\((\d+)\.(\d+):(\d+)\): ?(.*)$/s;

const typeName = (n: string): string => TYPE_NAMES[n] ?? `UNKNOWN[${n}]`;

/** The audit.log form of a forwarded record in one log line's text, or undefined. */
export function forwardedRecord(text: string): string | undefined {
  const f = forwarded(text);
  return f === undefined || typeof f === 'string' ? f : recordText(f);
}

/**
 * The forwarded record in one log line: an audit.log line, or the kernel printk form read into its
 * parts (the audit sink takes those as they are, and writes the line only for an event it shows).
 */
function forwarded(text: string): string | AuditRecord | undefined {
  return text.charCodeAt(0) === 123 /* { */ ? fromJournalJson(text) : fromText(text);
}

function fromText(text: string): string | AuditRecord | undefined {
  // Only the audispd form has `msg=audit(`: the kernel's printk form need not pay for its failed search.
  if (text.includes('msg=audit(')) {
    const a = RE_AUDISP.exec(text);
    if (a) return a[0];
  }
  const k = RE_KERNEL.exec(text);
  if (k) return { type: typeName(k[1]!), sec: k[2]!, msec: k[3]!, serial: k[4]!, body: k[5]! };
  return undefined;
}

function fromJournalJson(text: string): string | AuditRecord | undefined {
  let o: Record<string, unknown>;
  try {
    o = JSON.parse(text) as Record<string, unknown>;
  } catch {
    return undefined;
  }
  const message = typeof o.MESSAGE === 'string' ? o.MESSAGE : undefined;
  if (message === undefined) return undefined;
  const id = o._AUDIT_ID;
  const type = o._AUDIT_TYPE_NAME;
  const usec = o._SOURCE_REALTIME_TIMESTAMP ?? o.__REALTIME_TIMESTAMP;
  if (typeof id === 'string' && typeof type === 'string' && typeof usec === 'string' && /^\d+$/.test(id) && /^\d{7,}$/.test(usec)) {
    // journald's audit transport: MESSAGE is "<TYPE> <body>"; the serial and time are fields.
    const body = message.startsWith(type + ' ') ? message.slice(type.length + 1) : message;
    const ms = usec.slice(0, -3);
    return `type=${type} msg=audit(${ms.slice(0, -3)}.${ms.slice(-3)}:${id}): ${body}`;
  }
  return fromText(message);
}

class ForwardedAuditTee<T> implements LineSink<T> {
  private audit?: AuditRecordSink;
  constructor(
    private readonly log: LineSink<T>,
    private readonly makeAudit: () => AuditRecordSink,
  ) {}

  push(line: Line): void {
    this.log.push(line);
    this.forwardAudit(line);
  }

  /** The log sink reads the line's bytes when it can (the journal's prefilter); the audit sink reads its text. */
  pushBytes(line: Line, bytes: Uint8Array, start: number, end: number): void {
    pushLine(this.log, line, bytes, start, end);
    this.forwardAudit(line);
  }

  private forwardAudit(line: Line): void {
    const t = line.text;
    // One substring test per line: forwarded records always carry `audit(` (or journald's _AUDIT_ID);
    // forwardedRecord decides. The needles start with a letter that is rare in logs: V8 finds a short
    // needle by memchr on its first character, and `a` or `_` (every JSON field name) stop it at every
    // few bytes (bench: 734 → 206 ns per 950-byte JSON line, 91 → 55 ns per 200-byte text line).
    if (!t.includes('udit(') && !(t.charCodeAt(0) === 123 && t.includes('UDIT_ID'))) return;
    const record = forwarded(t);
    if (record === undefined) return;
    const audit = (this.audit ??= this.makeAudit());
    if (typeof record === 'string') audit.push({ no: line.no, text: record });
    else audit.pushRecord(line.no, record);
  }

  finish(): ParseResult<T> {
    const result = this.log.finish();
    if (!this.audit) return result;
    const audit = this.audit.finish();
    if (audit.status !== 'ok' || (result.status !== 'ok' && result.status !== 'malformed')) return result;
    const value = result.value as (T & WithForwardedAudit) | undefined;
    if (value === undefined || typeof value !== 'object') return result;
    return { ...result, value: { ...value, auditForwarded: audit.value } } as ParseResult<T>;
  }
}

/** The log parser `p`, also reading the audit records forwarded into its files. */
export function withForwardedAudit<T>(p: ParserDef<T>): ParserDef<T> {
  return { ...p, create: (ctx) => new ForwardedAuditTee(p.create(ctx), () => newAuditLogSink(ctx)) };
}
