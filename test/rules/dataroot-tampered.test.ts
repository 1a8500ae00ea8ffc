import { readFileSync } from 'node:fs';
import rule from '../../analyzer/src/rules/dataroot-tampered.js';
import { REPO_ROOT, ruleTester } from '../helpers/rule-tester.js';

const LOG = readFileSync(`${REPO_ROOT}/test/fixtures/rules/audit-dataroot-watch/auditd-3.0.9-enriched-dockerd-vfs-start-stop.log`, 'utf8');
const log = (text: string) => [{ path: 'files/var/log/audit/audit.log', text }];
const ID = 'a'.repeat(64);
// Raw (non-enriched) records as auditd 2.8 on openEuler 20.03 writes them (field guide §3; x86_64 syscall numbers).
const sys = (serial: number, syscall: number, comm: string, exe: string) =>
  `type=SYSCALL msg=audit(1614574550.${100 + serial}:${serial}): arch=c000003e syscall=${syscall} success=yes exit=0 a0=ffffff9c a1=c4200d6000 a2=0 a3=0 items=2 ppid=1 pid=${2000 + serial} auid=0 uid=0 gid=0 euid=0 suid=0 fsuid=0 egid=0 sgid=0 fsgid=0 tty=pts0 ses=3 comm="${comm}" exe="${exe}" key="docker"`;
const path = (serial: number, item: number, name: string, nametype: string) =>
  `type=PATH msg=audit(1614574550.${100 + serial}:${serial}): item=${item} name="${name}" inode=1835041 dev=fd:00 mode=0100644 ouid=0 ogid=0 rdev=00:00 nametype=${nametype}`;
const lines = (...l: string[]) => l.join('\n') + '\n';

ruleTester.run(rule, {
  valid: [
    // No audit.log: only the logs were looked at (logrotate errors), so the rule says its evidence was insufficient.
    { name: 'healthy netns lab bundle (no audit.log)', bundle: 'samples/lab-netns-healthy', coverage: 'insufficient-evidence' },
    { name: 'healthy nspawn bundle', bundle: 'samples/nspawn-healthy', coverage: 'insufficient-evidence' },
    {
      name: 'logrotate failing on a file outside the data-root',
      artifacts: { 'audit.log': '', journal: 'Jun 23 00:00:15 h logrotate[2791964]: error: stat of /var/log/nginx/access.log failed: Permission denied\n' },
      collectedAt: '2023-06-24T00:00:00Z',
      coverage: 'insufficient-evidence',
    },
    {
      name: "Docker's own processes creating and deleting (dockerd, docker-containerd-shim, runc)",
      artifacts: {
        'audit.log': log(
          lines(
            sys(1, 257, 'dockerd', '/usr/bin/dockerd'),
            path(1, 1, `/var/lib/docker/containers/${ID}/config.v2.json`, 'CREATE'),
            sys(2, 87, 'docker-containerd-shim', '/usr/bin/docker-containerd-shim'),
            path(2, 1, `/var/run/docker/libcontainerd/${ID}/init-stdout`, 'DELETE'),
            sys(3, 83, 'runc:[2:INIT]', '/usr/bin/docker-runc'),
            path(3, 1, `/var/lib/docker/overlay2/${ID}/merged/proc`, 'CREATE'),
          ),
        ),
      },
    },
    {
      name: 'a foreign process only reading under the data-root',
      artifacts: { 'audit.log': log(lines(sys(1, 257, 'cat', '/usr/bin/cat'), path(1, 0, `/var/lib/docker/containers/${ID}/config.v2.json`, 'NORMAL'))) },
    },
    {
      name: 'a foreign process changing a file outside the data-root and exec-root',
      artifacts: { 'audit.log': log(lines(sys(1, 82, 'vi', '/usr/bin/vim.basic'), path(1, 1, '/etc/docker/daemon.json', 'CREATE'))) },
    },
    { name: 'not evaluated without audit.log', artifacts: { 'audit.rules': '-w /var/lib/docker -p rwxa -k docker\n' }, coverage: 'not-evaluated' },
  ],
  invalid: [
    {
      // nextcloud/all-in-one#2846: a host logrotate rule on Docker's json logs, denied by SELinux.
      name: 'logrotate names a container json log under the data-root (journal only)',
      artifacts: { journal: readFileSync(`${REPO_ROOT}/test/fixtures/real-world/dataroot-tampered/nextcloud-all-in-one-2846.txt`, 'utf8') },
      collectedAt: '2023-06-24T00:00:00Z',
      findings: [{ messageId: 'logrotate', confidence: 'medium', data: { count: 1, roots: '/var/lib/docker' }, evidence: [{ artifact: 'journal', line: 1, excerpt: 'error: stat of /var/lib/docker/containers/' }] }],
    },
    {
      // Real capture (test/fixtures/rules/audit-dataroot-watch/README.md): 146 dockerd + 19 containerd events are allowed;
      // mkdir, bash (redirect), chmod, ln -s and rm under the data-root are the five foreign changes.
      name: 'real capture: a shell changing files under the data-root while dockerd ran',
      artifacts: { 'audit.log': log(LOG), 'docker.daemon-json': '{"data-root": "/tmp/dpm-storage-cap/lab2/data"}\n' },
      findings: [
        {
          messageId: 'tampered',
          severity: 'warning',
          data: { count: 5, roots: '/tmp/dpm-storage-cap/lab2/data', processes: 'mkdir, bash, chmod, ln, rm' },
          evidence: [{ artifact: 'audit.log', line: 784, excerpt: 'comm="mkdir"' }, { artifact: 'audit.log', line: 804, excerpt: 'comm="rm"' }, { artifact: 'audit.log', excerpt: 'comm="chmod"' }],
        },
      ],
    },
    {
      name: 'openEuler 18.09 raw records: rm unlinking a container file and chmod on the exec-root',
      artifacts: {
        'audit.log': log(
          lines(
            sys(1, 87, 'rm', '/usr/bin/rm'),
            path(1, 0, `/var/lib/docker/containers/${ID}/`, 'PARENT'),
            path(1, 1, `/var/lib/docker/containers/${ID}/hostconfig.json`, 'DELETE'),
            sys(2, 268, 'chmod', '/usr/bin/chmod'),
            path(2, 0, '/var/run/docker/netns', 'NORMAL'),
          ),
        ),
      },
      findings: [{ messageId: 'tampered', data: { count: 2, roots: '/var/lib/docker and /var/run/docker', processes: 'rm, chmod' }, evidence: [{ artifact: 'audit.log', line: 1, excerpt: 'comm="rm"' }, { artifact: 'audit.log', line: 4 }] }],
    },
  ],
});
