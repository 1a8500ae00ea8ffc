/**
 * Every registered parser is linear in the line length: fed its own fixture lines with ~65,000
 * spaces or tabs between tokens, long brace runs and repeated tokens, each artifact parses within
 * a generous bound. Before the fix, one such line took 4–12 s in df, iptables-save, systemctl,
 * docker ps and lvm-profile; a linear parser takes well under 0.3 s for the whole input.
 */
import { describe, expect, it } from 'vitest';
import { PARSERS } from '../../analyzer/src/parsers/index.js';
import { MAX_PARSER_LINE } from '../../analyzer/src/parsers/util/line-cap.js';
import { lineParser, ok } from '../../analyzer/src/parsers/util/line-parser.js';
import type { ParseResult } from '../../analyzer/src/spine/types.js';
import { hostileInput } from '../helpers/hostile-lines.js';
import { fastestRun } from '../helpers/timing.js';

/** Per artifact, for ~240 lines of ~65 KB: 10x the slowest linear parser on a loaded 2-core box. */
const BOUND_MS = 3000;

/** The fastest of up to three parses (a loaded machine can stretch one run; a super-linear parser is slow on each). */
function parseHostile(artifact: string, parser: (typeof PARSERS)[number]): { ms: number; result: ParseResult<unknown>; lines: number } {
  const { ms, result } = fastestRun(BOUND_MS, () => {
    const sink = parser.create({ artifact: artifact as never, path: `hostile/${artifact}` });
    let no = 0;
    for (const text of hostileInput(artifact, parser.name)) sink.push({ no: ++no, text });
    return { result: sink.finish(), lines: no };
  });
  return { ms, ...result };
}

describe('every parser is linear on hostile lines', () => {
  for (const parser of PARSERS) {
    for (const artifact of parser.artifacts) {
      it(`${parser.name} (${artifact}) within ${BOUND_MS} ms`, () => {
        const { ms, result, lines } = parseHostile(artifact, parser);
        expect(lines).toBeGreaterThan(9);
        expect(ms, `${parser.name} took ${ms.toFixed(0)} ms for ${lines} hostile lines`).toBeLessThan(BOUND_MS);
        // A parser must survive it the normal way: no exception turned into a problem by the frame.
        for (const p of result.problems) expect(p.reason).not.toMatch(/^parser error/);
      });
    }
  }
});

describe('the line-parser frame bounds what a parser sees', () => {
  const seen: string[] = [];
  const probe = lineParser<null, null>({
    name: 'probe',
    artifacts: ['sysctl'],
    init: () => null,
    line: (_s, line) => void seen.push(line.text),
    finish: (_s, problems) => ok(null, problems),
  });

  it(`cuts a line to MAX_PARSER_LINE (${MAX_PARSER_LINE}) and records the cut with its line number`, () => {
    seen.length = 0;
    const sink = probe.create({ artifact: 'sysctl', path: 'p' });
    sink.push({ no: 1, text: 'short' });
    sink.push({ no: 2, text: 'k = ' + 'v'.repeat(MAX_PARSER_LINE * 2) });
    const r = sink.finish();
    expect(seen[0]).toBe('short');
    expect(seen[1]!.length).toBe(MAX_PARSER_LINE);
    expect(r.problems).toEqual([expect.objectContaining({ line: 2, reason: expect.stringContaining(`${4 + MAX_PARSER_LINE * 2} characters cut to ${MAX_PARSER_LINE}`) })]);
  });

  it('turns a CR or U+2028 inside a line into a space, so `.` always reaches the end', () => {
    seen.length = 0;
    const sink = probe.create({ artifact: 'sysctl', path: 'p' });
    sink.push({ no: 1, text: 'a\rb\u2028c\u2029d' });
    expect(sink.finish().problems).toEqual([]);
    expect(seen).toEqual(['a b c d']);
  });
});
