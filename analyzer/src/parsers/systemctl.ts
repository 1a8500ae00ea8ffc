/**
 * systemctl output, three forms (field guide §3 "systemctl", §1.5):
 *
 * `systemctl show <unit>`: `Key=Value` lines (empty `Key=` allowed), one block per unit, blocks
 * separated by a blank line. sos's `systemctl_show_service_--all` holds every unit: the block is
 * picked by `Id=`/`Names=` (docker.service for `systemd.docker`, and so on). [lab] v252,
 * test/fixtures/nspawn/start-limit-hit/systemctl-show.txt (lines 23, 28, 37, 192, 204):
 * ```
 * Result=start-limit-hit
 * NRestarts=0
 * ExecStart={ path=/usr/sbin/dockerd ; argv[]=/usr/sbin/dockerd -H fd:// --containerd=/run/containerd/containerd.sock $DOCKER_OPTS ; ignore_errors=no ; start_time=[Sat 2026-11-28 07:43:55 UTC] ; stop_time=[Sat 2026-11-28 07:43:58 UTC] ; pid=305 ; code=exited ; status=0 }
 * Id=docker.service
 * ActiveState=failed
 * ```
 *
 * `systemctl status`: `●`/`×` bullet lines start a unit (`*`/`x` under LC_ALL=C); `Loaded:` (v252
 * `preset:`, older `vendor preset:`), `Drop-In:` with `└─name.conf` (ASCII `` `-name.conf``) lines,
 * `Active: failed (Result: start-limit-hit)` (v219: `(Result: start-limit)`), `Process:`/`Main PID:`
 * lines, then journal lines. [lab] v252, LC_ALL=C:
 * ```
 * x docker.service - Docker Application Container Engine
 *      Loaded: loaded (/lib/systemd/system/docker.service; enabled; preset: enabled)
 *      Active: failed (Result: start-limit-hit) since Sat 2026-11-28 07:43:58 UTC; 4s ago
 * ```
 *
 * `systemctl cat docker`: `# /usr/lib/systemd/system/docker.service` before each file, drop-ins after
 * the main file, `Key=value` with `\` continuations; an empty `ExecStart=` in a drop-in resets the list.
 * A unit file a sosreport copied (`etc/systemd/system/docker.service`, `….service.d/*.conf`) has no
 * header: the file is its own path ([real] moby/moby#43493 `cat /etc/systemd/system/docker.service`),
 * `# /…` lines in it are comments, and `unitFile` names it.
 */
import type { ParseContext } from '../spine/types.js';
import { lineParser, ok, skipped, type ProblemLog } from './util/line-parser.js';
import { shellSplit } from './util/shell-words.js';
import { dict, lookupTable } from './util/dict.js';

/**
 * systemctl's own refusals: the command ran but had nothing to show. The artifact is then skipped
 * with systemctl's words as the reason (e.g. [cap] sos 4.0 on this Debian host: `Running in chroot,
 * ignoring command 'show'`).
 */
const REFUSAL = /^(Running in chroot, ignoring command|System has not been booted with systemd|Failed to connect to bus|Failed to get D-Bus connection|Unit \S+ could not be found\.|No files found for)/;

export function systemctlRefusal(text: string): string | undefined {
  return REFUSAL.test(text.trim()) ? text.trim() : undefined;
}

// --- show ------------------------------------------------------------------------------------

export interface ShowUnit {
  id?: string;
  names: string[];
  properties: Record<string, string>;
  /** Line number of each property. */
  lines: Record<string, number>;
  /** argv of the first `ExecStart={ … argv[]=… ; … }` entry. */
  execStartArgv?: string[];
  line: number;
}

export interface ShowFacts {
  units: ShowUnit[];
  /** Blocks read in total (sos's --all file has hundreds; only the wanted ones are kept). */
  blocks: number;
}

const WANTED = lookupTable<readonly string[]>({
  'systemd.docker': ['docker.service', 'docker.socket'],
  'systemd.containerd': ['containerd.service'],
  'systemd.journald': ['systemd-journald.service'],
});

interface ShowState {
  refusal?: string;
  wanted: readonly string[];
  block?: ShowUnit;
  kept: ShowUnit[];
  blocks: number;
  sawText: boolean;
}

