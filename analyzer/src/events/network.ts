/**
 * Networking: the default bridge, iptables programming failures (firewalld wiping docker's chains,
 * field guide §2), duplicate network names, and the kernel's bridge-port lines.
 */
import { defineEvent } from './types.js';

const DOCKER = ['docker', 'dockerd'];

export const NETWORK_EVENTS = [
  defineEvent({
    kind: 'dockerd.default-bridge',
    title: 'default bridge address chosen',
    from: DOCKER,
    fields: ['bridge', 'address'],
    wordings: [{ re: /Default bridge \((?<bridge>\S+)\) is assigned with an IP address (?<address>\S+)\. Daemon option --bip can be used to set a preferred IP address/, hint: 'Default bridge (', versions: 'docker 1.12+', source: '[lab] docker.io 20.10.24', sample: 'time="2023-11-15T00:13:21Z" level=info msg="Default bridge (docker0) is assigned with an IP address 172.17.0.0/16. Daemon option --bip can be used to set a preferred IP address"' }],
  }),
  defineEvent({
    kind: 'dockerd.network-ambiguous',
    title: 'network name is ambiguous',
    fields: ['network', 'matches'],
    wordings: [
      { re: /network (?<network>\S+) is ambiguous \((?<matches>\d+) matches found based on name\)/, hint: 'is ambiguous', versions: 'docker 17.06+', source: 'field guide §2', sample: 'Error response from daemon: network web is ambiguous (2 matches found based on name)' },
      { re: /network (?<network>\S+) is ambiguous \((?<matches>\d+) matches found on name\)/, hint: 'is ambiguous', versions: 'docker 20.10+', source: 'moby/moby#33561, ddev/ddev#5193', sample: 'Error response from daemon: network ddev-npg_default is ambiguous (16 matches found on name)' },
      { re: /(?<matches>\d+) matches found based on name: network (?<network>\S+) is ambiguous/, hint: 'is ambiguous', versions: 'docker 1.12–17.03', source: 'field guide §2', sample: 'Error response from daemon: 2 matches found based on name: network web is ambiguous' },
    ],
  }),
  defineEvent({
    kind: 'dockerd.port-programming-failed',
    title: 'port publishing failed: docker chain missing',
    fields: ['endpoint', 'id'],
    wordings: [{ re: /driver failed programming external connectivity on endpoint (?<endpoint>\S+) \((?<id>[0-9a-f]+)\):(?=.*iptables: No chain\/target\/match by that name)/s, hint: 'driver failed programming external connectivity', versions: 'docker 1.12+', source: '[lab] nspawn iptables-wiped', sample: 'time="2026-11-28T08:43:24.569485278Z" level=error msg="Handler for POST /v1.41/containers/028753b02236abd93b328d3d78dda7bff7e4e2fd4299552ab2a1b3718431c75d/start returned error: driver failed programming external connectivity on endpoint after (81ac3591add2501aece7b288869fac15ffd693e8bbcca58033d70c04186893b4):  (iptables failed: iptables --wait -t nat -A DOCKER -p tcp -d 0/0 --dport 8081 -j DNAT --to-destination 172.17.0.3:80 ! -i docker0: iptables: No chain/target/match by that name.\\n (exit status 1))"' }],
  }),
  defineEvent({
    kind: 'dockerd.chain-program-failed',
    title: 'docker could not program an iptables chain',
    from: DOCKER,
    fields: ['table'],
    wordings: [{ re: /Failed to program (?<table>NAT|FILTER) chain:?/, hint: 'Failed to program', versions: 'docker 1.12+', source: 'field guide §2', sample: 'time="2023-11-15T00:13:21Z" level=error msg="Failed to program NAT chain: iptables failed: iptables --wait -t nat -N DOCKER"' }],
  }),
  defineEvent({
    kind: 'dockerd.setup-iptables',
    title: 'docker set up its iptables rules',
    from: DOCKER,
    fields: ['phase'],
    wordings: [{ re: /Setup IP tables (?<phase>begin|end)/, hint: 'Setup IP tables', versions: 'openEuler docker-engine 18.09', source: 'field guide §2', sample: 'time="2021-03-01T12:55:56Z" level=info msg="Setup IP tables end"' }],
  }),
  defineEvent({
    kind: 'firewalld.command-failed',
    title: 'firewalld command failed',
    from: ['firewalld'],
    fields: ['detail'],
    wordings: [{ re: /ERROR: COMMAND_FAILED(?:: (?<detail>.*))?/s, hint: 'COMMAND_FAILED', versions: 'firewalld 0.4+', source: 'field guide §2', sample: "ERROR: COMMAND_FAILED: '/usr/sbin/iptables -w10 -t nat -A DOCKER -p tcp -d 0/0 --dport 8080 -j DNAT --to-destination 172.17.0.2:80 ! -i docker0' failed: iptables: No chain/target/match by that name." }],
  }),
  defineEvent({
    kind: 'kernel.bridge-port-state',
    title: 'bridge port state changed',
    from: ['kernel'],
    fields: ['bridge', 'port', 'state'],
    wordings: [{ re: /\b(?<bridge>docker0|br-[0-9a-f]{12}): port \d+\((?<port>veth[0-9a-f]+)\) entered (?<state>forwarding|blocking|disabled) state/, hint: ') entered ', versions: 'Linux 3.x–6.x', source: '[lab] lab-netns', sample: 'docker0: port 1(vethe205109) entered blocking state' }],
  }),
];
