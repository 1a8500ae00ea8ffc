/**
 * `uname -a` (also a bare `uname -r`). [cap] Debian 12 host:
 * ```
 * Linux vm 6.18.44-fc-v782 #1 SMP PREEMPT_DYNAMIC @0 x86_64 GNU/Linux
 * ```
 * openEuler kernels look like `5.10.0-60.18.0.50.oe2203.x86_64`.
 */
import { lineParser, malformed, ok, skipped } from './util/line-parser.js';

export interface UnameFacts {
  kernelName?: string;
  nodename?: string;
  release: string;
  machine?: string;
  line: number;
  text: string;
}

const ARCH = /^(x86_64|aarch64|i[3-6]86|ppc64le|ppc64|s390x|riscv64|loongarch64|armv7l|sw_64|mips64)$/;

export const unameParser = lineParser<{ first?: { text: string; no: number } }, UnameFacts>({
  name: 'uname',
  artifacts: ['uname'],
  init: () => ({}),
  line(s, line) {
    if (s.first === undefined && line.text.trim() !== '') s.first = { text: line.text.trim(), no: line.no };
  },
  finish(s, problems) {
    if (!s.first) return skipped('empty output', problems);
    const f = s.first.text.split(/\s+/);
    if (f.length === 1) {
      if (!/^\d+\.\d+/.test(f[0]!)) return malformed('not a kernel release', problems, s.first.no);
      return ok({ release: f[0]!, line: s.first.no, text: s.first.text }, problems);
    }
    if (f.length < 3 || !/^\d+\.\d+/.test(f[2]!)) {
      problems.add(s.first.no, 'not uname -a output');
      return malformed('not uname -a output', problems, s.first.no);
    }
    const machine = [...f].reverse().find((x) => ARCH.test(x));
    return ok({ kernelName: f[0], nodename: f[1], release: f[2]!, ...(machine ? { machine } : {}), line: s.first.no, text: s.first.text.slice(0, 500) }, problems);
  },
});
