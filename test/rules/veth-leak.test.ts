import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import rule from '../../analyzer/src/rules/veth-leak.js';
import { ruleTester, REPO_ROOT } from '../helpers/rule-tester.js';
import { dockerPsText } from '../helpers/docker-ps.js';

// Real iproute2 6.1 capture (see the fixture's README): lines 3-4 are the leaked pair, line 5 a healthy endpoint.
const capture = readFileSync(resolve(REPO_ROOT, 'test/fixtures/rules/veth-leak/ip-d-o-link.txt'), 'utf8');
const captureLines = capture.split('\n');
const healthyOnly = captureLines.filter((l) => !/vethf31f0e7|vethb2e3c6d/.test(l)).join('\n');
const oneRunning = dockerPsText([
  { id: 'a'.repeat(64), image: 'bb:latest', command: '"sleep 3600"', created: '2 minutes ago', status: 'Up 2 minutes', names: 'web' },
]);
const noneRunning = dockerPsText([
  { id: 'b'.repeat(64), image: 'bb:latest', command: '"sleep 3600"', created: '2 minutes ago', status: 'Exited (137) 1 minute ago', names: 'db' },
]);
// systemd v229+ wording for a SIGKILLed dockerd (field guide §1.3).
const killJournal = '2024-05-02T10:00:00+0000 node1 systemd[1]: docker.service: Main process exited, code=killed, status=9/KILL\n';

ruleTester.run(rule, {
  valid: [
    { name: 'one healthy endpoint for one running container', artifacts: { 'ip.link': healthyOnly, 'docker.ps': oneRunning } },
    {
      name: 'CNI-style veth without a docker bridge is not docker’s',
      artifacts: { 'ip.link': '7: veth12345678@if3: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1450 qdisc noqueue master cni0 state UP mode DEFAULT group default \\    link/ether 32:70:3d:4c:ce:39 brd ff:ff:ff:ff:ff:ff link-netnsid 0\n', 'docker.ps': noneRunning },
    },
    { name: 'not evaluated without ip link', artifacts: { 'docker.ps': oneRunning }, coverage: 'not-evaluated' },
    { name: 'endpoint count unknowable without docker ps', artifacts: { 'ip.link': healthyOnly }, coverage: 'insufficient-evidence' },
  ],
  invalid: [
    {
      name: 'real capture: a pair with both ends in the host namespace, after a dockerd SIGKILL',
      artifacts: { 'ip.link': capture, 'bridge.link': readFileSync(resolve(REPO_ROOT, 'test/fixtures/rules/veth-leak/bridge-link.txt'), 'utf8'), 'docker.ps': oneRunning, journal: killJournal },
      findings: [
        {
          messageId: 'orphanPairs',
          confidence: 'high',
          data: { count: 2 },
          evidence: [
            { artifact: 'ip.link', line: 3, excerpt: 'vethb2e3c6d@vethf31f0e7' },
            { artifact: 'ip.link', line: 4, excerpt: 'vethf31f0e7@vethb2e3c6d' },
            { artifact: 'journal', line: 1, excerpt: 'status=9/KILL' },
          ],
        },
      ],
    },
    {
      // The nspawn lab saw pairs with both ends on the host for ~15 s after a restarted dockerd began starting queued containers.
      name: 'the same pair seconds after dockerd started: medium confidence, collect again',
      collectedAt: '2024-05-02T10:00:20Z',
      artifacts: {
        'ip.link': capture,
        'docker.ps': oneRunning,
        journal: '2024-05-02T10:00:10+0000 node1 dockerd[900]: time="2024-05-02T10:00:10.000000000Z" level=info msg="API listen on /run/docker.sock"\n',
      },
      findings: [{ messageId: 'orphanPairs', confidence: 'medium', evidence: [{ artifact: 'ip.link', line: 4 }, { artifact: 'journal', line: 1, excerpt: 'API listen on' }] }],
    },
    {
      name: 'an endpoint on docker0 while no container runs',
      artifacts: { 'ip.link': healthyOnly, 'docker.ps': noneRunning },
      findings: [{ messageId: 'excessEndpoints', severity: 'warning', data: { count: 1, running: 0 }, evidence: [{ artifact: 'ip.link', line: 3, excerpt: 'veth1a2b3c4@if2' }] }],
    },
  ],
});
