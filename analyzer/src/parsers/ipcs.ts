/**
 * ipcs: `-s`, `-s -t`, `-s -i ID`, `-l`, `-u` and the all-sections forms (`ipcs`, `ipcs -a`) that
 * sosreport saves. One section-driven parser serves all five artifact ids because sos's `ipcs`
 * file holds several sections in a version-dependent order (util-linux 2.17: shm, sem, msg;
 * 2.23+: msg, shm, sem; field guide §3). Non-semaphore sections are recognised and skipped.
 *
 * Real sample (util-linux 2.38.1, `LC_ALL=C TZ=UTC ipcs -s` inside `unshare --ipc`; note the leading
 * blank line, the owner cut to 10 characters or shown as a uid, and the trailing spaces):
 * ```
 *
 * ------ Semaphore Arrays --------
 * key        semid      owner      perms      nsems
 * 0x0d4d2bfa 0          root       600        1
 * 0x0d4d9a01 3          systemd-ne 600        1
 * 0x0d4d8f6d 4          4242       600        1
 * 0x00000000 5          root       640        3
 * ```
 * `-s -c` rows give the owner in full (`3          600        systemd-network systemd-network …`).
 * `-s -t` rows: `0        root        Sat Nov 28 07:28:44 2026   Sat Nov 28 07:28:44 2026`, or `Not set`.
 * `-s -i 0`: `Semaphore Array semid=0`, `uid=0\t gid=0\t cuid=0\t cgid=0`, `mode=0600, access_perms=0600`,
 * `nsems = 1`, `otime = …`, `ctime = …`, then a `semnum value ncount zcount pid` table.
 * (fixtures: test/fixtures/ipcs/util-linux-2.38-*.txt)
 */
import type { Line } from '../spine/types.js';
import { lineParser, malformed, ok, skipped, type ProblemLog } from './util/line-parser.js';
import { keyHex, parseCtime, splitWs, toBigNumber, toHexInt, toInt, toOctal, wallClockOffset } from './util/table.js';
import { lookupTable } from './util/dict.js';

/** Where a record came from in its file, so the model can build Evidence. */
export interface SourceLine {
  line: number;
  text: string;
}

export interface IpcsSemRow extends SourceLine {
  key: number;
  keyHex: string;
  semid: number;
  /** User name cut to 10 characters, or a numeric uid when the name is unknown. */
  owner: string;
  perms: number;
  nsems: number;
}

export interface IpcsSemTimeRow extends SourceLine {
  semid: number;
  owner: string;
  /** UTC ms; undefined for `Not set`. */
  otime?: number;
  ctime?: number;
}

export interface IpcsSemValue {
  semnum: number;
  value: number;
  ncount: number;
  zcount: number;
  pid: number;
}

export interface IpcsSemInfo extends SourceLine {
  semid: number;
  uid?: number;
  gid?: number;
  cuid?: number;
  cgid?: number;
  mode?: number;
  nsems?: number;
  otime?: number;
  ctime?: number;
  /** Line numbers of the otime/ctime lines (evidence for "how old"). */
  otimeLine?: SourceLine;
  ctimeLine?: SourceLine;
  sems: IpcsSemValue[];
}

/** `ipcs -l` semaphore limits, named after kernel.sem (SEMMSL SEMMNS SEMOPM SEMMNI) plus SEMVMX. */
export interface IpcsSemLimits extends SourceLine {
  semmni?: number;
  semmsl?: number;
  semmns?: number;
  semopm?: number;
  semvmx?: number;
}

export interface IpcsSemSummary extends SourceLine {
  usedArrays?: number;
  allocatedSemaphores?: number;
}

/** `ipcs -s -c`: creator and owner, printed in full (not cut to 10 characters like `ipcs -s`). */
export interface IpcsSemCreatorRow extends SourceLine {
  semid: number;
  perms: number;
  cuid: string;
  cgid: string;
  uid: string;
  gid: string;
}

export interface IpcsOutput {
  /** Section titles in file order (`Semaphore Arrays`, `Message Queues`, …; `Semaphore Array semid=N` for -i). */
  sections: string[];
  semaphores: IpcsSemRow[];
  times: IpcsSemTimeRow[];
  info: IpcsSemInfo[];
  creators: IpcsSemCreatorRow[];
  limits?: IpcsSemLimits;
  summary?: IpcsSemSummary;
  /** Rows beyond MAX_IPCS_ROWS per list: counted, not kept. */
  rowsNotKept?: number;
}

/**
 * Rows kept per list (arrays, times, creators, `-i` blocks, section titles). The kernel allows at
 * most 32,768 semaphore arrays (IPCMNI); a made-up million once gave a 34 MB report.json.
 */
export const MAX_IPCS_ROWS = 100_000;

type Section = 'none' | 'sem' | 'sem-times' | 'sem-creators' | 'sem-limits' | 'sem-status' | 'sem-info' | 'other';

