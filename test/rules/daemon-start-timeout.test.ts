import { readFileSync } from 'node:fs';
import rule from '../../analyzer/src/rules/daemon-start-timeout.js';
import { REPO_ROOT, ruleTester } from '../helpers/rule-tester.js';

/** Timeout lines in the real sample's journal, counted from the file (the sample may be regenerated). */
const SAMPLE_TIMEOUTS = (readFileSync(`${REPO_ROOT}/samples/nspawn-start-timeout/cmd/journal.json`, 'utf8').match(/"MESSAGE":"docker\.service: start(?:-pre)? operation timed out\. Terminating\."/g) ?? []).length;

const j = (lines: string[]) => lines.join('\n') + '\n';
/** A collector data-root listing (docs/bundle-format.md; shape of samples/*\/cmd/dataroot-listing.tsv) with n container dirs. */
function listing(n: number): string {
  const rows = ['# type\tmode\tuid\tgid\tsize\tmtime\tpath', 'd\t710\t0\t0\t4096\t1614574550.0\t/var/lib/docker', 'd\t710\t0\t0\t4096\t1614574550.0\t/var/lib/docker/containers'];
  for (let i = 0; i < n; i++) rows.push(`d\t710\t0\t0\t4096\t1614574550.0\t/var/lib/docker/containers/${i.toString(16).padStart(64, '0')}`);
  return rows.join('\n') + '\n';
}

ruleTester.run(rule, {
  valid: [
    { name: 'healthy netns lab bundle', bundle: 'samples/lab-netns-healthy' },
    { name: 'healthy nspawn bundle', bundle: 'samples/nspawn-healthy' },
    // Real capture: start limit from daemon.json errors, no timeout.
    { name: 'start-limit sample without any timeout', bundle: 'samples/nspawn-start-limit-daemon-json' },
    { name: 'containerd.service timed out, not docker', artifacts: { journal: j(['2024-05-02T10:00:00+0000 node1 systemd[1]: containerd.service: start operation timed out. Terminating.']) } },
    { name: 'not evaluated without logs', artifacts: { 'ipcs.sem': '' }, coverage: 'not-evaluated' },
  ],
  invalid: [
    {
      // Real capture (samples/nspawn-start-timeout/README.md): a drop-in sets TimeoutStartSec=2 and first an ExecStartPre sleep,
      // then a slow ExecStart; the journal had 3 "start-pre operation timed out" and 3 "start operation timed out" (systemd 252).
      name: 'real capture: systemd 252, TimeoutStartSec=2 drop-in, start-pre and start timeouts',
      bundle: 'samples/nspawn-start-timeout',
      findings: [
        {
          messageId: 'startTimedOut',
          severity: 'error',
          data: { count: SAMPLE_TIMEOUTS, cause: 'an ExecStartPre command did not finish in time, TimeoutStartSec is only 2s (systemd default 90 s)' },
          evidence: [
            { artifact: 'journal', excerpt: 'docker.service: start-pre operation timed out. Terminating.' },
            { artifact: 'journal', excerpt: 'docker.service: start operation timed out. Terminating.' },
            { artifact: 'systemd.docker', excerpt: 'TimeoutStartUSec=2s' },
          ],
        },
      ],
    },
    {
      // systemd 219 wording (field guide §1.5) on openEuler 18.09 with 1500 containers in the data-root; loading never finished.
      name: 'systemd 219: thousands of containers, container loading unfinished',
      artifacts: {
        journal: j([
          'Mar 01 12:00:00 node1 systemd[1]: Starting Docker Application Container Engine...',
          'Mar 01 12:00:05 node1 dockerd[1001]: time="2021-03-01T12:00:05.000000000+08:00" level=info msg="Loading containers: start."',
          'Mar 01 12:01:30 node1 systemd[1]: docker.service start operation timed out. Terminating.',
          'Mar 01 12:01:30 node1 systemd[1]: Failed to start Docker Application Container Engine.',
        ]),
        'dataroot.listing': listing(1500),
      },
      collectedAt: '2021-03-01T13:00:00Z',
      findings: [
        {
          messageId: 'startTimedOut',
          data: { count: 1, containers: 1500, cause: '1500 containers in /var/lib/docker (0 exited, 0 created), loading containers had not finished 85 s later when systemd gave up' },
          evidence: [{ artifact: 'journal', line: 3, excerpt: 'docker.service start operation timed out. Terminating.' }, { artifact: 'journal', line: 2, excerpt: 'Loading containers: start.' }, { artifact: 'dataroot.listing', line: 3 }],
        },
      ],
    },
    {
      // v229–v242 wording; container loading took 80 s on a busy host.
      name: 'systemd 229-242 wording: slow container loading',
      artifacts: {
        journal: j([
          '2019-05-02T10:00:00+0000 node1 dockerd[812]: time="2019-05-02T10:00:00.000000000Z" level=info msg="Loading containers: start."',
          '2019-05-02T10:01:20+0000 node1 dockerd[812]: time="2019-05-02T10:01:20.000000000Z" level=info msg="Loading containers: done."',
          '2019-05-02T10:01:30+0000 node1 systemd[1]: docker.service: Start operation timed out. Terminating.',
          "2019-05-02T10:01:30+0000 node1 systemd[1]: docker.service: Failed with result 'timeout'.",
        ]),
      },
      findings: [{ messageId: 'startTimedOut', data: { count: 1, cause: 'loading containers took 80 s (overloaded host or many containers)' }, evidence: [{ artifact: 'journal', line: 3 }, { artifact: 'journal', line: 2, excerpt: 'Loading containers: done.' }] }],
    },
    {
      // v243+ wording; devicemapper with no deviceset-metadata yet (first initialisation).
      name: 'systemd 243+ wording: first devicemapper initialisation',
      artifacts: {
        journal: j(['2024-05-02T10:01:30+0000 node1 systemd[1]: docker.service: start operation timed out. Terminating.', "2024-05-02T10:01:30+0000 node1 systemd[1]: docker.service: Failed with result 'timeout'."]),
        'docker.daemon-json': '{"storage-driver": "devicemapper", "storage-opts": ["dm.thinpooldev=/dev/mapper/docker-thinpool"]}\n',
      },
      findings: [{ messageId: 'startTimedOut', data: { count: 1, cause: 'first devicemapper initialisation (no base device recorded yet)' }, evidence: [{ artifact: 'docker.daemon-json' }] }],
    },
    {
      name: 'only the result line: the cause is not shown',
      artifacts: { journal: j(["2024-05-02T10:01:30+0000 node1 systemd[1]: docker.service: Failed with result 'timeout'."]) },
      findings: [{ messageId: 'startTimedOut', confidence: 'medium', data: { count: 1 } }],
    },
    {
      name: 'journal rotated away, systemctl shows Result=timeout',
      artifacts: { 'systemd.docker': 'Id=docker.service\nActiveState=failed\nResult=timeout\n', journal: '2024-05-02T11:00:00+0000 node1 systemd[1]: Started Session 4 of user root.\n' },
      findings: [{ messageId: 'resultTimeout', evidence: [{ artifact: 'systemd.docker', line: 3 }] }],
    },
  ],
});
