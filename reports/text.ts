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

/**
 * Splits an excerpt around every occurrence of `match` (exact first, then case-insensitive).
 * Segments are plain text; the template wraps marked ones in <mark> and escapes all of them.
 */
export function splitMatch(excerpt: string, match?: string): Seg[] {
  const segs: Seg[] = [];
  const push = (text: string, mark: boolean) => {
    if (text) segs.push({ text: visible(text), mark });
  };
  if (!match) {
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
  let at = 0;
  for (;;) {
    const i = hay.indexOf(needle, at);
    if (i < 0) break;
    push(excerpt.slice(at, i), false);
    push(excerpt.slice(i, i + needle.length), true);
    at = i + needle.length;
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

/** Cuts a display string to `max` characters with an ellipsis. */
export function cut(s: string, max: number): string {
  return s.length <= max ? s : `${s.slice(0, max - 1)}…`;
}
