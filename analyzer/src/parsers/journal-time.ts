/**
 * Time helpers shared by the journal, syslog and --list-boots parsers.
 *
 * `short` journal lines and traditional syslog carry no year and no zone (field guide §3). The
 * parser streams, so it cannot know the year of a line when it reads it. Instead every yearless
 * stamp is first placed in a provisional year `2000 + 4k` (k = how many December→January rollovers
 * were seen so far; leap years so that Feb 29 always exists), and `YearFixer.fix` moves every kept
 * time to its real year at finish, counting backwards from the reference time (collection time, or
 * the file's mtime): the last rollover epoch is the reference year, or the year before when the last
 * line's month/day lies after the reference date.
 */

export const MONTHS: Record<string, number> = {
  Jan: 0, Feb: 1, Mar: 2, Apr: 3, May: 4, Jun: 5, Jul: 6, Aug: 7, Sep: 8, Oct: 9, Nov: 10, Dec: 11,
};

/**
 * Month names as glibc's `%b` writes them for the common locales (journalctl and rsyslog format
 * `short` stamps with the host's LC_TIME; pasted logs, copied files and other collectors keep it).
 * Keys are lowercase without a trailing dot: `janv.` → `janv`, `Dez` → `dez`, `1月` / ` 1月` → `1月`.
 * en, de (de_DE `Mär`, de_AT `Jän`, older `Mrz`), fr, es, it, pt, nl, pl, ru (both `мая` and `май`),
 * zh_CN / ja_JP / zh_TW (`1月`), ko_KR (`1월`). No key means two months: every entry is one month.
 */
const LOCALE_MONTHS: readonly (readonly string[])[] = [
  ['jan', 'jän', 'janv', 'ene', 'gen', 'sty', 'янв', 'январь', 'января'],
  ['feb', 'févr', 'fevr', 'fev', 'lut', 'фев', 'февр'],
  ['mar', 'mär', 'mrz', 'mars', 'mrt', 'мар', 'марта'],
  ['apr', 'avr', 'avril', 'abr', 'kwi', 'апр'],
  ['may', 'mai', 'mag', 'mei', 'maj', 'мая', 'май'],
  ['jun', 'juin', 'giu', 'cze', 'июн', 'июня'],
  ['jul', 'juil', 'lug', 'lip', 'июл', 'июля'],
  ['aug', 'août', 'aout', 'ago', 'sie', 'авг'],
  ['sep', 'sept', 'set', 'wrz', 'сен', 'сент'],
  ['oct', 'okt', 'ott', 'out', 'paź', 'окт'],
  ['nov', 'lis', 'ноя', 'нояб'],
  ['dec', 'dez', 'déc', 'dic', 'gru', 'дек'],
];
const MONTH_KEYS: ReadonlyMap<string, number> = new Map(LOCALE_MONTHS.flatMap((names, i) => [...names.map((n): [string, number] => [n, i]), [`${i + 1}月`, i] as [string, number], [`${i + 1}월`, i] as [string, number]]));

/** Month index (0–11) of a `%b` token in any locale above (case and a trailing dot ignored); undefined otherwise. */
export function monthIndex(token: string): number | undefined {
  const t = token.trim().toLowerCase();
  return MONTH_KEYS.get(t.endsWith('.') ? t.slice(0, -1) : t);
}

/** Weekday names (`%a`) that some journalctl/date styles print first: en, de, fr, es, it, pt, ru, zh/ja, ko. */
const WEEKDAYS: ReadonlySet<string> = new Set([
  'mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun',
  'mo', 'di', 'mi', 'do', 'fr', 'sa', 'so',
  'lun', 'mar', 'mer', 'jeu', 'ven', 'sam', 'dim',
  'mié', 'jue', 'vie', 'sáb', 'dom', 'gio', 'sab', 'seg', 'ter', 'qua', 'qui', 'sex',
  'пн', 'вт', 'ср', 'чт', 'пт', 'сб', 'вс',
  '一', '二', '三', '四', '五', '六', '日', '周一', '周二', '周三', '周四', '周五', '周六', '周日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六', '星期日',
  '月', '火', '水', '木', '金', '土',
  '월', '화', '수', '목', '금', '토', '일',
]);

export function isWeekday(token: string): boolean {
  const t = token.toLowerCase();
  return WEEKDAYS.has(t.endsWith('.') ? t.slice(0, -1) : t);
}

