import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import rule from '../../analyzer/src/rules/icc-icmp-exception.js';
import { REPO_ROOT, ruleTester } from '../helpers/rule-tester.js';

// Real capture (test/fixtures/rules/icc-icmp-exception/README.md): dockerd 20.10.24 with --icc=false in a netns lab, then
// `iptables -I FORWARD -p icmp -j ACCEPT`; ping between two containers worked, nc timed out.
const fx = (name: string) => readFileSync(resolve(REPO_ROOT, 'test/fixtures/rules/icc-icmp-exception', name), 'utf8');
const filter = fx('iptables-save-filter.txt');
const ps = fx('ps.txt');
const withoutIcmp = filter.replace('-A FORWARD -p icmp -j ACCEPT\n', '');

ruleTester.run(rule, {
  valid: [
    { name: 'healthy netns lab (icc on)', bundle: 'samples/lab-netns-healthy' },
    { name: 'healthy nspawn lab', bundle: 'samples/nspawn-healthy' },
    { name: 'healthy sosreport (Debian 12)', coverage: 'not-evaluated', bundle: 'samples/sosreport-vm-debian12.tar.xz' },
    { name: 'icc=false without an ICMP exception', artifacts: { 'iptables.filter': withoutIcmp, ps } },
    { name: 'ICMP accepted first but icc is on', artifacts: { 'iptables.filter': filter, 'docker.daemon-json': '{ "icc": true }\n' } },
    { name: 'ICMP accept limited to another interface', artifacts: { 'iptables.filter': filter.replace('-A FORWARD -p icmp -j ACCEPT', '-A FORWARD -i eth0 -p icmp -j ACCEPT'), ps } },
    { name: 'not evaluated with icc=false and no filter table', artifacts: { 'docker.daemon-json': '{ "icc": false }\n' }, drop: ['iptables.filter'], coverage: 'not-evaluated' },
  ],
  invalid: [
    {
      name: 'real capture: --icc=false and iptables -I FORWARD -p icmp -j ACCEPT',
      artifacts: { 'iptables.filter': filter, ps },
      findings: [
        {
          messageId: 'icmpBeforeDrop',
          severity: 'warning',
          data: { bridge: 'docker0', icmpRule: '-A FORWARD -p icmp -j ACCEPT', iccSource: 'cmdline' },
          evidence: [
            { artifact: 'iptables.filter', line: 10, excerpt: '-A FORWARD -p icmp -j ACCEPT' },
            { artifact: 'iptables.filter', line: 16, excerpt: '-A FORWARD -i docker0 -o docker0 -j DROP' },
            { artifact: 'ps', excerpt: '--icc=false' },
          ],
        },
      ],
    },
    {
      // openEuler 18.09 style: icc in daemon.json, the ICMP accept in DOCKER-USER (hand-written, iptables-save syntax per field guide §2).
      name: 'icc false in daemon.json, ICMP accepted in DOCKER-USER',
      artifacts: {
        'docker.daemon-json': '{\n  "icc": false\n}\n',
        'iptables.filter': withoutIcmp.replace('-A DOCKER-USER -j RETURN', '-A DOCKER-USER -p icmp -m icmp --icmp-type 8 -j ACCEPT\n-A DOCKER-USER -j RETURN'),
      },
      findings: [
        {
          messageId: 'icmpBeforeDrop',
          data: { iccSource: 'daemon.json', icmpRule: '-A DOCKER-USER -p icmp -m icmp --icmp-type 8 -j ACCEPT' },
          evidence: [{ artifact: 'docker.daemon-json', line: 2 }, { artifact: 'iptables.filter', excerpt: '-A DOCKER-USER -p icmp' }],
        },
      ],
    },
  ],
});
