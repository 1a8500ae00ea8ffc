import { describe, expect, it } from 'vitest';
import { systemdSpanMs } from '../../analyzer/src/parsers/util/timespan.js';

// systemctl show prints TimeoutStartUSec / StartLimitIntervalUSec in systemd.time(7) spans.
describe('systemdSpanMs', () => {
  it.each([
    ['10s', 10_000],
    ['1min', 60_000],
    ['1min 30s', 90_000],
    ['1min30s', 90_000],
    ['500ms', 500],
    ['90', 90_000],
    ['1h 2min', 3_720_000],
    ['2.5s', 2_500],
    ['infinity', Infinity],
    ['0', Infinity],
  ])('%s → %s ms', (v, ms) => expect(systemdSpanMs(v)).toBe(ms));
  it.each([[undefined], [''], ['soon'], ['10 parsecs'], ['10s later']])('%s is unreadable', (v) => expect(systemdSpanMs(v)).toBeUndefined());
});
