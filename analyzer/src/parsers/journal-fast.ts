/**
 * The journal parser's fast path: the common `short` syslog line read by hand, without a regex and
 * without slicing, for a text journal of millions of lines (a sosreport's `journalctl --no-pager`).
 *
 *   `Nov 28 07:18:12 host ident[pid]: message`   (also `May  9 …`, `… 07:18:12.123456 …`, `ident: message`)
 *
 * It only ever says "this line is exactly the common shape" or "not sure": anything else (a locale's
 * month, a weekday first, a year first, no host, a severity word, `ident:msg` without the space, a
 * non-ASCII host or ident, a missing or bad day …) returns false and the line takes the regex path,
 * which stays the one definition of every form. test/parsers/journal-fast-path.test.ts checks that
 * both paths give the same records and events for the same lines.
 */
import type { YearFixer } from './journal-time.js';

/** Where the parts of one line are; filled in place (one object per parser, no allocation per line). */
export interface SyslogHead {
  month: number;
  day: number;
  h: number;
  mi: number;
  s: number;
  /** Fraction digits `[fracStart, fracEnd)`; equal when there is none. */
  fracStart: number;
  fracEnd: number;
  identStart: number;
  identEnd: number;
  /** A hash of the ident's characters, computed while reading them (the sink interns idents by it). */
  identHash: number;
  /** -1 when the ident has no `[pid]`. */
  pid: number;
  /** Start of the message (the line's length when the message is empty). */
  msgStart: number;
}

export const newSyslogHead = (): SyslogHead => ({ month: 0, day: 0, h: 0, mi: 0, s: 0, fracStart: 0, fracEnd: 0, identStart: 0, identEnd: 0, identHash: 0, pid: -1, msgStart: 0 });

/** English `%b` (the C locale journalctl and rsyslog write by default), by its three letters. */
function englishMonth(a: number, b: number, c: number): number {
  switch ((a << 16) | (b << 8) | c) {
    case 0x4a616e: return 0; // Jan
    case 0x466562: return 1; // Feb
    case 0x4d6172: return 2; // Mar
    case 0x417072: return 3; // Apr
    case 0x4d6179: return 4; // May
    case 0x4a756e: return 5; // Jun
    case 0x4a756c: return 6; // Jul
    case 0x417567: return 7; // Aug
    case 0x536570: return 8; // Sep
    case 0x4f6374: return 9; // Oct
    case 0x4e6f76: return 10; // Nov
    case 0x446563: return 11; // Dec
    default: return -1;
  }
}

const isDigit = (c: number): boolean => c >= 48 && c <= 57;
/** A character the host or ident may hold on the fast path: printable ASCII but `[`, `]`, `:`. */
const isNameChar = (c: number): boolean => c > 32 && c < 127 && c !== 91 && c !== 93 && c !== 58;

/**
 * Reads the line `b[start, end)` (its UTF-8 bytes) into `out`, positions counted from `start`; false when the
 * line is not exactly the common shape (the regex path decides).
 *
 * Bytes, not the decoded string: a byte is one typed-array load, a character a `charCodeAt` that dispatches on
 * the string's representation at each read (bench/README.md). The positions are the string's too: every byte
 * this accepts before the message is ASCII, one character each. A byte past the line reads as -1, as
 * `charCodeAt` reads NaN, never as the next line's.
 */
