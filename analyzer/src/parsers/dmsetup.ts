/**
 * dmsetup: `udevcookies`, `info -c`, `status`, `table` (field guide §1.2, §3). One parser per
 * command; they share the recognition of libdevmapper's own messages (no devices, no DM driver,
 * udev_sync not compiled in), which are facts about the host, not parse problems.
 *
 * Real `dmsetup udevcookies` (libdevmapper 1.02.185, inside `unshare --ipc`; fixture
 * test/fixtures/dmsetup/udevcookies-lvm2-1.02.185-cookies.txt). Keys are `0x%-10x` (no leading zero,
 * unlike ipcs's `0x%08x`): compare them as integers. `Thu Jan  1 00:00:00 1970` means never.
 * ```
 * Cookie       Semid      Value      Last semop time           Last change time
 * 0xd4d2bfa    0          1          Sat Nov 28 07:28:44 2026  Sat Nov 28 07:28:44 2026
 * 0xd4d23c3    1          0          Thu Jan  1 00:00:00 1970  Sat Nov 28 07:28:44 2026
 * ```
 * lvm2 < 2.02.86 printed `cookie       semid      value      last_semop_time` and only the semop time
 * (lvm2 tools/dmsetup.c `_udevcookies`).
 *
 * `info -c` / `status` / `table` with no DM driver (real, fixture info-c-lvm2-1.02.185-no-dm-driver.txt):
 * ```
 * /dev/mapper/control: open failed: No such device
 * Failure to communicate with kernel device-mapper driver.
 * Check that device-mapper is available in the kernel.
 * Incompatible libdevmapper 1.02.185 (2022-05-18) and kernel driver (unknown version).
 * Command failed.
 * ```
 * A thin pool in `status` (insights-core insights/tests/parsers/test_dmsetup.py):
 * `rootvg-docker--pool: 0 129548288 thin-pool 1 20/49152 38/126512 - rw no_discard_passdown queue_if_no_space -`
 */
import type { ArtifactId } from '../spine/artifacts.js';
import type { Line } from '../spine/types.js';
import { lineParser, malformed, ok, skipped, type ProblemLog } from './util/line-parser.js';
import { keyHex, parseCtime, splitWs, toHexInt, toInt, wallClockOffset } from './util/table.js';
import type { SourceLine } from './ipcs.js';

export type DmMessageKind = 'no-devices' | 'no-driver' | 'command-failed' | 'udev-sync-unsupported' | 'warning';

/** A libdevmapper message line: it tells what the command could see, not what went wrong in parsing. */
export interface DmMessage extends SourceLine {
  kind: DmMessageKind;
}

const MESSAGES: [RegExp, DmMessageKind][] = [
  [/^No devices found\s*$/, 'no-devices'],
  [/^\/dev\/mapper\/control: open failed/, 'no-driver'],
  [/^Failure to communicate with kernel device-mapper driver/, 'no-driver'],
  [/^Check that device-mapper is available in the kernel/, 'no-driver'],
  [/^Incompatible libdevmapper .* and kernel driver/, 'no-driver'],
  [/^Command failed\.?\s*$/, 'command-failed'],
  [/^Command not supported\. Recompile with "--enable-udev_sync"/, 'udev-sync-unsupported'],
  [/^(?:WARNING|Warning): /, 'warning'],
];

function message(line: Line): DmMessage | undefined {
  for (const [re, kind] of MESSAGES) if (re.test(line.text)) return { kind, line: line.no, text: line.text };
  return undefined;
}

// --- udevcookies ------------------------------------------------------------------------------

export interface DmCookie extends SourceLine {
  key: number;
  keyHex: string;
  semid: number;
  value: number;
  /** UTC ms; undefined when dmsetup printed the epoch (never touched). */
  otime?: number;
  ctime?: number;
}

export interface DmUdevCookies {
  /** `current` = `Cookie Semid Value Last semop time Last change time`; `legacy` = lvm2 < 2.02.86. */
  headerStyle?: 'current' | 'legacy';
  cookies: DmCookie[];
  messages: DmMessage[];
}

const CTIME = String.raw`((?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) \w{3} [ \d]?\d \d\d:\d\d:\d\d \d{4}|unknown)`;
const COOKIE_ROW = new RegExp(String.raw`^(0x[0-9a-fA-F]{1,8})\s+(\d+)\s+(-?\d+)\s+${CTIME}(?:\s+${CTIME})?\s*$`);
/** ctime(0) in any zone (±14 h) is dmsetup's way of saying "never". */
const EPOCH_SLACK_MS = 14 * 3600_000;

