import { describe, expect, it } from 'vitest';
import type { IpAddrFacts } from '../../analyzer/src/parsers/ip-addr.js';
import type { BridgeLinkFacts } from '../../analyzer/src/parsers/bridge-link.js';
import type { NetnsFacts } from '../../analyzer/src/parsers/ip-netns.js';
import type { FirewalldState } from '../../analyzer/src/parsers/firewalld-state.js';
import { okValue, parse } from './host-helpers.js';

describe('ip-addr parser', () => {
  it('one-line form [cap]: family, CIDR, scope, label', () => {
    const { value } = okValue<IpAddrFacts>('ip.addr', 'ip.addr/iproute2-6.1-o-veth-pairs.txt');
    expect(value.addresses).toHaveLength(7);
    expect(value.addresses[2]).toMatchObject({ ifindex: 2, ifname: 'docker0', family: 'inet', cidr: '172.17.0.1/16', scope: 'global', label: 'docker0', line: 3 });
    expect(value.addresses[6]).toMatchObject({ ifname: 'vethe205109', family: 'inet6', scope: 'link' });
  });

  it('multi-line form gives the same addresses', () => {
    const one = okValue<IpAddrFacts>('ip.addr', 'ip.addr/iproute2-6.1-o-veth-pairs.txt').value.addresses.map((a) => [a.ifindex, a.cidr]);
    const multi = okValue<IpAddrFacts>('ip.addr', 'ip.addr/iproute2-6.1-multiline-veth-pairs.txt').value.addresses.map((a) => [a.ifindex, a.cidr]);
    expect(multi).toEqual(one);
  });

  it('brd is read; an address line before a header is a problem', () => {
    const r = parse<IpAddrFacts>('ip.addr', '5: docker0    inet 172.17.0.1/16 brd 172.17.255.255 scope global docker0\\       valid_lft forever preferred_lft forever\n');
    expect(r.status === 'ok' && r.value.addresses[0]).toMatchObject({ brd: '172.17.255.255', label: 'docker0' });
    expect(parse('ip.addr', 'junk\n    inet 10.0.0.1/8 scope global eth0\n').problems.map((p) => p.line)).toEqual([1, 2]);
  });
});

describe('bridge-link parser', () => {
  it('real form: port state, master, priority, cost; `@docker0` kept as written [cap]', () => {
    const { value } = okValue<BridgeLinkFacts>('bridge.link', 'bridge.link/iproute2-6.1-leaked-veth.txt');
    expect(value.ports).toEqual([
      expect.objectContaining({ ifindex: 5, name: 'vethf31f0e7', at: 'vethb2e3c6d', master: 'docker0', state: 'disabled', priority: 32, cost: 2, mtu: 1500 }),
      expect.objectContaining({ ifindex: 7, name: 'vethe205109', at: 'docker0', state: 'forwarding' }),
    ]);
  });

  it('-s -s -d detail lines are skipped', () => {
    expect(okValue<BridgeLinkFacts>('bridge.link', 'bridge.link/iproute2-6.1-s-s-d-leaked-veth.txt').value.ports).toHaveLength(2);
  });

  it('old iproute2 `state UP :` before the flags (field guide §3, two state keys)', () => {
    const { value } = okValue<BridgeLinkFacts>('bridge.link', 'bridge.link/hand-iproute2-3.10-two-state-keys.txt');
    expect(value.ports[0]).toMatchObject({ operState: 'LOWERLAYERDOWN', state: 'disabled', master: 'docker0' });
    expect(value.ports[1]).toMatchObject({ operState: 'UP', state: 'forwarding' });
  });

  it('bad lines are problems; empty output (no bridge ports) is skipped', () => {
    expect(parse('bridge.link', 'x y z\n').problems[0]).toMatchObject({ line: 1 });
    expect(parse('bridge.link', '').status).toBe('skipped');
  });
});

describe('ip-netns and firewalld-state parsers', () => {
  it('names, with and without ids', () => {
    const { value } = okValue<NetnsFacts>('ip.netns', 'ip.netns/iproute2-6.1-two-named.txt');
    expect(value.namespaces.map((n) => n.name)).toEqual(['dpmhp-host', 'dpm-manual1']);
    const r = parse<NetnsFacts>('ip.netns', 'blue (id: 3)\nred\nbad line here\n');
    expect(r.status === 'ok' && r.value.namespaces).toEqual([{ name: 'blue', id: 3, line: 1 }, { name: 'red', line: 2 }]);
    expect(r.problems.map((p) => p.line)).toEqual([3]);
  });

  it('firewalld running / not running / unknown text', () => {
    expect(okValue<FirewalldState>('firewalld.state', 'firewalld.state/hand-firewalld-running.txt').value.running).toBe(true);
    expect(okValue<FirewalldState>('firewalld.state', 'firewalld.state/hand-firewalld-not-running.txt').value.running).toBe(false);
    const r = parse<FirewalldState>('firewalld.state', 'FirewallD is not running\n');
    expect(r.status === 'ok' && r.value.running).toBe(false);
    expect(parse('firewalld.state', 'weird\n').problems).toHaveLength(1);
  });
});