/** A yearless (or year-first, SONiC 2025) `short` stamp and what follows it. */
export interface ShortStamp {
  month: number;
  day: number;
  h: number;
  mi: number;
  s: number;
  frac?: string;
  /** SONiC's year-first form `2025 Sep 24 19:25:19.582082 …`. */
  year?: number;
  /** The text after the stamp and its separating space(s). */
  rest: string;
  /** Characters before `rest` (the stamp and any prefix). */
  headLength: number;
}

// [year ]month day HH:MM:SS[.frac] rest — the month is any token; monthIndex decides.
// ja_JP/zh_TW/ko_KR pad one-digit months with a space (` 1月`), rsyslog pads days (`May  9`).
const RE_STAMP = /^ ?(?:(\d{4}) )?([^\s\d][^\s]{0,7}|\d{1,2}[月월]) +(\d{1,2}),? +(\d\d):(\d\d):(\d\d)(?:[.,](\d{1,9}))?(?: +|$)/u;
const RE_WEEKDAY_FIRST = /^ ?([^\s\d][^\s]{0,3}) +/u;
/** grep over several files prefixes each line with the file's name: `messages:Jan …`, `/var/log/syslog.1:…`. */
const RE_GREP_PREFIX = /^[\w./-]*[A-Za-z][\w./-]*(?:-\d+)?:(?=\S)/;

/**
 * The last stamp read at the start of a line, without its trailing blanks: consecutive journal lines
 * often share one second, and a line that starts with the same stamp needs no regex.
 */
let lastStampText = '';
let lastStamp: Omit<ShortStamp, 'rest' | 'headLength'> | undefined;

function stampAt(text: string, offset: number): ShortStamp | undefined {
  if (offset === 0 && lastStamp !== undefined && text.startsWith(lastStampText)) {
    let i = lastStampText.length;
    const c = text.charCodeAt(i);
    if (i === text.length || c === 32) {
      while (text.charCodeAt(i) === 32) i++;
      return { ...lastStamp, rest: text.slice(i), headLength: i };
    }
  }
  const m = RE_STAMP.exec(offset ? text.slice(offset) : text);
  if (!m) return undefined;
  const month = monthIndex(m[2]!);
  const day = Number(m[3]);
  if (month === undefined || day < 1 || day > 31) return undefined;
  const st: ShortStamp = { month, day, h: +m[4]!, mi: +m[5]!, s: +m[6]!, rest: text.slice(offset + m[0].length), headLength: offset + m[0].length };
  if (m[7]) st.frac = m[7];
  if (m[1]) st.year = Number(m[1]);
  if (offset === 0) {
    lastStampText = m[0].trimEnd();
    const { rest: _rest, headLength: _head, ...fields } = st;
    lastStamp = fields;
  }
  return st;
}

/**
 * Reads a `short`-style stamp in any locale: `Jan 11 02:59:48`, `janv. 11 …`, ` 1月 11 …`, `1월 11 …`,
 * `Do Dez 27 …` (weekday first), `2025 Sep 24 …` (year first), and any of these after a grep file
 * prefix. Undefined when the line does not start with one.
 */
export function readShortStamp(text: string): ShortStamp | undefined {
  const direct = stampAt(text, 0);
  if (direct) return direct;
  const wd = RE_WEEKDAY_FIRST.exec(text);
  if (wd && isWeekday(wd[1]!)) {
    const st = stampAt(text, wd[0].length);
    if (st) return st;
  }
  const g = RE_GREP_PREFIX.exec(text);
  if (g) return stampAt(text, g[0].length);
  return undefined;
}

/** The grep file prefix (`messages:`) before an RFC 3339 stamp, or 0. */
export function grepPrefixLength(text: string): number {
  const g = RE_GREP_PREFIX.exec(text);
  return g && /^\d{4}-\d\d-\d\d[T ]/.test(text.slice(g[0].length)) ? g[0].length : 0;
}

export const PROVISIONAL_BASE = 2000;

/** Provisional year for rollover epoch k. */
export const provisionalYear = (k: number): number => PROVISIONAL_BASE + 4 * k;

/**
 * Zone abbreviations whose offset is unambiguous (minutes east of UTC). CST (China/US Central) and
 * IST (India/Ireland/Israel) are deliberately absent: the host offset decides those, or nothing.
 */
export const ZONE_OFFSETS: Record<string, number> = {
  UTC: 0, GMT: 0, Z: 0, UT: 0, WET: 0, WEST: 60, BST: 60, CET: 60, CEST: 120, MET: 60, MEST: 120,
  EET: 120, EEST: 180, MSK: 180, EST: -300, EDT: -240, CDT: -300, MST: -420, MDT: -360, PST: -480,
  PDT: -420, AKST: -540, AKDT: -480, HST: -600, JST: 540, KST: 540, HKT: 480, SGT: 480, AWST: 480,
  ACST: 570, ACDT: 630, AEST: 600, AEDT: 660, NZST: 720, NZDT: 780,
};

