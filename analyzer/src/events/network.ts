/**
 * Networking: the default bridge, iptables programming failures (firewalld wiping docker's chains,
 * field guide §2), duplicate network names, and the kernel's bridge-port lines.
 */
import { defineEvent } from './types.js';
import { lookupTable } from '../parsers/util/dict.js';

const DOCKER = ['docker', 'dockerd'];

/** iptables' command options (short and long) → the verb, as iptables(8) names them. */
const IPTABLES_VERBS = lookupTable<string>({
  '-A': 'append', '--append': 'append', '-C': 'check', '--check': 'check', '-D': 'delete', '--delete': 'delete',
  '-I': 'insert', '--insert': 'insert', '-R': 'replace', '--replace': 'replace', '-F': 'flush', '--flush': 'flush',
  '-X': 'delete-chain', '--delete-chain': 'delete-chain', '-N': 'new-chain', '--new-chain': 'new-chain',
  '-Z': 'zero', '--zero': 'zero', '-L': 'list', '--list': 'list', '-P': 'policy', '--policy': 'policy',
});

/**
 * The iptables command firewalld ran (`/sbin/iptables -w2 -t nat -A DOCKER -p tcp … -j DNAT …`) → its
 * verb, table (default filter) and chain; iptables' answer → `no-chain` (`No chain/target/match by
 * that name`: the chain or a jump target does not exist), `bad-rule` (`Bad rule (does a matching rule
 * exist in that chain?)`), else the text. Rules read these fields, never the command text.
 */
function iptablesFields(f: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  if (f.detail !== undefined) out.detail = f.detail;
  if (f.command !== undefined) {
    out.command = f.command;
    const words = f.command.split(/\s+/);
    let table = 'filter';
    for (let i = 0; i < words.length; i++) {
      const w = words[i]!;
      if (w === '-t' || w === '--table') table = words[++i] ?? table;
      else if (/^-t\w+$/.test(w)) table = w.slice(2);
      else if (/^--table=/.test(w)) table = w.slice(8);
      else if (IPTABLES_VERBS[w]) {
        out.verb = IPTABLES_VERBS[w]!;
        if (words[i + 1]) out.chain = words[i + 1]!;
        break;
      }
    }
    out.table = table;
  }
  if (f.reason !== undefined) out.reason = /No chain\/target\/match by that name/.test(f.reason) ? 'no-chain' : /\bBad rule\b/.test(f.reason) ? 'bad-rule' : f.reason.trim();
  return out;
}

/** firewalld's COMMAND_FAILED for a direct/passthrough iptables command: `'<command>' failed: <iptables' answer>`. */
const commandFailed = (level: string) => new RegExp(`${level}: COMMAND_FAILED(?:: (?<detail>'(?<command>[^']*)' failed: (?<reason>.*)|.*))?`, 's');

