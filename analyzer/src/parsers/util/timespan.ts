/**
 * systemd time spans (`systemd.time(7)`) as `systemctl show` prints them: `90s`, `1min 30s`, `10s`,
 * `500ms`, `infinity`, a bare number of seconds. One reader for the model (start-limit intervals) and
 * the rules (start timeouts).
 */
const UNIT_MS: Readonly<Record<string, number>> = {
  us: 0.001, usec: 0.001, µs: 0.001,
  ms: 1, msec: 1,
  s: 1000, sec: 1000, second: 1000, seconds: 1000,
  m: 60_000, min: 60_000, minute: 60_000, minutes: 60_000,
  h: 3_600_000, hr: 3_600_000, hour: 3_600_000, hours: 3_600_000,
  d: 86_400_000, day: 86_400_000, days: 86_400_000,
};

/** Milliseconds; `Infinity` for `infinity` and `0` (systemd: no limit); undefined when unreadable. */
export function systemdSpanMs(v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  const t = v.trim();
  if (t === '') return undefined;
  if (t === 'infinity' || t === '0') return Infinity;
  if (/^\d+(?:\.\d+)?$/.test(t)) return Number(t) * 1000;
  // `1min 30s` and `1min30s` alike: number-unit pairs that cover the whole text.
  const re = /\s*(\d+(?:\.\d+)?)\s*([a-zµ]+)/y;
  let total = 0;
  let at = 0;
  while (at < t.length) {
    re.lastIndex = at;
    const m = re.exec(t);
    if (!m || UNIT_MS[m[2]!] === undefined) return undefined;
    total += Number(m[1]) * UNIT_MS[m[2]!]!;
    at = re.lastIndex;
  }
  return total;
}
