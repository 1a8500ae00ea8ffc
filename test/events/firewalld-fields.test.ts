/**
 * firewalld.command-failed carries the iptables verb, table and chain of the command firewalld ran,
 * and iptables' answer as a canonical reason, so firewalld-restart tells docker's appends to a wiped
 * chain from its benign start-up probing without reading the text. Messages are real pastes
 * (test/fixtures/real-world/firewalld-restart) or built from their parts where said.
 */
import { describe, expect, it } from 'vitest';
import { EVENTS } from '../../analyzer/src/events/catalog.js';

const fields = (message: string) => EVENTS.match(EVENTS.gate(undefined, 'firewalld'), message)?.find((m) => m.kind === 'firewalld.command-failed')?.fields;

describe('firewalld.command-failed fields', () => {
  it('firewalld 0.4 ERROR, -A DOCKER in nat, no chain [real moby/moby#16137]', () => {
    const f = fields("2017-09-01 12:16:10 ERROR: COMMAND_FAILED: '/sbin/iptables -w2 -t nat -A DOCKER -p tcp -d 0/0 --dport 2003 -j DNAT --to-destination 172.17.0.5:22 ! -i docker0' failed: iptables: No chain/target/match by that name.");
    expect(f).toMatchObject({ verb: 'append', table: 'nat', chain: 'DOCKER', reason: 'no-chain', command: '/sbin/iptables -w2 -t nat -A DOCKER -p tcp -d 0/0 --dport 2003 -j DNAT --to-destination 172.17.0.5:22 ! -i docker0' });
  });

  it('long options and the default filter table [real moby/moby#16137 --delete line]', () => {
    const f = fields("2017-09-01 12:16:10 ERROR: COMMAND_FAILED: '/sbin/iptables -w2 -w --table filter --delete INPUT --in-interface virbr0 --protocol tcp --destination-port 53 --jump ACCEPT' failed: iptables: Bad rule (does a matching rule exist in that chain?).");
    expect(f).toMatchObject({ verb: 'delete', table: 'filter', chain: 'INPUT', reason: 'bad-rule' });
    // No -t at all: iptables' default table is filter.
    expect(fields("WARNING: COMMAND_FAILED: '/usr/sbin/iptables -w10 -X DOCKER' failed: iptables: No chain/target/match by that name.")).toMatchObject({ verb: 'delete-chain', table: 'filter', chain: 'DOCKER' });
  });

  it('firewalld 0.5+ WARNING: -C, -F and -X are their own verbs [real moby/moby#16816, minishift/minishift#2777]', () => {
    expect(fields("WARNING: COMMAND_FAILED: '/usr/sbin/iptables -w2 -t filter -C DOCKER-ISOLATION-STAGE-1 -i docker0 ! -o docker0 -j DOCKER-ISOLATION-STAGE-2' failed: iptables: No chain/target/match by that name.")).toMatchObject({ verb: 'check', chain: 'DOCKER-ISOLATION-STAGE-1' });
    expect(fields("WARNING: COMMAND_FAILED: '/usr/sbin/iptables -w10 -t filter -F DOCKER-ISOLATION-STAGE-1' failed: iptables: No chain/target/match by that name.")).toMatchObject({ verb: 'flush' });
  });

  it('a COMMAND_FAILED without a quoted command keeps its detail and names no verb', () => {
    const f = fields('ERROR: COMMAND_FAILED: INVALID_ZONE: docker');
    expect(f).toEqual({ detail: 'INVALID_ZONE: docker' });
  });
});
