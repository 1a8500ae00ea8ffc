/**
 * `cmd/daemon-processes.txt` (docs/bundle-format.md "daemon-processes"): the collector's dump of the
 * running dockerd/containerd/docker-containerd processes. TAB-separated records, `#` comments:
 * ```
 * proc	31708	31585	dockerd	/usr/sbin/dockerd --data-root /tmp/dpm-c189c6-LUsFvX/data -H unix:///tmp/dpm-c189c6-LUsFvX/docker.sock
 * exe	31708	/usr/sbin/dockerd
 * env	31708	DISABLE_CRASH_FILES_DELETE=true
 * env	31708	PATH=<redacted>
 * env-unreadable	31741
 * ```
 * (first lines of samples/lab-netns-healthy/cmd/daemon-processes.txt). argv is cmdline joined with
 * spaces, an argument with other characters double-quoted with `\` and `"` escaped; only DISABLE_*
 * and DOCKER_* values are kept, the others read `<redacted>`.
 */
import { lineParser, ok, skipped } from './util/line-parser.js';
import { shellSplit } from './util/shell-words.js';
import { dict } from './util/dict.js';

export const REDACTED = '<redacted>';

export interface DaemonProcess {
  pid: number;
  ppid?: number;
  comm: string;
  argv: string[];
  /** Target of /proc/<pid>/exe; `(deleted)` stripped into exeDeleted. */
  exe?: string;
  exeDeleted?: boolean;
  /** Environment; values the collector redacted read `<redacted>`. */
  env: Record<string, string>;
  envUnreadable?: boolean;
  line: number;
  text: string;
}

export interface DaemonProcessFacts {
  processes: DaemonProcess[];
}

interface State {
  list: DaemonProcess[];
  byPid: Map<number, DaemonProcess>;
  sawText: boolean;
}

const pidOf = (s: string | undefined): number | undefined => (s !== undefined && /^\d{1,10}$/.test(s) ? Number(s) : undefined);

export const processesParser = lineParser<State, DaemonProcessFacts>({
  name: 'processes',
  artifacts: ['process.daemons'],
  init: () => ({ list: [], byPid: new Map(), sawText: false }),
  line(s, line, problems) {
    const t = line.text;
    if (t.trim() === '' || t.startsWith('#')) return;
    s.sawText = true;
    const f = t.split('\t');
    const kind = f[0]!;
    const pid = pidOf(f[1]);
    if (pid === undefined) {
      problems.add(line, 'record without a pid');
      return;
    }
    if (kind === 'proc') {
      if (f.length < 5) {
        problems.add(line, 'proc record needs pid, ppid, comm and argv');
        return;
      }
      const sp = shellSplit(f.slice(4).join(' '));
      if (sp.error) problems.add(line, `argv: ${sp.error}`);
      const p: DaemonProcess = { pid, comm: f[3]!, argv: sp.words, env: dict(), line: line.no, text: t.slice(0, 500) };
      const ppid = pidOf(f[2]);
      if (ppid !== undefined) p.ppid = ppid;
      s.list.push(p);
      s.byPid.set(pid, p);
      return;
    }
    const p = s.byPid.get(pid);
    if (!p) {
      problems.add(line, `${kind} record for pid ${pid} before its proc record`);
      return;
    }
    if (kind === 'exe') {
      const target = f.slice(2).join('\t');
      const del = / \(deleted\)$/.test(target);
      p.exe = del ? target.replace(/ \(deleted\)$/, '') : target;
      if (del) p.exeDeleted = true;
    } else if (kind === 'env') {
      const kv = f.slice(2).join('\t');
      const eq = kv.indexOf('=');
      if (eq <= 0) problems.add(line, 'env record is not KEY=VALUE');
      else p.env[kv.slice(0, eq)] = kv.slice(eq + 1);
    } else if (kind === 'env-unreadable') p.envUnreadable = true;
    else problems.add(line, `unknown record type: ${kind}`);
  },
  finish(s, problems) {
    if (!s.sawText) return skipped('no dockerd/containerd process', problems);
    return ok({ processes: s.list }, problems);
  },
});
