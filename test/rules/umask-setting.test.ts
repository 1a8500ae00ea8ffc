import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import rule from '../../analyzer/src/rules/umask-setting.js';
import { REPO_ROOT, ruleTester } from '../helpers/rule-tester.js';

// native.umask exists only in openEuler's docker-engine (patch 0021, field guide §2): no lab can run it, so these cases are
// hand-written from the patch's option names and message; the openEuler rpm list is the hand fixture of test/fixtures/rpm.qa.
const rpm = readFileSync(resolve(REPO_ROOT, 'test/fixtures/rpm.qa/hand-openeuler-22.03-docker-engine.txt'), 'utf8');
const j = (lines: string[]) => lines.join('\n') + '\n';

ruleTester.run(rule, {
  valid: [
    { name: 'healthy netns lab (upstream docker.io)', bundle: 'samples/lab-netns-healthy' },
    { name: 'healthy nspawn lab', bundle: 'samples/nspawn-healthy' },
    { name: 'healthy sosreport (Debian 12)', bundle: 'samples/sosreport-vm-debian12.tar.xz' },
    { name: 'upstream engine with another exec-opt', artifacts: { 'docker.daemon-json': '{ "exec-opts": ["native.cgroupdriver=systemd"] }\n' } },
  ],
  invalid: [
    {
      name: 'openEuler docker-engine without native.umask: default secure (0027)',
      artifacts: { 'rpm.qa': rpm, 'docker.daemon-json': '{\n  "live-restore": true\n}\n' },
      findings: [{ messageId: 'umaskDefault', severity: 'info', evidence: [{ artifact: 'rpm.qa', line: 4, excerpt: 'docker-engine-18.09.0-316' }] }],
    },
    {
      name: 'native.umask=normal in daemon.json',
      artifacts: { 'rpm.qa': rpm, 'docker.daemon-json': '{\n  "exec-opts": ["native.umask=normal"]\n}\n' },
      findings: [{ messageId: 'umaskSet', severity: 'info', data: { value: 'normal', umask: '0022' }, evidence: [{ artifact: 'docker.daemon-json', line: 2 }] }],
    },
    {
      name: 'native.umask=secure in /etc/sysconfig/docker OPTIONS',
      artifacts: { 'rpm.qa': rpm, 'sysconfig.docker': [{ path: 'files/etc/sysconfig/docker', text: "OPTIONS='--live-restore --exec-opt native.umask=secure'\n" }] },
      findings: [{ messageId: 'umaskSet', data: { value: 'secure', umask: '0027' }, evidence: [{ artifact: 'sysconfig.docker', line: 1 }] }],
    },
    {
      // Patch 0021's error text; the 18.09 fatal-start prefix "Error starting daemon: " per field guide §0 (UNVERIFIED combination).
      name: 'bad value rejected at start (openEuler 18.09 journal)',
      artifacts: {
        'rpm.qa': rpm,
        'docker.daemon-json': '{\n  "exec-opts": ["native.umask=0022"]\n}\n',
        journal: j(['Mar 01 12:55:50 node1 dockerd[1001]: Error starting daemon: native.umask option 0022 not supported', 'Mar 01 12:55:50 node1 systemd[1]: docker.service: main process exited, code=exited, status=1/FAILURE']),
      },
      collectedAt: '2021-03-01T13:00:00Z',
      findings: [{ messageId: 'umaskInvalid', severity: 'error', data: { value: '0022' }, evidence: [{ artifact: 'docker.daemon-json', line: 2 }, { artifact: 'journal', line: 1, excerpt: 'native.umask option 0022 not supported' }] }],
    },
  ],
});
