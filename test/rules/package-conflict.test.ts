import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import rule from '../../analyzer/src/rules/package-conflict.js';
import { REPO_ROOT, ruleTester } from '../helpers/rule-tester.js';

// Hand-written openEuler rpm lists (NAME-VERSION-RELEASE.ARCH, field guide §3 "rpm -qa"; package names from field guide §0/§2).
const fixture = (name: string) => readFileSync(resolve(REPO_ROOT, 'test/fixtures/rpm.qa', name), 'utf8');

ruleTester.run(rule, {
  valid: [
    // Real captures: Debian 12 docker.io + containerd + runc (dpkg -l), no docker-engine.
    { name: 'healthy netns lab (Debian docker.io with containerd and runc packages)', bundle: 'samples/lab-netns-healthy' },
    { name: 'healthy nspawn lab', bundle: 'samples/nspawn-healthy' },
    { name: 'healthy sosreport (Debian 12)', bundle: 'samples/sosreport-vm-debian12.tar.xz' },
    { name: 'docker-engine alone (openEuler 22.03)', artifacts: { 'rpm.qa': fixture('hand-openeuler-22.03-docker-engine.txt') } },
    { name: 'containerd and runc without docker-engine', artifacts: { 'rpm.qa': 'containerd-1.6.20-1.oe2203.x86_64\nrunc-1.1.3-1.oe2203.x86_64\n' } },
    { name: 'not evaluated without any package list', artifacts: { 'ipcs.sem': '' }, coverage: 'not-evaluated' },
  ],
  invalid: [
    {
      name: 'openEuler 20.03: docker-engine with containerd, runc and podman',
      artifacts: { 'rpm.qa': fixture('hand-openeuler-20.03-docker-engine-with-containerd-runc.txt') },
      findings: [
        {
          messageId: 'coInstalled',
          severity: 'warning',
          data: { engine: '18.09.0-129.oe1', count: 3 },
          evidence: [
            { artifact: 'rpm.qa', line: 1, excerpt: 'docker-engine-18.09.0-129.oe1.x86_64' },
            { artifact: 'rpm.qa', line: 2, excerpt: 'containerd-1.2.0-301.oe1' },
            { artifact: 'rpm.qa', line: 3, excerpt: 'runc-1.0.0.rc3' },
            { artifact: 'rpm.qa', line: 4, excerpt: 'podman-0.10.1' },
          ],
        },
      ],
    },
    {
      name: 'sosreport installed-rpms form with install dates',
      artifacts: { 'rpm.qa': fixture('hand-sos-installed-rpms-openeuler.txt') },
      findings: [{ messageId: 'coInstalled', data: { count: 1 }, evidence: [{ artifact: 'rpm.qa', line: 1, excerpt: 'containerd-1.2.0' }, { artifact: 'rpm.qa', line: 2, excerpt: 'docker-engine' }] }],
    },
  ],
});