/** `{ path=… ; argv[]=a b c ; ignore_errors=no ; … }` → [a, b, c]. */
export function execPropertyArgv(v: string): string[] | undefined {
  // indexOf, not a lazy `argv\[\]=(.*?) ; …` search, which rescanned the line from every repeated `argv[]=`.
  const from = v.indexOf('argv[]=');
  if (from < 0) return undefined;
  const ends = [' ; ignore_errors=', ' ; flags='].map((e) => v.indexOf(e, from + 7)).filter((i) => i >= 0);
  if (ends.length === 0) return undefined;
  return shellSplit(v.slice(from + 7, Math.min(...ends))).words;
}

function closeBlock(s: ShowState, single: boolean): void {
  const b = s.block;
  s.block = undefined;
  if (!b) return;
  s.blocks++;
  const names = [b.id, ...b.names].filter((x): x is string => x !== undefined);
  if (names.some((n) => s.wanted.includes(n)) || (single && b.id === undefined)) s.kept.push(b);
}

export const systemctlShowParser = lineParser<ShowState, ShowFacts>({
  name: 'systemctl',
  artifacts: ['systemd.docker', 'systemd.containerd', 'systemd.journald'],
  init: (ctx: ParseContext) => ({ wanted: WANTED[ctx.artifact] ?? [], kept: [], blocks: 0, sawText: false }),
  line(s, line, problems) {
    const t = line.text;
    if (t.trim() === '') {
      closeBlock(s, false);
      return;
    }
    const refusal = systemctlRefusal(t);
    if (refusal) {
      s.refusal ??= refusal;
      return;
    }
    s.sawText = true;
    const eq = t.indexOf('=');
    if (eq <= 0 || !/^[A-Za-z][A-Za-z0-9_]*$/.test(t.slice(0, eq))) {
      problems.add(line, 'not a Key=Value property line');
      return;
    }
    const k = t.slice(0, eq);
    const v = t.slice(eq + 1);
    if (!s.block) s.block = { names: [], properties: dict(), lines: dict(), line: line.no };
    const b = s.block;
    // Some properties repeat (ExecStartPre=, several Environment= in old versions): join them.
    b.properties[k] = b.properties[k] !== undefined && k !== 'Id' ? `${b.properties[k]}\n${v}` : v;
    if (b.lines[k] === undefined) b.lines[k] = line.no;
    if (k === 'Id') b.id = v;
    else if (k === 'Names') b.names = v.split(/\s+/).filter((x) => x !== '');
    else if (k === 'ExecStart' && b.execStartArgv === undefined) b.execStartArgv = execPropertyArgv(v);
  },
  finish(s, problems) {
    const single = s.blocks === 0;
    closeBlock(s, single);
    if (!s.sawText) return skipped(s.refusal ?? 'empty output', problems);
    return ok({ units: s.kept, blocks: s.blocks }, problems);
  },
});

// --- status ----------------------------------------------------------------------------------

export interface StatusUnit {
  name: string;
  description?: string;
  bullet?: string;
  loaded?: { state: string; path?: string; enablement?: string; preset?: string; line: number; text: string };
  dropIns: { dir: string; files: string[]; line: number }[];
  active?: { text: string; state: string; sub?: string; result?: string; since?: string; line: number };
  /** `Main PID: 783 (code=killed, signal=PIPE)`: how the main process ended, when it has. */
  mainPid?: { pid: number; text: string; line: number; code?: string; status?: string; signal?: string };
  processes: { pid: number; command: string; code?: string; status?: string; signal?: string; line: number; text: string }[];
  /** Journal lines printed under the unit (capped). */
  log: { line: number; text: string }[];
  line: number;
  text: string;
}

export interface StatusFacts {
  units: StatusUnit[];
}

const MAX_STATUS_LOG = 50;
// Bullets: ● × ○ ↻ in UTF-8; under LC_ALL=C systemd prints `*`, `x`, `o` ([lab] v252 captures).
const UNIT_HEAD = /^(?:([●×○↻*xo])\s+)?([A-Za-z0-9@:._\\-]+\.(?:service|socket|target|mount|timer|scope|slice|path|device|swap|automount))(?:\s+-\s+(.*))?$/;

