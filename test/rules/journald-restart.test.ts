import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import rule from '../../analyzer/src/rules/journald-restart.js';
import { REPO_ROOT, ruleTester } from '../helpers/rule-tester.js';

// Real systemd 252 capture (test/fixtures/nspawn/journald-restart/steps.log): phase 1 `systemctl restart systemd-journald`
// (dockerd kept logging: fd store), phase 2 `systemctl stop` + `start` (dockerd silent while containers ran: only systemd's
// docker mount lines), phase 3 `systemctl restart docker`. journal-short-iso-precise.txt lines: phase 1 = 1–15, phase 2 =
// 16–24, phase 3 = 25–66 (one line more in the cases that prepend `started`).
const lines = readFileSync(resolve(REPO_ROOT, 'test/fixtures/nspawn/journald-restart/journal-short-iso-precise.txt'), 'utf8').split('\n');
const upTo = (n: number) => lines.slice(0, n).join('\n') + '\n';
const j = (l: string[]) => l.join('\n') + '\n';
// The capture's journal starts at phase 1; this line says dockerd was up before it (as in the full sample's journal).
const started = '2026-11-28T07:46:53.967600+0000 docklab systemd[1]: Started docker.service - Docker Application Container Engine.';

ruleTester.run(rule, {
  valid: [
    { name: 'healthy netns lab', bundle: 'samples/lab-netns-healthy' },
    { name: 'healthy nspawn lab (journald stops only at shutdown)', bundle: 'samples/nspawn-healthy' },
    { name: 'healthy sosreport (Debian 12)', bundle: 'samples/sosreport-vm-debian12.tar.xz' },
    { name: 'real capture: plain journald restart, dockerd kept logging (fd store)', artifacts: { journal: started + '\n' + upTo(15) } },
    {
      name: 'journald restarted while dockerd was stopped',
      artifacts: {
        journal: j([
          '2024-05-02T10:00:00+0000 node1 systemd[1]: Stopped docker.service - Docker Application Container Engine.',
          '2024-05-02T10:00:05+0000 node1 systemd-journald[211]: Journal stopped',
          '2024-05-02T10:00:06+0000 node1 systemd-journald[306]: Journal started',
        ]),
      },
    },
  ],
  invalid: [
    {
      name: 'real capture: stop+start of journald, dockerd silent until restarted (samples/nspawn-journald-restart)',
      bundle: 'samples/nspawn-journald-restart',
      findings: [
        {
          messageId: 'logsLost',
          severity: 'info',
          // The sample is regenerated from time to time (test/lab/nspawn/regenerate.sh): assert the shape, not its times.
          evidence: [
            { artifact: 'journal', excerpt: 'Journal stopped' },
            { artifact: 'journal', excerpt: 'Journal started' },
            { artifact: 'journal', excerpt: '.mount: Deactivated successfully.' },
            { artifact: 'journal', excerpt: 'Starting docker.service' },
          ],
        },
      ],
    },
    {
      name: 'real capture cut before phase 3: dockerd still silent at collection',
      artifacts: { journal: started + '\n' + upTo(24) },
      findings: [
        {
          messageId: 'dockerdSilent',
          severity: 'warning',
          data: { restartTime: '2026-11-28T07:47:08.079Z', activity: 4 },
          evidence: [{ artifact: 'journal', line: 18, excerpt: 'Journal stopped' }, { artifact: 'journal', line: 19, excerpt: 'Journal started' }, { artifact: 'journal', line: 25, excerpt: 'var-lib-docker-overlay2-b1012f6a' }],
        },
      ],
    },
    {
      // systemd 219 wording (field guide §1.5 table: "docker.service: main process exited, …") with the old SIGPIPE kill of
      // moby/moby#7087 (status=13/PIPE); hand-written.
      name: 'systemd 219: dockerd killed by SIGPIPE after a journald restart',
      artifacts: {
        journal: j([
          'Mar 01 12:50:02 node1 systemd[1]: Started Docker Application Container Engine.',
          'Mar 01 12:55:00 node1 systemd-journald[400]: Journal stopped',
          'Mar 01 12:55:01 node1 systemd-journald[520]: Journal started',
          'Mar 01 12:55:03 node1 systemd[1]: docker.service: main process exited, code=killed, status=13/PIPE',
          'Mar 01 12:55:03 node1 systemd[1]: Unit docker.service entered failed state.',
        ]),
      },
      collectedAt: '2021-03-01T13:00:00Z',
      findings: [{ messageId: 'sigpipeCrash', severity: 'error', data: { detail: 'code=killed, status=13/PIPE' }, evidence: [{ artifact: 'journal', line: 3 }, { artifact: 'journal', line: 4, excerpt: 'status=13/PIPE' }] }],
    },
    {
      name: 'journald restarted, dockerd quiet afterwards and nothing else shows docker activity',
      artifacts: {
        journal: j([
          '2024-05-02T10:00:00+0000 node1 dockerd[812]: time="2024-05-02T10:00:00.000000000Z" level=info msg="API listen on /run/docker.sock"',
          '2024-05-02T10:05:00+0000 node1 systemd-journald[211]: Journal stopped',
          '2024-05-02T10:05:02+0000 node1 systemd-journald[306]: Journal started',
          '2024-05-02T11:00:00+0000 node1 sshd[900]: Accepted publickey for root from 127.0.0.1 port 50000 ssh2',
        ]),
      },
      findings: [{ messageId: 'dockerdQuiet', severity: 'info', confidence: 'low', evidence: [{ artifact: 'journal', line: 1, excerpt: 'API listen on' }, { artifact: 'journal', line: 3 }] }],
    },
  ],
});
