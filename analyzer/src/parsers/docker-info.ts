/**
 * `docker info`. Two layouts (field guide §3): clients ≥ 19.03 print `Client:` and `Server:`
 * sections with one-space-indented keys; 18.09 prints the server keys flat at column 0. Nested
 * keys (1–3 spaces) belong to the line above; keys repeat between sections (`Debug Mode`).
 * [cap] docker 20.10.24 (vfs lab daemon):
 * ```
 * Server:
 *  Containers: 6
 *   Running: 1
 *  Server Version: 20.10.24+dfsg1
 *  Storage Driver: vfs
 *  Security Options:
 *   seccomp
 *    Profile: default
 *  Docker Root Dir: /tmp/dpmhp/lab/data
 * ```
 * `WARNING:` lines (stderr, merged in some captures) are kept apart. Daemon down:
 * `Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?`
 * (older clients: `… running on this host?`), possibly after `ERROR: ` under `Server:`.
 */
import { lineParser, ok, skipped } from './util/line-parser.js';
import { IndentTree, type IndentEntry } from './util/indent-tree.js';
import { dict } from './util/dict.js';

export interface DaemonUnreachable {
  kind: 'not-running' | 'permission-denied' | 'error';
  text: string;
  line: number;
}

export interface DockerInfoFacts {
  layout: 'sections' | 'flat';
  client: Record<string, string>;
  /** Top-level server keys → value (first occurrence wins). */
  server: Record<string, string>;
  /** Children of `Storage Driver:` (Pool Name, Data loop file, Backing Filesystem, Supports d_type, …). */
  storageDriverStatus: Record<string, string>;
  /** Server list items per parent key (`Security Options` → [seccomp], `Insecure Registries` → […]). */
  lists: Record<string, string[]>;
  /** Line of each top-level server key, for evidence. */
  serverLines: Record<string, { line: number; text: string }>;
  warnings: { text: string; line: number }[];
  daemonError?: DaemonUnreachable;
  entries: IndentEntry[];
}

/** Recognises the client's "cannot reach the daemon" texts (shared with docker version/ps). */
export function daemonUnreachable(text: string, line: number): DaemonUnreachable | undefined {
  const t = text.replace(/^\s*(ERROR|Error):\s*/, '').trim();
  if (/^Cannot connect to the Docker daemon\b/.test(t)) return { kind: 'not-running', text: t, line };
  if (/^Got permission denied while trying to connect to the Docker daemon socket/.test(t)) return { kind: 'permission-denied', text: t, line };
  if (/^(error during connect|Error response from daemon):/.test(t)) return { kind: 'error', text: t, line };
  return undefined;
}

interface State {
  tree: IndentTree;
  section?: 'Client' | 'Server';
  sawSections: boolean;
  facts: DockerInfoFacts;
  sawText: boolean;
}

export const dockerInfoParser = lineParser<State, DockerInfoFacts>({
  name: 'docker-info',
  artifacts: ['docker.info'],
  init: () => ({
    tree: new IndentTree(),
    sawSections: false,
    sawText: false,
    facts: { layout: 'flat', client: dict(), server: dict(), storageDriverStatus: dict(), lists: dict(), serverLines: dict(), warnings: [], entries: [] },
  }),
  line(s, line, problems) {
    const t = line.text;
    if (t.trim() === '') return;
    s.sawText = true;
    const f = s.facts;
    if (/^WARNING:/.test(t)) {
      f.warnings.push({ text: t.slice(0, 500), line: line.no });
      return;
    }
    const down = daemonUnreachable(t, line.no);
    if (down) {
      f.daemonError ??= down;
      return;
    }
    if (/^(Client|Server):\s*$/.test(t)) {
      s.section = t.startsWith('Client') ? 'Client' : 'Server';
      s.sawSections = true;
      f.layout = 'sections';
      s.tree.reset();
      return;
    }
    if (/^\s*(ERROR|Errors?):/.test(t)) {
      problems.add(line, 'docker reported an error');
      return;
    }
    const e = s.tree.add(t, line.no);
    if (!e) return;
    const section = s.sawSections ? s.section ?? 'Server' : 'Server';
    // Top level: column 1 in the sections layout, column 0 in the flat one.
    const topIndent = s.sawSections ? 1 : 0;
    f.entries.push(e);
    const isTop = e.path.length === 0 && !e.item;
    if (section === 'Client') {
      if (isTop && f.client[e.key] === undefined) f.client[e.key] = e.value;
      return;
    }
    if (isTop) {
      if (e.indent > topIndent + 2) problems.add(line, 'unexpected indentation');
      if (f.server[e.key] === undefined) {
        f.server[e.key] = e.value;
        f.serverLines[e.key] = { line: e.line, text: e.text };
      }
      return;
    }
    const parent = e.path[e.path.length - 1]!;
    if (e.path.length === 1 && parent === 'Storage Driver' && !e.item) f.storageDriverStatus[e.key] ??= e.value;
    if (e.item && e.path.length === 1) (f.lists[parent] ??= []).push(e.key);
  },
  finish(s, problems) {
    if (!s.sawText) return skipped('empty output', problems);
    return ok(s.facts, problems);
  },
});
