/**
 * /proc/<pid>/mountinfo: `ID PARENT MAJ:MIN ROOT MOUNTPOINT OPTS [OPTIONAL…] - FSTYPE SOURCE SUPEROPTS`.
 * The optional fields end at the lone `-`; paths and sources escape space, TAB, newline and
 * backslash as `\040 \011 \012 \134` (field guide §3).
 *
 * Real sample (Linux 6.18, tmpfs mounts made inside `unshare -m`; fixture
 * test/fixtures/mountinfo/linux-6.18-escapes-shared.txt):
 * ```
 * 109 60 0:49 / /tmp/mnt/a\040dir\011tab rw,relatime - tmpfs src\040with\040space rw,size=1024k
 * 114 60 0:53 / /tmp/mnt/slave rw,relatime shared:8 master:7 - tmpfs shr rw,size=128k
 * ```
 */
import { lineParser, malformed, ok, skipped } from './util/line-parser.js';
import { splitWs, toInt } from './util/table.js';
import type { SourceLine } from './ipcs.js';

export interface MountinfoRow extends SourceLine {
  id: number;
  parentId: number;
  majMin: string;
  root: string;
  mountPoint: string;
  options: string[];
  /** `shared:N`, `master:N`, `propagate_from:N`, `unbindable`. */
  optional: string[];
  fsType: string;
  source: string;
  superOptions: string[];
}

/** Undo the kernel's octal escapes (`\040` space, `\011` TAB, `\012` newline, `\134` backslash, any `\ooo`). */
export function unescapeOctal(s: string): string {
  return s.replace(/\\([0-3][0-7]{2})/g, (_, o: string) => String.fromCharCode(parseInt(o, 8)));
}

interface State {
  rows: MountinfoRow[];
  sawContent: boolean;
}

export const mountinfoParser = lineParser<State, MountinfoRow[]>({
  name: 'mountinfo',
  artifacts: ['mountinfo'],
  init: () => ({ rows: [], sawContent: false }),
  line(s, line, problems) {
    const f = splitWs(line.text);
    if (f.length === 0) return;
    s.sawContent = true;
    const dash = f.indexOf('-', 6);
    if (f.length < 9 || dash < 0 || f.length - dash < 3) return problems.add(line, 'expected "ID PARENT MAJ:MIN ROOT MOUNTPOINT OPTS [optional…] - FSTYPE SOURCE SUPEROPTS"');
    const id = toInt(f[0]);
    const parentId = toInt(f[1]);
    if (id === undefined || parentId === undefined || !/^\d+:\d+$/.test(f[2]!)) return problems.add(line, 'bad mount id, parent id or MAJ:MIN');
    // FSTYPE, SOURCE and SUPEROPTS follow the lone '-'; SUPEROPTS may be missing on very old kernels.
    const after = f.slice(dash + 1);
    s.rows.push({
      id,
      parentId,
      majMin: f[2]!,
      root: unescapeOctal(f[3]!),
      mountPoint: unescapeOctal(f[4]!),
      options: f[5]!.split(','),
      optional: f.slice(6, dash),
      fsType: unescapeOctal(after[0]!),
      source: unescapeOctal(after[1]!),
      superOptions: (after[2] ?? '').split(','),
      line: line.no,
      text: line.text,
    });
    if (after.length > 3) problems.add(line, 'extra fields after SUPEROPTS');
  },
  finish(s, problems) {
    if (!s.sawContent) return skipped('empty file', problems);
    if (s.rows.length === 0) return malformed('no mountinfo line', problems, problems.list[0]?.line, []);
    return ok(s.rows, problems);
  },
});
