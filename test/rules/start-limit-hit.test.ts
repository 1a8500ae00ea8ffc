import rule from '../../analyzer/src/rules/start-limit-hit.js';
import { ruleTester } from '../helpers/rule-tester.js';

const j = (lines: string[]) => lines.join('\n') + '\n';

ruleTester.run(rule, {
  valid: [
    {
      name: 'a single failed start that systemd did not refuse',
      artifacts: {
        journal: j([
          '2024-05-02T10:00:00+0000 node1 systemd[1]: Starting docker.service - Docker Application Container Engine...',
          '2024-05-02T10:00:01+0000 node1 dockerd[812]: unable to configure the Docker daemon with file /etc/docker/daemon.json: unexpected EOF',
          '2024-05-02T10:00:01+0000 node1 systemd[1]: docker.service: Main process exited, code=exited, status=1/FAILURE',
          "2024-05-02T10:00:01+0000 node1 systemd[1]: docker.service: Failed with result 'exit-code'.",
        ]),
      },
    },
    {
      name: 'another unit hit its start limit, not docker',
      artifacts: { journal: j(['2024-05-02T10:00:00+0000 node1 systemd[1]: nginx.service: Start request repeated too quickly.', "2024-05-02T10:00:00+0000 node1 systemd[1]: nginx.service: Failed with result 'start-limit-hit'."]) },
    },
    { name: 'not evaluated with no journal and no unit state', artifacts: { 'ipcs.sem': '' }, coverage: 'not-evaluated' },
  ],
  invalid: [
    {
      // Real systemd 252 capture: `systemctl restart docker` in a loop under nspawn (test/lab/nspawn, samples/README.md).
      name: 'real capture: manual restart loop under systemd 252 (upstream unit, 3 starts per 60 s)',
      bundle: 'samples/nspawn-start-limit-hit',
      findings: [
        {
          messageId: 'restartedTooOften',
          severity: 'error',
          data: { hits: 1 },
          evidence: [
            { artifact: 'journal', excerpt: 'docker.service: Start request repeated too quickly.' },
            { artifact: 'journal', excerpt: "docker.socket: Failed with result 'service-start-limit-hit'." },
          ],
        },
      ],
    },
    {
      // systemd 219 wording (EulerOS/CentOS 7; systemd-rhel7 src/core/service.c, field guide §1.5) with an 18.09 fatal line.
      name: 'systemd 219 wording after repeated daemon.json failures (openEuler 18.09)',
      artifacts: {
        journal: j([
          'Mar 01 12:55:50 node1 systemd[1]: Starting Docker Application Container Engine...',
          'Mar 01 12:55:50 node1 dockerd[1001]: unable to configure the Docker daemon with file /etc/docker/daemon.json: invalid character \'}\' looking for beginning of object key string',
          'Mar 01 12:55:50 node1 systemd[1]: docker.service: main process exited, code=exited, status=1/FAILURE',
          'Mar 01 12:55:50 node1 systemd[1]: Failed to start Docker Application Container Engine.',
          'Mar 01 12:55:51 node1 systemd[1]: start request repeated too quickly for docker.service',
          'Mar 01 12:55:51 node1 systemd[1]: Failed to start Docker Application Container Engine.',
        ]),
      },
      collectedAt: '2021-03-01T13:00:00Z',
      findings: [
        {
          messageId: 'startLimitHit',
          severity: 'error',
          data: { hits: 1 },
          evidence: [
            { artifact: 'journal', line: 5, excerpt: 'start request repeated too quickly for docker.service' },
            { artifact: 'journal', line: 2, excerpt: 'unable to configure the Docker daemon' },
          ],
        },
      ],
    },
    {
      // v229–v249 wording (field guide §1.5).
      name: 'newer systemd wording with the start-limit-hit result',
      artifacts: {
        journal: j([
          '2024-05-02T10:00:00+0000 node1 dockerd[812]: failed to start daemon: Error initializing network controller: error obtaining controller instance: failed to get bridge network configurations from store: error while populating kmap: file size too small',
          '2024-05-02T10:00:00+0000 node1 systemd[1]: docker.service: Main process exited, code=exited, status=1/FAILURE',
          '2024-05-02T10:00:02+0000 node1 systemd[1]: docker.service: Start request repeated too quickly.',
          "2024-05-02T10:00:02+0000 node1 systemd[1]: docker.service: Failed with result 'start-limit-hit'.",
        ]),
      },
      findings: [{ messageId: 'startLimitHit', evidence: [{ artifact: 'journal', line: 3 }, { artifact: 'journal', line: 4 }, { artifact: 'journal', line: 1, excerpt: 'file size too small' }] }],
    },
    {
      name: 'journal rotated away but systemctl still shows the result',
      artifacts: {
        'systemd.docker': 'Id=docker.service\nActiveState=failed\nSubState=failed\nResult=start-limit-hit\nNRestarts=0\n',
        journal: '2024-05-02T11:00:00+0000 node1 systemd[1]: Started Session 4 of user root.\n',
      },
      findings: [{ messageId: 'startLimitState', evidence: [{ artifact: 'systemd.docker' }] }],
    },
  ],
});
