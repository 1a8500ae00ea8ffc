/**
 * `cmd/daemon-processes.txt`: the collector's dump of dockerd/containerd `/proc/<pid>/cmdline` and
 * a redacted `/proc/<pid>/environ`. Format (agreed with the collector; see docs/bundle-format.md):
 * one process line `pid<TAB>comm<TAB>arg0<TAB>arg1…`, followed by its `env<TAB>KEY=VALUE` lines;
 * `#` lines are comments. Sample (argv from a real [lab] dockerd 20.10.24, /proc/11524/cmdline):
 * ```
 * 11524	dockerd	/usr/sbin/dockerd	--config-file	/tmp/dpmhp/lab/daemon.json	--data-root	/tmp/dpmhp/lab/data
 * env	TZ=UTC
 * env	DISABLE_CRASH_FILES_DELETE=true
 * ```
 * A process line with a single argv field holding spaces is split at whitespace (a collector that
 * read `ps -o args` instead of cmdline).
 */
import { lineParser, ok, skipped } from './util/line-parser.js';

export interface DaemonProcess {
  pid: number;
  comm: string;
  argv: string[];
  env: Record<string, string>;
  line: number;
  text: string;
}

export interface DaemonProcessFacts {
  processes: DaemonProcess[];
}

interface State {
  list: DaemonProcess[];
  sawText: boolean;
}

export const processesParser = lineParser<State, DaemonProcessFacts>({
  name: 'processes',
  artifacts: ['process.daemons'],
  init: () => ({ list: [], sawText: false }),
  line(s, line, problems) {
    const t = line.text;
    if (t.trim() === '' || t.startsWith('#')) return;
    s.sawText = true;
    const f = t.split('\t');
    if (f[0] === 'env') {
      const cur = s.list[s.list.length - 1];
      const kv = f.slice(1).join('\t');
      const eq = kv.indexOf('=');
      if (!cur) {
        problems.add(line, 'env line before any process line');
        return;
      }
      if (eq <= 0) {
        problems.add(line, 'env line is not KEY=VALUE');
        return;
      }
      cur.env[kv.slice(0, eq)] = kv.slice(eq + 1);
      return;
    }
    if (!/^\d{1,10}$/.test(f[0]!) || f.length < 2) {
      problems.add(line, 'not a "pid<TAB>comm<TAB>argv…" or "env<TAB>KEY=VALUE" line');
      return;
    }
    let argv = f.slice(2);
    if (argv.length === 1 && /\s/.test(argv[0]!)) argv = argv[0]!.trim().split(/\s+/);
    s.list.push({ pid: Number(f[0]), comm: f[1]!, argv: argv.filter((a, i) => a !== '' || i < argv.length - 1), env: {}, line: line.no, text: t.slice(0, 500) });
  },
  finish(s, problems) {
    if (!s.sawText) return skipped('no dockerd/containerd process', problems);
    return ok({ processes: s.list }, problems);
  },
});
