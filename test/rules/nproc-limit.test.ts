import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import rule from '../../analyzer/src/rules/nproc-limit.js';
import { REPO_ROOT, ruleTester } from '../helpers/rule-tester.js';

// Captures and the hand-written 20-nproc.conf: test/fixtures/rules/nproc-limit/README.md.
const fx = (name: string) => readFileSync(resolve(REPO_ROOT, 'test/fixtures/rules/nproc-limit', name), 'utf8');
const nprocConf = [{ path: 'files/etc/security/limits.d/20-nproc.conf', text: fx('20-nproc.conf') }];
const asJournal = (ident: string, text: string) =>
  text
    .split('\n')
    .filter(Boolean)
    .map((l, i) => `2026-11-28T08:58:${String(10 + i).padStart(2, '0')}+0000 node1 ${ident}: ${l}`)
    .join('\n') + '\n';
// `ps -eo pid,ppid,user,lstart,stat,args` layout of the collector (samples/nspawn-healthy/cmd/ps.txt).
const psRows = (n: number, user: string) =>
  ['    PID    PPID USER                      STARTED STAT COMMAND', ...Array.from({ length: n }, (_, i) => `${String(1000 + i).padStart(7)}       1 ${user.padEnd(8)} Sat Nov 28 07:57:15 2026 S    /usr/bin/worker --id ${i}`)].join('\n') + '\n';

ruleTester.run(rule, {
  valid: [
    { name: 'healthy netns lab (pid_max 32768, 80 processes)', bundle: 'samples/lab-netns-healthy' },
    { name: 'healthy nspawn lab', bundle: 'samples/nspawn-healthy' },
    { name: 'healthy sosreport (Debian 12)', bundle: 'samples/sosreport-vm-debian12.tar.xz' },
    { name: 'nproc raised to 65536', artifacts: { limits: [{ path: 'files/etc/security/limits.d/20-nproc.conf', text: '*          soft    nproc     65536\n' }] } },
    { name: 'EAGAIN on a socket read is not a fork failure', artifacts: { journal: asJournal('app[77]', 'read tcp 10.0.0.1:80: read: resource temporarily unavailable') } },
  ],
  invalid: [
    {
      name: 'RHEL/openEuler 20-nproc.conf cap of 4096 (info only)',
      artifacts: { limits: nprocConf, sysctl: 'kernel.pid_max = 32768\n' },
      findings: [{ messageId: 'nprocCapped', severity: 'info', data: { value: 4096, domain: '*' }, evidence: [{ artifact: 'limits', line: 5, excerpt: '*          soft    nproc     4096' }, { artifact: 'sysctl', line: 1 }] }],
    },
    {
      name: 'real capture: bash fork retries under a tiny nproc, logged by a service',
      artifacts: { journal: asJournal('deploy.sh[901]', fx('bash-5.2-fork-nproc1.txt')), limits: nprocConf },
      findings: [{ messageId: 'forkFailed', severity: 'error', data: { count: 5 }, evidence: [{ artifact: 'journal', line: 1, excerpt: 'bash: fork: retry: Resource temporarily unavailable' }, { artifact: 'limits', line: 5 }] }],
    },
    {
      name: 'real capture: Go/cgo pthread_create failure of the docker CLI',
      artifacts: { journal: asJournal('cron[902]', fx('docker-cli-20.10.24-nproc4.txt').split('\n').slice(0, 2).join('\n')) },
      findings: [{ messageId: 'forkFailed', data: { count: 1 }, evidence: [{ artifact: 'journal', excerpt: 'runtime/cgo: pthread_create failed: Resource temporarily unavailable' }] }],
    },
    {
      // openEuler 18.09 + runc rc3 wording ("container_linux.go:344: starting container process caused …", field guide §0 versions;
      // hand-written), systemd 219 has no TasksMax, so systemctl show here is v227+ (TasksMax/TasksCurrent).
      name: 'openEuler 18.09 runc fork/exec failure with docker.service near TasksMax',
      artifacts: {
        journal: 'Mar 01 12:55:55 node1 dockerd[1001]: time="2021-03-01T12:55:55.546134668+08:00" level=error msg="Handler for POST /v1.39/containers/web/start returned error: OCI runtime create failed: container_linux.go:344: starting container process caused \\"fork/exec /proc/self/exe: resource temporarily unavailable\\": unknown"\n',
        'systemd.docker': 'Id=docker.service\nTasksCurrent=500\nTasksMax=512\nLimitNPROC=4096\nLimitNPROCSoft=4096\n',
      },
      collectedAt: '2021-03-01T13:00:00Z',
      findings: [
        { messageId: 'forkFailed', severity: 'error', data: { count: 1 }, evidence: [{ artifact: 'journal', line: 1, excerpt: 'fork/exec /proc/self/exe: resource temporarily unavailable' }, { artifact: 'systemd.docker', excerpt: 'TasksMax=512' }] },
        { messageId: 'nearLimit', severity: 'warning', data: { used: 500, limit: 512, percent: 98 }, evidence: [{ artifact: 'systemd.docker', excerpt: 'TasksCurrent=500' }] },
      ],
    },
    {
      name: 'a non-root user at 90% of nproc 4096',
      artifacts: { limits: nprocConf, ps: psRows(3700, 'app') },
      findings: [{ messageId: 'nearLimit', severity: 'warning', data: { used: 3700, limit: 4096, percent: 90 }, evidence: [{ artifact: 'limits', line: 5 }, { artifact: 'ps', excerpt: '/usr/bin/worker' }] }],
    },
  ],
});
