/**
 * What a parser's regexes may see of one line. The reader already cuts lines at 64 KiB
 * (ReaderLimits.maxLineLength); parsers cut again, shorter, before any regex runs, so that a
 * pattern we failed to make linear costs at most a bounded amount per line. Every parser is meant
 * to be linear anyway (test/parsers/hostile-lines.test.ts); this is the second line of defence.
 */
import type { Line } from '../../spine/types.js';

/**
 * Characters of one line a parser reads. Real lines are far shorter: a `systemctl show` ExecStart,
 * a mountinfo line (mount options are at most one 4 KiB page) or a `docker ps` JSON row with
 * labels stay under 8 KiB. The rest of a longer line is dropped and the cut recorded as a problem.
 */
export const MAX_PARSER_LINE = 16 * 1024;

/** Carriage returns and Unicode line/paragraph separators inside a line (the reader splits on `\n` only). */
const INNER_BREAKS = /[\r\u2028\u2029]/g;

/**
 * The line as a parser should see it: cut to `max` characters, and with inner line terminators
 * turned into spaces, so `.` in a pattern always matches to the end of the line (a `(.*)$` that
 * cannot reach the end backtracks over every blank before it, quadratically).
 */
export function boundedLine(line: Line, max: number = MAX_PARSER_LINE, keepInnerBreaks = false): { line: Line; cut: boolean } {
  const cut = line.text.length > max;
  const kept = cut ? line.text.slice(0, max) : line.text;
  const text = keepInnerBreaks ? kept : kept.replace(INNER_BREAKS, ' ');
  if (!cut && text === line.text) return { line, cut };
  return { line: { ...line, text, ...(cut ? { cut: true } : {}) }, cut };
}
