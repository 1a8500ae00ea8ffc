/**
 * `docker version`: `Client:` and `Server:` sections; 18.09+ servers list components
 * (` Engine:`, ` containerd:`, ` runc:`, ` docker-init:`), openEuler adds `EulerVersion:`.
 * [cap] docker 20.10.24:
 * ```
 * Server:
 *  Engine:
 *   Version:          20.10.24+dfsg1
 *   API version:      1.41 (minimum version 1.12)
 *  containerd:
 *   Version:          1.6.20~ds1
 *   GitCommit:        1.6.20~ds1-1+deb12u3
 *  runc:
 *   Version:          1.1.5+ds1
 * ```
 * 17.x servers print `Version:` directly under `Server:`. Daemon down: the client part, then the
 * `Cannot connect to the Docker daemon …` line.
 */
import { lineParser, ok, skipped } from './util/line-parser.js';
import { IndentTree } from './util/indent-tree.js';
import { daemonUnreachable, type DaemonUnreachable } from './docker-info.js';
import { dict } from './util/dict.js';

export interface VersionValue {
  value: string;
  line: number;
  text: string;
}

export interface DockerVersionFacts {
  client: Record<string, VersionValue>;
  /** Server keys by component: `Engine` (also for 17.x flat servers), `containerd`, `runc`, `docker-init`. */
  server: Record<string, Record<string, VersionValue>>;
  daemonError?: DaemonUnreachable;
}

interface State {
  tree: IndentTree;
  section?: 'Client' | 'Server';
  facts: DockerVersionFacts;
  sawText: boolean;
}

export const dockerVersionParser = lineParser<State, DockerVersionFacts>({
  name: 'docker-version',
  artifacts: ['docker.version'],
  init: () => ({ tree: new IndentTree(), sawText: false, facts: { client: dict(), server: dict() } }),
  line(s, line, problems) {
    const t = line.text;
    if (t.trim() === '') return;
    s.sawText = true;
    const down = daemonUnreachable(t, line.no);
    if (down) {
      s.facts.daemonError ??= down;
      return;
    }
    const sec = /^(Client|Server)(?::|\s*:\s*(.*))\s*$/.exec(t);
    if (sec) {
      s.section = sec[1] as 'Client' | 'Server';
      s.tree.reset();
      return;
    }
    if (!s.section) {
      problems.add(line, 'line before the Client:/Server: header');
      return;
    }
    const e = s.tree.add(t, line.no);
    if (!e || e.item) return;
    const v: VersionValue = { value: e.value, line: e.line, text: e.text };
    if (s.section === 'Client') {
      if (e.path.length === 0) s.facts.client[e.key] ??= v;
      return;
    }
    if (e.path.length === 0) {
      if (e.value === '') s.facts.server[e.key] ??= dict();
      else (s.facts.server['Engine'] ??= dict())[e.key] ??= v;
      return;
    }
    (s.facts.server[e.path[0]!] ??= dict())[e.key] ??= v;
  },
  finish(s, problems) {
    if (!s.sawText) return skipped('empty output', problems);
    return ok(s.facts, problems);
  },
});