const SECTION_TITLES = lookupTable<Section>({
  'Semaphore Arrays': 'sem',
  'Semaphore Operation/Change Times': 'sem-times',
  'Semaphore Limits': 'sem-limits',
  'Semaphore Status': 'sem-status',
  'Semaphore Arrays Creators/Owners': 'sem-creators',
  'Message Queues': 'other',
  'Messages Limits': 'other',
  'Messages Status': 'other',
  'Message Queues Creators/Owners': 'other',
  'Message Queues Send/Recv/Change Times': 'other',
  'Message Queues PIDs': 'other',
  'Shared Memory Segments': 'other',
  'Shared Memory Limits': 'other',
  'Shared Memory Status': 'other',
  'Shared Memory Segment Creators/Owners': 'other',
  'Shared Memory Attach/Detach/Change Times': 'other',
  'Shared Memory Creator/Last-op PIDs': 'other',
  'Shared Memory Creator/Last-op': 'other',
});

const LIMIT_KEYS: Record<string, keyof Omit<IpcsSemLimits, 'line' | 'text'>> = {
  'max number of arrays': 'semmni',
  'max semaphores per array': 'semmsl',
  'max semaphores system wide': 'semmns',
  'max ops per semop call': 'semopm',
  'semaphore max value': 'semvmx',
};

interface State {
  section: Section;
  /** True once the column heading of a table section was seen. */
  headed: boolean;
  out: IpcsOutput;
  info?: IpcsSemInfo;
  offset: number;
  sawContent: boolean;
}

const TIME = String.raw`(Not set|(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) \w{3} [ \d]?\d \d\d:\d\d:\d\d \d{4})`;
const TIMES_ROW = new RegExp(String.raw`^(\d+)\s+(\S+)\s+${TIME}\s+${TIME}\s*$`);

function time(text: string, offset: number): number | undefined {
  return text === 'Not set' ? undefined : parseCtime(text, offset);
}

function keep<T>(s: State, list: T[], row: T): void {
  if (list.length < MAX_IPCS_ROWS) list.push(row);
  else s.out.rowsNotKept = (s.out.rowsNotKept ?? 0) + 1;
}

export const ipcsParser = lineParser<State, IpcsOutput>({
  name: 'ipcs',
  artifacts: ['ipcs.sem', 'ipcs.sem-times', 'ipcs.sem-info', 'ipcs.limits', 'ipcs.summary'],
  init: (ctx) => ({
    section: 'none',
    headed: false,
    out: { sections: [], semaphores: [], times: [], info: [], creators: [] },
    offset: wallClockOffset(ctx),
    sawContent: false,
  }),
  line(s, line, problems) {
    const text = line.text;
    if (text.trim() === '') return;
    s.sawContent = true;
    const title = /^-{3,} (.+?) -{3,}\s*$/.exec(text);
    if (title) {
      const name = title[1]!;
      keep(s, s.out.sections, name);
      s.info = undefined;
      s.headed = false;
      const sec = SECTION_TITLES[name];
      if (sec === undefined) {
        problems.add(line, `unknown ipcs section "${name}" (localised output? the collector runs with LC_ALL=C)`);
        s.section = 'other';
      } else s.section = sec;
      return;
    }
    const infoHead = /^Semaphore Array semid=(\d+)\s*$/.exec(text);
    if (infoHead) {
      s.info = { semid: Number(infoHead[1]), line: line.no, text, sems: [] };
      keep(s, s.out.info, s.info);
      keep(s, s.out.sections, `Semaphore Array semid=${infoHead[1]}`);
      s.section = 'sem-info';
      s.headed = false;
      return;
    }
    switch (s.section) {
      case 'sem':
        return semRow(s, line, problems);
      case 'sem-times':
        return timesRow(s, line, problems);
      case 'sem-creators':
        return creatorRow(s, line, problems);
      case 'sem-limits':
      case 'sem-status':
        return keyValue(s, line, problems);
      case 'sem-info':
        return infoLine(s, line, problems);
      case 'other':
        return;
      case 'none':
        problems.add(line, 'text before any ipcs section heading');
    }
  },
  finish(s, problems) {
    if (!s.sawContent) return skipped('empty output', problems);
    if (s.out.sections.length === 0) return malformed('no ipcs section heading found', problems, problems.list[0]?.line);
    if (s.out.rowsNotKept) problems.add(0, `${s.out.rowsNotKept} rows beyond ${MAX_IPCS_ROWS} per list were counted, not kept (limit MAX_IPCS_ROWS)`);
    return ok(s.out, problems);
  },
});

function semRow(s: State, line: Line, problems: ProblemLog): void {
  const f = splitWs(line.text);
  if (!s.headed) {
    s.headed = true;
    if (f[0] === 'key' && f[1] === 'semid') return;
    problems.add(line, 'unexpected heading line in "Semaphore Arrays"');
  }
  if (f.length < 5) return problems.add(line, `expected 5 columns (key semid owner perms nsems), got ${f.length}`);
  const key = toHexInt(f[0]);
  const semid = toInt(f[1]);
  const perms = toOctal(f[3]);
  const nsems = toInt(f[4]);
  if (key === undefined || semid === undefined || perms === undefined || nsems === undefined) {
    return problems.add(line, 'bad number in semaphore row (key hex, semid, perms octal, nsems)');
  }
  trailing(f, 5, line, problems);
  keep(s, s.out.semaphores, { key, keyHex: keyHex(key), semid, owner: f[2]!, perms, nsems, line: line.no, text: line.text });
}

