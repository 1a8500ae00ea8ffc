/**
 * /proc/sys/kernel/sem: one line, TAB-separated `SEMMSL SEMMNS SEMOPM SEMMNI` (field guide §1.2, §3).
 * The 4th value is SEMMNI, the number of arrays: the limit leaked udev cookies run into.
 *
 * Real sample (Linux 6.18 default; fixture test/fixtures/kernel-sem/linux-6.18-default.txt):
 * ```
 * 32000	1024000000	500	32000
 * ```
 * Kernels before 3.19 default to `250	32000	32	128`.
 */
import { lineParser, malformed, ok, skipped } from './util/line-parser.js';
import { splitWs, toInt } from './util/table.js';
import type { SourceLine } from './ipcs.js';

export interface KernelSem extends SourceLine {
  semmsl: number;
  semmns: number;
  semopm: number;
  semmni: number;
}

/** `250 32000 32 128` (tabs or spaces) → the four limits; undefined when it is not four integers. */
export function parseSemValues(text: string): Omit<KernelSem, 'line' | 'text'> | undefined {
  const f = splitWs(text).map((x) => toInt(x));
  if (f.length !== 4 || f.some((x) => x === undefined || x < 0)) return undefined;
  return { semmsl: f[0]!, semmns: f[1]!, semopm: f[2]!, semmni: f[3]! };
}

interface State {
  value?: KernelSem;
  firstBad?: number;
}

export const kernelSemParser = lineParser<State, KernelSem>({
  name: 'kernel-sem',
  artifacts: ['kernel.sem'],
  init: () => ({}),
  line(s, line, problems) {
    if (line.text.trim() === '') return;
    if (s.value) return problems.add(line, 'extra line after the kernel.sem values');
    const v = parseSemValues(line.text);
    if (!v) {
      s.firstBad ??= line.no;
      return problems.add(line, 'expected four integers: SEMMSL SEMMNS SEMOPM SEMMNI');
    }
    s.value = { ...v, line: line.no, text: line.text };
  },
  finish(s, problems) {
    if (s.value) return ok(s.value, problems);
    if (s.firstBad !== undefined) return malformed('no SEMMSL SEMMNS SEMOPM SEMMNI line', problems, s.firstBad);
    return skipped('empty file', problems);
  },
});
