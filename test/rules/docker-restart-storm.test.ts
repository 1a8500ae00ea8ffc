import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import rule from '../../analyzer/src/rules/docker-restart-storm.js';
import { REPO_ROOT, ruleTester } from '../helpers/rule-tester.js';

const read = (p: string) => readFileSync(resolve(REPO_ROOT, p), 'utf8');
const j = (lines: string[]) => lines.join('\n') + '\n';

ruleTester.run(rule, {
  valid: [
    { name: 'healthy netns lab', bundle: 'samples/lab-netns-healthy' },
    { name: 'healthy nspawn lab (clean stops and reboots)', bundle: 'samples/nspawn-healthy' },
    { name: 'healthy sosreport (Debian 12)', bundle: 'samples/sosreport-vm-debian12.tar.xz' },
    // Real systemd 252 capture: one SIGKILL of dockerd, restarted by Restart=on-failure (test/fixtures/nspawn/dockerd-sigkill).
    { name: 'real capture: a single SIGKILL and automatic restart', artifacts: { journal: read('test/fixtures/nspawn/dockerd-sigkill/journal-short-iso.txt') } },
    // Real capture: the loop ended in the start limit, which start-limit-hit reports.
    { name: 'real capture: failures that ended in the start limit', bundle: 'samples/nspawn-start-limit-daemon-json' },
  ],
  invalid: [
    {
      // Real systemd 252 capture (test/fixtures/nspawn/daemon-json-errors/steps.log): broken daemon.json variants, each started
      // with reset-failed + restart, so no start limit: seven config refusals plus one unknown storage driver = 8 failed starts.
      name: 'real capture: eight failed starts within a minute, each with its cause',
      artifacts: { journal: read('test/fixtures/nspawn/daemon-json-errors/journal-short-iso.txt') },
      collectedAt: '2026-11-28T08:21:30Z',
      findings: [
        {
          messageId: 'storm',
          severity: 'warning',
          data: { count: 8, first: '2026-11-28T08:20:34.000Z', last: '2026-11-28T08:20:55.000Z' },
          evidence: [
            { artifact: 'journal', line: 11, excerpt: 'daemon.json: unexpected EOF' },
            { artifact: 'journal', line: 119, excerpt: 'daemon.json: EOF' },
            { artifact: 'journal', excerpt: 'failed to start daemon: error initializing graphdriver: driver not supported' },
          ],
        },
      ],
    },
    {
      // openEuler 18.09 under systemd 219: no Restart= in its unit (field guide §0), so an operator restarted it; GOTRACEBACK=crash
      // makes a panic end in SIGABRT (`code=dumped, status=6/ABRT`, UNVERIFIED per the field guide). Hand-written.
      name: 'openEuler 18.09 / systemd 219: three panics within 40 minutes',
      artifacts: {
        journal: j(
          [0, 20, 40].flatMap((m) => {
            const mm = String(10 + m).padStart(2, '0');
            return [
              `Mar 01 12:${mm}:00 node1 dockerd[${1000 + m}]: panic: runtime error: invalid memory address or nil pointer dereference`,
              `Mar 01 12:${mm}:00 node1 systemd[1]: docker.service: main process exited, code=dumped, status=6/ABRT`,
              `Mar 01 12:${mm}:00 node1 systemd[1]: Unit docker.service entered failed state.`,
              `Mar 01 12:${mm}:30 node1 systemd[1]: Starting Docker Application Container Engine...`,
              `Mar 01 12:${mm}:31 node1 systemd[1]: Started Docker Application Container Engine.`,
            ];
          }),
        ),
      },
      collectedAt: '2021-03-01T13:00:00Z',
      findings: [
        {
          messageId: 'storm',
          data: { count: 3, minutes: 40 },
          evidence: [{ artifact: 'journal', line: 1, excerpt: 'panic: runtime error' }, { artifact: 'journal', line: 2, excerpt: 'code=dumped, status=6/ABRT' }, { artifact: 'journal', line: 11 }],
        },
      ],
    },
    {
      // systemd v229+ wording (field guide §1.5): SIGKILLs with automatic restarts.
      name: 'three SIGKILLs with Scheduled restart job lines',
      artifacts: {
        journal: j(
          [1, 2, 3].flatMap((n) => [
            `2024-05-02T10:${String(n * 10).padStart(2, '0')}:00+0000 node1 systemd[1]: docker.service: Main process exited, code=killed, status=9/KILL`,
            `2024-05-02T10:${String(n * 10).padStart(2, '0')}:00+0000 node1 systemd[1]: docker.service: Failed with result 'signal'.`,
            `2024-05-02T10:${String(n * 10).padStart(2, '0')}:02+0000 node1 systemd[1]: docker.service: Scheduled restart job, restart counter is at ${n}.`,
          ]),
        ),
      },
      findings: [{ messageId: 'storm', data: { count: 3, minutes: 20 }, evidence: [{ artifact: 'journal', line: 1, excerpt: 'status=9/KILL' }, { artifact: 'journal', line: 9, excerpt: 'restart counter is at 3' }] }],
    },
    {
      name: 'journal rotated away, systemctl show NRestarts=4',
      artifacts: { 'systemd.docker': 'Id=docker.service\nActiveState=active\nResult=success\nNRestarts=4\n', journal: '2024-05-02T11:00:00+0000 node1 systemd[1]: Started Session 4 of user root.\n' },
      findings: [{ messageId: 'restartCounter', data: { restarts: 4 }, evidence: [{ artifact: 'systemd.docker', line: 4, excerpt: 'NRestarts=4' }] }],
    },
  ],
});