interface StatusState {
  refusal?: string;
  units: StatusUnit[];
  cur?: StatusUnit;
  inDropIn?: { dir: string; files: string[]; line: number };
  inLog: boolean;
  sawText: boolean;
}

function parseActive(text: string, line: number): NonNullable<StatusUnit['active']> {
  const m = /^(\S+)(?:\s+\(([^)]*)\))?(?:\s+since\s+(.*?)(?:;.*)?)?$/.exec(text);
  const out: NonNullable<StatusUnit['active']> = { text, state: m?.[1] ?? text, line };
  const paren = m?.[2];
  if (paren !== undefined) {
    const r = /^Result:\s*(\S+)$/.exec(paren);
    if (r) out.result = r[1];
    else out.sub = paren;
  }
  if (m?.[3] !== undefined) out.since = m[3].trim();
  return out;
}

const EXIT_TAIL = /^\(code=([^,]+),\s*(status|signal)=([^)]*)\)$/;

/**
 * `412 ExecStart=/usr/bin/dockerd $OPTIONS (code=exited, status=1/FAILURE)`. The `(code=…)` tail is
 * found from the end: a lazy `(.*?)(?:\s+\(code=…\))?$` retried `\s+` at every blank of a long run.
 */
function processLine(v: string): { pid: number; command: string; code?: string; status?: string; signal?: string } | undefined {
  const m = /^(\d+)\s/.exec(v);
  if (!m) return undefined;
  const rest = v.slice(m[0].length).trimStart();
  const at = rest.lastIndexOf('(code=');
  const tail = at > 0 && /\s/.test(rest[at - 1]!) ? EXIT_TAIL.exec(rest.slice(at)) : null;
  if (!tail) return { pid: Number(m[1]), command: rest };
  const [, code, kind, value] = tail;
  return { pid: Number(m[1]), command: rest.slice(0, at).trimEnd(), code, ...(kind === 'status' ? { status: value } : { signal: value }) };
}

