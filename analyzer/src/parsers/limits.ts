/**
 * pam_limits files (`/etc/security/limits.conf`, `limits.d/*.conf`): `<domain> <type> <item> <value>`.
 * `#` starts a comment anywhere on a line (pam_limits cuts the line there); type `-` sets soft and
 * hard; `unlimited` and `infinity` are valid values. Each file parses on its own; the model applies
 * them in pam's order (limits.conf, then limits.d/*.conf sorted; later wins). Field guide §2, §3.
 *
 * Sample (openEuler/RHEL `limits.d/20-nproc.conf`, as quoted by the seed; fixture
 * test/fixtures/limits/openeuler-20-nproc-conf.txt). Debian's stock limits.conf is all comments
 * (real fixture debian-12-limits-conf-stock.txt).
 * ```
 * *          soft    nproc     4096
 * root       soft    nproc     unlimited
 * ```
 */
import { lineParser, ok, skipped } from './util/line-parser.js';
import { splitWs } from './util/table.js';
import type { SourceLine } from './ipcs.js';

export interface LimitRow extends SourceLine {
  domain: string;
  type: 'soft' | 'hard' | '-';
  item: string;
  value: string;
}

/** Items pam_limits knows; others are reported (pam ignores them with "unknown limit item"). */
const ITEMS = new Set(['core', 'data', 'fsize', 'memlock', 'nofile', 'rss', 'stack', 'cpu', 'nproc', 'as', 'maxlogins', 'maxsyslogins', 'nonewprivs', 'priority', 'locks', 'sigpending', 'msgqueue', 'nice', 'rtprio', 'chroot']);

export interface LimitsFile {
  rows: LimitRow[];
}

interface State {
  rows: LimitRow[];
}

export const limitsParser = lineParser<State, LimitsFile>({
  name: 'limits',
  artifacts: ['limits'],
  init: () => ({ rows: [] }),
  line(s, line, problems) {
    const f = splitWs(line.text.replace(/#.*$/, ''));
    if (f.length === 0) return;
    if (f.length !== 4) return problems.add(line, `expected "<domain> <type> <item> <value>", got ${f.length} fields`);
    const [domain, type, item, value] = f as [string, string, string, string];
    if (type !== 'soft' && type !== 'hard' && type !== '-') return problems.add(line, `unknown limit type "${type}"`);
    if (!ITEMS.has(item)) problems.add(line, `unknown limit item "${item}"`);
    if (!/^(-?\d+|unlimited|infinity)$/i.test(value)) problems.add(line, `unusual limit value "${value}"`);
    s.rows.push({ domain, type, item, value, line: line.no, text: line.text });
  },
  finish(s, problems) {
    // A file with only comments is normal (Debian's limits.conf): ok with no rows.
    if (s.rows.length === 0 && problems.list.length === 0) return ok({ rows: [] }, problems);
    if (s.rows.length === 0) return skipped('no limit lines', problems);
    return ok({ rows: s.rows }, problems);
  },
});
