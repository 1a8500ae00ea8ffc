/**
 * The collector's data-root / exec-root listing (docs/bundle-format.md "Listings"): TAB-separated
 * `type mode uid gid size mtime path`, a `# type…` header, and `# truncated: entry cap N reached` when
 * the collector stopped early. `type` is f, d, l (never followed) or o; `mode` octal; `mtime` epoch
 * seconds. The path is the last field. Since the collector escapes names (`\\` `\t` `\n`, so a name with a
 * newline cannot forge a row), the path is unescaped with `unescapeListingPath`; an older listing's raw TAB
 * inside the last field is kept.
 *
 * Real sample (collector 0.1.0 in the nspawn power-off lab, docker.io 20.10.24, after local-kv.db was cut to
 * 4096 bytes; fixture test/fixtures/dataroot-listing/collector-0.1-nspawn-power-off-db-loss.tsv):
 * ```
 * # type	mode	uid	gid	size	mtime	path
 * d	710	0	0	4096	1795853489.3361145650	/var/lib/docker
 * f	644	0	0	4096	1795853470.3399003950	/var/lib/docker/network/files/local-kv.db
 * ```
 */
import { lineParser, malformed, ok, skipped } from './util/line-parser.js';
import { toInt, toOctal } from './util/table.js';
import type { SourceLine } from './ipcs.js';
import { lookupTable } from './util/dict.js';

export interface ListingEntry extends SourceLine {
  type: 'f' | 'd' | 'l' | 'other';
  mode: number;
  uid: number;
  gid: number;
  size: number;
  /** UTC ms. */
  mtime?: number;
  path: string;
}

export interface Listing {
  entries: ListingEntry[];
  truncated: boolean;
  /** The `# truncated: …` line. */
  truncatedLine?: SourceLine;
}

interface State {
  out: Listing;
  sawContent: boolean;
}

const TYPES = lookupTable<ListingEntry['type']>({ f: 'f', d: 'd', l: 'l', o: 'other' });

const LISTING_ESCAPES: Record<string, string> = { '\\': '\\', t: '\t', n: '\n' };

/** A listing path as the collector escaped it (docs/bundle-format.md "Listings"): `\\` `\t` `\n` back to `\`, TAB, newline. */
export function unescapeListingPath(p: string): string {
  if (!p.includes('\\')) return p;
  return p.replace(/\\([\\tn])/g, (_m, c: string) => LISTING_ESCAPES[c]!);
}

export const datarootListingParser = lineParser<State, Listing>({
  name: 'dataroot-listing',
  artifacts: ['dataroot.listing', 'execroot.listing'],
  init: () => ({ out: { entries: [], truncated: false }, sawContent: false }),
  line(s, line, problems) {
    const t = line.text;
    if (t === '') return;
    s.sawContent = true;
    if (t.startsWith('#')) {
      if (/^#\s*truncated\b/.test(t)) {
        s.out.truncated = true;
        s.out.truncatedLine = { line: line.no, text: t };
      }
      return;
    }
    const f = t.split('\t');
    if (f.length < 7) return problems.add(line, `expected 7 TAB-separated fields, got ${f.length}`);
    const type = TYPES[f[0]!];
    const mode = toOctal(f[1]);
    const uid = toInt(f[2]);
    const gid = toInt(f[3]);
    const size = toInt(f[4]);
    // A slice of the line (not a join of fields) so the path shares the line's memory on big listings.
    let at = -1;
    for (let k = 0; k < 6; k++) at = t.indexOf('\t', at + 1);
    const path = unescapeListingPath(t.slice(at + 1));
    if (!type || mode === undefined || uid === undefined || gid === undefined || size === undefined || !path.startsWith('/')) {
      return problems.add(line, 'bad type, mode, uid, gid, size or path');
    }
    const mt = /^\d{1,12}(\.\d+)?$/.test(f[5]!) ? Math.round(Number(f[5]) * 1000) : undefined;
    if (mt === undefined && f[5] !== '-') problems.add(line, 'unreadable mtime');
    s.out.entries.push({ type, mode, uid, gid, size, mtime: mt, path, line: line.no, text: t });
  },
  finish(s, problems) {
    if (!s.sawContent) return skipped('empty listing', problems);
    if (s.out.entries.length === 0 && problems.list.length > 0) return malformed('no readable entry', problems, problems.list[0]!.line, s.out);
    return ok(s.out, problems);
  },
});
