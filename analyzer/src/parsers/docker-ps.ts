/**
 * `docker ps -a --no-trunc`: fixed-width columns (Go tabwriter, padding 3) sliced at the header
 * offsets; STATUS and CREATED are relative text (field guide §3). [cap] docker 20.10.24:
 * ```
 * CONTAINER ID                                                       IMAGE       COMMAND            CREATED         STATUS                       PORTS     NAMES
 * 0817400e79a6bf4c8d27f88a5135f11600702ffd7a9a26ef6f0a1e5a9138486b   bb:latest   "sleep 3000"       4 seconds ago   Exited (137) 3 seconds ago             killed
 * ```
 * Also `--format '{{json .}}'` lines (`{"Command":"\"sleep 3000\"",…,"State":"exited","Status":"Exited (137) 3 seconds ago"}`).
 */
import { lineParser, ok, skipped } from './util/line-parser.js';
import { daemonUnreachable, type DaemonUnreachable } from './docker-info.js';

export interface PsContainer {
  id: string;
  image?: string;
  command?: string;
  created?: string;
  status?: string;
  ports?: string;
  /** Comma-separated in docker's output; split here. */
  names: string[];
  /** JSON form only: `State` (running, exited, created, paused, …), `CreatedAt`, `Networks`. */
  state?: string;
  networks?: string;
  createdAt?: string;
  line: number;
  text: string;
}

export interface DockerPsFacts {
  format: 'table' | 'json';
  containers: PsContainer[];
  daemonError?: DaemonUnreachable;
}

const COLS = ['CONTAINER ID', 'IMAGE', 'COMMAND', 'CREATED', 'STATUS', 'PORTS', 'NAMES'] as const;

interface State {
  offsets?: number[];
  format?: 'table' | 'json';
  list: PsContainer[];
  daemonError?: DaemonUnreachable;
  sawText: boolean;
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

export const dockerPsParser = lineParser<State, DockerPsFacts>({
  name: 'docker-ps',
  artifacts: ['docker.ps'],
  // `--format '{{json .}}'` rows with many labels or ports can pass 16 KiB; JSON.parse is linear.
  maxLineLength: 64 * 1024,
  init: () => ({ list: [], sawText: false }),
  line(s, line, problems) {
    const t = line.text.trimEnd();
    if (t === '') return;
    s.sawText = true;
    const down = daemonUnreachable(t, line.no);
    if (down) {
      s.daemonError ??= down;
      return;
    }
    if (t.startsWith('{')) {
      let o: unknown;
      try {
        o = JSON.parse(t);
      } catch (e) {
        problems.add(line, `JSON line does not parse: ${(e as Error).message}`);
        return;
      }
      if (!o || typeof o !== 'object' || typeof (o as { ID?: unknown }).ID !== 'string') {
        problems.add(line, 'JSON line without an ID');
        return;
      }
      const r = o as Record<string, unknown>;
      s.format = 'json';
      s.list.push({
        id: r.ID as string,
        image: str(r.Image),
        command: str(r.Command),
        created: str(r.RunningFor),
        createdAt: str(r.CreatedAt),
        status: str(r.Status),
        state: str(r.State),
        ports: str(r.Ports),
        networks: str(r.Networks),
        names: (str(r.Names) ?? '').split(',').filter((x) => x !== ''),
        line: line.no,
        text: t.slice(0, 500),
      });
      return;
    }
    if (t.startsWith('CONTAINER ID')) {
      const offs = COLS.map((c) => t.indexOf(c));
      if (offs.some((o, i) => o < 0 || (i > 0 && o <= offs[i - 1]!))) {
        problems.add(line, 'header without the expected columns');
        s.offsets = undefined;
        return;
      }
      s.offsets = offs;
      s.format = 'table';
      return;
    }
    if (!s.offsets) {
      problems.add(line, 'row before the CONTAINER ID header');
      return;
    }
    const o = s.offsets;
    const cell = (i: number): string => t.slice(o[i], i + 1 < o.length ? o[i + 1] : undefined).trim();
    const id = cell(0);
    if (!/^[0-9a-f]{12,64}$/.test(id)) {
      problems.add(line, 'row does not start with a container ID at the header offset');
      return;
    }
    const status = cell(4);
    s.list.push({ id, image: cell(1), command: cell(2), created: cell(3), status, ports: cell(5), names: cell(6).split(',').filter((x) => x !== ''), line: line.no, text: t.slice(0, 500) });
  },
  finish(s, problems) {
    if (!s.sawText) return skipped('empty output', problems);
    return ok({ format: s.format ?? 'table', containers: s.list, ...(s.daemonError ? { daemonError: s.daemonError } : {}) }, problems);
  },
});
