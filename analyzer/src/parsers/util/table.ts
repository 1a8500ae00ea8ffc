/**
 * Column and number helpers shared by the storage/IPC parsers (ipcs, dmsetup, df, /proc files).
 * Every converter returns undefined instead of NaN or throwing: the caller records a problem.
 */
import type { ParseContext } from '../../spine/types.js';
import { lookupTable } from './dict.js';

/** Whitespace-separated fields; an empty or blank line gives []. */
export function splitWs(text: string): string[] {
  const t = text.trim();
  return t === '' ? [] : t.split(/\s+/);
}

/** Whitespace-separated fields with their start offsets, in one linear pass. */
export function fieldSpans(text: string): { start: number; text: string }[] {
  return Array.from(text.matchAll(/\S+/g), (m) => ({ start: m.index, text: m[0] }));
}

/** A non-negative or negative decimal integer that fits a double exactly. */
export function toInt(s: string | undefined): number | undefined {
  if (s === undefined || !/^-?\d{1,15}$/.test(s)) return undefined;
  return Number(s);
}

/** Like toInt but also accepts the big 64-bit values `ipcs -l` prints (precision may be lost, on purpose). */
export function toBigNumber(s: string | undefined): number | undefined {
  if (s === undefined || !/^\d{1,25}$/.test(s)) return undefined;
  return Number(s);
}

/** `0x0d4d1234` / `0xd4d1234` → number (at most 32 bits, like SysV IPC keys). */
export function toHexInt(s: string | undefined): number | undefined {
  if (s === undefined || !/^0x[0-9a-f]{1,8}$/i.test(s)) return undefined;
  return parseInt(s.slice(2), 16);
}

/** Octal permission digits (`600`, `0640`) → number (0o600). */
export function toOctal(s: string | undefined): number | undefined {
  if (s === undefined || !/^[0-7]{1,6}$/.test(s)) return undefined;
  return parseInt(s, 8);
}

/** SysV key as ipcs prints it: `0x%08x`. */
export function keyHex(key: number): string {
  return '0x' + (key >>> 0).toString(16).padStart(8, '0');
}

const MONTHS = lookupTable<number>({ Jan: 0, Feb: 1, Mar: 2, Apr: 3, May: 4, Jun: 5, Jul: 6, Aug: 7, Sep: 8, Oct: 9, Nov: 10, Dec: 11 });

/**
 * C `ctime()` text, `Sat Nov 28 07:28:44 2026` (day space-padded: `Thu Jan  1 00:00:00 1970`), read as
 * wall-clock time `offsetMinutes` east of UTC → UTC ms. Undefined when the text is not that shape.
 */
export function parseCtime(text: string, offsetMinutes = 0): number | undefined {
  const m = /^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) {1,2}(\d{1,2}) (\d{2}):(\d{2}):(\d{2}) (\d{4})$/.exec(text.trim());
  if (!m) return undefined;
  const [, mon, day, hh, mm, ss, year] = m;
  const t = Date.UTC(Number(year), MONTHS[mon!]!, Number(day), Number(hh), Number(mm), Number(ss));
  return Number.isFinite(t) ? t - offsetMinutes * 60_000 : undefined;
}

/**
 * Zone of the wall-clock times in command output (ipcs, dmsetup print zone-less local time).
 * Our collector runs every command with TZ=UTC (bundle paths under `cmd/`), so those are UTC
 * whatever the host zone; a sosreport ran with the host zone, given by the manifest when known.
 */
export function wallClockOffset(ctx: ParseContext): number {
  if (ctx.path.startsWith('cmd/') || ctx.path.includes('/cmd/')) return 0;
  return ctx.hostUtcOffsetMinutes ?? 0;
}

const SUFFIX = lookupTable<number>({ '': 1, B: 1, K: 2 ** 10, M: 2 ** 20, G: 2 ** 30, T: 2 ** 40, P: 2 ** 50, E: 2 ** 60 });

/** `df -h` sizes (`252G`, `1.0M`, `4.0K`, `0`) → bytes, powers of 1024 as coreutils -h uses. `-` → undefined. */
export function parseHumanSize(s: string | undefined): number | undefined {
  if (s === undefined) return undefined;
  const m = /^(\d+(?:\.\d+)?)([BKMGTPE]?)i?$/i.exec(s);
  if (!m) return undefined;
  const mult = SUFFIX[m[2]!.toUpperCase()];
  if (mult === undefined) return undefined;
  return Math.round(Number(m[1]) * mult);
}

const DECIMAL = lookupTable<number>({ '': 1, K: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18 });

/**
 * docker's sizes (go-units HumanSize: `85.9GB`, `40.91 MB`, `65.54kB`, `0B`, older clients with a
 * space; `23.4 GiB` from BytesSize) → bytes: powers of 1000, or of 1024 with `i`. Else undefined.
 */
export function parseDockerSize(s: string | undefined): number | undefined {
  const m = /^(\d+(?:\.\d+)?)\s*([kKMGTPE]?)(i?)B$/.exec(s?.trim() ?? '');
  if (!m) return undefined;
  const unit = m[2]!.toUpperCase();
  const mult = m[3] ? SUFFIX[unit] : DECIMAL[unit];
  return mult === undefined ? undefined : Math.round(Number(m[1]) * mult);
}
