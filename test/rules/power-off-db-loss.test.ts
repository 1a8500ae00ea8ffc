import rule from '../../analyzer/src/rules/power-off-db-loss.js';
import { ruleTester } from '../helpers/rule-tester.js';

const ID = '9c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c1d';
const j = (lines: string[]) => lines.join('\n') + '\n';
const t = (hhmmss: string) => `2021-03-01T${hhmmss}+0000`;
const logrus = (hhmmss: string, level: string, msg: string) => `${t(hhmmss)} node1 dockerd[1000]: time="2021-03-01T${hhmmss}.000000000Z" level=${level} msg="${msg}"`;

// --list-boots in the ≤ v250 style (field guide §3), times in UTC.
const boots = j([
  ' -1 43f6209bfc284a7d9ef1e1f24d7721c9 Mon 2021-03-01 04:00:00 UTC—Mon 2021-03-01 04:40:00 UTC',
  '  0 8e1f2a3b4c5d4e6f8a9b0c1d2e3f4a5b Mon 2021-03-01 05:05:00 UTC—Mon 2021-03-01 05:06:00 UTC',
]);
const previousBootUnclean = [
  `${t('04:00:00')} node1 systemd[1]: Started Docker Application Container Engine.`,
  logrus('04:40:00', 'info', 'Container 3f2a exited'),
  '-- Reboot --',
];
const previousBootClean = [
  `${t('04:00:00')} node1 systemd[1]: Started Docker Application Container Engine.`,
  `${t('04:39:59')} node1 systemd[1]: Reached target Shutdown.`,
  `${t('04:40:00')} node1 systemd-journald[300]: Journal stopped`,
  '-- Reboot --',
];
// openEuler docker-engine 18.09 first start after boot (patches 0020, 0122…; field guide §1.1).
const openEulerFirstStart = [
  `${t('05:05:00')} node1 kernel: Linux version 4.19.90-2102.2.0.0062.oe1.x86_64`,
  logrus('05:05:10', 'error', 'stat dblock failed stat /var/run/docker/dblock: no such file or directory'),
  logrus('05:05:10', 'info', 'cleanup DB /var/lib/docker/network/files/local-kv.db error=<nil>'),
  logrus('05:05:10', 'info', 'cleanup DB /var/lib/docker/volumes/metadata.db error=<nil>'),
];

ruleTester.run(rule, {
  valid: [
    {
      name: 'openEuler cleanup DB after a CLEAN reboot is designed behaviour',
      artifacts: { 'journal.boots': boots, journal: j([...previousBootClean, ...openEulerFirstStart]) },
    },
    { name: 'stat dblock failed alone never fires', coverage: 'insufficient-evidence', artifacts: { journal: j([openEulerFirstStart[1]!]) } },
    { name: 'not evaluated without journal and data-root listings', artifacts: { 'docker.ps': '' }, coverage: 'not-evaluated' },
  ],
  invalid: [
    {
      name: 'openEuler 18.09: unclean boot, DBs deleted, a container config failed to load and was removed',
      artifacts: {
        'journal.boots': boots,
        journal: j([
          ...previousBootUnclean,
          ...openEulerFirstStart,
          logrus('05:05:12', 'warning', `Failed to load container ${ID}: unexpected EOF. Try to remove it`),
          logrus('05:05:12', 'info', `remove invalid container data: /var/lib/docker/containers/${ID}`),
        ]),
      },
      findings: [
        {
          messageId: 'stateLost',
          severity: 'critical',
          confidence: 'high',
          data: { crashFilesDeleteDisabled: false },
          evidence: [
            { artifact: 'journal', line: 8, excerpt: 'Failed to load container' },
            { artifact: 'journal', line: 9, excerpt: 'remove invalid container data' },
            { artifact: 'journal', line: 6, excerpt: 'cleanup DB /var/lib/docker/network/files/local-kv.db' },
          ],
        },
      ],
    },
    {
      // moby 20.10 form seen in the field guide's lab for a 0-byte config.v2.json.
      name: 'upstream 20.10: failed to load container with error=EOF, no boot information',
      artifacts: { journal: j([`2024-05-02T10:00:00+0000 node1 dockerd[812]: time="2024-05-02T10:00:00.000000000Z" level=error msg="failed to load container" container=${ID} error=EOF`]) },
      // Logs only: with no data-root listing to confirm the damage, the engine lowers medium to low (issue 11 §4: a finding that stands on logs alone).
      findings: [{ messageId: 'stateDamaged', severity: 'critical', confidence: 'low', evidence: [{ artifact: 'journal', line: 1, excerpt: 'failed to load container' }] }],
    },
    {
      name: 'bolt "file size too small" keeps dockerd from starting',
      artifacts: {
        journal: j([
          '2024-05-02T10:00:00+0000 node1 dockerd[812]: failed to start daemon: Error initializing network controller: error obtaining controller instance: failed to get bridge network configurations from store: error while populating kmap: file size too small',
        ]),
      },
      findings: [{ messageId: 'stateDamaged', severity: 'critical', evidence: [{ artifact: 'journal', line: 1, excerpt: 'file size too small' }] }],
    },
  ],
});
