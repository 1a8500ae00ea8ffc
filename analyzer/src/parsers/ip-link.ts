/**
 * `ip -d -o link` (our collector) and the multi-line `ip link` / `ip -s -d link` forms (sosreport).
 *
 * One-line form: each record's lines joined with a literal `\` (field guide §3), e.g. [cap] iproute2 6.1:
 * ```
 * 5: vethf31f0e7@vethb2e3c6d: <NO-CARRIER,BROADCAST,MULTICAST,UP,M-DOWN> mtu 1500 qdisc noqueue master docker0 state LOWERLAYERDOWN mode DEFAULT group default qlen 1000\    link/ether 0a:84:54:7a:d0:f2 brd ff:ff:ff:ff:ff:ff promiscuity 1  allmulti 1 minmtu 68 maxmtu 65535 \    veth \    bridge_slave state disabled priority 32 cost 2 hairpin off …
 * 7: vethe205109@if2: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue master docker0 state UP mode DEFAULT group default qlen 1000\    link/ether 46:c4:c9:c6:b7:65 brd ff:ff:ff:ff:ff:ff link-netnsid 1
 * ```
 * `@ifN` = peer ifindex N in another netns; `@name` = peer in this netns (a leaked pair when both are
 * docker veths). Multi-line form: the same record with continuation lines indented; `-s` adds
 * `RX:`/`TX:` rows that are skipped. Old iproute2 (3.10–4.x) may print two `state` keys (operstate,
 * then bridge port state): the first is the operstate, the second the port state.
 */
import type { Line } from '../spine/types.js';
import { LINK_HEADER } from './util/link-header.js';
import { lineParser, malformed, ok, skipped, type ProblemLog } from './util/line-parser.js';

export interface IpLink {
  ifindex: number;
  name: string;
  /** `vethX@vethY`: the peer's name (same netns). */
  peerName?: string;
  /** `vethX@ifN`: the peer's ifindex in another netns. */
  peerIfindex?: number;
  flags: string[];
  mtu?: number;
  qdisc?: string;
  master?: string;
  /** Operational state (UP, DOWN, LOWERLAYERDOWN, UNKNOWN). */
  state?: string;
  /** Bridge port state: `bridge_slave state X` (`-d`) or old iproute2's second `state`. */
  portState?: string;
  mode?: string;
  group?: string;
  qlen?: number;
  /** `link/ether` → `ether`. */
  linkType?: string;
  mac?: string;
  linkNetnsId?: number;
  linkNetns?: string;
  /** `-d` kind line: veth, bridge, vxlan, … */
  kind?: string;
  /** `bridge_slave`, `bond_slave`, … */
  slaveKind?: string;
  bridgeSlave?: { state?: string; priority?: number; cost?: number };
  line: number;
  text: string;
}

export interface IpLinkFacts {
  form: 'oneline' | 'multiline';
  links: IpLink[];
  /** Link records in the file, including those beyond MAX_LINKS that were counted but not read. */
  total: number;
}

const NOT_KIND = new Set(['RX:', 'TX:', 'RX', 'TX', 'altname', 'alias', 'vf', 'prop', 'addrgenmode', 'cpu', 'link-netnsid', 'link-netns']);

/**
 * Continuation lines kept per link record. A real `ip -s -d link` record has about ten (a bridge
 * with VLANs a few more); 10,000,000 after one header once took 756 MB. The rest are counted.
 */
export const MAX_LINK_SEGMENTS = 256;
/**
 * Link records read. A busy host has a few thousand interfaces; a million leaked veths took 2.4 GB.
 * Later records are counted (IpLinkFacts.total) and skipped.
 */
export const MAX_LINKS = 100_000;

interface Pending {
  line: Line;
  segments: string[];
  /** Continuation lines beyond MAX_LINK_SEGMENTS, counted, not kept. */
  dropped: number;
}

interface State {
  links: IpLink[];
  pending?: Pending;
  oneline: boolean;
  multiline: boolean;
  sawText: boolean;
  /** Records seen, read or not. */
  total: number;
  /** Past MAX_LINKS: the current record and its continuation lines are skipped. */
  skipping: boolean;
}

function num(v: string | undefined): number | undefined {
  return v !== undefined && /^\d{1,15}$/.test(v) ? Number(v) : undefined;
}

/** Key/value pairs from whitespace tokens; only the keys we know take the next token. */
function applyPairs(rec: IpLink, tokens: string[], problems: ProblemLog, line: Line, allowSecondState: boolean): void {
  for (let i = 0; i < tokens.length; i++) {
    const k = tokens[i]!;
    const v = tokens[i + 1];
    switch (k) {
      case 'mtu':
        rec.mtu = num(v);
        if (rec.mtu === undefined) problems.add(line, `mtu is not a number: ${v ?? '(missing)'}`);
        i++;
        break;
      case 'qdisc':
        rec.qdisc = v;
        i++;
        break;
      case 'master':
        rec.master = v;
        i++;
        break;
      case 'state':
        if (rec.state === undefined) rec.state = v;
        else if (allowSecondState) rec.portState = v?.toLowerCase();
        i++;
        break;
      case 'mode':
        rec.mode = v;
        i++;
        break;
      case 'group':
        rec.group = v;
        i++;
        break;
      case 'qlen':
        rec.qlen = num(v);
        i++;
        break;
      case 'link-netnsid':
        rec.linkNetnsId = num(v);
        i++;
        break;
      case 'link-netns':
        rec.linkNetns = v;
        i++;
        break;
      default:
        break;
    }
  }
}