/**
 * Text after a row's known columns (a user's `<====` marker in a pasted table, [real] moby/moby#35408)
 * is noted and the row kept: the columns before it read as usual.
 */
function trailing(f: readonly string[], columns: number, line: Line, problems: ProblemLog): void {
  if (f.length > columns) problems.add(line, `text after the ${columns} columns ignored: ${f.slice(columns).join(' ').slice(0, 80)}`);
}

function timesRow(s: State, line: Line, problems: ProblemLog): void {
  if (!s.headed) {
    s.headed = true;
    const f = splitWs(line.text);
    if (f[0] === 'semid' && f[1] === 'owner') return;
    problems.add(line, 'unexpected heading line in "Semaphore Operation/Change Times"');
  }
  const m = TIMES_ROW.exec(line.text);
  if (!m) return problems.add(line, 'expected "semid owner last-op last-changed"');
  const otime = time(m[3]!, s.offset);
  const ctime = time(m[4]!, s.offset);
  if ((m[3] !== 'Not set' && otime === undefined) || (m[4] !== 'Not set' && ctime === undefined)) {
    return problems.add(line, 'unreadable time');
  }
  keep(s, s.out.times, { semid: Number(m[1]), owner: m[2]!, otime, ctime, line: line.no, text: line.text });
}

function creatorRow(s: State, line: Line, problems: ProblemLog): void {
  const f = splitWs(line.text);
  if (!s.headed) {
    s.headed = true;
    if (f[0] === 'semid' && f[1] === 'perms') return;
    problems.add(line, 'unexpected heading line in "Semaphore Arrays Creators/Owners"');
  }
  const semid = toInt(f[0]);
  const perms = toOctal(f[1]);
  if (f.length < 6 || semid === undefined || perms === undefined) return problems.add(line, 'expected "semid perms cuid cgid uid gid"');
  trailing(f, 6, line, problems);
  keep(s, s.out.creators, { semid, perms, cuid: f[2]!, cgid: f[3]!, uid: f[4]!, gid: f[5]!, line: line.no, text: line.text });
}

function keyValue(s: State, line: Line, problems: ProblemLog): void {
  const m = /^\s*([a-z][a-z /()]*?)\s*=\s*(\S+)/.exec(line.text);
  if (!m) return problems.add(line, 'expected "name = value"');
  const name = m[1]!;
  const value = toBigNumber(m[2]);
  if (value === undefined) return problems.add(line, `not a number: ${m[2]}`);
  if (s.section === 'sem-limits') {
    const k = LIMIT_KEYS[name];
    if (!k) return problems.add(line, `unknown semaphore limit "${name}"`);
    s.out.limits ??= { line: line.no, text: line.text };
    s.out.limits[k] = value;
  } else {
    s.out.summary ??= { line: line.no, text: line.text };
    if (name === 'used arrays') s.out.summary.usedArrays = value;
    else if (name === 'allocated semaphores') s.out.summary.allocatedSemaphores = value;
    else problems.add(line, `unknown semaphore status "${name}"`);
  }
}

function infoLine(s: State, line: Line, problems: ProblemLog): void {
  const info = s.info!;
  const text = line.text;
  if (/^\s*uid=/.test(text)) {
    for (const m of text.matchAll(/\b(uid|gid|cuid|cgid)=(\d+)/g)) info[m[1] as 'uid'] = Number(m[2]);
    if (info.uid === undefined) problems.add(line, 'unreadable uid line');
    return;
  }
  const mode = /^\s*mode=(0?[0-7]+)/.exec(text);
  if (mode) {
    info.mode = toOctal(mode[1]);
    return;
  }
  // `(.*)` then trim: a lazy `(.*?)\s*$` retried the trailing `\s*$` from every blank of a run.
  const kv = /^\s*(nsems|otime|ctime)\s*=(.*)$/.exec(text);
  if (kv) {
    const k = kv[1];
    const v = kv[2]!.trim();
    if (k === 'nsems') {
      info.nsems = toInt(v);
      if (info.nsems === undefined) problems.add(line, 'nsems is not a number');
      return;
    }
    const t = time(v!, s.offset);
    if (v !== 'Not set' && t === undefined) problems.add(line, `unreadable ${k}`);
    if (k === 'otime') {
      info.otime = t;
      info.otimeLine = { line: line.no, text };
    } else {
      info.ctime = t;
      info.ctimeLine = { line: line.no, text };
    }
    return;
  }
  const f = splitWs(text);
  if (f[0] === 'semnum') {
    s.headed = true;
    return;
  }
  if (!s.headed) return problems.add(line, 'unexpected line in "ipcs -s -i" header');
  const n = f.map((x) => toInt(x));
  if (f.length !== 5 || n.some((x) => x === undefined)) return problems.add(line, 'expected "semnum value ncount zcount pid"');
  keep(s, info.sems, { semnum: n[0]!, value: n[1]!, ncount: n[2]!, zcount: n[3]!, pid: n[4]! });
}
