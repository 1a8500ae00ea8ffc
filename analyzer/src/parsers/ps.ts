/**
 * Process lists, read by their header: our collector's `ps -eo pid,ppid,user,lstart,stat,args`, other
 * `-eo` column orders (the lab's `pid,ppid,stat,lstart,args`), and sos's `ps auxwww` / `ps auxfwww`
 * (args carry ` \_ ` tree prefixes). [cap] procps-ng 4.0, LC_ALL=C TZ=UTC:
 * ```
 *   PID  PPID USER                      STARTED STAT COMMAND
 * 11524     1 root     Sat Nov 28 07:29:14 2026 Ssl  /usr/sbin/dockerd --config-file /tmp/dpmhp/lab/daemon.json …
 * ```
 * ```
 * USER       PID %CPU %MEM    VSZ   RSS TTY      STAT START   TIME COMMAND
 * root     11524  2.9  0.3 1533088 84912 ?       Ssl  07:29   0:01 /usr/sbin/dockerd --config-file …
 * ```
 * `STARTED` (lstart) is a ctime date, five words, in the collector's zone (UTC in our bundles, the
 * host zone in sos). `START` of `aux` has no date and is kept as text.
 *
 * A pasted fragment often lacks the header (`ps aux | grep docker-proxy`, [real] moby/moby#11185,
 * dokku/dokku#1926): rows shaped like `ps aux` (user, pid, %cpu, %mem, vsz, rss, tty, stat, start,
 * time, command) are read with aux's columns, and the guess is noted once with its line.
 */
import { lineParser, malformed, ok, skipped } from './util/line-parser.js';
import { parseCtime, wallClockOffset } from './util/table.js';
import { lookupTable } from './util/dict.js';

export interface PsProcess {
  pid: number;
  ppid?: number;
  user?: string;
  /** UTC ms from `STARTED` (lstart). */
  startedAt?: number;
  /** `START` column of `ps aux` as printed (`07:29`, `Nov27`). */
  start?: string;
  stat?: string;
  args: string;
  line: number;
}

export interface PsFacts {
  format: 'eo' | 'aux';
  columns: string[];
  processes: PsProcess[];
}

/** Words each header column takes; COMMAND/CMD/ARGS take the rest of the line. */
const WIDTH = lookupTable<number>({ STARTED: 5, LSTART: 5 });
const LAST = new Set(['COMMAND', 'CMD', 'ARGS']);
const ONE_WORD = /^(\S+)\s*/;
const FIVE_WORDS = /^((?:\S+\s+){4}\S+)\s*/;
/** procps' `ps aux` header, for rows pasted without it. */
const AUX_COLUMNS = ['USER', 'PID', '%CPU', '%MEM', 'VSZ', 'RSS', 'TTY', 'STAT', 'START', 'TIME', 'COMMAND'];
/** A `ps aux` row: user, pid, %cpu, %mem, vsz, rss, then tty, stat, start, time and a command. */
const AUX_ROW = /^\s*\S+\s+\d+\s+\d+(?:\.\d+)?\s+\d+(?:\.\d+)?\s+\d+\s+\d+\s+\S+\s+\S+\s+\S+\s+(?:\d+-)?\d+:\d\d(?::\d\d)?\s+\S/;

interface State {
  columns?: string[];
  list: PsProcess[];
  sawText: boolean;
}

export const psParser = lineParser<State, PsFacts>({
  name: 'ps',
  artifacts: ['ps'],
  init: () => ({ list: [], sawText: false }),
  line(s, line, problems, ctx) {
    const t = line.text;
    if (t.trim() === '') return;
    s.sawText = true;
    const words = t.trim().split(/\s+/);
    if (words.includes('PID') && words.some((w) => LAST.has(w))) {
      s.columns = words;
      return;
    }
    if (!s.columns && AUX_ROW.test(t)) {
      s.columns = AUX_COLUMNS;
      problems.add(line, 'no header: rows read as `ps aux` columns');
    }
    if (!s.columns) {
      problems.add(line, 'process line before the header');
      return;
    }
    const p: Partial<PsProcess> & { line: number } = { line: line.no };
    let rest = t.trimStart();
    for (const col of s.columns) {
      if (LAST.has(col)) {
        p.args = rest.replace(/^[\s|]*\\_\s+/, '').trim();
        break;
      }
      const n = WIDTH[col] ?? 1;
      const m = (n === 1 ? ONE_WORD : FIVE_WORDS).exec(rest);
      if (!m) break;
      rest = rest.slice(m[0].length);
      const v = m[1]!;
      if (col === 'PID') p.pid = /^\d+$/.test(v) ? Number(v) : NaN;
      else if (col === 'PPID') p.ppid = /^\d+$/.test(v) ? Number(v) : undefined;
      else if (col === 'USER') p.user = v;
      else if (col === 'STAT') p.stat = v;
      else if (col === 'START') p.start = v;
      else if (WIDTH[col]) {
        const at = parseCtime(v.replace(/\s+/g, ' ').replace(/^(\S+ \S+) (\d) /, '$1  $2 '), wallClockOffset(ctx));
        if (at === undefined) problems.add(line, `start time not understood: ${v}`);
        else p.startedAt = at;
      }
    }
    if (p.pid === undefined || Number.isNaN(p.pid) || p.args === undefined) {
      problems.add(line, 'process line not understood');
      return;
    }
    s.list.push(p as PsProcess);
  },
  finish(s, problems) {
    if (!s.sawText) return skipped('empty output', problems);
    const columns = s.columns ?? [];
    const value: PsFacts = { format: columns.includes('%CPU') ? 'aux' : 'eo', columns, processes: s.list };
    if (s.list.length === 0) return malformed('no process lines', problems, problems.list[0]?.line, value);
    return ok(value, problems);
  },
});