function buildRecord(p: Pending, problems: ProblemLog): IpLink | undefined {
  const [head, ...rest] = p.segments;
  const m = LINK_HEADER.exec(head!.trim());
  if (!m) {
    problems.add(p.line, 'link header not understood');
    return undefined;
  }
  const [, idx, name, peer, oldState, flags, tail] = m;
  const rec: IpLink = { ifindex: Number(idx), name: name!, flags: flags ? flags.split(',').filter((f) => f !== '') : [], line: p.line.no, text: p.line.text.slice(0, 500) };
  if (peer !== undefined) {
    const ifn = /^if(\d+)$/.exec(peer);
    if (ifn) rec.peerIfindex = Number(ifn[1]);
    else if (peer !== 'NONE') rec.peerName = peer;
  }
  if (oldState !== undefined) rec.state = oldState;
  applyPairs(rec, tail!.split(/\s+/).filter((t) => t !== ''), problems, p.line, true);
  for (const seg of rest) {
    // Detail segments are long (a bridge's runs to ~100 tokens): read only the first word unless needed.
    const firstM = /^\s*(\S+)/.exec(seg);
    if (!firstM) continue;
    const first = firstM[1]!;
    const need = first.startsWith('link/') ? Infinity : first === 'bridge_slave' ? 12 : 0;
    const tokens = need === 0 ? [first] : seg.trim().split(/\s+/, need === Infinity ? undefined : need);
    if (first.startsWith('link/')) {
      rec.linkType = first.slice(5);
      if (tokens[1] !== undefined && tokens[1] !== 'brd' && /^[0-9a-f:.]+$/i.test(tokens[1])) rec.mac = tokens[1].toLowerCase();
      applyPairs(rec, tokens.slice(2), problems, p.line, false);
    } else if (first.endsWith('_slave')) {
      rec.slaveKind = first;
      if (first === 'bridge_slave') {
        const bs: { state?: string; priority?: number; cost?: number } = {};
        for (let i = 1; i < tokens.length - 1; i++) {
          if (tokens[i] === 'state' && bs.state === undefined) bs.state = tokens[i + 1]!.toLowerCase();
          else if (tokens[i] === 'priority' && bs.priority === undefined) bs.priority = num(tokens[i + 1]);
          else if (tokens[i] === 'cost' && bs.cost === undefined) bs.cost = num(tokens[i + 1]);
        }
        rec.bridgeSlave = bs;
        if (bs.state !== undefined) rec.portState = bs.state;
      }
    } else if (/^[a-z][a-z0-9_-]*$/.test(first) && !NOT_KIND.has(first) && rec.kind === undefined) {
      rec.kind = first;
    }
  }
  return rec;
}

function flush(s: State, problems: ProblemLog): void {
  if (!s.pending) return;
  if (s.pending.dropped > 0) problems.add(s.pending.line, `${s.pending.dropped} continuation lines beyond ${MAX_LINK_SEGMENTS} not read (limit MAX_LINK_SEGMENTS)`);
  const rec = buildRecord(s.pending, problems);
  if (rec) s.links.push(rec);
  s.pending = undefined;
}

export const ipLinkParser = lineParser<State, IpLinkFacts>({
  name: 'ip-link',
  artifacts: ['ip.link'],
  init: () => ({ links: [], oneline: false, multiline: false, sawText: false, total: 0, skipping: false }),
  line(s, line, problems) {
    const t = line.text;
    if (t.trim() === '') return;
    s.sawText = true;
    if (/^\d+:\s/.test(t)) {
      flush(s, problems);
      s.total++;
      if (s.links.length >= MAX_LINKS) {
        if (!s.skipping) problems.add(line, `more than ${MAX_LINKS} link records: the rest are counted, not read (limit MAX_LINKS)`);
        s.skipping = true;
        return;
      }
      if (t.includes('\\')) s.oneline = true;
      const segments = t.split('\\', MAX_LINK_SEGMENTS);
      s.pending = { line, segments, dropped: 0 };
      return;
    }
    if (/^\s/.test(t)) {
      if (s.skipping) return;
      if (!s.pending) {
        problems.add(line, 'continuation line before any link record');
        return;
      }
      s.multiline = true;
      if (s.pending.segments.length < MAX_LINK_SEGMENTS) s.pending.segments.push(t);
      else s.pending.dropped++;
      return;
    }
    flush(s, problems);
    problems.add(line, 'not an ip link record');
  },
  finish(s, problems) {
    flush(s, problems);
    const value: IpLinkFacts = { form: s.multiline && !s.oneline ? 'multiline' : 'oneline', links: s.links, total: s.total };
    if (!s.sawText) return skipped('empty output', problems);
    if (s.links.length === 0) return malformed('no link records', problems, problems.list[0]?.line, value);
    return ok(value, problems);
  },
});
