import { describe, expect, it } from 'vitest';
import { MAX_SECTION_DEPTH, type LvmProfile } from '../../analyzer/src/parsers/lvm-profile.js';
import { parseText } from '../../analyzer/src/parsers/parse-text.js';
import { fixture, fixtureFiles, fuzzParser, okValue, parse } from '../helpers/storage-parser-harness.js';
import { fastestRun } from '../helpers/timing.js';

describe('lvm-profile parser', () => {
  it('reads the docker docs thin-pool profile', () => {
    const v = okValue(parse<LvmProfile>('lvm.thinpool-profile', fixture('lvm-profile/docker-docs-thinpool.txt')));
    expect(v.settings.map((s) => [s.section, s.key, s.number, s.line])).toEqual([
      ['activation', 'thin_pool_autoextend_threshold', 80, 2],
      ['activation', 'thin_pool_autoextend_percent', 20, 3],
    ]);
  });

  it('reads one-line sections, spaces around "=", quoted strings and comments', () => {
    const v = okValue(parse<LvmProfile>('lvm.thinpool-profile', '# docker\nactivation { thin_pool_autoextend_threshold = 100 }\nallocation {\n  thin_pool_discards = "passdown" # default\n}\n'));
    expect(v.settings.map((s) => [s.section, s.key, s.value, s.number])).toEqual([
      ['activation', 'thin_pool_autoextend_threshold', '100', 100],
      ['allocation', 'thin_pool_discards', 'passdown', undefined],
    ]);
  });

  it('reports an unclosed section, a stray "}" and junk by line', () => {
    const r = parse<LvmProfile>('lvm.thinpool-profile', 'activation {\n  thin_pool_autoextend_threshold=80\n  what is this\n');
    expect(r.problems.map((p) => p.line).sort()).toEqual([1, 3]);
    expect(parse('lvm.thinpool-profile', '}\n').problems.map((p) => p.line)).toEqual([1]);
  });

  it('every fixture parses with zero problems', () => {
    for (const f of fixtureFiles('lvm-profile')) expect(parse('lvm.thinpool-profile', fixture(`lvm-profile/${f}`)).problems, f).toEqual([]);
  });

  it('never throws on fuzzed input', () => {
    fuzzParser('lvm.thinpool-profile', fixtureFiles('lvm-profile').map((f) => fixture(`lvm-profile/${f}`)), 2000, 29);
  });
});

describe('lvm-profile: deep nesting stays linear', () => {
  it('50,000 nested sections parse in bounded time, and braces still match past the kept depth', () => {
    const n = 50_000;
    const lines = [...Array.from({ length: n }, () => 'a {'), 'deep = 1', ...Array.from({ length: n - 1 }, () => '}'), 'top = 2', '}'];
    const text = lines.join('\n');
    const { ms, result: r } = fastestRun(10_000, () => parseText<LvmProfile>('lvm.thinpool-profile', text));
    expect(ms).toBeLessThan(10_000);
    expect(r.status).toBe('ok');
    const settings = r.status === 'ok' ? r.value.settings : [];
    // After n-1 closes only the outermost `a` is open again: `top` is back in section "a".
    expect(settings.map((x) => [x.key, x.section.split('/').length])).toEqual([
      ['deep', MAX_SECTION_DEPTH],
      ['top', 1],
    ]);
    expect(r.problems.map((p) => p.reason)).not.toContain('unmatched "}"');
  });
});
