import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import rule from '../../analyzer/src/rules/userland-proxy-load.js';
import { REPO_ROOT, ruleTester } from '../helpers/rule-tester.js';

// Real capture (test/fixtures/rules/userland-proxy-load/README.md): dockerd 20.10.24 in a netns lab, six containers run with
// `-p 127.0.0.1::80`; ps of the lab's processes, docker ps -a --no-trunc.
const fx = (name: string) => readFileSync(resolve(REPO_ROOT, 'test/fixtures/rules/userland-proxy-load', name), 'utf8');
const ps = fx('ps.txt');
const psLines = ps.split('\n');
const header = psLines[0]!;
const proxyLine = psLines.find((l) => l.includes('docker-proxy'))!;
/** n docker-proxy rows in the real row's layout, pids and ports varied. */
function manyProxies(n: number): string {
  const rows = [header];
  for (let i = 0; i < n; i++) rows.push(proxyLine.replace(/^\s*\d+/, String(20000 + i).padStart(5)).replace(/-host-port \d+/, `-host-port ${40000 + i}`));
  return rows.join('\n') + '\n';
}

ruleTester.run(rule, {
  valid: [
    { name: 'healthy netns lab (no published ports)', bundle: 'samples/lab-netns-healthy' },
    { name: 'healthy nspawn lab', bundle: 'samples/nspawn-healthy' },
    { name: 'healthy sosreport (Debian 12)', bundle: 'samples/sosreport-vm-debian12.tar.xz' },
    { name: 'userland-proxy disabled in daemon.json', artifacts: { ps: manyProxies(150), 'docker.daemon-json': '{\n  "userland-proxy": false\n}\n' } },
    { name: 'insufficient without ps and docker ps', artifacts: { 'ipcs.sem': '' }, drop: ['ps', 'docker.ps'], coverage: 'not-evaluated' },
  ],
  invalid: [
    {
      // cockpit-project/cockpit#14009: a headerless `ps aux` paste of RHEL's docker-proxy-current processes.
      name: 'headerless ps aux fragment of RHEL docker-proxy-current processes',
      artifacts: { ps: readFileSync(resolve(REPO_ROOT, 'test/fixtures/real-world/userland-proxy-load/cockpit-project-cockpit-14009.txt'), 'utf8') },
      findings: [{ messageId: 'someProxies', data: { count: 6 }, evidence: [{ artifact: 'ps', line: 1, excerpt: '/usr/libexec/docker/docker-proxy-current -proto tcp' }] }],
    },
    {
      name: 'real capture: six docker-proxy processes (info)',
      artifacts: { ps, 'docker.ps': fx('docker-ps-a.txt') },
      findings: [
        {
          messageId: 'someProxies',
          severity: 'info',
          data: { count: 6, proxySetting: 'on (default)' },
          evidence: [{ artifact: 'ps', excerpt: '/usr/sbin/docker-proxy -proto tcp -host-ip 127.0.0.1 -host-port 32768 -container-ip 10.213.0.2 -container-port 80' }],
        },
      ],
    },
    {
      name: 'more than 100 docker-proxy processes (warning), proxy set explicitly',
      artifacts: { ps: manyProxies(101), 'docker.daemon-json': '{\n  "userland-proxy": true\n}\n' },
      findings: [{ messageId: 'manyProxies', severity: 'warning', data: { count: 101, threshold: 100, proxySetting: 'on (set explicitly)' }, evidence: [{ artifact: 'ps', line: 2, excerpt: '-host-port 40000' }, { artifact: 'docker.daemon-json', line: 2 }] }],
    },
    {
      name: 'no process list: published ports from the real docker ps',
      artifacts: { 'docker.ps': fx('docker-ps-a.txt') },
      drop: ['ps'],
      findings: [{ messageId: 'manyPorts', severity: 'info', data: { count: 6 }, evidence: [{ artifact: 'docker.ps', excerpt: '127.0.0.1:32773->80/tcp' }] }],
    },
  ],
});
