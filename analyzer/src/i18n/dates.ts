/**
 * Dates for people, in the report's language and always in UTC (as every report shows time).
 * date-fns formats in the process's local zone, so the UTC fields are handed to it as local ones;
 * a UTC time that does not exist locally (a DST gap) cannot be shifted that way and falls back to
 * the language-neutral ISO form rather than print an hour that is wrong.
 */
import { format } from 'date-fns/format';
import { languageOf, type LangTag } from './registry.js';

/** The patterns reports use: a full timestamp, a day, a time of day. */
export const DATE_PATTERNS = {
  // PPP: the language's long date ("1 марта 2026 г.", "2026年3月1日"); PP is numeric in zh-CN.
  dateTime: 'PPP HH:mm:ss',
  date: 'PPP',
  time: 'HH:mm:ss',
} as const;
export type DatePattern = keyof typeof DATE_PATTERNS;

export function formatUtc(time: number | string | Date, lang: LangTag, pattern: DatePattern = 'dateTime'): string {
  const t = new Date(time);
  if (Number.isNaN(t.getTime())) return String(time);
  const asLocal = new Date(t.getUTCFullYear(), t.getUTCMonth(), t.getUTCDate(), t.getUTCHours(), t.getUTCMinutes(), t.getUTCSeconds(), t.getUTCMilliseconds());
  if (asLocal.getHours() !== t.getUTCHours() || asLocal.getDate() !== t.getUTCDate()) return t.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const text = format(asLocal, DATE_PATTERNS[pattern], { locale: languageOf(lang).dateLocale });
  return pattern === 'date' ? text : `${text} UTC`;
}
