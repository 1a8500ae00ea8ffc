import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import rule from '../../analyzer/src/rules/container-id-exists-race.js';
import { REPO_ROOT, ruleTester } from '../helpers/rule-tester.js';

// Real collector bundle (samples/lab-netns-container-id-exists/README.md): containerd SIGKILLed during a slow
// `runc create` in the netns lab; dockerd's logrus lines are in logs/dockerd.log (artifact syslog, no journal).
// Expectations come from that log: the failing container's id and name, and the line numbers.
const ID_SAMPLE = 'samples/lab-netns-container-id-exists';
const idLog = readFileSync(resolve(REPO_ROOT, ID_SAMPLE, 'logs/dockerd.log'), 'utf8').split('\n');
const lineOf = (re: RegExp, after = 0) => idLog.findIndex((l, i) => i >= after && re.test(l)) + 1;
const taskLines = idLog.map((l, i) => ({ l, line: i + 1 })).filter((r) => /task [0-9a-f]{64}: already exists/.test(r.l));
const sampleId = /task ([0-9a-f]{64}): already exists/.exec(taskLines[0]?.l ?? '')?.[1] ?? 'no-task-line-in-sample';
const sampleName = /containers\/([^/]+)\/start returned error: task/.exec(taskLines[0]?.l ?? '')?.[1] ?? 'no-name';
const notCleanedLine = lineOf(/Container not cleaned up from containerd from previous run/);
const killLine = lineOf(/containerd did not exit successfully/);
// dockerd's supervisor restart after the kill (the first "started new containerd process" is the daemon's start).
const restartLine = lineOf(/libcontainerd: started new containerd process/, killLine);

const ID = '4f2a7c1e9b3d5a6c8e0f1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2d';
const j = (lines: string[]) => lines.join('\n') + '\n';
// dockerd 18.09 logrus lines with the managed containerd's supervisor messages
// (libcontainerd/supervisor/remote_daemon.go) and runc rc3's wording (field guide §1.4).
const restartLines = [
  '2021-03-01T12:50:00+0800 node1 dockerd[900]: time="2021-03-01T12:50:00.100000000+08:00" level=error msg="containerd did not exit successfully" error="signal: killed" module=libcontainerd',
  '2021-03-01T12:50:01+0800 node1 dockerd[900]: time="2021-03-01T12:50:01.200000000+08:00" level=info msg="libcontainerd: started new containerd process" pid=2345',
];
const failure = `2021-03-01T12:51:30+0800 node1 dockerd[900]: time="2021-03-01T12:51:30.300000000+08:00" level=error msg="Handler for POST /v1.39/containers/web/start returned error: OCI runtime create failed: container with id exists: ${ID}: unknown"`;

ruleTester.run(rule, {
  valid: [
    { name: 'containerd restarted but every start succeeded', artifacts: { journal: j(restartLines) } },
    {
      name: 'an unrelated "already exists" error (network name) is not this race',
      artifacts: { journal: j(['2024-05-02T10:00:00+0000 node1 dockerd[812]: time="2024-05-02T10:00:00Z" level=error msg="Handler for POST /v1.41/networks/create returned error: network with name app already exists"']) },
    },
    { name: 'not evaluated without any log', artifacts: { 'docker.ps': '' }, coverage: 'not-evaluated' },
    { name: 'healthy netns lab bundle (dockerd log in logs/, containerd started once)', bundle: 'samples/lab-netns-healthy' },
  ],
  invalid: [
    {
      // dockerd 18.09 logs "started new containerd process" at every start of its managed containerd.
      name: 'a normal dockerd start (which starts its containerd) is not taken for a containerd kill',
      artifacts: {
        journal: j([
          '2021-03-01T12:50:00+0800 node1 dockerd[900]: time="2021-03-01T12:50:00.000000000+08:00" level=info msg="Starting up"',
          '2021-03-01T12:50:01+0800 node1 dockerd[900]: time="2021-03-01T12:50:01.200000000+08:00" level=info msg="libcontainerd: started new containerd process" pid=2345',
          `2021-03-01T12:51:30+0800 node1 dockerd[900]: time="2021-03-01T12:51:30.300000000+08:00" level=error msg="Handler for POST /v1.39/containers/web/start returned error: OCI runtime create failed: container with id exists: ${ID}: unknown"`,
        ]),
      },
      // The start still failed, so it is reported, but as "no containerd kill seen" (warning, low confidence).
      findings: [{ messageId: 'idExistsNoKillSeen', severity: 'warning', confidence: 'low', evidence: [{ artifact: 'journal', line: 3 }] }],
    },
    {
      name: 'real collector bundle: task already exists after containerd was SIGKILLed during a slow create (netns lab)',
      bundle: ID_SAMPLE,
      findings: [
        {
          messageId: 'raceAfterContainerdKill',
          severity: 'error',
          confidence: 'high',
          data: { container: `${sampleName} (${sampleId.slice(0, 12)})`, error: 'Container not cleaned up from containerd from previous run' },
          evidence: [
            { artifact: 'syslog', path: 'logs/dockerd.log', line: notCleanedLine, excerpt: `container=${sampleId}` },
            ...taskLines.map((r) => ({ artifact: 'syslog', path: 'logs/dockerd.log', line: r.line, excerpt: `task ${sampleId}: already exists` })),
            { artifact: 'syslog', path: 'logs/dockerd.log', line: restartLine, excerpt: 'started new containerd process' },
          ],
        },
      ],
    },
    {
      name: 'openEuler 18.09 + runc rc3: start fails 90 s after containerd was killed and restarted',
      artifacts: { journal: j([...restartLines, failure]) },
      findings: [
        {
          messageId: 'raceAfterContainerdKill',
          severity: 'error',
          confidence: 'high',
          data: { container: ID.slice(0, 12), minutes: 1.5 },
          evidence: [
            { artifact: 'journal', line: 3, excerpt: 'container with id exists' },
            { artifact: 'journal', line: 2, excerpt: 'started new containerd process' },
          ],
        },
      ],
    },
    {
      // runc 1.1 wording (no id) — field guide §1.4, UNVERIFIED sample assembled from the format string.
      name: 'runc 1.1 wording with no containerd restart before it: low confidence',
      artifacts: {
        journal: j([
          '2024-05-02T10:00:00+0000 node1 dockerd[812]: time="2024-05-02T10:00:00.000000000Z" level=error msg="Handler for POST /v1.41/containers/api/start returned error: OCI runtime create failed: container with given ID already exists: unknown"',
        ]),
      },
      findings: [{ messageId: 'idExistsNoKillSeen', severity: 'warning', confidence: 'low', data: { container: 'api' }, evidence: [{ artifact: 'journal', line: 1 }] }],
    },
    {
      // containerd 1.6 wording seen in the field guide's lab (§1.4), after a containerd.service SIGKILL.
      name: 'containerd 1.6: task already exists after containerd.service was killed',
      artifacts: {
        journal: j([
          '2024-05-02T10:00:00+0000 node1 systemd[1]: containerd.service: Main process exited, code=killed, status=9/KILL',
          `2024-05-02T10:02:00+0000 node1 dockerd[812]: time="2024-05-02T10:02:00.000000000Z" level=error msg="Handler for POST /v1.41/containers/web/start returned error: task ${ID}: already exists"`,
        ]),
      },
      findings: [{ messageId: 'raceAfterContainerdKill', data: { minutes: 2 }, evidence: [{ artifact: 'journal', line: 2, excerpt: 'already exists' }, { artifact: 'journal', line: 1 }] }],
    },
  ],
});