function cookieTime(text: string | undefined, offset: number): number | undefined {
  if (text === undefined || text === 'unknown') return undefined;
  const t = parseCtime(text, offset);
  if (t === undefined || Math.abs(t) <= EPOCH_SLACK_MS) return undefined;
  return t;
}

interface CookieState {
  out: DmUdevCookies;
  offset: number;
  sawContent: boolean;
}

export const dmsetupUdevcookiesParser = lineParser<CookieState, DmUdevCookies>({
  name: 'dmsetup-udevcookies',
  artifacts: ['dmsetup.udevcookies'],
  init: (ctx) => ({ out: { cookies: [], messages: [] }, offset: wallClockOffset(ctx), sawContent: false }),
  line(s, line, problems) {
    const t = line.text;
    if (t.trim() === '') return;
    s.sawContent = true;
    if (/^Cookie\s+Semid\s+Value\s+Last semop time\s+Last change time\s*$/.test(t)) {
      s.out.headerStyle = 'current';
      return;
    }
    if (/^cookie\s+semid\s+value\s+last_semop_time\s*$/.test(t)) {
      s.out.headerStyle = 'legacy';
      return;
    }
    const msg = message(line);
    if (msg) {
      s.out.messages.push(msg);
      return;
    }
    const m = COOKIE_ROW.exec(t);
    if (!m) return problems.add(line, 'expected "0x<key> semid value <semop time> [<change time>]"');
    if (!s.out.headerStyle) problems.add(line, 'cookie row before the header line');
    const key = toHexInt(m[1])!;
    const otimeOk = m[4] === 'unknown' || parseCtime(m[4]!) !== undefined;
    const ctimeOk = m[5] === undefined || m[5] === 'unknown' || parseCtime(m[5]) !== undefined;
    if (!otimeOk || !ctimeOk) problems.add(line, 'unreadable time');
    s.out.cookies.push({
      key,
      keyHex: keyHex(key),
      semid: Number(m[2]),
      value: Number(m[3]),
      otime: cookieTime(m[4], s.offset),
      ctime: cookieTime(m[5], s.offset),
      line: line.no,
      text: t,
    });
  },
  finish(s, problems) {
    if (!s.sawContent) return skipped('empty output', problems);
    if (!s.out.headerStyle && s.out.messages.length === 0) return malformed('no udevcookies header line', problems, 1, s.out);
    return ok(s.out, problems);
  },
});

// --- info -c ----------------------------------------------------------------------------------

export interface DmInfoRow extends SourceLine {
  name: string;
  major: number;
  minor: number;
  /** `L--w`: L live table, I inactive, s suspended, r read-only, w writable. */
  stat: string;
  open: number;
  targets: number;
  /** Event counter; undefined when not a number. */
  events?: number;
  uuid?: string;
}

export interface DmInfo {
  devices: DmInfoRow[];
  messages: DmMessage[];
}

interface InfoState {
  headed: boolean;
  out: DmInfo;
  sawContent: boolean;
}

export const dmsetupInfoParser = lineParser<InfoState, DmInfo>({
  name: 'dmsetup-info',
  artifacts: ['dmsetup.info'],
  init: () => ({ headed: false, out: { devices: [], messages: [] }, sawContent: false }),
  line(s, line, problems) {
    const f = splitWs(line.text);
    if (f.length === 0) return;
    s.sawContent = true;
    if (f[0] === 'Name' && f[1] === 'Maj' && f[2] === 'Min') {
      s.headed = true;
      return;
    }
    const msg = message(line);
    if (msg) {
      s.out.messages.push(msg);
      return;
    }
    if (f.length !== 7 && f.length !== 8) return problems.add(line, `expected "Name Maj Min Stat Open Targ Event [UUID]", got ${f.length} fields`);
    const major = toInt(f[1]);
    const minor = toInt(f[2]);
    const open = toInt(f[4]);
    const targets = toInt(f[5]);
    if (major === undefined || minor === undefined || open === undefined || targets === undefined) {
      return problems.add(line, 'bad number in Maj/Min/Open/Targ');
    }
    if (!s.headed) problems.add(line, 'device row before the header line');
    s.out.devices.push({ name: f[0]!, major, minor, stat: f[3]!, open, targets, events: toInt(f[6]), uuid: f[7], line: line.no, text: line.text });
  },
  finish(s, problems) {
    if (!s.sawContent) return skipped('empty output', problems);
    if (!s.headed && s.out.messages.length === 0) return malformed('no "Name Maj Min …" header line', problems, 1, s.out);
    return ok(s.out, problems);
  },
});

