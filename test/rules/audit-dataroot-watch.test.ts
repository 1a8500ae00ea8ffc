import { readFileSync } from 'node:fs';
import rule from '../../analyzer/src/rules/audit-dataroot-watch.js';
import { REPO_ROOT, ruleTester } from '../helpers/rule-tester.js';

const fx = (f: string) => readFileSync(`${REPO_ROOT}/test/fixtures/${f}`, 'utf8');
const LAB = 'rules/audit-dataroot-watch';
const LAB_ROOT = '{"data-root": "/tmp/dpm-storage-cap/lab2/data"}\n';

ruleTester.run(rule, {
  valid: [
    { name: 'healthy netns lab bundle (auditctl: No rules)', bundle: 'samples/lab-netns-healthy' },
    { name: 'healthy nspawn bundle (no audit at all)', bundle: 'samples/nspawn-healthy', coverage: 'not-evaluated' },
    { name: 'Debian default rules.d (no docker watches)', artifacts: { 'audit.rules-files': [{ path: 'files/etc/audit/rules.d/audit.rules', text: fx('audit-rules/debian-auditd-3.0-default-rules-d.txt') }] } },
    { name: 'a watch elsewhere', artifacts: { 'audit.rules': '-w /etc/passwd -p wa -k identity\n-w /var/log/lastlog -p wa -k logins\n' } },
    { name: 'an execute-only watch on the data-root is not a read/write flood source', artifacts: { 'audit.rules': '-w /var/lib/docker -p x -k dockerexec\n' } },
    { name: 'not evaluated without audit rules or log', artifacts: { 'ipcs.sem': '' }, coverage: 'not-evaluated' },
  ],
  invalid: [
    {
      // Real capture (fixtures README): 176 events with key "docker" in 27.036 s → 176*60/27.036 = 390.6 per minute, 176/178 = 98.9%.
      name: 'real capture: rwxa watch on the data-root while dockerd 20.10 started and stopped',
      artifacts: {
        'audit.rules': fx(`${LAB}/auditctl-3.0.9-l-lab-watches.txt`),
        'audit.log': [{ path: 'files/var/log/audit/audit.log', text: fx(`${LAB}/auditd-3.0.9-enriched-dockerd-vfs-start-stop.log`) }],
        'docker.daemon-json': LAB_ROOT,
      },
      findings: [
        {
          messageId: 'auditFlood',
          severity: 'warning',
          data: { count: 176, keys: '"docker"', span: '27 s', rate: 391, share: 98.9 },
          evidence: [{ artifact: 'audit.rules', line: 1, excerpt: '-w /tmp/dpm-storage-cap/lab2/data -p rwxa -k docker' }, { artifact: 'audit.log', excerpt: 'key="docker"' }],
        },
      ],
    },
    {
      // The seed's watch list (field guide §2) as auditctl -l prints it, no audit.log collected.
      name: 'openEuler seed watches without audit.log',
      artifacts: { 'audit.rules': fx('audit-rules/auditctl-3.0-docker-watches-hand.txt') },
      findings: [
        {
          messageId: 'dataRootWatched',
          data: { count: 2, perms: 'rwxa/wa', paths: '/var/lib/docker, /var/lib/docker' },
          evidence: [{ artifact: 'audit.rules', line: 1 }, { artifact: 'audit.rules', line: 9, excerpt: '-F dir=/var/lib/docker' }],
        },
      ],
    },
    {
      name: 'openEuler rules.d file with the seed watches',
      artifacts: { 'audit.rules-files': [{ path: 'files/etc/audit/rules.d/docker.rules', text: fx('audit-rules/rules-d-openeuler-docker-hand.txt') }] },
      findings: [{ messageId: 'dataRootWatched', data: { count: 2, perms: 'rwxa' }, evidence: [{ artifact: 'audit.rules-files', excerpt: '-w /var/lib/docker/ -p rwxa -k docker' }] }],
    },
    {
      name: 'only config files and unit watched: info',
      artifacts: { 'audit.rules': '-w /etc/docker -p rwxa -k docker\n-w /usr/lib/systemd/system/docker.service -p rwxa -k docker\n' },
      findings: [{ messageId: 'configWatched', severity: 'info', data: { count: 2, paths: '/etc/docker, /usr/lib/systemd/system/docker.service' } }],
    },
  ],
});
