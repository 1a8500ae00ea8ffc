/**
 * /proc/sysvipc/sem: one row per semaphore array, columns named by the header line. Keys are
 * printed as signed decimal `%10d` (a key ≥ 0x80000000 is negative), times as epoch seconds with
 * 0 for "never". Columns are mapped by header name, so a kernel that adds columns still parses.
 *
 * Real sample (Linux 6.18, inside `unshare --ipc`; fixture test/fixtures/proc-sysvipc-sem/linux-6.18-cookies.txt):
 * ```
 *        key      semid perms      nsems   uid   gid  cuid  cgid      otime      ctime
 *  223161338          0   600          1     0     0     0     0 1795850924 1795850924
 *  223159235          1   600          1     0     0     0     0          0 1795850924
 * ```
 */
import { lineParser, malformed, ok, skipped } from './util/line-parser.js';
import { keyHex, splitWs, toInt, toOctal } from './util/table.js';
import type { SourceLine } from './ipcs.js';

export interface ProcSemRow extends SourceLine {
  key: number;
  keyHex: string;
  semid: number;
  perms: number;
  nsems: number;
  uid?: number;
  gid?: number;
  cuid?: number;
  cgid?: number;
  /** UTC ms; undefined when the kernel says 0 (never). */
  otime?: number;
  ctime?: number;
}

interface State {
  columns?: string[];
  rows: ProcSemRow[];
  sawContent: boolean;
}

const REQUIRED = ['key', 'semid', 'perms', 'nsems'];

export const procSysvipcSemParser = lineParser<State, ProcSemRow[]>({
  name: 'proc-sysvipc-sem',
  artifacts: ['proc.sysvipc-sem'],
  init: () => ({ rows: [], sawContent: false }),
  line(s, line, problems) {
    const f = splitWs(line.text);
    if (f.length === 0) return;
    s.sawContent = true;
    if (!s.columns) {
      if (REQUIRED.every((c) => f.includes(c))) s.columns = f;
      else problems.add(line, 'expected the "key semid perms nsems …" header');
      return;
    }
    if (f.length !== s.columns.length) return problems.add(line, `expected ${s.columns.length} columns, got ${f.length}`);
    const col = (name: string): string | undefined => {
      const i = s.columns!.indexOf(name);
      return i < 0 ? undefined : f[i];
    };
    const rawKey = toInt(col('key'));
    const semid = toInt(col('semid'));
    const perms = toOctal(col('perms'));
    const nsems = toInt(col('nsems'));
    if (rawKey === undefined || semid === undefined || perms === undefined || nsems === undefined) {
      return problems.add(line, 'bad number in key/semid/perms/nsems');
    }
    const key = rawKey >>> 0;
    const epoch = (name: string): number | undefined => {
      const v = toInt(col(name));
      return v === undefined || v === 0 ? undefined : v * 1000;
    };
    s.rows.push({
      key,
      keyHex: keyHex(key),
      semid,
      perms,
      nsems,
      uid: toInt(col('uid')),
      gid: toInt(col('gid')),
      cuid: toInt(col('cuid')),
      cgid: toInt(col('cgid')),
      otime: epoch('otime'),
      ctime: epoch('ctime'),
      line: line.no,
      text: line.text,
    });
  },
  finish(s, problems) {
    if (!s.sawContent) return skipped('empty file', problems);
    if (!s.columns) return malformed('no header line', problems, 1);
    return ok(s.rows, problems);
  },
});
