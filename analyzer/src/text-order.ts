/**
 * Ordering of identifiers, paths and ISO times by UTF-16 code units: the same on every machine.
 * `localeCompare` follows the process's ICU locale (a report's order could change with the engineer's
 * LANG), and its first call builds an ICU collator, 10 ms of every analyze's start-up (bench/startup.ts).
 */
export function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
