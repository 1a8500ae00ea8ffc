/**
 * `ip netns list`: one named namespace per line, newer iproute2 adds ` (id: N)`.
 * [cap] iproute2 6.1 (no ids assigned yet):
 * ```
 * dpmhp-host
 * dpm-manual1
 * ```
 * Docker's namespaces are unnamed (bind mounts under /run/docker/netns), so they never appear here.
 */
import { lineParser, ok } from './util/line-parser.js';

export interface NetnsEntry {
  name: string;
  id?: number;
  line: number;
}

export interface NetnsFacts {
  namespaces: NetnsEntry[];
}

export const ipNetnsParser = lineParser<{ list: NetnsEntry[] }, NetnsFacts>({
  name: 'ip-netns',
  artifacts: ['ip.netns'],
  init: () => ({ list: [] }),
  line(s, line, problems) {
    const t = line.text.trim();
    if (t === '') return;
    const m = /^(\S+)(?:\s+\(id:\s*(\d+)\))?$/.exec(t);
    if (!m) {
      problems.add(line, 'not a namespace name');
      return;
    }
    s.list.push({ name: m[1]!, ...(m[2] !== undefined ? { id: Number(m[2]) } : {}), line: line.no });
  },
  finish: (s, problems) => ok({ namespaces: s.list }, problems),
});