/** Offset of a zone token: an abbreviation, `+08`, `+0800`, `+08:00`, `Z`; undefined when unknown. */
export function zoneOffset(zone: string): number | undefined {
  if (zone in ZONE_OFFSETS) return ZONE_OFFSETS[zone];
  const m = /^([+-])(\d{2})(?::?(\d{2}))?$/.exec(zone);
  if (m) {
    const v = Number(m[2]) * 60 + Number(m[3] ?? 0);
    return m[1] === '-' ? -v : v;
  }
  return undefined;
}

/** Fraction digits (1–9) to milliseconds, keeping sub-ms precision as a fraction. */
export function fracToMs(frac: string | undefined): number {
  if (!frac) return 0;
  return Number('0.' + frac) * 1000;
}

/** ISO-ish stamp `2023-11-15T00:13:20(.ffffff)?(+0000|+00:00|Z)` → UTC ms; NaN when invalid. */
export function parseIsoStamp(s: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2}):(\d{2})(?:[.,](\d{1,9}))?(Z|[+-]\d{2}:?\d{2})?$/.exec(s);
  if (!m) return NaN;
  const off = m[8] ? zoneOffset(m[8]) ?? 0 : 0;
  const t = Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!) + fracToMs(m[7]);
  return t - off * 60_000;
}

/**
 * Tracks the yearless stamps of one file and fixes their year at the end.
 */
export class YearFixer {
  private epoch = 0;
  private prevMonth = -1;
  private lastMonth = -1;
  private lastDay = 0;
  private finalYear?: number;
  private readonly offsetMin: number;
  used = false;

  constructor(offsetMinutes: number | undefined) {
    this.offsetMin = offsetMinutes ?? 0;
  }

  /** Provisional UTC ms for a yearless local stamp; updates rollover state. */
  stamp(month: number, day: number, h: number, mi: number, s: number, ms: number): number {
    this.used = true;
    // A drop of more than six months is a year rollover (Dec → Jan); smaller drops are clock jumps.
    if (this.prevMonth >= 0 && month < this.prevMonth - 6) this.epoch++;
    else if (this.prevMonth >= 0 && month > this.prevMonth + 6 && this.epoch > 0) {
      // Jan → Dec right after a rollover: an out-of-order line from the old year (rsyslog batches).
      return Date.UTC(provisionalYear(this.epoch - 1), month, day, h, mi, s, ms) - this.offsetMin * 60_000;
    }
    this.prevMonth = month;
    this.lastMonth = month;
    this.lastDay = day;
    return Date.UTC(provisionalYear(this.epoch), month, day, h, mi, s, ms) - this.offsetMin * 60_000;
  }

  /** Decides the real year of the last epoch from a reference time (UTC ms). */
  resolve(reference: number): void {
    const ref = new Date(reference + this.offsetMin * 60_000);
    const rm = ref.getUTCMonth();
    const rd = ref.getUTCDate();
    let y = ref.getUTCFullYear();
    // The last line cannot lie after the reference date (one day of slack for zone confusion).
    if (this.lastMonth > rm || (this.lastMonth === rm && this.lastDay > rd + 1)) y -= 1;
    this.finalYear = y;
  }

  get resolved(): boolean {
    return this.finalYear !== undefined;
  }

  /** Moves one provisional time to its real year. Non-provisional times (years ≥ 2000+4·epochs+1…) pass through. */
  fix(t: number | undefined): number | undefined {
    if (t === undefined || this.finalYear === undefined || !Number.isFinite(t)) return t;
    const d = new Date(t + this.offsetMin * 60_000);
    const py = d.getUTCFullYear();
    const k = (py - PROVISIONAL_BASE) / 4;
    if (!Number.isInteger(k) || k < 0 || k > this.epoch) return t;
    const year = this.finalYear - (this.epoch - k);
    return (
      Date.UTC(year, d.getUTCMonth(), d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds(), d.getUTCMilliseconds()) +
      (t - Math.floor(t)) -
      this.offsetMin * 60_000
    );
  }
}

export const isoOrUndefined = (t: number | undefined): string | undefined =>
  t === undefined || !Number.isFinite(t) ? undefined : new Date(Math.floor(t)).toISOString();
