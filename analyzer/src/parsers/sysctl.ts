/**
 * sysctl output (`sysctl kernel.pid_max kernel.sem`, or sos's `sysctl -a`): `key = value` lines.
 * Values keep their inner TABs (`kernel.sem = 250	32000	32	128`); leading/trailing space is trimmed.
 * A multi-line value comes as consecutive lines with the same key (real: `kernel.core_modes = file`,
 * `… = pipe`, `… = socket`) and is joined with `\n`; a key repeated later wins (last value).
 * `sysctl: …` error lines (stderr merged by some collectors) become problems, not facts.
 *
 * Real sample (procps-ng 4.0.2; fixture test/fixtures/sysctl/procps-4.0-sem-pid-max.txt):
 * ```
 * kernel.sem = 32000	1024000000	500	32000
 * kernel.pid_max = 32768
 * ```
 */
import { lineParser, malformed, ok, skipped } from './util/line-parser.js';
import type { SourceLine } from './ipcs.js';

export interface SysctlEntry extends SourceLine {
  key: string;
  value: string;
}

export interface SysctlOutput {
  /** Key → entry; a repeated key keeps the last value (what the kernel ends up with). */
  values: Record<string, SysctlEntry>;
}

interface State {
  values: Record<string, SysctlEntry>;
  count: number;
  lastKey?: string;
  sawContent: boolean;
}

export const sysctlParser = lineParser<State, SysctlOutput>({
  name: 'sysctl',
  artifacts: ['sysctl'],
  init: () => ({ values: Object.create(null) as Record<string, SysctlEntry>, count: 0, sawContent: false }),
  line(s, line, problems) {
    const t = line.text;
    if (t.trim() === '' || /^\s*[#;]/.test(t)) return;
    s.sawContent = true;
    if (t.startsWith('sysctl: ')) return problems.add(line, 'sysctl error line');
    const m = /^\s*([A-Za-z0-9_][\w.\-/:@*]*)\s*=\s?(.*)$/.exec(t);
    if (!m) return problems.add(line, 'expected "key = value"');
    const key = m[1]!;
    const value = m[2]!.trim();
    // sysctl prints a multi-line value as one `key = line` per line (kernel.core_modes): join them.
    const prev = s.values[key];
    if (prev && s.lastKey === key) s.values[key] = { ...prev, value: `${prev.value}\n${value}` };
    else s.values[key] = { key, value, line: line.no, text: t };
    s.lastKey = key;
    s.count++;
  },
  finish(s, problems) {
    if (!s.sawContent) return skipped('empty output', problems);
    if (s.count === 0) return malformed('no "key = value" line', problems, problems.list[0]?.line);
    return ok({ values: s.values }, problems);
  },
});