export const NETWORK_EVENTS = [
  defineEvent({
    kind: 'dockerd.default-bridge',
    title: 'default bridge address chosen',
    nearMiss: 'time="2023-11-15T00:13:21Z" level=info msg="Default network is bridge"',
    from: DOCKER,
    fields: ['bridge', 'address'],
    wordings: [{ re: /Default bridge \((?<bridge>\S+)\) is assigned with an IP address (?<address>\S+)\. Daemon option --bip can be used to set a preferred IP address/, hint: 'Default bridge (', versions: 'docker 1.12+', source: '[lab] docker.io 20.10.24', sample: 'time="2023-11-15T00:13:21Z" level=info msg="Default bridge (docker0) is assigned with an IP address 172.17.0.0/16. Daemon option --bip can be used to set a preferred IP address"' }],
  }),
  defineEvent({
    kind: 'dockerd.bridge-mismatch',
    title: 'docker0 address does not match the requested --bip (dockerd refused to start)',
    nearMiss: 'Error starting daemon: Error initializing network controller: bridge IPv4 (10.1.42.1) is already in use',
    from: DOCKER,
    fields: ['address', 'requested'],
    wordings: [{ re: /bridge IPv4 \((?<address>[^)\s]+)\) does not match requested configuration (?<requested>[^\s"]+)/, hint: 'does not match requested configuration', versions: 'docker 1.7–1.9', source: 'moby/moby#14425', sample: 'FATA[0000] Error starting daemon: Error initializing network controller: Error creating default "bridge" network: bridge IPv4 (10.1.42.1) does not match requested configuration 172.17.42.1' }],
  }),
  defineEvent({
    kind: 'dockerd.network-ambiguous',
    title: 'network name is ambiguous',
    nearMiss: 'Error response from daemon: network web not found',
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
    nearMiss: 'Error response from daemon: driver failed programming external connectivity on endpoint web (658ad7224cd5): Bind for 0.0.0.0:8080 failed: port is already allocated',
    fields: ['endpoint', 'id'],
    wordings: [{ re: /driver failed programming external connectivity on endpoint (?<endpoint>\S+) \((?<id>[0-9a-f]+)\):(?=.*iptables: No chain\/target\/match by that name)/s, hint: 'driver failed programming external connectivity', versions: 'docker 1.12+', source: '[lab] nspawn iptables-wiped', sample: 'time="2026-11-28T08:43:24.569485278Z" level=error msg="Handler for POST /v1.41/containers/028753b02236abd93b328d3d78dda7bff7e4e2fd4299552ab2a1b3718431c75d/start returned error: driver failed programming external connectivity on endpoint after (81ac3591add2501aece7b288869fac15ffd693e8bbcca58033d70c04186893b4):  (iptables failed: iptables --wait -t nat -A DOCKER -p tcp -d 0/0 --dport 8081 -j DNAT --to-destination 172.17.0.3:80 ! -i docker0: iptables: No chain/target/match by that name.\\n (exit status 1))"' }],
  }),
  defineEvent({
    kind: 'dockerd.chain-program-failed',
    title: 'docker could not program an iptables chain',
    nearMiss: 'time="2023-11-15T00:13:21Z" level=info msg="Programmed NAT chain"',
    from: DOCKER,
    fields: ['table'],
    wordings: [{ re: /Failed to program (?<table>NAT|FILTER) chain:?/, hint: 'Failed to program', versions: 'docker 1.12+', source: 'field guide §2', sample: 'time="2023-11-15T00:13:21Z" level=error msg="Failed to program NAT chain: iptables failed: iptables --wait -t nat -N DOCKER"' }],
  }),
  defineEvent({
    kind: 'dockerd.setup-iptables',
    title: 'docker set up its iptables rules',
    nearMiss: 'time="2023-11-15T00:13:21Z" level=info msg="Setup IP masquerade"',
    from: DOCKER,
    fields: ['phase'],
    wordings: [{ re: /Setup IP tables (?<phase>begin|end)/, hint: 'Setup IP tables', versions: 'openEuler docker-engine 18.09', source: 'field guide §2', sample: 'time="2021-03-01T12:55:56Z" level=info msg="Setup IP tables end"' }],
  }),
  defineEvent({
    kind: 'firewalld.command-failed',
    title: 'firewalld command failed',
    nearMiss: 'WARNING: ALREADY_ENABLED: docker0',
    from: ['firewalld'],
    // verb/table/chain/reason come from the command and answer (iptablesFields): `-A DOCKER` + no-chain
    // means docker's chain is gone; `-C`/`-D`/`-F`/`-X` failures are docker's normal start-up probing.
    fields: ['detail', 'command', 'verb', 'table', 'chain', 'reason'],
    normalize: iptablesFields,
    wordings: [
      { re: commandFailed('ERROR'), hint: 'COMMAND_FAILED', versions: 'firewalld 0.4', source: 'field guide §2, moby/moby#16137', sample: "2017-09-01 12:16:10 ERROR: COMMAND_FAILED: '/sbin/iptables -w2 -t nat -A DOCKER -p tcp -d 0/0 --dport 2003 -j DNAT --to-destination 172.17.0.5:22 ! -i docker0' failed: iptables: No chain/target/match by that name." },
      { re: commandFailed('WARNING'), hint: 'COMMAND_FAILED', versions: 'firewalld 0.5+', source: 'minishift/minishift#2777, moby/moby#16816', sample: "WARNING: COMMAND_FAILED: '/usr/sbin/iptables -w10 -t filter -X DOCKER' failed: iptables: No chain/target/match by that name." },
    ],
  }),
  defineEvent({
    kind: 'kernel.bridge-port-state',
    title: 'bridge port state changed',
    chatter: true,
    nearMiss: 'eth0: link becomes ready',
    from: ['kernel'],
    fields: ['bridge', 'port', 'state'],
    wordings: [{ re: /\b(?<bridge>docker0|br-[0-9a-f]{12}): port \d+\((?<port>veth[0-9a-f]+)\) entered (?<state>forwarding|blocking|disabled) state/, hint: ') entered ', versions: 'Linux 3.x–6.x', source: '[lab] lab-netns', sample: 'docker0: port 1(vethe205109) entered blocking state' }],
  }),
];
