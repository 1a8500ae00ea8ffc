import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import rule from '../../analyzer/src/rules/seccomp-performance.js';
import { REPO_ROOT, ruleTester } from '../helpers/rule-tester.js';
import { dockerPsText } from '../helpers/docker-ps.js';

// Real capture (test/fixtures/rules/userland-proxy-load/README.md): docker info of dockerd 20.10.24 (Security Options: seccomp,
// Profile: default) and ps with six docker-proxy rows from six `-p 127.0.0.1::80` containers.
const fx = (name: string) => readFileSync(resolve(REPO_ROOT, 'test/fixtures/rules/userland-proxy-load', name), 'utf8');
const info = fx('docker-info.txt');
const psLines = fx('ps.txt').split('\n');
const proxyLine = psLines.find((l) => l.includes('docker-proxy'))!;
function manyProxies(n: number): string {
  const rows = [psLines[0]!];
  for (let i = 0; i < n; i++) rows.push(proxyLine.replace(/^\s*\d+/, String(20000 + i).padStart(5)).replace(/-host-port \d+/, `-host-port ${40000 + i}`));
  return rows.join('\n') + '\n';
}
// docker 18.09 prints server keys flat at column 0 (field guide §3; parsers/docker-info.ts), hand-written in that layout.
const info1809 = ['Containers: 40', ' Running: 40', 'Server Version: 18.09.0', 'Storage Driver: overlay2', 'Security Options:', ' seccomp', '  Profile: default', 'Kernel Version: 4.19.90-2003.4.0.0036.oe1.x86_64', ''].join('\n');

ruleTester.run(rule, {
  valid: [
    { name: 'healthy netns lab (seccomp on, no published ports)', bundle: 'samples/lab-netns-healthy' },
    { name: 'healthy nspawn lab', bundle: 'samples/nspawn-healthy' },
    { name: 'healthy sosreport (Debian 12)', coverage: 'not-evaluated', bundle: 'samples/sosreport-vm-debian12.tar.xz' },
    { name: 'real capture: seccomp on with only six published ports (below the threshold)', artifacts: { 'docker.info': info, ps: fx('ps.txt') } },
    { name: 'many proxies but seccomp not in Security Options', artifacts: { 'docker.info': info.replace(/\n  seccomp\n   Profile: default/, '\n  apparmor'), ps: manyProxies(30) } },
    { name: 'not evaluated without docker info', artifacts: { ps: manyProxies(30) }, drop: ['docker.info'], coverage: 'not-evaluated' },
  ],
  invalid: [
    {
      name: 'real docker info, 30 docker-proxy processes: info only',
      artifacts: { 'docker.info': info, ps: manyProxies(30) },
      findings: [
        {
          messageId: 'seccompNetworkHeavy',
          severity: 'info',
          data: { count: 30, reason: '30 docker-proxy processes' },
          evidence: [{ artifact: 'docker.info', excerpt: 'Security Options:' }, { artifact: 'ps', excerpt: 'docker-proxy' }],
        },
      ],
    },
    {
      name: 'openEuler 18.09 flat docker info, ports from docker ps only',
      artifacts: {
        'docker.info': info1809,
        'docker.ps': dockerPsText(
          Array.from({ length: 11 }, (_, i) => ({ id: String(i).padStart(12, 'a'), image: 'web', command: '"nginx"', created: '1 hour ago', status: 'Up 1 hour', ports: `0.0.0.0:${8000 + i}->80/tcp, :::${8000 + i}->80/tcp`, names: `web${i}` })),
        ),
      },
      drop: ['ps'],
      findings: [{ messageId: 'seccompNetworkHeavy', severity: 'info', data: { count: 22, reason: '22 published port mappings' }, evidence: [{ artifact: 'docker.info', line: 5 }, { artifact: 'docker.ps' }] }],
    },
  ],
});