export const systemctlStatusParser = lineParser<StatusState, StatusFacts>({
  name: 'systemctl-status',
  artifacts: ['systemd.status'],
  init: () => ({ units: [], inLog: false, sawText: false }),
  line(s, line, problems: ProblemLog) {
    const t = line.text;
    if (t.trim() === '') {
      if (s.cur) s.inLog = true;
      s.inDropIn = undefined;
      return;
    }
    const refusal = s.cur ? undefined : systemctlRefusal(t);
    if (refusal) {
      s.refusal ??= refusal;
      return;
    }
    s.sawText = true;
    const head = /^\S/.test(t) ? UNIT_HEAD.exec(t.trim()) : null;
    if (head && (head[1] !== undefined || head[3] !== undefined || !s.cur)) {
      s.cur = { name: head[2]!, ...(head[1] ? { bullet: head[1] } : {}), ...(head[3] ? { description: head[3] } : {}), dropIns: [], processes: [], log: [], line: line.no, text: t.slice(0, 500) };
      s.units.push(s.cur);
      s.inLog = false;
      s.inDropIn = undefined;
      return;
    }
    const u = s.cur;
    if (!u) {
      problems.add(line, 'text before any unit header');
      return;
    }
    if (!s.inLog) {
      const kv = /^\s*([A-Za-z][A-Za-z -]*?):\s+(.*)$/.exec(t);
      // Keys are right-aligned: the longest (`TriggeredBy:`) starts at column 0.
      if (kv && (/^\s/.test(t) || /^(TriggeredBy|Triggers)$/.test(kv[1]!))) {
        const [, key, val] = kv;
        s.inDropIn = undefined;
        if (key === 'Loaded') {
          // No `\s*` before a capture that also takes blanks (`;\s*([^;)]*)`): that split a run of blanks two ways.
          const m = /^(\S+)(?:\s+\(([^;)]*)(?:;([^;)]*))?(?:;\s*(?:vendor\s+)?preset:([^)]*))?\))?/.exec(val!);
          u.loaded = { state: m?.[1] ?? val!, ...(m?.[2] ? { path: m[2] } : {}), ...(m?.[3] ? { enablement: m[3].trim() } : {}), ...(m?.[4] ? { preset: m[4].trim() } : {}), line: line.no, text: t.trim() };
        } else if (key === 'Drop-In') {
          s.inDropIn = { dir: val!.trim(), files: [], line: line.no };
          u.dropIns.push(s.inDropIn);
        } else if (key === 'Active') u.active = parseActive(val!.trim(), line.no);
        else if (key === 'Main PID') {
          const m = /^(\d+)/.exec(val!);
          // `783 (code=killed, signal=PIPE)` ends the line; `783 (dockerd)` while it runs.
          const tail = m ? EXIT_TAIL.exec(val!.slice(m[0].length).trim()) : null;
          const p: { code?: string; status?: string; signal?: string } | undefined = tail ? { code: tail[1], ...(tail[2] === 'status' ? { status: tail[3] } : { signal: tail[3] }) } : undefined;
          if (m) u.mainPid = { pid: Number(m[1]), text: val!.trim(), line: line.no, ...(p?.code ? { code: p.code } : {}), ...(p?.status ? { status: p.status } : {}), ...(p?.signal ? { signal: p.signal } : {}) };
        } else if (key === 'Process') {
          const p = processLine(val!.trim());
          if (p) u.processes.push({ ...p, line: line.no, text: t.trim() });
        }
        return;
      }
      if (s.inDropIn && /^\s+(?:[└├│]─|[`|]-)/.test(t)) {
        s.inDropIn.files.push(...t.replace(/^\s+(?:[└├│]─|[`|]-)\s*/, '').split(',').map((x) => x.trim()).filter((x) => x !== ''));
        return;
      }
      if (/^\s+(?:[│├└]|[`|]-)/.test(t) || /^\s+(CGroup|Tasks|Memory|CPU|Docs|TriggeredBy|Triggers|Listen|IP|IO)\b/.test(t)) return; // cgroup tree and counters
      if (/^\s/.test(t)) return; // other indented detail lines
    }
    if (u.log.length < MAX_STATUS_LOG) u.log.push({ line: line.no, text: t.slice(0, 500) });
  },
  finish(s, problems) {
    if (!s.sawText) return skipped(s.refusal ?? 'empty output', problems);
    return ok({ units: s.units }, problems);
  },
});

// --- cat -------------------------------------------------------------------------------------

export interface CatEntry {
  section: string;
  key: string;
  value: string;
  line: number;
  text: string;
}

export interface CatFile {
  path: string;
  dropIn: boolean;
  line: number;
  entries: CatEntry[];
}

export interface CatFacts {
  files: CatFile[];
  /** Host path of a copied unit file (no `# /path` headers); absent for `systemctl cat` output. */
  unitFile?: string;
  /** Effective ExecStart command text (the last non-empty after resets), and its argv. */
  execStart?: { value: string; argv: string[]; path: string; line: number; text: string };
  environment: { name: string; value: string; path: string; line: number; text: string }[];
  environmentFiles: { path: string; optional: boolean; unitFile: string; line: number; text: string }[];
}

interface CatState {
  refusal?: string;
  unitFile?: string;
  files: CatFile[];
  section: string;
  cont?: { key: string; value: string; line: number; text: string };
  sawText: boolean;
}

function addEntry(s: CatState, e: { key: string; value: string; line: number; text: string }, problems: ProblemLog): void {
  const f = s.files[s.files.length - 1];
  if (!f) {
    problems.add(e.line, 'setting before any "# /path" file header');
    return;
  }
  f.entries.push({ section: s.section, ...e });
}

export const systemctlCatParser = lineParser<CatState, CatFacts>({
  name: 'systemctl-cat',
  artifacts: ['systemd.cat-docker'],
  init: (ctx) => {
    const unitFile = copiedUnitPath(ctx.path);
    return unitFile
      ? { unitFile, files: [{ path: unitFile, dropIn: isDropIn(unitFile), line: 0, entries: [] }], section: '', sawText: false }
      : { files: [], section: '', sawText: false };
  },
  line(s, line, problems) {
    const t = line.text;
    if (s.cont) {
      const more = t.trim();
      if (/\\$/.test(more)) {
        s.cont.value += ' ' + more.slice(0, -1).trim();
        return;
      }
      s.cont.value += ' ' + more;
      addEntry(s, s.cont, problems);
      s.cont = undefined;
      return;
    }
    if (t.trim() === '') return;
    const refusal = s.files.length === 0 ? systemctlRefusal(t) : undefined;
    if (refusal) {
      s.refusal ??= refusal;
      return;
    }
    s.sawText = true;
    const hdr = s.unitFile ? null : /^# (\/\S+)\s*$/.exec(t);
    if (hdr) {
      const path = hdr[1]!;
      s.files.push({ path, dropIn: isDropIn(path), line: line.no, entries: [] });
      s.section = '';
      return;
    }
    if (/^\s*[#;]/.test(t)) return;
    const sec = /^\s*\[([^\]]+)\]\s*$/.exec(t);
    if (sec) {
      s.section = sec[1]!;
      return;
    }
    const kv = /^\s*([A-Za-z][A-Za-z0-9_-]*)\s*=\s?(.*)$/.exec(t);
    if (!kv) {
      problems.add(line, 'not a unit file line');
      return;
    }
    const value = kv[2]!.trimEnd();
    if (/\\$/.test(value)) {
      s.cont = { key: kv[1]!, value: value.slice(0, -1).trim(), line: line.no, text: t.slice(0, 500) };
      return;
    }
    addEntry(s, { key: kv[1]!, value, line: line.no, text: t.slice(0, 500) }, problems);
  },
  finish(s, problems) {
    if (s.cont) {
      problems.add(s.cont.line, 'continuation backslash at end of output');
      addEntry(s, s.cont, problems);
    }
    if (!s.sawText) return skipped(s.refusal ?? 'empty output', problems);
    return ok({ files: s.files, ...(s.unitFile ? { unitFile: s.unitFile } : {}), ...unitSettings(s.files, problems) }, problems);
  },
});

const isDropIn = (path: string): boolean => /\.d\/[^/]+\.conf$/.test(path);

/** `…/etc/systemd/system/docker.service` (a copied unit file, not command output) → `/etc/systemd/system/docker.service`. */
function copiedUnitPath(bundlePath: string): string | undefined {
  const m = /(?:^|\/)((?:etc|usr\/lib|lib|run)\/systemd\/system\/[^/]+\.service(?:\.d\/[^/]+\.conf)?)$/.exec(bundlePath);
  return m ? `/${m[1]}` : undefined;
}

/**
 * The unit's effective ExecStart, Environment= and EnvironmentFile= over its files in systemd's
 * order (main unit, then drop-ins): an empty `ExecStart=` or `EnvironmentFile=` resets the list.
 * Also used by model/docker-unit.ts on copied files layered together.
 */
export function unitSettings(files: readonly CatFile[], problems?: ProblemLog): Pick<CatFacts, 'execStart' | 'environment' | 'environmentFiles'> {
  const facts: Pick<CatFacts, 'execStart' | 'environment' | 'environmentFiles'> = { environment: [], environmentFiles: [] };
  for (const f of files) {
    for (const e of f.entries) {
      if (e.section !== 'Service') continue;
      if (e.key === 'ExecStart') {
        if (e.value.trim() === '') facts.execStart = undefined;
        else {
          // Prefixes `-`, `@`, `+`, `!`, `:` change how systemd runs the command, not the argv.
          const cmd = e.value.replace(/^[-@+!:]+/, '');
          const sp = shellSplit(cmd);
          if (sp.error) problems?.add(e.line, `ExecStart: ${sp.error}`);
          facts.execStart = { value: cmd, argv: sp.words, path: f.path, line: e.line, text: e.text };
        }
      } else if (e.key === 'Environment') {
        const sp = shellSplit(e.value);
        for (const w of sp.words) {
          const eq = w.indexOf('=');
          if (eq <= 0) {
            problems?.add(e.line, `Environment: not NAME=value: ${w}`);
            continue;
          }
          facts.environment.push({ name: w.slice(0, eq), value: w.slice(eq + 1), path: f.path, line: e.line, text: e.text });
        }
      } else if (e.key === 'EnvironmentFile') {
        if (e.value.trim() === '') {
          facts.environmentFiles = [];
          continue;
        }
        const optional = e.value.startsWith('-');
        facts.environmentFiles.push({ path: e.value.replace(/^-/, '').trim(), optional, unitFile: f.path, line: e.line, text: e.text });
      }
    }
  }
  return facts;
}
