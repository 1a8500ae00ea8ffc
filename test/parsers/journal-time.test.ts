import { describe, expect, it } from 'vitest';
import { YearFixer, parseIsoStamp, zoneOffset } from '../../analyzer/src/parsers/journal-time.js';

describe('journal time helpers', () => {
  it('parses short-iso offsets of both eras (+0000 up to v254, +00:00 from v255; field guide §3)', () => {
    expect(parseIsoStamp('2023-11-15T00:13:20+0000')).toBe(Date.UTC(2023, 10, 15, 0, 13, 20));
    expect(parseIsoStamp('2023-11-15T00:13:20+00:00')).toBe(Date.UTC(2023, 10, 15, 0, 13, 20));
    expect(parseIsoStamp('2023-11-15T08:13:20.250000+0800')).toBe(Date.UTC(2023, 10, 15, 0, 13, 20, 250));
    expect(parseIsoStamp('nonsense')).toBeNaN();
  });

  it('knows unambiguous zone abbreviations and numeric zones, not CST', () => {
    expect(zoneOffset('CEST')).toBe(120);
    expect(zoneOffset('+08')).toBe(480);
    expect(zoneOffset('-0530')).toBe(-330);
    expect(zoneOffset('CST')).toBeUndefined();
  });

  it('gives the last lines the reference year and earlier epochs the years before (Dec→Jan)', () => {
    const f = new YearFixer(0);
    const dec = f.stamp(11, 31, 23, 59, 0, 0);
    const jan = f.stamp(0, 1, 0, 1, 0, 0);
    f.resolve(Date.UTC(2024, 0, 2));
    expect(new Date(f.fix(dec)!).toISOString()).toBe('2023-12-31T23:59:00.000Z');
    expect(new Date(f.fix(jan)!).toISOString()).toBe('2024-01-01T00:01:00.000Z');
  });

  it('puts lines after the reference date in the year before', () => {
    const f = new YearFixer(0);
    const t = f.stamp(11, 20, 10, 0, 0, 0);
    f.resolve(Date.UTC(2024, 0, 5)); // collected on Jan 5: a Dec 20 line is from last year
    expect(new Date(f.fix(t)!).getUTCFullYear()).toBe(2023);
  });

  it('treats a small backwards month step as a clock jump, not a rollover', () => {
    const f = new YearFixer(0);
    f.stamp(10, 15, 0, 0, 0, 0);
    const back = f.stamp(9, 30, 0, 0, 0, 0);
    f.resolve(Date.UTC(2023, 10, 16));
    expect(new Date(f.fix(back)!).getUTCFullYear()).toBe(2023);
  });

  it('applies the host offset to zone-less stamps', () => {
    const f = new YearFixer(480);
    const t = f.stamp(2, 1, 12, 0, 0, 0);
    f.resolve(Date.UTC(2021, 2, 2));
    expect(new Date(f.fix(t)!).toISOString()).toBe('2021-03-01T04:00:00.000Z');
  });

  it('keeps Feb 29 of a leap year', () => {
    const f = new YearFixer(0);
    const t = f.stamp(1, 29, 1, 0, 0, 0);
    f.resolve(Date.UTC(2024, 2, 1));
    expect(new Date(f.fix(t)!).toISOString()).toBe('2024-02-29T01:00:00.000Z');
  });
});
