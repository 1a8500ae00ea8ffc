import { describe, expect, it } from 'vitest';
import type { LvmProfile } from '../../analyzer/src/parsers/lvm-profile.js';
import { fixture, fixtureFiles, fuzzParser, okValue, parse } from '../helpers/storage-parser-harness.js';

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
