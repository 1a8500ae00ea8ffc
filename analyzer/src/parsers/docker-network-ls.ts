/**
 * `docker network ls --no-trunc`. [cap] docker 20.10.24:
 * ```
 * NETWORK ID                                                         NAME      DRIVER    SCOPE
 * b102447e5af205dcd8f4ea5a1cce20bd986b82f2701e7c6ee30708f892640e87   appnet    bridge    local
 * ```
 * Names cannot hold whitespace, so the columns split at runs of blanks. Duplicate NAMEs (parallel
 * `docker network create`, field guide §2) are kept as separate rows.
 */
import { lineParser, ok, skipped } from './util/line-parser.js';
import { daemonUnreachable, type DaemonUnreachable } from './docker-info.js';

export interface NetworkRow {
  id: string;
  name: string;
  driver?: string;
  scope?: string;
  line: number;
  text: string;
}

export interface DockerNetworkLsFacts {
  networks: NetworkRow[];
  daemonError?: DaemonUnreachable;
}

interface State {
  header: boolean;
  list: NetworkRow[];
  daemonError?: DaemonUnreachable;
  sawText: boolean;
}

export const dockerNetworkLsParser = lineParser<State, DockerNetworkLsFacts>({
  name: 'docker-network-ls',
  artifacts: ['docker.network-ls'],
  init: () => ({ header: false, list: [], sawText: false }),
  line(s, line, problems) {
    const t = line.text.trim();
    if (t === '') return;
    s.sawText = true;
    const down = daemonUnreachable(t, line.no);
    if (down) {
      s.daemonError ??= down;
      return;
    }
    if (/^NETWORK ID\s+NAME\s+DRIVER/.test(t)) {
      s.header = true;
      return;
    }
    const f = t.split(/\s+/);
    if (!s.header || !/^[0-9a-f]{12,64}$/.test(f[0]!) || f.length < 2 || f.length > 4) {
      problems.add(line, s.header ? 'network row not understood' : 'row before the NETWORK ID header');
      return;
    }
    s.list.push({ id: f[0]!, name: f[1]!, ...(f[2] !== undefined ? { driver: f[2] } : {}), ...(f[3] !== undefined ? { scope: f[3] } : {}), line: line.no, text: line.text.slice(0, 500) });
  },
  finish(s, problems) {
    if (!s.sawText) return skipped('empty output', problems);
    return ok({ networks: s.list, ...(s.daemonError ? { daemonError: s.daemonError } : {}) }, problems);
  },
});
