/**
 * The collector's container JSON health listing (docs/bundle-format.md): TAB-separated
 * `path size mtime state first last`, one line per `containers/<id>/config.v2.json` and
 * `hostconfig.json`. `state` is ok, empty, nul-filled, truncated or unreadable; `first`/`last` are the
 * first and last non-space bytes as two hex digits, `-` when none. Contents are never collected.
 *
 * Real sample (collector 0.1.0 after the nspawn power-off lab cut c-none's config.v2.json to 0 bytes; fixture
 * test/fixtures/json-health/collector-0.1-nspawn-power-off-db-loss.tsv):
 * ```
 * # path	size	mtime	state	first	last
 * /var/lib/docker/containers/acac34e9dbed1a6022ab3e76b49c2a7e3c24b77f98963fa7885d4b942ff4199b/hostconfig.json	1472	1795853450	ok	7b	7d
 * /var/lib/docker/containers/acac34e9dbed1a6022ab3e76b49c2a7e3c24b77f98963fa7885d4b942ff4199b/config.v2.json	0	1795853470	empty	-	-
 * ```
 */
import { lineParser, malformed, ok, skipped } from './util/line-parser.js';
import { toInt } from './util/table.js';
import { unescapeListingPath } from './dataroot-listing.js';
import type { SourceLine } from './ipcs.js';

export type JsonHealthState = 'ok' | 'empty' | 'nul-filled' | 'truncated' | 'unreadable';

export interface JsonHealthRow extends SourceLine {
  path: string;
  /** `config.v2.json`, `hostconfig.json`. */
  file: string;
  /** The 64-hex directory name when the path is `…/containers/<id>/<file>`. */
  containerId?: string;
  size: number;
  /** UTC ms. */
  mtime?: number;
  state: JsonHealthState;
  /** First/last non-space byte values, undefined for `-`. */
  first?: number;
  last?: number;
}

const STATES = new Set<JsonHealthState>(['ok', 'empty', 'nul-filled', 'truncated', 'unreadable']);

interface State {
  rows: JsonHealthRow[];
  sawContent: boolean;
}

function hexByte(s: string | undefined): number | undefined {
  return s !== undefined && /^[0-9a-f]{2}$/i.test(s) ? parseInt(s, 16) : undefined;
}

export const jsonHealthParser = lineParser<State, JsonHealthRow[]>({
  name: 'json-health',
  artifacts: ['dataroot.json-health'],
  init: () => ({ rows: [], sawContent: false }),
  line(s, line, problems) {
    const t = line.text;
    if (t === '') return;
    s.sawContent = true;
    if (t.startsWith('#')) return;
    const f = t.split('\t');
    if (f.length < 6) return problems.add(line, `expected 6 TAB-separated fields, got ${f.length}`);
    // The path is escaped like a listing's; an older collector's raw TAB in it still parses: the five known
    // fields are the last five.
    const tail = f.slice(-5);
    const path = unescapeListingPath(f.slice(0, -5).join('\t'));
    const size = toInt(tail[0]);
    const state = tail[2] as JsonHealthState;
    if (!path.startsWith('/') || size === undefined || !STATES.has(state)) return problems.add(line, 'bad path, size or state');
    const mtime = /^\d{1,12}(\.\d+)?$/.test(tail[1]!) ? Math.round(Number(tail[1]) * 1000) : undefined;
    const first = hexByte(tail[3]);
    const last = hexByte(tail[4]);
    if ((first === undefined && tail[3] !== '-') || (last === undefined && tail[4] !== '-')) problems.add(line, 'first/last is not two hex digits or -');
    const parts = path.split('/');
    const dir = parts[parts.length - 2] ?? '';
    s.rows.push({
      path,
      file: parts[parts.length - 1] ?? '',
      containerId: /^[0-9a-f]{64}$/.test(dir) && parts[parts.length - 3] === 'containers' ? dir : undefined,
      size,
      mtime,
      state,
      first,
      last,
      line: line.no,
      text: t,
    });
  },
  finish(s, problems) {
    if (!s.sawContent) return skipped('empty listing', problems);
    if (s.rows.length === 0 && problems.list.length > 0) return malformed('no readable row', problems, problems.list[0]!.line, []);
    return ok(s.rows, problems);
  },
});
