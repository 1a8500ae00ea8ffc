/**
 * Text helpers shared by the HTML and Markdown reports. Everything from a bundle is text: these
 * functions never produce markup, they only make hidden characters visible and split excerpts
 * into plain/highlighted segments (the templates escape every segment).
 */

/** Bidi controls that can make an excerpt read differently than it is (Trojan Source); a regex class body. */
export const BIDI_CLASS = '\\u061C\\u200E\\u200F\\u202A-\\u202E\\u2066-\\u2069';
const BIDI = new RegExp(`[${BIDI_CLASS}]`, 'g');
/** C0/C1 controls other than tab and newline (terminal escapes in logs, NULs from torn files). */
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;

const hex = (c: string) => c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');

/** The visible stand-in for one hidden character: `⟦U+202E⟧`. */
export const marker = (c: string): string => `⟦U+${hex(c)}⟧`;

/** Replaces bidi overrides and control characters with a visible `⟦U+202E⟧` marker. */
export function visible(s: string): string {
  return s.replace(BIDI, marker).replace(CONTROL, marker);
}

export interface Seg {
  text: string;
  mark: boolean;
}

const WORD = /[\p{L}\p{N}_]/u;
const isWord = (c: string | undefined) => c !== undefined && WORD.test(c);

/**
 * Splits an excerpt around the occurrences of `match` (exact first, then case-insensitive) that
 * stand as words of their own: a match never lights up inside a longer word (a one-letter match `t`
 * marked every "t" of a line). When the match occurs only inside words, the first occurrence of a
 * match of 3 or more characters is marked widened to its whole words, so a mark is never cut mid-word.
 * Segments are plain text; the template wraps marked ones in <mark> and escapes all of them.
 */
export function splitMatch(excerpt: string, match?: string): Seg[] {
  const segs: Seg[] = [];
  const push = (text: string, mark: boolean) => {
    if (text) segs.push({ text: visible(text), mark });
  };
  if (!match || !match.trim()) {
    push(excerpt, false);
    return segs;
  }
  let hay = excerpt;
  let needle = match;
  if (!excerpt.includes(match)) {
    hay = excerpt.toLowerCase();
    needle = match.toLowerCase();
    // toLowerCase may change lengths (rare Unicode cases); then positions would not line up.
    if (hay.length !== excerpt.length || !hay.includes(needle)) {
      push(excerpt, false);
      return segs;
    }
  }
  // A needle edge that is not a word character may touch anything (`=`, `"` …).
  const startsWord = isWord(needle[0]);
  const endsWord = isWord(needle[needle.length - 1]);
  const ranges: [number, number][] = [];
  for (let i = hay.indexOf(needle); i >= 0; i = hay.indexOf(needle, i + needle.length)) {
    const end = i + needle.length;
    if ((!startsWord || !isWord(hay[i - 1])) && (!endsWord || !isWord(hay[end]))) ranges.push([i, end]);
  }
  if (ranges.length === 0 && needle.length >= 3) {
    let a = hay.indexOf(needle);
    let b = a + needle.length;
    while (a > 0 && isWord(hay[a - 1])) a--;
    while (b < hay.length && isWord(hay[b])) b++;
    ranges.push([a, b]);
  }
  let at = 0;
  for (const [a, b] of ranges) {
    push(excerpt.slice(at, a), false);
    push(excerpt.slice(a, b), true);
    at = b;
  }
  push(excerpt.slice(at), false);
  return segs;
}

/** UTC display: `2024-05-01 12:34:56 UTC`; '' when unknown or invalid. */
export function utc(t: number | string | undefined): string {
  if (t === undefined || t === '') return '';
  const d = new Date(t);
  if (Number.isNaN(d.getTime())) return typeof t === 'string' ? visible(t) : '';
  return d.toISOString().replace('T', ' ').replace(/\.\d{3}Z$/, ' UTC').replace(/Z$/, ' UTC');
}

/** `2026-01-02 03:04 UTC`: the same digits in every language and on every machine (no local zone). */
export function utcMinutes(t: number | string | undefined): string {
  if (t === undefined || t === '') return '';
  const d = new Date(t);
  if (Number.isNaN(d.getTime())) return typeof t === 'string' ? visible(t) : '';
  return `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** `+08:00` from minutes east of UTC. */
export function utcOffset(min: number | undefined): string {
  if (min === undefined || !Number.isFinite(min)) return '';
  const sign = min < 0 ? '-' : '+';
  const a = Math.abs(min);
  return `UTC${sign}${String(Math.floor(a / 60)).padStart(2, '0')}:${String(a % 60).padStart(2, '0')}`;
}

export function bytes(n: number | undefined): string {
  if (n === undefined || !Number.isFinite(n) || n < 0) return '';
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let v = n;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return u === 0 ? `${n} B` : `${v.toFixed(v < 10 ? 1 : 0)} ${units[u]}`;
}

/** A config value as one line of text. */
export function valueText(v: unknown): string {
  if (typeof v === 'string') return visible(v);
  if (v === undefined) return '';
  try {
    return visible(JSON.stringify(v) ?? String(v));
  } catch {
    return visible(String(v));
  }
}

/** `1 check`, `3 checks`; `plural` when adding an s is wrong (`is …` / `are …`). */
export function count(n: number, singular: string, plural = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : plural}`;
}

/** `first – last` in UTC, the second without its date when it is the same day; one time when equal; '' when none. */
export function span(first: string | number | undefined, last?: string | number): string {
  const a = utc(first);
  if (!a) return '';
  const b = utc(last);
  if (!b || b === a) return a;
  return `${a} – ${b.slice(0, 10) === a.slice(0, 10) ? b.slice(11) : b}`;
}

/**
 * The bundle's file name only: a report never shows the engineer's folders (they can name other
 * customers). Both separators count, so a Windows path is cut too.
 */
export function bundleName(input: string): string {
  const trimmed = input.replace(/[\\/]+$/, '');
  const i = Math.max(trimmed.lastIndexOf('/'), trimmed.lastIndexOf('\\'));
  return i >= 0 ? trimmed.slice(i + 1) : trimmed;
}

/** Cuts a display string to `max` characters with an ellipsis. */
export function cut(s: string, max: number): string {
  return s.length <= max ? s : `${s.slice(0, max - 1)}…`;
}
