import { describe, expect, it } from 'vitest';
import type { IptablesFacts } from '../../analyzer/src/parsers/iptables-save.js';
import { okValue, parse } from './host-helpers.js';

describe('iptables-save parser', () => {
  it('all tables [cap]: chains with policies, rules with per-chain positions and targets', () => {
    const { value } = okValue<IptablesFacts>('iptables.filter', 'iptables.filter/iptables-1.8.9-all-tables-icc-icmp-before-drop.txt');
    expect(value.format).toBe('save');
    expect(value.tables).toEqual(['filter', 'nat']);
    expect(value.chains.find((c) => c.table === 'filter' && c.name === 'FORWARD')).toMatchObject({ policy: 'DROP', line: 4 });
    expect(value.chains.find((c) => c.name === 'DOCKER-USER')).toMatchObject({ policy: '-' });
    const fwd = value.rules.filter((r) => r.table === 'filter' && r.chain === 'FORWARD');
    expect(fwd.map((r) => r.target)).toEqual(['DOCKER-USER', 'DOCKER-ISOLATION-STAGE-1', 'ACCEPT', 'DROP', 'ACCEPT', 'DOCKER']);
    expect(fwd.map((r) => r.position)).toEqual([1, 2, 3, 4, 5, 6]);
    const dnat = value.rules.find((r) => r.target === 'DNAT')!;
    expect(dnat).toMatchObject({ table: 'nat', chain: 'DOCKER', position: 2, text: '-A DOCKER ! -i docker0 -p tcp -m tcp --dport 8080 -j DNAT --to-destination 172.17.0.2:80' });
  });

  it('-nvL listing: table from the sos file name, targets from the column', () => {
    const { value } = okValue<IptablesFacts>('iptables.nat', 'iptables.nat/iptables-1.8.9-t-nat-nvL.txt', 'sos_commands/firewall_tables/iptables_-t_nat_-nvL');
    expect(value.format).toBe('list');
    expect(value.tables).toEqual(['nat']);
    expect(value.chains.find((c) => c.name === 'DOCKER')).toMatchObject({ references: 1 });
    expect(value.rules.filter((r) => r.chain === 'DOCKER').map((r) => r.target)).toEqual(['RETURN', 'DNAT']);
  });

  it('a cut file (no COMMIT) and rules outside a table are problems with line numbers', () => {
    const r = parse<IptablesFacts>('iptables.filter', '-A FORWARD -j DROP\n*filter\n:FORWARD ACCEPT [0:0]\n-A FORWARD -j ACCEPT\n');
    expect(r.problems.map((p) => [p.line, p.reason])).toEqual([
      [1, 'rule outside a table'],
      [2, 'table filter has no COMMIT (output cut?)'],
    ]);
    expect(r.status === 'ok' && r.value.rules).toHaveLength(1);
  });

  it('neither form is malformed', () => {
    expect(parse('iptables.filter', 'hello\nworld\n').status).toBe('malformed');
  });
});
