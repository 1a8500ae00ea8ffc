/**
 * `/etc/sysconfig/docker`, `docker-storage`, `docker-network` (openEuler/RHEL) and `/etc/default/docker`
 * (Debian), read the way systemd's `EnvironmentFile=` reads them, because that is how the values reach
 * dockerd: openEuler's unit expands `$OPTIONS $DOCKER_STORAGE_OPTIONS $DOCKER_NETWORK_OPTIONS
 * $INSECURE_REGISTRY` (field guide §0). Hand sample (openEuler layout):
 * ```
 * OPTIONS="--live-restore --selinux-enabled --log-driver=journald \
 *   --bip=172.30.0.1/24"
 * DISABLE_CRASH_FILES_DELETE=true
 * ```
 * Rules of systemd's env-file parser (src/basic/env-file.c, parse_env_file_internal):
 * - `#` or `;` starts a comment only at the beginning of a line; elsewhere it is part of the value.
 * - Unquoted values: `\` escapes the next character, `\`+newline continues the line, trailing blanks go.
 * - `'…'` is literal (newlines included); `"…"` unescapes `\"`, `\\`, `` \` ``, `\$` and eats `\`+newline.
 * - Text after a closing quote is appended (`"a"b` → `ab`).
 * - The key is everything before `=`: `export NAME=…` makes the key `export NAME`, which systemd
 *   rejects as a variable name, so such a line does not reach dockerd (reported as a problem).
 * `argv` splits a value at whitespace, as an unquoted `$NAME` in ExecStart does.
 */
import { lineParser, ok } from './util/line-parser.js';
import { dict } from './util/dict.js';

export interface SysconfigAssignment {
  name: string;
  value: string;
  /** The value split at whitespace, as `$NAME` in ExecStart expands. */
  argv: string[];
  /** Line of the key. */
  line: number;
  text: string;
}

export interface SysconfigFacts {
  /** Last assignment wins, as in systemd. */
  vars: Record<string, SysconfigAssignment>;
  assignments: SysconfigAssignment[];
}

/** Characters `\` unescapes inside double quotes (systemd SHELL_NEED_ESCAPE). */
const NEED_ESCAPE = '"\\`$';
const VALID_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

interface Raw {
  key: string;
  value: string;
  line: number;
}

