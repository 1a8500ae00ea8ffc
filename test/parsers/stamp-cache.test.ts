/**
 * readShortStamp reuses the previous line's stamp when a line starts with the same text (issue 15):
 * the reused result must equal a fresh parse, for every real line shape, in any order.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { readShortStamp } from '../../analyzer/src/parsers/journal-time.js';
import { mulberry32 } from '../helpers/prng.js';
import { REPO_ROOT } from '../helpers/rule-tester.js';

const files = [
  ...['journal', 'syslog'].flatMap((d) => readdirSync(join(REPO_ROOT, 'test/fixtures', d)).filter((f) => f.endsWith('.txt')).map((f) => join(REPO_ROOT, 'test/fixtures', d, f))),
  ...readdirSync(join(REPO_ROOT, 'test/fixtures/real-world/_formats')).filter((f) => f.endsWith('.txt')).map((f) => join(REPO_ROOT, 'test/fixtures/real-world/_formats', f)),
];
const lines = files.flatMap((f) => readFileSync(f, 'utf8').split('\n')).filter((l) => l.length > 0).slice(0, 20_000);

/** A parse that cannot hit the cache: another stamp is read just before. */
function fresh(line: string) {
  readShortStamp('Jan  1 00:00:00 reset');
  readShortStamp('Feb  2 00:00:00 reset');
  return readShortStamp(line);
}

describe('the short-stamp cache', () => {
  it('gives the same result as a fresh parse, in file order and shuffled', () => {
    expect(lines.length).toBeGreaterThan(1000);
    const rnd = mulberry32(15);
    const shuffled = [...lines].sort(() => rnd() - 0.5);
    for (const order of [lines, shuffled]) {
      for (const line of order) {
        const expected = fresh(line);
        readShortStamp(line); // warm the cache with this very line
        expect(readShortStamp(line), line).toEqual(expected);
      }
    }
  });

  it('does not reuse a stamp for a longer one that starts the same', () => {
    expect(readShortStamp('Nov 25 10:11:33 host a: x')!.frac).toBeUndefined();
    expect(readShortStamp('Nov 25 10:11:33.123 host a: x')!.frac).toBe('123');
    expect(readShortStamp('Nov 25 10:11:33  host a: x')!.rest).toBe('host a: x');
    expect(readShortStamp('Nov 25 10:11:339 host a: x')).toBeUndefined();
  });
});
