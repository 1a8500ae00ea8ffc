import { describe, expect, it } from 'vitest';
import type { IpLinkFacts } from '../../analyzer/src/parsers/ip-link.js';
import { okValue, parse } from './host-helpers.js';

describe('ip-link parser', () => {
  it('one-line -d form: records joined with `\\`, veth/bridge kinds, bridge_slave port state [cap]', () => {
    const { value } = okValue<IpLinkFacts>('ip.link', 'ip.link/iproute2-6.1-d-o-veth-pairs.txt');
    expect(value.form).toBe('oneline');
    expect(value.links.map((l) => [l.ifindex, l.name, l.kind ?? null])).toEqual([
      [1, 'lo', null],
      [2, 'docker0', 'bridge'],
      [4, 'vethb2e3c6d', 'veth'],
      [5, 'vethf31f0e7', 'veth'],
      [6, 'br-3f2a1b4c5d6e', 'bridge'],
      [7, 'vethe205109', 'veth'],
    ]);
    const leaked = value.links[3]!;
    expect(leaked).toMatchObject({ peerName: 'vethb2e3c6d', flags: ['NO-CARRIER', 'BROADCAST', 'MULTICAST', 'UP', 'M-DOWN'], mtu: 1500, qdisc: 'noqueue', master: 'docker0', state: 'LOWERLAYERDOWN', mode: 'DEFAULT', group: 'default', qlen: 1000 });
    expect(leaked).toMatchObject({ linkType: 'ether', mac: '0a:84:54:7a:d0:f2', slaveKind: 'bridge_slave', bridgeSlave: { state: 'disabled', priority: 32, cost: 2 }, portState: 'disabled' });
    expect(leaked.peerIfindex).toBeUndefined();
    expect(value.links[5]).toMatchObject({ peerIfindex: 2, linkNetnsId: 1, bridgeSlave: { state: 'forwarding' } });
    expect(value.links[5]!.peerName).toBeUndefined();
  });

  it('the multi-line form gives the same records as the one-line form of the same host', () => {
    const one = okValue<IpLinkFacts>('ip.link', 'ip.link/iproute2-6.1-o-veth-pairs.txt').value;
    const multi = okValue<IpLinkFacts>('ip.link', 'ip.link/iproute2-6.1-multiline-veth-pairs.txt').value;
    expect(multi.form).toBe('multiline');
    const strip = (v: IpLinkFacts) => v.links.map(({ line: _l, text: _t, ...rest }) => rest);
    expect(strip(multi)).toEqual(strip(one));
  });

  it('-s -d multi-line (sos ip_-s_-d_link): counter rows are skipped', () => {
    const { value } = okValue<IpLinkFacts>('ip.link', 'ip.link/iproute2-6.1-s-d-multiline-veth-pairs.txt');
    expect(value.links).toHaveLength(6);
    expect(value.links.find((l) => l.name === 'vethe205109')).toMatchObject({ kind: 'veth', linkNetnsId: 1, portState: 'forwarding' });
    expect(value.links.find((l) => l.name === 'lo')!.kind).toBeUndefined();
  });

  it('old iproute2 prints a second state key: the first is the operstate (hand, field guide §3)', () => {
    const text = '5: vethf31f0e7 state LOWERLAYERDOWN : <NO-CARRIER,BROADCAST,MULTICAST,UP,M-DOWN> mtu 1500 master docker0 state disabled priority 32 cost 2\n';
    const r = parse<IpLinkFacts>('ip.link', text);
    expect(r.status).toBe('ok');
    if (r.status === 'ok') expect(r.value.links[0]).toMatchObject({ state: 'LOWERLAYERDOWN', portState: 'disabled', master: 'docker0' });
    const { value } = okValue<IpLinkFacts>('ip.link', 'ip.link/hand-iproute2-4.x-two-state-keys.txt');
    expect(value.links[1]).toMatchObject({ peerIfindex: 6, linkNetnsId: 0, state: 'UP', portState: 'forwarding' });
  });

  it('a peer in a named netns prints `link-netns NAME` (first capture of the same lab, field guide §3)', () => {
    const r = parse<IpLinkFacts>('ip.link', '3: vethe205109@if2: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue master docker0 state UP mode DEFAULT group default qlen 1000\\    link/ether 86:ab:8b:08:57:ea brd ff:ff:ff:ff:ff:ff link-netns dpmhp-ctr promiscuity 1  allmulti 1 minmtu 68 maxmtu 65535 \\    veth\n');
    expect(r.status === 'ok' && r.value.links[0]).toMatchObject({ peerIfindex: 2, linkNetns: 'dpmhp-ctr', kind: 'veth' });
  });

  it('real docker 20.10 links: br-<12hex> master, veth names of 7 hex', () => {
    const { value } = okValue<IpLinkFacts>('ip.link', 'ip.link/iproute2-6.1-d-o-docker20.10-running.txt');
    expect(value.links.find((l) => l.name === 'veth4e488ea')).toMatchObject({ master: 'br-b102447e5af2', peerIfindex: 5, kind: 'veth' });
  });

  it('garbage lines become problems with line numbers; records around them survive', () => {
    const text = ['garbage here', '2: docker0: <UP> mtu abc qdisc noqueue state UP', '   orphan? no: continuation after a record is fine', '3: x', '4: ok0: <UP> mtu 1500 state UP'].join('\n');
    const r = parse<IpLinkFacts>('ip.link', text);
    expect(r.problems.map((p) => p.line)).toEqual([1, 2, 4]);
    expect(r.problems[1]!.reason).toMatch(/mtu/);
    expect(r.status).toBe('ok');
    if (r.status === 'ok') expect(r.value.links.map((l) => l.name)).toEqual(['docker0', 'ok0']);
  });

  it('continuation before any record is a problem; empty output is skipped; all-garbage is malformed', () => {
    expect(parse('ip.link', '    link/ether 00:11:22:33:44:55\n').problems[0]).toMatchObject({ line: 1 });
    expect(parse('ip.link', '').status).toBe('skipped');
    expect(parse('ip.link', 'nope\nnothing\n').status).toBe('malformed');
  });

  it('returns frozen records', () => {
    const { value } = okValue<IpLinkFacts>('ip.link', 'ip.link/iproute2-6.1-o-veth-pairs.txt');
    expect(Object.isFrozen(value.links[0])).toBe(true);
  });
});
