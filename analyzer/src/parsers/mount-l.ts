/**
 * `mount -l` (fallback for mountinfo): `SRC on TARGET type FS (OPTS) [LABEL]`. mount unescapes paths and
 * prints control characters as `?`, so ` on ` and ` type ` can occur inside SRC and TARGET (field guide
 * §3). FS and OPTS are unambiguous (read from the end); the SRC/TARGET split takes the last ` on ` that is
 * followed by an absolute path, and the row is marked `ambiguous` when another split was possible.
 *
 * Real sample (util-linux 2.38.1; fixture test/fixtures/mount-l/util-linux-2.38-escapes.txt):
 * ```
 * src with space on /tmp/mnt/a dir?tab type tmpfs (rw,relatime,size=1024k)
 * fake on /dev type ext4 on /tmp/mnt/x on y type z type tmpfs (rw,relatime,size=512k)
 * ```
 * (the second is SRC `fake on /dev type ext4`, TARGET `/tmp/mnt/x on y type z`).
 */
import { lineParser, malformed, ok, skipped } from './util/line-parser.js';
import type { SourceLine } from './ipcs.js';

export interface MountLRow extends SourceLine {
  source: string;
  mountPoint: string;
  fsType: string;
  options: string[];
  label?: string;
  /** More than one SRC/TARGET split was possible: prefer mountinfo for this mount. */
  ambiguous: boolean;
}

interface State {
  rows: MountLRow[];
  sawContent: boolean;
}

const TAIL = /^(.*) type (\S+) \(([^()]*)\)(?: \[(.*)\])?\s*$/;

export const mountLParser = lineParser<State, MountLRow[]>({
  name: 'mount-l',
  artifacts: ['mount.l'],
  init: () => ({ rows: [], sawContent: false }),
  line(s, line, problems) {
    if (line.text.trim() === '') return;
    s.sawContent = true;
    const m = TAIL.exec(line.text);
    if (!m) return problems.add(line, 'expected "SRC on TARGET type FS (OPTS)"');
    const head = m[1]!;
    const splits: number[] = [];
    for (let i = head.indexOf(' on '); i >= 0; i = head.indexOf(' on ', i + 1)) splits.push(i);
    if (splits.length === 0) return problems.add(line, 'no " on " between source and target');
    const absolute = splits.filter((i) => head[i + 4] === '/');
    const at = absolute.length > 0 ? absolute[absolute.length - 1]! : splits[splits.length - 1]!;
    s.rows.push({
      source: head.slice(0, at),
      mountPoint: head.slice(at + 4),
      fsType: m[2]!,
      options: m[3]! === '' ? [] : m[3]!.split(','),
      label: m[4],
      ambiguous: splits.length > 1 || / type /.test(head.slice(at + 4)),
      line: line.no,
      text: line.text,
    });
  },
  finish(s, problems) {
    if (!s.sawContent) return skipped('empty output', problems);
    if (s.rows.length === 0) return malformed('no mount line', problems, problems.list[0]?.line, []);
    return ok(s.rows, problems);
  },
});
