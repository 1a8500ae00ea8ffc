import { describe, expect, it } from 'vitest';
import type { Listing } from '../../analyzer/src/parsers/dataroot-listing.js';
import { fixture, fixtureFiles, fuzzParser, okValue, parse } from '../helpers/storage-parser-harness.js';

describe('dataroot-listing parser (data-root and exec-root)', () => {
  it('reads a real data-root listing (docker.io 20.10 lab)', () => {
    const text = fixture('dataroot-listing/docker-20.10-find-lab-running.tsv');
    const v = okValue(parse<Listing>('dataroot.listing', text));
    expect(v.entries).toHaveLength(text.trimEnd().split('\n').length - 1);
    expect(v.truncated).toBe(false);
    expect(v.entries[0]).toMatchObject({ type: 'd', mode: 0o710, uid: 0, gid: 0, size: 4096, mtime: 1795850994471, path: '/tmp/dpm-manual1/data', line: 2 });
    expect(v.entries.find((e) => e.path.endsWith('/volumes/metadata.db'))).toMatchObject({ type: 'f', mode: 0o600, size: 32768 });
    expect(v.entries.find((e) => e.path.endsWith('/volumes/backingFsBlockDev'))!.type).toBe('other');
  });

  it('reads the format page sample and the truncation marker', () => {
    const v = okValue(parse<Listing>('dataroot.listing', '# type\tmode\tuid\tgid\tsize\tmtime\tpath\nd\t711\t0\t0\t4096\t1764314292.123\t/var/lib/docker\nf\t600\t0\t0\t32768\t1764314292.000\t/var/lib/docker/network/files/local-kv.db\n# truncated: entry cap 20000 reached\n'));
    expect(v.entries.map((e) => [e.type, e.mode, e.size, e.path])).toEqual([
      ['d', 0o711, 4096, '/var/lib/docker'],
      ['f', 0o600, 32768, '/var/lib/docker/network/files/local-kv.db'],
    ]);
    expect(v.entries[0]!.mtime).toBe(1764314292123);
    expect(v.truncated).toBe(true);
    expect(v.truncatedLine!.line).toBe(4);
  });

  it('keeps a TAB inside the path', () => {
    const v = okValue(parse<Listing>('execroot.listing', 'f\t644\t0\t0\t1\t1\t/run/docker/a\tb\n'));
    expect(v.entries[0]!.path).toBe('/run/docker/a\tb');
  });

  it('reads the escaped names the collector writes: a newline or TAB in a name stays in one row', () => {
    // Built as the collector escapes: backslash, TAB and newline as \\, \t and \n.
    const name = 'ddd\nf\t644\t0\t0\t1\t1\tforged';
    const escaped = name.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n');
    const text = `d\t755\t0\t0\t4096\t1\t/dr/containers/${escaped}\nf\t644\t0\t0\t3\t1\t/dr/containers/back\\\\slash\n`;
    const v = okValue(parse<Listing>('dataroot.listing', text));
    expect(v.entries.map((e) => e.path)).toEqual([`/dr/containers/${name}`, '/dr/containers/back\\slash']);
  });

  it('every real fixture parses with zero problems (both listings)', () => {
    for (const f of fixtureFiles('dataroot-listing')) expect(parse('dataroot.listing', fixture(`dataroot-listing/${f}`)).problems, f).toEqual([]);
    for (const f of fixtureFiles('execroot-listing')) expect(parse('execroot.listing', fixture(`execroot-listing/${f}`)).problems, f).toEqual([]);
  });

  it('reports bad rows by line', () => {
    const r = parse<Listing>('dataroot.listing', 'x\t600\t0\t0\t1\t1\t/a\nf\t999\t0\t0\t1\t1\t/b\nf\t600\t0\t0\t1\n f\t600\t0\t0\t1\t1\trelative\nf\t600\t0\t0\t1\t1\t/ok\n');
    expect(r.problems.map((p) => p.line)).toEqual([1, 2, 3, 4]);
    expect(okValue(r).entries.map((e) => e.path)).toEqual(['/ok']);
  });

  it('never throws on fuzzed input', () => {
    fuzzParser('dataroot.listing', [fixture('dataroot-listing/docker-20.10-find-lab-running.tsv').slice(0, 3000), fixture('execroot-listing/docker-20.10-find-lab-running.tsv')], 2000, 37);
  });
});
