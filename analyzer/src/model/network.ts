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
  const addrs = facts.first<IpAddrFacts>('ip.addr')?.value.addresses ?? [];
  const ports = facts.first<BridgeLinkFacts>('bridge.link')?.value.ports ?? [];
  return links.value.links.map((l) => {
    const f: LinkFact = {
      ifindex: l.ifindex,
      name: l.name,
      flags: [...l.flags],
      addresses: addrs.filter((a) => a.ifindex === l.ifindex && a.ifname === l.name).map((a) => a.cidr),
      evidence: lineEvidence(links.source, l),
    };
    if (f.addresses.length === 0) f.addresses = addrs.filter((a) => a.ifname === l.name).map((a) => a.cidr);
    if (l.peerIfindex !== undefined) f.peerIfindex = l.peerIfindex;
    if (l.peerName !== undefined) f.peerName = l.peerName;
    if (l.kind !== undefined) f.kind = l.kind;
    if (l.master !== undefined) f.master = l.master;
    if (l.state !== undefined) f.state = l.state;
    if (l.mtu !== undefined) f.mtu = l.mtu;
    if (l.linkNetnsId !== undefined) f.linkNetnsId = l.linkNetnsId;
    if (l.mac !== undefined) f.mac = l.mac;
    const port = ports.find((p) => p.ifindex === l.ifindex && p.name === l.name) ?? ports.find((p) => p.name === l.name);
    const portState = port?.state ?? l.portState;
    if (portState !== undefined) f.bridgePortState = portState;
    return f;
  });
}
