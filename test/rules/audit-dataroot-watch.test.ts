import { readFileSync } from 'node:fs';
import rule from '../../analyzer/src/rules/audit-dataroot-watch.js';
import { REPO_ROOT, ruleTester } from '../helpers/rule-tester.js';

const fx = (f: string) => readFileSync(`${REPO_ROOT}/test/fixtures/${f}`, 'utf8');
const LAB = 'rules/audit-dataroot-watch';
const LAB_ROOT = '{"data-root": "/tmp/dpm-storage-cap/lab2/data"}\n';
/** An hour of log (field guide §3 record form) with a 150-event burst of key "docker" in its middle: 2.5 per minute. */
function burstLog(): string {
  const rec = (t: number, serial: number, key: string) =>
    `type=SYSCALL msg=audit(${t}.000:${serial}): arch=c000003e syscall=257 success=yes exit=3 items=1 ppid=1 pid=1029 auid=4294967295 uid=0 gid=0 euid=0 suid=0 fsuid=0 egid=0 sgid=0 fsgid=0 tty=(none) ses=4294967295 comm="dockerd" exe="/usr/bin/dockerd" key=${key}`;
  const out = [rec(1614571200, 1, '(null)')];
  for (let i = 0; i < 150; i++) out.push(rec(1614573000 + (i % 2), 2 + i, '"docker"'));
  out.push(rec(1614574800, 200, '(null)'));
  return out.join('\n') + '\n';
}

ruleTester.run(rule, {
  valid: [
    { name: 'healthy netns lab bundle (auditctl: No rules)', bundle: 'samples/lab-netns-healthy' },
    { name: 'healthy nspawn bundle (no audit at all)', bundle: 'samples/nspawn-healthy', coverage: 'not-evaluated' },
    { name: 'Debian default rules.d (no docker watches)', artifacts: { 'audit.rules-files': [{ path: 'files/etc/audit/rules.d/audit.rules', text: fx('audit-rules/debian-auditd-3.0-default-rules-d.txt') }] } },
    { name: 'a watch elsewhere', artifacts: { 'audit.rules': '-w /etc/passwd -p wa -k identity\n-w /var/log/lastlog -p wa -k logins\n' } },
    { name: 'an execute-only watch on the data-root is not a read/write flood source', artifacts: { 'audit.rules': '-w /var/lib/docker -p x -k dockerexec\n' } },
    { name: 'a short burst in an hour of log is not a flood (rate over the log span)', artifacts: { 'audit.log': [{ path: 'files/var/log/audit/audit.log', text: burstLog() }] } },
    { name: 'not evaluated without audit rules or log', artifacts: { 'ipcs.sem': '' }, coverage: 'not-evaluated' },
  ],
  invalid: [
    {
      // Real capture (fixtures README): 176 events with key "docker"; the log spans 1795854437.976 to 1795854467.280 = 29.304 s
      // → 176*60/29.304 = 360.4 per minute; 176 of 178 events = 98.9%.
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
          data: { count: 176, keys: '"docker"', span: '29 s', rate: 360, share: 98.9 },
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
