/**
 * `/etc/sysconfig/docker`, `docker-storage`, `docker-network` (openEuler/RHEL) and `/etc/default/docker`
 * (Debian): shell-style assignments read by systemd's `EnvironmentFile=`. openEuler's unit expands
 * `$OPTIONS $DOCKER_STORAGE_OPTIONS $DOCKER_NETWORK_OPTIONS $INSECURE_REGISTRY` (field guide §0), e.g.
 * ```
 * OPTIONS='--selinux-enabled --log-driver=journald'
 * DOCKER_STORAGE_OPTIONS="--storage-driver=overlay2"
 * DISABLE_CRASH_FILES_DELETE=true
 * ```
 * Values follow systemd's EnvironmentFile rules: the rest of the line, quotes removed, a trailing
 * backslash continues the line, `#`/`;` lines are comments. `argv` splits a value into flags the
 * way an unquoted `$VAR` in ExecStart does (at whitespace).
 */
import { lineParser, ok } from './util/line-parser.js';
import { shellSplit } from './util/shell-words.js';

export interface SysconfigAssignment {
  name: string;
  value: string;
  /** The value split at whitespace, as `$NAME` in ExecStart expands. */
  argv: string[];
  line: number;
  text: string;
}

export interface SysconfigFacts {
  /** Last assignment wins, as in the shell and systemd. */
  vars: Record<string, SysconfigAssignment>;
  assignments: SysconfigAssignment[];
}

interface State {
  assignments: SysconfigAssignment[];
  cont?: { start: number; text: string; first: string };
}

function assign(s: State, startLine: number, logical: string, firstText: string, problems: { add(l: number, r: string): void }): void {
  const m = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(logical);
  if (!m) {
    problems.add(startLine, 'not a NAME=value assignment');
    return;
  }
  const sp = shellSplit(m[2]!.trim());
  if (sp.error) problems.add(startLine, `${m[1]}: ${sp.error}`);
  const value = sp.words.join(' ');
  s.assignments.push({ name: m[1]!, value, argv: value.split(/\s+/).filter((w) => w !== ''), line: startLine, text: firstText.slice(0, 500) });
}

export const sysconfigParser = lineParser<State, SysconfigFacts>({
  name: 'sysconfig',
  artifacts: ['sysconfig.docker'],
  init: () => ({ assignments: [] }),
  line(s, line, problems) {
    let t = line.text;
    if (s.cont) {
      s.cont.text += ' ' + t.trim();
      if (/\\$/.test(t)) {
        s.cont.text = s.cont.text.replace(/\\$/, '');
        return;
      }
      const c = s.cont;
      s.cont = undefined;
      assign(s, c.start, c.text, c.first, problems);
      return;
    }
    if (/^\s*([#;]|$)/.test(t)) return;
    if (/\\$/.test(t)) {
      t = t.replace(/\\$/, '');
      s.cont = { start: line.no, text: t, first: line.text };
      return;
    }
    // A ` #` comment after an unquoted value.
    assign(s, line.no, t.replace(/\s+#[^'"]*$/, ''), line.text, problems);
  },
  finish(s, problems) {
    if (s.cont) {
      problems.add(s.cont.start, 'continuation backslash at end of file');
      assign(s, s.cont.start, s.cont.text, s.cont.first, problems);
    }
    const vars: Record<string, SysconfigAssignment> = {};
    for (const a of s.assignments) vars[a.name] = a;
    return ok({ vars, assignments: s.assignments }, problems);
  },
});
