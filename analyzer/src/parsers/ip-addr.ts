/**
 * `ip -o addr` (our collector, sos `ip_-o_addr`) and the multi-line `ip addr` form.
 *
 * One-line form, [cap] iproute2 6.1:
 * ```
 * 2: docker0    inet 172.17.0.1/16 scope global docker0\       valid_lft forever preferred_lft forever
 * 7: vethe205109    inet6 fe80::44c4:c9ff:fec6:b765/64 scope link \       valid_lft forever preferred_lft forever
 * ```
 * Multi-line form: a link header (`2: docker0: <…> mtu …`) followed by indented `inet …` lines.
 * Used to compare the docker0 address with a configured `--bip` (field guide §2).
 */
import { lineParser, malformed, ok, skipped } from './util/line-parser.js';

export interface IpAddr {
  ifindex: number;
  ifname: string;
  family: 'inet' | 'inet6';
  /** Address with prefix length, as printed (`172.17.0.1/16`). */
  cidr: string;
  brd?: string;
  scope?: string;
  /** Label (IPv4 only: the trailing name, `docker0`, `eth0:1`). */
  label?: string;
  line: number;
  text: string;
}

export interface IpAddrFacts {
  addresses: IpAddr[];
}

interface State {
  addresses: IpAddr[];
  current?: { ifindex: number; ifname: string };
  sawText: boolean;
}

const ONELINE = /^(\d+):\s+(\S+?)\s+(inet6?)\s+(\S+)(.*)$/;
const HEADER = /^(\d+):\s+([^\s:@]+)(?:@[^\s:]+)?:\s+</;
const ADDR_LINE = /^\s+(inet6?)\s+(\S+)(.*)$/;

function details(rest: string): { brd?: string; scope?: string; label?: string } {
  const main = rest.split('\\')[0]!;
  const tokens = main.trim().split(/\s+/).filter((t) => t !== '');
  const out: { brd?: string; scope?: string; label?: string } = {};
  for (let i = 0; i < tokens.length; i++) {
    const k = tokens[i]!;
    if (k === 'brd' || k === 'peer') {
      if (k === 'brd') out.brd = tokens[i + 1];
      i++;
    } else if (k === 'scope') {
      out.scope = tokens[i + 1];
      i++;
      // iproute2 prints the label right after the scope for IPv4 (flags like `dynamic` may come first).
      const rest2 = tokens.slice(i + 1).filter((t) => !['secondary', 'dynamic', 'noprefixroute', 'deprecated', 'tentative', 'permanent', 'temporary', 'mngtmpaddr', 'nodad', 'optimistic', 'home', 'dadfailed'].includes(t));
      if (rest2.length > 0) out.label = rest2[rest2.length - 1];
      break;
    }
  }
  return out;
}

export const ipAddrParser = lineParser<State, IpAddrFacts>({
  name: 'ip-addr',
  artifacts: ['ip.addr'],
  init: () => ({ addresses: [], sawText: false }),
  line(s, line, problems) {
    const t = line.text;
    if (t.trim() === '') return;
    s.sawText = true;
    const h = HEADER.exec(t);
    if (h) {
      s.current = { ifindex: Number(h[1]), ifname: h[2]! };
      return;
    }
    const o = ONELINE.exec(t);
    if (o) {
      s.addresses.push({ ifindex: Number(o[1]), ifname: o[2]!, family: o[3] as 'inet' | 'inet6', cidr: o[4]!, ...details(o[5]!), line: line.no, text: t.slice(0, 500) });
      return;
    }
    const a = ADDR_LINE.exec(t);
    if (a) {
      if (!s.current) {
        problems.add(line, 'address line before any link header');
        return;
      }
      s.addresses.push({ ...s.current, family: a[1] as 'inet' | 'inet6', cidr: a[2]!, ...details(a[3]!), line: line.no, text: t.slice(0, 500) });
      return;
    }
    // Indented detail lines (link/ether, valid_lft, `-d` kind details, counters) carry no address.
    if (/^\s/.test(t)) return;
    problems.add(line, 'not an ip addr line');
  },
  finish(s, problems) {
    const value: IpAddrFacts = { addresses: s.addresses };
    if (!s.sawText) return skipped('empty output', problems);
    if (s.addresses.length === 0 && problems.list.length > 0) return malformed('no address lines', problems, problems.list[0]?.line, value);
    return ok(value, problems);
  },
});
