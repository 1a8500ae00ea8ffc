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
 *
 * Pasted fragments (issue 13): `docker info | grep Space` leaves devicemapper's status lines without
 * their `Storage Driver:` header, indented or not, sometimes after WARNING lines ([real]
 * docker/for-linux#731, docker/docs#4166); a user may wrap a line in markdown `**…**`, read without
 * the emphasis. Orphan lines of devicemapper's own keys ({@link DEVICEMAPPER_STATUS_KEYS}) are
 * storage-driver status all the same, and `headerlessDriverStatus` says the header was missing.
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
  /** Line of each storageDriverStatus key, for evidence. */
  storageDriverLines: Record<string, { line: number; text: string }>;
  /** Devicemapper status lines were read without a `Storage Driver:` line above them (a pasted fragment). */
  headerlessDriverStatus?: boolean;
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

/**
 * The keys devicemapper's Status() prints under `Storage Driver:` (moby daemon/graphdriver/devmapper,
 * 1.2 to 18.09). Only these are read as driver status when their header is missing; `Backing
 * Filesystem` is overlay2's too, so it alone does not name the driver (DEVICEMAPPER_ONLY_KEYS).
 */
export const DEVICEMAPPER_STATUS_KEYS: ReadonlySet<string> = new Set([
  'Pool Name', 'Pool Blocksize', 'Base Device Size', 'Backing Filesystem', 'Data file', 'Metadata file', 'Data loop file',
  'Metadata loop file', 'Data Space Used', 'Data Space Total', 'Data Space Available', 'Metadata Space Used',
  'Metadata Space Total', 'Metadata Space Available', 'Thin Pool Minimum Free Space', 'Udev Sync Supported',
  'Deferred Removal Enabled', 'Deferred Deletion Enabled', 'Deferred Deleted Device Count', 'Library Version',
]);
/** Status keys that only devicemapper prints: their presence names the driver when the header is missing. */
export const DEVICEMAPPER_ONLY_KEYS: readonly string[] = [...DEVICEMAPPER_STATUS_KEYS].filter((k) => k !== 'Backing Filesystem');

/** `**Data Space Available: 0B**` (markdown emphasis a user put around a pasted line) → the line. */
const unemphasise = (t: string): string => t.replace(/^(\s*)\*\*(.+?)\*\*\s*$/, '$1$2');

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
    facts: { layout: 'flat', client: dict(), server: dict(), storageDriverStatus: dict(), storageDriverLines: dict(), lists: dict(), serverLines: dict(), warnings: [], entries: [] },
  }),
  line(s, line, problems) {
    const t = unemphasise(line.text);
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
    const addStatus = () => {
      if (f.storageDriverStatus[e.key] !== undefined) return;
      f.storageDriverStatus[e.key] = e.value;
      f.storageDriverLines[e.key] = { line: e.line, text: e.text };
    };
    if (section === 'Client') {
      if (isTop && f.client[e.key] === undefined) f.client[e.key] = e.value;
      return;
    }
    // A devicemapper key with no `Storage Driver:` above it (at the top, or under another such orphan).
    if (!e.item && DEVICEMAPPER_STATUS_KEYS.has(e.key) && e.path.every((k) => DEVICEMAPPER_STATUS_KEYS.has(k))) {
      addStatus();
      f.headerlessDriverStatus = true;
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
    if (e.path.length === 1 && parent === 'Storage Driver' && !e.item) addStatus();
    if (e.item && e.path.length === 1) (f.lists[parent] ??= []).push(e.key);
  },
  finish(s, problems) {
    if (!s.sawText) return skipped('empty output', problems);
    return ok(s.facts, problems);
  },
});
