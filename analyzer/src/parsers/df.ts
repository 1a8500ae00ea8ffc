/**
 * df: `df -h`, `df -i`, `df -P`, and sos's `df -al -x autofs` / `df -ali -x autofs`. The header picks the
 * unit: `Size` (human, powers of 1024), `N-blocks` (`1K-blocks`, `1024-blocks`, `1M-blocks`), or
 * `Inodes`. Filesystem and mount-point names may contain spaces (real below), so a row is read around
 * its `Use%` column; old coreutils wrap a long filesystem name onto its own line, and the numbers
 * follow on the next, indented line.
 *
 * Real sample (coreutils 9.1 `df -h`; fixture test/fixtures/df/coreutils-9.1-h-spaces.txt):
 * ```
 * Filesystem               Size  Used Avail Use% Mounted on
 * /dev/vda                 252G   23G   79G  23% /
 * src with space           1.0M     0  1.0M   0% /tmp/mnt/a dir?tab
 * fake on /dev type ext4   512K     0  512K   0% /tmp/mnt/x on y type z
 * ```
 * Wrapped (coreutils 8.4, insights-core df tests):
 * ```
 * /dev/mapper/VolGroup-lv_root
 *                        50G  3.4G   44G   8% /
 * ```
 */
import { lineParser, malformed, ok, skipped } from './util/line-parser.js';
import { fieldSpans, parseHumanSize, splitWs } from './util/table.js';
import type { SourceLine } from './ipcs.js';

export interface DfRow extends SourceLine {
  filesystem: string;
  mountedOn: string;
  kind: 'blocks' | 'inodes';
  /** Blocks rows: bytes. */
  sizeBytes?: number;
  usedBytes?: number;
  availBytes?: number;
  /** Inode rows: counts. */
  inodes?: number;
  inodesUsed?: number;
  inodesFree?: number;
  /** `Use%` / `IUse%` / `Capacity`; undefined for `-`. */
  usePercent?: number;
}

export interface DfOutput {
  /** The last header seen decides; a file may hold several df runs (sos concatenates nothing, our collector may). */
  rows: DfRow[];
}

type Unit = { kind: 'human' } | { kind: 'blocks'; size: number } | { kind: 'inodes'; human: boolean };

interface State {
  unit?: Unit;
  rows: DfRow[];
  pending?: { text: string; line: number };
  sawContent: boolean;
}

/**
 * `<filesystem> <a> <b> <c> <use%|-> <mounted on>`, where the filesystem and the mount point may
 * hold spaces: the first field run, read left to right, whose fourth field is a percentage. Works
 * on field positions, one pass: a lazy `^(.*?)\s+…` regex was quadratic in a run of blanks.
 */
function splitRow(text: string): [fs: string, a: string, b: string, c: string, pct: string, mnt: string] | undefined {
  const f = fieldSpans(text);
  // The filesystem takes at least one field unless the line starts with a blank.
  for (let i = /^\s/.test(text) ? 0 : 1; i + 4 < f.length; i++) {
    if (!/^(?:\d+%|-)$/.test(f[i + 3]!.text)) continue;
    return [text.slice(0, f[i]!.start), f[i]!.text, f[i + 1]!.text, f[i + 2]!.text, f[i + 3]!.text, text.slice(f[i + 4]!.start)];
  }
  return undefined;
}

function headerUnit(text: string): Unit | undefined {
  if (!/^Filesystem\s/.test(text)) return undefined;
  const f = splitWs(text);
  if (f[1] === 'Inodes') return { kind: 'inodes', human: false };
  if (f[1] === 'Size') return { kind: 'human' };
  const b = /^(\d+)([KMGT]?)-blocks$/.exec(f[1] ?? '');
  if (b) {
    const mult = { '': 1, K: 1024, M: 1024 ** 2, G: 1024 ** 3, T: 1024 ** 4 }[b[2] as '' | 'K'];
    return { kind: 'blocks', size: Number(b[1]) * mult };
  }
  return undefined;
}

function amount(s: string, unit: Unit): number | undefined {
  if (s === '-') return undefined;
  if (unit.kind === 'blocks') return /^\d{1,18}$/.test(s) ? Number(s) * unit.size : undefined;
  if (unit.kind === 'inodes' && /^\d{1,18}$/.test(s)) return Number(s);
  return parseHumanSize(s);
}

export const dfParser = lineParser<State, DfOutput>({
  name: 'df',
  artifacts: ['df.h', 'df.i'],
  init: () => ({ rows: [], sawContent: false }),
  line(s, line, problems) {
    const t = line.text;
    if (t.trim() === '') return;
    s.sawContent = true;
    const unit = headerUnit(t);
    if (unit) {
      s.unit = unit;
      s.pending = undefined;
      return;
    }
    if (t.startsWith('df: ')) return problems.add(line, 'df error line');
    if (!s.unit) return problems.add(line, 'row before the "Filesystem …" header');
    let text = t;
    let first = line.no;
    if (s.pending) {
      if (/^\s/.test(t)) {
        text = `${s.pending.text} ${t.trim()}`;
        first = s.pending.line;
      } else problems.add(s.pending.line, 'filesystem name without a following row');
      s.pending = undefined;
    }
    const m = splitRow(text);
    if (!m) {
      // A lone name is the first half of a wrapped row.
      if (splitWs(text).length === 1 && !/^\s/.test(text)) {
        s.pending = { text: text.trimEnd(), line: line.no };
        return;
      }
      return problems.add(line, 'expected "Filesystem size used avail use% mounted-on"');
    }
    const [fsName, a, b, c, pct, mnt] = m;
    const u = s.unit;
    const x = amount(a!, u);
    const y = amount(b!, u);
    const z = amount(c!, u);
    if ((x === undefined && a !== '-') || (y === undefined && b !== '-') || (z === undefined && c !== '-')) {
      return problems.add(line, 'unreadable size or count');
    }
    const usePercent = pct === '-' ? undefined : Number(pct!.slice(0, -1));
    const base = { filesystem: fsName!.trim(), mountedOn: mnt!.trimEnd(), usePercent, line: first, text: text.slice(0, 500) };
    if (u.kind === 'inodes') s.rows.push({ ...base, kind: 'inodes', inodes: x, inodesUsed: y, inodesFree: z });
    else s.rows.push({ ...base, kind: 'blocks', sizeBytes: x, usedBytes: y, availBytes: z });
  },
  finish(s, problems) {
    if (s.pending) problems.add(s.pending.line, 'filesystem name without a following row');
    if (!s.sawContent) return skipped('empty output', problems);
    if (!s.unit) return malformed('no "Filesystem …" header', problems, problems.list[0]?.line, { rows: [] });
    return ok({ rows: s.rows }, problems);
  },
});
