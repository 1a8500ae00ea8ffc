/**
 * Docker networks (`docker network ls`) and host links: `ip link` records joined with their
 * addresses (`ip -o addr`, by ifindex) and bridge port states (`bridge link`, by ifindex or name;
 * else the `bridge_slave state` of `ip -d link`).
 */
import type { FactStore } from './fact-store.js';
import type { ModelDraft } from './build.js';
import type { LinkFact, NetworkFact } from './host-model.js';
import type { DockerNetworkLsFacts } from '../parsers/docker-network-ls.js';
import type { IpLinkFacts } from '../parsers/ip-link.js';
import type { IpAddrFacts } from '../parsers/ip-addr.js';
import type { BridgeLinkFacts } from '../parsers/bridge-link.js';
import { lineEvidence } from './source-evidence.js';

export function buildNetworks(facts: FactStore, _d: ModelDraft): NetworkFact[] {
  const ls = facts.first<DockerNetworkLsFacts>('docker.network-ls');
  if (!ls) return [];
  return ls.value.networks.map((n) => {
    const f: NetworkFact = { id: n.id, name: n.name, evidence: lineEvidence(ls.source, n) };
    if (n.driver !== undefined) f.driver = n.driver;
    if (n.scope !== undefined) f.scope = n.scope;
    return f;
  });
}

export function buildLinks(facts: FactStore, _d: ModelDraft): LinkFact[] {
  const links = facts.first<IpLinkFacts>('ip.link');
  if (!links) return [];
  const addrFacts = facts.first<IpAddrFacts>('ip.addr');
  const addrs = addrFacts?.value.addresses ?? [];
  const addrSource = addrFacts?.source;
  const ports = facts.first<BridgeLinkFacts>('bridge.link')?.value.ports ?? [];
  // Indexed once: per-link filter/find over addresses and ports was quadratic (a million veths).
  const addrsByName = groupBy(addrs, (a) => a.ifname);
  const portsByName = groupBy(ports, (p) => p.name);
  return links.value.links.map((l) => {
    const f: LinkFact = {
      ifindex: l.ifindex,
      name: l.name,
      flags: [...l.flags],
      addresses: [],
      evidence: lineEvidence(links.source, l),
    };
    const named = addrsByName.get(l.name) ?? [];
    let mine = named.filter((a) => a.ifindex === l.ifindex);
    if (mine.length === 0) mine = named;
    f.addresses = mine.map((a) => a.cidr);
    if (mine.length > 0 && addrSource) f.addressEvidence = Object.fromEntries(mine.map((a) => [a.cidr, lineEvidence(addrSource, a)]));
    if (l.peerIfindex !== undefined) f.peerIfindex = l.peerIfindex;
    if (l.peerName !== undefined) f.peerName = l.peerName;
    if (l.kind !== undefined) f.kind = l.kind;
    if (l.master !== undefined) f.master = l.master;
    if (l.state !== undefined) f.state = l.state;
    if (l.mtu !== undefined) f.mtu = l.mtu;
    if (l.linkNetnsId !== undefined) f.linkNetnsId = l.linkNetnsId;
    if (l.mac !== undefined) f.mac = l.mac;
    const samePorts = portsByName.get(l.name) ?? [];
    const port = samePorts.find((p) => p.ifindex === l.ifindex) ?? samePorts[0];
    const portState = port?.state ?? l.portState;
    if (portState !== undefined) f.bridgePortState = portState;
    return f;
  });
}

/** Items grouped by a key, in input order. */
function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const it of items) {
    const k = key(it);
    const list = out.get(k);
    if (list) list.push(it);
    else out.set(k, [it]);
  }
  return out;
}