/** A port of systemd's env-file state machine; returns assignments and key-only lines. */
export function parseEnvFile(text: string): { assignments: Raw[]; keyOnly: { key: string; line: number }[]; unterminatedQuoteLine?: number } {
  type St = 'PRE_KEY' | 'KEY' | 'PRE_VALUE' | 'VALUE' | 'VALUE_ESCAPE' | 'SQ' | 'DQ' | 'DQ_ESCAPE' | 'COMMENT' | 'COMMENT_ESCAPE';
  const out: Raw[] = [];
  const keyOnly: { key: string; line: number }[] = [];
  let state: St = 'PRE_KEY';
  let key = '';
  let value = '';
  let keyLine = 1;
  let line = 1;
  let lastValueWs = -1;
  const push = (chomp: boolean): void => {
    const v = chomp && lastValueWs >= 0 ? value.slice(0, lastValueWs) : value;
    out.push({ key: key.replace(/[ \t\n\r]+$/, ''), value: v, line: keyLine });
    key = '';
    value = '';
  };
  for (const c of text) {
    const nl = c === '\n' || c === '\r';
    const ws = c === ' ' || c === '\t' || nl;
    switch (state) {
      case 'PRE_KEY':
        if (c === '#' || c === ';') state = 'COMMENT';
        else if (!ws) {
          state = 'KEY';
          key = c;
          keyLine = line;
        }
        break;
      case 'KEY':
        if (nl) {
          keyOnly.push({ key: key.trim(), line: keyLine });
          key = '';
          state = 'PRE_KEY';
        } else if (c === '=') {
          state = 'PRE_VALUE';
          lastValueWs = -1;
        } else key += c;
        break;
      case 'PRE_VALUE':
        if (nl) {
          push(false);
          state = 'PRE_KEY';
        } else if (c === "'") state = 'SQ';
        else if (c === '"') state = 'DQ';
        else if (c === '\\') state = 'VALUE_ESCAPE';
        else if (!ws) {
          state = 'VALUE';
          value += c;
        }
        break;
      case 'VALUE':
        if (nl) {
          push(true);
          state = 'PRE_KEY';
        } else if (c === '\\') {
          state = 'VALUE_ESCAPE';
          lastValueWs = -1;
        } else {
          if (!ws) lastValueWs = -1;
          else if (lastValueWs < 0) lastValueWs = value.length;
          value += c;
        }
        break;
      case 'VALUE_ESCAPE':
        state = 'VALUE';
        if (!nl) value += c;
        break;
      case 'SQ':
        if (c === "'") state = 'PRE_VALUE';
        else value += c;
        break;
      case 'DQ':
        if (c === '"') state = 'PRE_VALUE';
        else if (c === '\\') state = 'DQ_ESCAPE';
        else value += c;
        break;
      case 'DQ_ESCAPE':
        state = 'DQ';
        if (NEED_ESCAPE.includes(c)) value += c;
        else if (c !== '\n') value += '\\' + c;
        break;
      case 'COMMENT':
        if (c === '\\') state = 'COMMENT_ESCAPE';
        else if (nl) state = 'PRE_KEY';
        break;
      case 'COMMENT_ESCAPE':
        state = nl ? 'PRE_KEY' : 'COMMENT';
        break;
    }
    if (c === '\n') line++;
  }
  const open = state === 'SQ' || state === 'DQ' || state === 'DQ_ESCAPE' ? keyLine : undefined;
  if (state === 'PRE_VALUE' || state === 'VALUE' || state === 'VALUE_ESCAPE' || open !== undefined) push(state === 'VALUE');
  else if (state === 'KEY') keyOnly.push({ key: key.trim(), line: keyLine });
  return open !== undefined ? { assignments: out, keyOnly, unterminatedQuoteLine: open } : { assignments: out, keyOnly };
}

export const sysconfigParser = lineParser<{ lines: string[]; chars: number }, SysconfigFacts>({
  name: 'sysconfig',
  artifacts: ['sysconfig.docker'],
  init: () => ({ lines: [], chars: 0 }),
  line(s, line, problems) {
    // These files are a few lines long; cap them anyway (a wrong file matched by the glob).
    if (s.chars > 1_000_000) {
      if (s.chars !== Infinity) problems.add(line, 'file longer than 1 MB: the rest is not read');
      s.chars = Infinity;
      return;
    }
    s.lines.push(line.text);
    s.chars += line.text.length + 1;
  },
  finish(s, problems) {
    const { assignments, keyOnly, unterminatedQuoteLine } = parseEnvFile(s.lines.join('\n') + '\n');
    if (unterminatedQuoteLine !== undefined) problems.add(unterminatedQuoteLine, 'quote never closed: systemd reads the rest of the file into this value');
    for (const k of keyOnly) problems.add(k.line, `not a NAME=value assignment: ${k.key.slice(0, 60)}`);
    const list: SysconfigAssignment[] = [];
    for (const a of assignments) {
      if (!VALID_NAME.test(a.key)) {
        problems.add(a.line, `systemd ignores this line: "${a.key.slice(0, 60)}" is not a valid variable name`);
        continue;
      }
      list.push({ name: a.key, value: a.value, argv: a.value.split(/\s+/).filter((w) => w !== ''), line: a.line, text: (s.lines[a.line - 1] ?? '').slice(0, 500) });
    }
    const vars = dict<SysconfigAssignment>();
    for (const a of list) vars[a.name] = a;
    return ok({ vars, assignments: list }, problems);
  },
});
