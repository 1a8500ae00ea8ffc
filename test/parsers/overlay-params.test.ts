import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { OverlayParam } from '../../analyzer/src/parsers/overlay-params.js';
import { FIXTURES, fixture, fuzzParser, okValue, parse } from '../helpers/storage-parser-harness.js';

describe('overlay-params parser', () => {
  it('names the value after the file (real /sys/module/overlay/parameters on Linux 6.18)', () => {
    const v = okValue(parse<OverlayParam>('overlay.params', fixture('overlay-params/linux-6.18/redirect_dir'), { path: 'files/sys/module/overlay/parameters/redirect_dir' }));
    expect(v).toMatchObject({ name: 'redirect_dir', value: 'N', line: 1 });
    const max = okValue(parse<OverlayParam>('overlay.params', fixture('overlay-params/linux-6.18/redirect_max'), { path: 'sys/module/overlay/parameters/redirect_max' }));
    expect(max).toMatchObject({ name: 'redirect_max', value: '256' });
  });

  it('every real parameter file parses with zero problems', () => {
    const dir = join(FIXTURES, 'overlay-params/linux-6.18');
    const names = readdirSync(dir);
    expect(names).toContain('index');
    for (const n of names) {
      const r = parse<OverlayParam>('overlay.params', fixture(`overlay-params/linux-6.18/${n}`), { path: `files/sys/module/overlay/parameters/${n}` });
      expect(r.problems, n).toEqual([]);
      expect(okValue(r).name).toBe(n);
    }
  });

  it('an empty file is skipped (not N); two values are a problem', () => {
    expect(parse('overlay.params', '', { path: 'x/index' }).status).toBe('skipped');
    const r = parse('overlay.params', 'Y\nN\n', { path: 'x/index' });
    expect(r.problems.map((p) => p.line)).toEqual([2]);
  });

  it('never throws on fuzzed input', () => {
    fuzzParser('overlay.params', ['Y\n', 'N\n', '256\n'], 2000, 23, { path: 'files/sys/module/overlay/parameters/redirect_dir' });
  });
});
