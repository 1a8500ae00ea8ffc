/**
 * The "Real-world coverage" table (test/fixtures/real-world/README-coverage.md) against the fixtures: every
 * rule has a folder and one row, the row's counts are the folder's cases.json counted again here, and a
 * rule without a positive says "no public source found" (fewer than three: says so too).
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { RULES } from '../../analyzer/src/rules/index.js';

const ROOT = resolve(import.meta.dirname, '../fixtures/real-world');
const README = readFileSync(`${ROOT}/README-coverage.md`, 'utf8');

interface Case {
  file: string;
  expect: 'fire' | 'silent' | 'parse';
  source: string;
  wordingFamily: string;
  knownGap?: string;
}

/** Table rows by rule id: the cells after the id. */
const rows = new Map<string, string[]>();
for (const line of README.split('\n')) {
  const m = /^\| `([a-z0-9-]+)` \|(.*)\|$/.exec(line);
  if (m) rows.set(m[1]!, m[2]!.split(/(?<!\\)\|/).map((c) => c.trim()));
}

describe('real-world coverage table', () => {
  for (const rule of RULES) {
    const id = rule.meta.id;
    it(`${id}: folder, row and counts`, () => {
      expect(existsSync(`${ROOT}/${id}/cases.json`), `test/fixtures/real-world/${id}/cases.json`).toBe(true);
      const cases = JSON.parse(readFileSync(`${ROOT}/${id}/cases.json`, 'utf8')) as Case[];
      const pos = cases.filter((c) => c.expect === 'fire');
      for (const c of cases) expect(existsSync(`${ROOT}/${id}/${c.file}`), c.file).toBe(true);
      const sources = new Set(pos.map((c) => c.source.split(/[ ,;]/)[0]));
      const families = new Set(pos.map((c) => c.wordingFamily));
      const row = rows.get(id);
      expect(row, `a row for ${id} in README-coverage.md`).toBeDefined();
      const [src, positives, gaps, traps, fams, , note] = row!;
      expect(Number(src), 'sources').toBe(sources.size);
      expect(Number(positives), 'positives').toBe(pos.length);
      expect(Number(gaps), 'known gaps').toBe(pos.filter((c) => c.knownGap).length);
      expect(Number(traps), 'traps').toBe(cases.filter((c) => c.expect === 'silent').length);
      expect(Number(fams), 'wording families').toBe(families.size);
      if (sources.size === 0) expect(note).toBe('no public source found');
      else if (sources.size < 3) expect(note).toBe('fewer than 3 public sources found');
    });
  }

  it('no row for a rule that does not exist', () => {
    const ids = new Set(RULES.map((r) => r.meta.id));
    expect([...rows.keys()].filter((k) => !ids.has(k))).toEqual([]);
  });
});
