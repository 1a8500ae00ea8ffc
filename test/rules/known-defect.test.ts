import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import rule from '../../analyzer/src/rules/known-defect.js';
import { REPO_ROOT, ruleTester } from '../helpers/rule-tester.js';

const fixture = (rel: string) => readFileSync(resolve(REPO_ROOT, rel), 'utf8');
const OE2203 = 'test/fixtures/rpm.qa/hand-openeuler-22.03-docker-engine.txt';

ruleTester.run(rule, {
  valid: [
    // Real Debian 12 captures: docker.io, containerd and runc are distribution packages with no shipped dpkg range.
    { name: 'healthy netns lab (Debian docker.io 20.10.24)', bundle: 'samples/lab-netns-healthy' },
    { name: 'real dpkg -l capture alone', artifacts: { 'dpkg.l': fixture('test/fixtures/dpkg.l/dpkg-1.21-debian12-trimmed.txt') } },
    { name: 'openEuler build past every listed fix', artifacts: { 'rpm.qa': 'docker-engine-18.09.0-324.oe2203sp1.x86_64\n' } },
    { name: 'not evaluated without package list or docker output', artifacts: { 'ipcs.sem': '' }, coverage: 'not-evaluated' },
  ],
  invalid: [
    {
      // 316 < 319 (container-missing fix, error) and 316 < 323 (CVE-2023-28840, warning): sorted by severity.
      name: 'openEuler 22.03 SP1 docker-engine-18.09.0-316',
      artifacts: { 'rpm.qa': fixture(OE2203) },
      findings: [
        {
          messageId: 'affected',
          severity: 'error',
          confidence: 'medium',
          data: { entry: 'openeuler-docker-container-missing-after-restart', package: 'docker-engine', installed: '18.09.0-316.oe2203sp1', fixed: '18.09.0-319.oe2203', via: 'rpm -qa', kind: 'defect' },
          evidence: [{ artifact: 'rpm.qa', line: 4, excerpt: 'docker-engine-18.09.0-316.oe2203sp1.x86_64' }],
        },
        {
          messageId: 'affected',
          severity: 'warning',
          data: { entry: 'CVE-2023-28840', installed: '18.09.0-316.oe2203sp1', fixed: '18.09.0-323.oe2203', cves: 'CVE-2023-28840, CVE-2023-28841, CVE-2023-28842' },
          evidence: [{ artifact: 'rpm.qa', line: 4 }],
        },
      ],
    },
    {
      name: 'Debian lab without the package list: runc from docker version',
      bundle: 'samples/lab-netns-healthy',
      drop: ['dpkg.l'],
      findings: [
        {
          messageId: 'affected',
          severity: 'error',
          data: { entry: 'CVE-2024-21626', package: 'runc', installed: '1.1.5+ds1', fixed: '1.1.12', via: 'docker version' },
          evidence: [{ artifact: 'docker.version', excerpt: '1.1.5+ds1' }],
        },
      ],
    },
  ],
});
