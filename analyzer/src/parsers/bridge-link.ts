/**
 * `bridge link` (our collector) and sos `bridge -s -s -d link show`.
 *
 * [cap] iproute2 6.1 (the leaked pair from field guide §1.3; `@docker0` here means the peer is in another netns):
 * ```
 * 5: vethf31f0e7@vethb2e3c6d: <NO-CARRIER,BROADCAST,MULTICAST,UP,M-DOWN> mtu 1500 master docker0 state disabled priority 32 cost 2 
 * 7: vethe205109@docker0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 master docker0 state forwarding priority 32 cost 2 
 * ```
 * `-d` adds an indented `hairpin off guard off …` line per port (skipped). Old iproute2 (3.10–4.x)
 * prints the operstate first, `7: vethX state UP : <…> … master docker0 state forwarding …`
 * (two `state` keys, field guide §3): the one after the flags is the port state.
 */
import { MAX_LINKS } from './ip-link.js';
import { LINK_HEADER } from './util/link-header.js';
import { lineParser, malformed, ok, skipped } from './util/line-parser.js';

export interface BridgePort {
  ifindex: number;
  name: string;
  /** Text after `@` (a peer name, `ifN`, or the master when the peer is elsewhere). */
  at?: string;
  flags: string[];
  mtu?: number;
  master?: string;
  /** Port state: forwarding, disabled, blocking, listening, learning. */
  state?: string;
  /** Old iproute2's operstate printed before the flags. */
  operState?: string;
  priority?: number;
  cost?: number;
  line: number;
  text: string;
}

export interface BridgeLinkFacts {
  ports: BridgePort[];
}


interface State {
  ports: BridgePort[];
  sawText: boolean;
  /** Past MAX_LINKS ports. */
  cut?: boolean;
}

export const bridgeLinkParser = lineParser<State, BridgeLinkFacts>({
  name: 'bridge-link',
  artifacts: ['bridge.link'],
  init: () => ({ ports: [], sawText: false }),
  line(s, line, problems) {
    const t = line.text;
    if (t.trim() === '') return;
    s.sawText = true;
    if (/^\s/.test(t)) return; // -d detail lines and -s counters
    if (s.ports.length >= MAX_LINKS) {
      if (s.ports.length === MAX_LINKS && !s.cut) problems.add(line, `more than ${MAX_LINKS} bridge ports: the rest are not read (limit MAX_LINKS)`);
      s.cut = true;
      return;
    }
    const m = LINK_HEADER.exec(t);
    if (!m) {
      problems.add(line, 'bridge port line not understood');
      return;
    }
    const p: BridgePort = { ifindex: Number(m[1]), name: m[2]!, flags: m[5]!.split(',').filter((f) => f !== ''), line: line.no, text: t.slice(0, 500) };
    if (m[3] !== undefined) p.at = m[3];
    if (m[4] !== undefined) p.operState = m[4];
    const tokens = m[6]!.trim().split(/\s+/);
    for (let i = 0; i < tokens.length - 1; i++) {
      const k = tokens[i]!;
      const v = tokens[i + 1]!;
      const n = /^\d{1,15}$/.test(v) ? Number(v) : undefined;
      if (k === 'mtu') p.mtu = n;
      else if (k === 'master') p.master = v;
      else if (k === 'state') p.state = v.toLowerCase();
      else if (k === 'priority') p.priority = n;
      else if (k === 'cost') p.cost = n;
      else continue;
      i++;
    }
    s.ports.push(p);
  },
  finish(s, problems) {
    if (!s.sawText) return skipped('empty output (no bridge ports)', problems);
    const value = { ports: s.ports };
    if (s.ports.length === 0) return malformed('no bridge port lines', problems, problems.list[0]?.line, value);
    return ok(value, problems);
  },
});
