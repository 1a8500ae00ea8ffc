import { readFileSync } from 'node:fs';
import rule from '../../analyzer/src/rules/data-root-collision.js';
import { REPO_ROOT, ruleTester } from '../helpers/rule-tester.js';

const REUSED = readFileSync(`${REPO_ROOT}/test/fixtures/rules/data-root-collision/find-lab2-dockerd-20.10-reused.tsv`, 'utf8');
const HEAD = '# type\tmode\tuid\tgid\tsize\tmtime\tpath';
const rows = (...r: string[]) => [HEAD, ...r].join('\n') + '\n';
const d = (path: string, uid = 0) => `d\t710\t${uid}\t${uid}\t4096\t1614574550.0\t${path}`;
const f = (path: string) => `f\t644\t0\t0\t10\t1614574550.0\t${path}`;
/** ps -eo pid,ppid,user,lstart,stat,args (the collector's form, samples/*\/cmd/ps.txt). */
const ps = (...lines: string[]) => ['  PID  PPID USER                      STARTED STAT COMMAND', ...lines].join('\n') + '\n';

ruleTester.run(rule, {
  valid: [
    { name: 'healthy netns lab bundle (own data-root and exec-root)', bundle: 'samples/lab-netns-healthy' },
    { name: 'healthy nspawn bundle', bundle: 'samples/nspawn-healthy' },
    {
      name: 'lost+found and a userns-remapped root are not foreign',
      artifacts: { 'dataroot.listing': rows(d('/var/lib/docker'), d('/var/lib/docker/lost+found'), d('/var/lib/docker/165536.165536', 165536), d('/var/lib/docker/containers'), d(`/var/lib/docker/containers/${'c'.repeat(64)}`)) },
    },
    {
      name: 'two dockerd with different data-roots',
      artifacts: {
        ps: ps(
          ' 1001     1 root     Mon Mar  1 12:00:00 2021 Ssl  /usr/bin/dockerd --data-root /var/lib/docker',
          ' 2002     1 root     Mon Mar  1 12:00:00 2021 Ssl  /usr/bin/dockerd --data-root /data/docker2 --exec-root /run/docker2 -H unix:///run/docker2.sock',
        ),
      },
    },
    { name: 'not evaluated without listings, ps or logs', artifacts: { 'ipcs.sem': '' }, coverage: 'not-evaluated' },
  ],
  invalid: [
    {
      // Real capture (fixtures README): a dockerd 20.10 data-root reused with a backup file, a chowned hooks dir and a
      // foreign dir in containers/ (tmp/notes-from-admin sits below what the model keeps, so it is not counted).
      name: 'real capture: reused data-root with foreign files',
      artifacts: { 'dataroot.listing': REUSED },
      findings: [
        {
          messageId: 'foreignEntries',
          severity: 'warning',
          data: { count: 3, root: '/tmp/dpm-storage-cap/lab2/data', names: 'containers/manual-backup, hooks (owner 1000:1000), backup-2024.tar' },
          evidence: [
            { artifact: 'dataroot.listing', line: 9, excerpt: 'containers/manual-backup' },
            { artifact: 'dataroot.listing', line: 10, excerpt: '1000\t1000' },
            { artifact: 'dataroot.listing', line: 26, excerpt: 'backup-2024.tar' },
          ],
        },
      ],
    },
    {
      name: 'containers is a file, and a foreign file in the exec-root',
      artifacts: {
        'dataroot.listing': rows(d('/var/lib/docker'), f('/var/lib/docker/containers'), d('/var/lib/docker/image')),
        'execroot.listing': rows(d('/var/run/docker'), d('/var/run/docker/netns'), f('/var/run/docker/my-script.sh')),
      },
      findings: [
        { messageId: 'foreignEntries', data: { count: 1, names: 'containers (not a directory)' }, evidence: [{ artifact: 'dataroot.listing', line: 3 }] },
        { messageId: 'foreignExecRoot', data: { count: 1, root: '/var/run/docker', names: 'my-script.sh' }, evidence: [{ artifact: 'execroot.listing', line: 4 }] },
      ],
    },
    {
      name: 'two dockerd on one data-root (one via -g)',
      artifacts: {
        ps: ps(
          ' 1001     1 root     Mon Mar  1 12:00:00 2021 Ssl  /usr/bin/dockerd --data-root /var/lib/docker',
          ' 2002     1 root     Mon Mar  1 12:05:00 2021 Ssl  dockerd -g /var/lib/docker/ -H unix:///run/docker2.sock',
        ),
      },
      findings: [{ messageId: 'sharedDataRoot', severity: 'error', data: { count: 2, root: '/var/lib/docker' }, evidence: [{ artifact: 'ps', line: 2 }, { artifact: 'ps', line: 3 }] }],
    },
    {
      // 18.09 fatal prefix (field guide §0, §1.1): the second daemon gave up on the flock (moby/moby#29519).
      name: 'openEuler 18.09: volume store metadata database timeout',
      artifacts: { journal: 'Mar 01 12:55:50 node1 dockerd[2002]: Error starting daemon: error while opening volume store metadata database: timeout\n' },
      collectedAt: '2021-03-01T13:00:00Z',
      findings: [{ messageId: 'volumeStoreLocked', severity: 'error', data: { count: 1 }, evidence: [{ artifact: 'journal', line: 1, excerpt: 'volume store metadata database: timeout' }] }],
    },
  ],
});
