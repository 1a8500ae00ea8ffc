import { describe, expect, it } from 'vitest';
import type { JsonHealthRow } from '../../analyzer/src/parsers/json-health.js';
import { fixture, fixtureFiles, fuzzParser, okValue, parse } from '../helpers/storage-parser-harness.js';

const ID = 'a'.repeat(64);

describe('json-health parser', () => {
  it('reads a real collector capture: the empty config.v2.json after a power cut (nspawn lab)', () => {
    const v = okValue(parse<JsonHealthRow[]>('dataroot.json-health', fixture('json-health/collector-0.1-nspawn-power-off-db-loss.tsv')));
    expect(v).toHaveLength(8);
    const empty = v.filter((r) => r.state === 'empty');
    expect(empty).toEqual([expect.objectContaining({ file: 'config.v2.json', containerId: 'acac34e9dbed1a6022ab3e76b49c2a7e3c24b77f98963fa7885d4b942ff4199b', size: 0, mtime: 1795853470000, line: 9 })]);
    expect(v.filter((r) => r.state === 'ok').every((r) => r.first === 0x7b && r.last === 0x7d)).toBe(true);
  });

  it('reads the format page sample: empty config.v2.json of a container', () => {
    const v = okValue(parse<JsonHealthRow[]>('dataroot.json-health', fixture('json-health/bundle-format-v1-doc.tsv')));
    expect(v).toEqual([expect.objectContaining({ path: `/var/lib/docker/containers/${ID}/config.v2.json`, file: 'config.v2.json', containerId: ID, size: 0, mtime: 1764314292000, state: 'empty', first: undefined, last: undefined, line: 2 })]);
  });

  it('reads first/last bytes and every state', () => {
    const rows = ['ok\t7b\t7d', 'truncated\t7b\t22', 'nul-filled\t00\t00', 'unreadable\t-\t-'].map((t, i) => `/var/lib/docker/containers/${ID}/hostconfig.json\t${i + 10}\t1764314292\t${t}`);
    const v = okValue(parse<JsonHealthRow[]>('dataroot.json-health', rows.join('\n')));
    expect(v.map((r) => [r.state, r.first, r.last, r.size, r.file])).toEqual([
      ['ok', 0x7b, 0x7d, 10, 'hostconfig.json'],
      ['truncated', 0x7b, 0x22, 11, 'hostconfig.json'],
      ['nul-filled', 0, 0, 12, 'hostconfig.json'],
      ['unreadable', undefined, undefined, 13, 'hostconfig.json'],
    ]);
  });

  it('reports bad rows by line', () => {
    const r = parse('dataroot.json-health', `/x/config.v2.json\t1\t1\tweird\t-\t-\n/x/config.v2.json\t1\t1\tok\t7b\nrelative\t1\t1\tok\t7b\t7d\n/x/config.v2.json\t1\t1\tok\tzz\t7d\n`);
    expect(r.problems.map((p) => p.line)).toEqual([1, 2, 3, 4]);
  });

  it('reads an escaped path: a newline in a container folder name is one row, not two', () => {
    const r = parse<JsonHealthRow[]>('dataroot.json-health', '/dr/containers/a\\nb\\tc/config.v2.json\t3\t1\tok\t7b\t7d\n');
    expect(r.problems).toEqual([]);
    expect(okValue(r).map((x) => [x.path, x.file, x.state])).toEqual([['/dr/containers/a\nb\tc/config.v2.json', 'config.v2.json', 'ok']]);
  });

  it('every fixture parses with zero problems', () => {
    for (const f of fixtureFiles('json-health')) expect(parse('dataroot.json-health', fixture(`json-health/${f}`)).problems, f).toEqual([]);
  });

  it('never throws on fuzzed input', () => {
    fuzzParser('dataroot.json-health', [fixture('json-health/bundle-format-v1-doc.tsv')], 2000, 41);
  });
});