// --- status and table -------------------------------------------------------------------------

export interface DmThinPoolStatus {
  transactionId?: number;
  metadataUsed: number;
  metadataTotal: number;
  dataUsed: number;
  dataTotal: number;
  /** rw, ro, out_of_data_space. */
  mode?: string;
  /** Remaining words: discard_passdown, queue_if_no_space, needs_check, … */
  flags: string[];
}

export interface DmTargetLine extends SourceLine {
  /** Device name; '' when dmsetup was asked about one device and printed no `name:` prefix. */
  name: string;
  start: number;
  length: number;
  target: string;
  args: string[];
  /** `dmsetup status` of a thin-pool target, when the numbers read. */
  thinPool?: DmThinPoolStatus;
  /** `status` of a thin-pool that failed (`Fail`) or has an error. */
  failed?: boolean;
}

export interface DmTargets {
  lines: DmTargetLine[];
  messages: DmMessage[];
}

function ratio(s: string | undefined): [number, number] | undefined {
  const m = s === undefined ? null : /^(\d+)\/(\d+)$/.exec(s);
  return m ? [Number(m[1]), Number(m[2])] : undefined;
}

/** thin-pool status args: `<trans id> <meta used>/<total> <data used>/<total> <held root> <mode> …`. */
export function parseThinPoolStatus(args: readonly string[]): DmThinPoolStatus | undefined {
  const meta = ratio(args[1]);
  const data = ratio(args[2]);
  if (!meta || !data) return undefined;
  return {
    transactionId: toInt(args[0]),
    metadataUsed: meta[0],
    metadataTotal: meta[1],
    dataUsed: data[0],
    dataTotal: data[1],
    mode: args[4],
    flags: args.slice(5).filter((x) => x !== '-'),
  };
}

function targetParser(name: 'dmsetup-status' | 'dmsetup-table', artifact: ArtifactId) {
  interface S {
    out: DmTargets;
    lastName: string;
    sawContent: boolean;
  }
  const isStatus = name === 'dmsetup-status';
  return lineParser<S, DmTargets>({
    name,
    artifacts: [artifact],
    init: () => ({ out: { lines: [], messages: [] }, lastName: '', sawContent: false }),
    line(s, line, problems) {
      if (line.text.trim() === '') return;
      s.sawContent = true;
      const msg = message(line);
      if (msg) {
        s.out.messages.push(msg);
        return;
      }
      targetLine(s, line, problems, isStatus);
    },
    finish(s, problems) {
      if (!s.sawContent) return skipped('empty output', problems);
      if (s.out.lines.length === 0 && s.out.messages.length === 0) return malformed(`no "<name>: <start> <length> <target>" line`, problems, problems.list[0]?.line, s.out);
      return ok(s.out, problems);
    },
  });

  function targetLine(s: S, line: Line, problems: ProblemLog, status: boolean): void {
    // Names may contain ':' (docker-253:0-1234567-pool), so the name ends at the first ': ' before the numbers.
    const named = /^(\S+?): (\d+) (\d+) (\S+)(?: (.*))?$/.exec(line.text.trimEnd());
    const bare = named ? null : /^(\d+) (\d+) (\S+)(?: (.*))?$/.exec(line.text.trim());
    if (!named && !bare) return problems.add(line, 'expected "<name>: <start> <length> <target> [args]"');
    const [nameText, start, length, target, rest] = named ? named.slice(1) : [s.lastName, ...bare!.slice(1)];
    s.lastName = nameText!;
    const args = splitWs(rest ?? '');
    const rec: DmTargetLine = { name: nameText!, start: Number(start), length: Number(length), target: target!, args, line: line.no, text: line.text };
    if (status && target === 'thin-pool') {
      if (args[0] === 'Fail' || args[0] === 'Error') rec.failed = true;
      else {
        const tp = parseThinPoolStatus(args);
        if (tp) rec.thinPool = tp;
        else problems.add(line, 'thin-pool status without "<used>/<total>" metadata and data blocks');
      }
    }
    s.out.lines.push(rec);
  }
}

export const dmsetupStatusParser = targetParser('dmsetup-status', 'dmsetup.status');
export const dmsetupTableParser = targetParser('dmsetup-table', 'dmsetup.table');