export function readSyslogHead(b: Uint8Array, start: number, end: number, out: SyslogHead): boolean {
  const n = end - start;
  if (n < 20) return false;
  const month = englishMonth(b[start]!, b[start + 1]!, b[start + 2]!);
  if (month < 0 || b[start + 3] !== 32) return false;
  let i = 4;
  while (i < n && b[start + i] === 32) i++;
  // day: one or two digits, 1–31, then one or more spaces
  let c = at(b, start, n, i);
  if (!isDigit(c)) return false;
  let day = c - 48;
  c = at(b, start, n, ++i);
  if (isDigit(c)) {
    day = day * 10 + c - 48;
    c = at(b, start, n, ++i);
  }
  if (c !== 32 || day < 1 || day > 31) return false;
  while (i < n && b[start + i] === 32) i++;
  // HH:MM:SS
  if (i + 8 > n || b[start + i + 2] !== 58 || b[start + i + 5] !== 58) return false;
  const h = two(b, start + i);
  const mi = two(b, start + i + 3);
  const s = two(b, start + i + 6);
  if (h < 0 || mi < 0 || s < 0) return false;
  i += 8;
  let fracStart = i;
  let fracEnd = i;
  c = at(b, start, n, i);
  if (c === 46 /* . */ || c === 44 /* , */) {
    fracStart = ++i;
    while (i < n && isDigit(b[start + i]!)) i++;
    fracEnd = i;
    if (fracEnd === fracStart || fracEnd - fracStart > 9) return false;
  }
  if (at(b, start, n, i) !== 32) return false;
  while (i < n && b[start + i] === 32) i++;
  // host: a plain name (a bracket or colon could be `ident[pid]:` with no host: the regex path decides)
  const hostStart = i;
  while (i < n && isNameChar(b[start + i]!)) i++;
  if (i === hostStart || i >= n || b[start + i] !== 32) return false;
  while (i < n && b[start + i] === 32) i++;
  // ident[pid]: message
  const identStart = i;
  let identHash = 0;
  while (i < n && isNameChar((c = b[start + i]!))) {
    identHash = (Math.imul(identHash, 31) + c) | 0;
    i++;
  }
  const identEnd = i;
  if (identEnd === identStart) return false;
  let pid = -1;
  if (at(b, start, n, i) === 91 /* [ */) {
    const p0 = ++i;
    pid = 0;
    while (i < n && isDigit(b[start + i]!)) pid = pid * 10 + b[start + i++]! - 48;
    // more than 15 digits would lose precision here, where Number() of the text would not: regex path
    if (i === p0 || i - p0 > 15 || at(b, start, n, i) !== 93 /* ] */) return false;
    i++;
  }
  if (at(b, start, n, i) !== 58 /* : */) return false;
  i++;
  if (i < n) {
    if (b[start + i] !== 32) return false;
    i++;
  }
  out.month = month;
  out.day = day;
  out.h = h;
  out.mi = mi;
  out.s = s;
  out.fracStart = fracStart;
  out.fracEnd = fracEnd;
  out.identStart = identStart;
  out.identEnd = identEnd;
  out.identHash = identHash;
  out.pid = pid;
  out.msgStart = i;
  return true;
}

/** `b[start + k]`, or -1 past the line's `n` bytes (as `charCodeAt` past the end gives NaN, not the next line's byte). */
function at(b: Uint8Array, start: number, n: number, k: number): number {
  return k < n ? b[start + k]! : -1;
}

/** The two digits at `b[k]`, `b[k + 1]` as a number; -1 when either is not a digit. */
function two(b: Uint8Array, k: number): number {
  const x = b[k]! - 48;
  const y = b[k + 1]! - 48;
  return x >= 0 && x <= 9 && y >= 0 && y <= 9 ? x * 10 + y : -1;
}

/** Fraction digits `t[from, to)` (1–9) in milliseconds: the same double as `Number('0.' + digits) * 1000`. */
export function fracMsAt(t: string, from: number, to: number): number {
  let v = 0;
  let scale = 1;
  for (let i = from; i < to; i++) {
    v = v * 10 + t.charCodeAt(i) - 48;
    scale *= 10;
  }
  // v and scale are exact integers (≤ 9 digits), so v / scale is the correctly rounded decimal, as parsing is.
  return (v / scale) * 1000;
}

/**
 * Per-second cache of yearless `short` stamps: a journal writes many lines per second and each second's
 * stamp is read once. A repeated stamp gives the same time as reading it again, because YearFixer.stamp
 * called twice in a row with the same stamp does not change its state; any other call to the fixer
 * (the regex path's lines) must call `forget()`.
 */
export class ShortStampClock {
  /** The second last read, by its numbers (month −1: none); the same numbers give the same stamp. */
  private month = -1;
  private day = 0;
  private h = 0;
  private mi = 0;
  private s = 0;
  private time = 0;

  constructor(private readonly fixer: YearFixer) {}

  /** Provisional UTC ms of the second `h` names (compared by number: cheaper than the stamp's text). */
  at(h: SyslogHead): number {
    if (h.s === this.s && h.mi === this.mi && h.h === this.h && h.day === this.day && h.month === this.month) return this.time;
    this.month = h.month;
    this.day = h.day;
    this.h = h.h;
    this.mi = h.mi;
    this.s = h.s;
    this.time = this.fixer.stamp(h.month, h.day, h.h, h.mi, h.s, 0);
    return this.time;
  }

  forget(): void {
    this.month = -1;
  }
}
