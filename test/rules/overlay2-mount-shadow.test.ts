import { readFileSync } from 'node:fs';
import rule from '../../analyzer/src/rules/overlay2-mount-shadow.js';
import { REPO_ROOT, ruleTester } from '../helpers/rule-tester.js';

const fx = (f: string) => readFileSync(`${REPO_ROOT}/test/fixtures/${f}`, 'utf8');
const LAB_ROOT = '/tmp/dpm-storage-cap/lab/data';
const labConfig = (driver: string) => `{\n  "data-root": "${LAB_ROOT}",\n  "storage-driver": "${driver}"\n}\n`;
// Seed wording (17.x), field guide §2; the id is the seed's short form.
const SEED_17 =
  'Mar 01 12:55:50 node1 dockerd[1001]: time="2021-03-01T12:55:50.100000000+08:00" level=error msg="Handler for DELETE /v1.39/containers/1348136d32 returned error: driver \\"overlay2\\" failed to remove root filesystem for 1348136d32: error while removing /var/lib/docker/overlay2/5f0c0a9e3b1d: invalid argument"\n';
// 18.09 form (field guide §2, UNVERIFIED wording), as a bare stderr line.
const FORM_1809 = `Mar 01 12:56:10 node1 dockerd[1001]: Error response from daemon: container ${'a'.repeat(64)}: driver "overlay2" failed to remove root filesystem: error while removing /var/lib/docker/overlay2/${'b'.repeat(64)}: invalid argument\n`;

ruleTester.run(rule, {
  valid: [
    { name: 'healthy netns lab bundle (overlay2, merged mounts below overlay2/<id>)', bundle: 'samples/lab-netns-healthy' },
    { name: 'healthy nspawn bundle', bundle: 'samples/nspawn-healthy' },
    { name: 'container merged mounts under overlay2/<id>/merged are normal (real nspawn mountinfo)', artifacts: { mountinfo: fx('mountinfo/collector-0.1-nspawn-docker-overlay2.txt') } },
    {
      name: 'driver guard: devicemapper host with a mount on an old overlay2 directory',
      artifacts: { mountinfo: fx('rules/overlay2-mount-shadow/mountinfo-linux-6.18-tmpfs-on-overlay2.txt'), 'docker.daemon-json': labConfig('devicemapper') },
    },
    { name: 'a mount on the data-root itself is normal', artifacts: { 'mount.l': '/dev/vdb1 on /var/lib/docker type xfs (rw,relatime)\n' } },
    { name: 'not evaluated without mounts or logs', artifacts: { 'ipcs.sem': '' }, coverage: 'not-evaluated' },
  ],
  invalid: [
    {
      // Real capture: tmpfs mounted on a lab data-root's overlay2 dir inside unshare -m (fixtures README).
      name: 'real capture: tmpfs mounted on <data-root>/overlay2 (mountinfo)',
      artifacts: { mountinfo: fx('rules/overlay2-mount-shadow/mountinfo-linux-6.18-tmpfs-on-overlay2.txt'), 'docker.daemon-json': labConfig('overlay2') },
      findings: [
        {
          messageId: 'mountShadow',
          severity: 'error',
          confidence: 'high',
          data: { source: 'shadowfs', fsType: 'tmpfs', path: `${LAB_ROOT}/overlay2` },
          evidence: [{ artifact: 'mountinfo', line: 1, excerpt: `${LAB_ROOT}/overlay2 rw,relatime - tmpfs shadowfs` }],
        },
      ],
    },
    {
      name: 'real capture: the same mount seen through mount -l only',
      artifacts: { 'mount.l': fx('rules/overlay2-mount-shadow/mount-l-util-linux-2.38-tmpfs-on-overlay2.txt'), 'docker.daemon-json': labConfig('overlay2') },
      findings: [{ messageId: 'mountShadow', data: { source: 'shadowfs', fsType: 'tmpfs' }, evidence: [{ artifact: 'mount.l', line: 1 }] }],
    },
    {
      // The seed's own mount line and the 18.09 removal error (field guide §2).
      name: 'openEuler 18.09: seed mount on /var/lib/docker/overlay2 with the removal error',
      artifacts: { 'mount.l': '/dev/mapper/dm-root on /var/lib/docker/overlay2 type ext4 (rw,relatime,seclabel,data=ordered)\n', journal: FORM_1809 },
      collectedAt: '2021-03-01T13:00:00Z',
      findings: [
        {
          messageId: 'mountShadow',
          data: { source: '/dev/mapper/dm-root', fsType: 'ext4', path: '/var/lib/docker/overlay2' },
          evidence: [{ artifact: 'mount.l', line: 1 }, { artifact: 'journal', line: 1, excerpt: 'failed to remove root filesystem' }],
        },
      ],
    },
    {
      name: 'seed 17.x removal error without a mount table',
      artifacts: { journal: SEED_17 },
      collectedAt: '2021-03-01T13:00:00Z',
      findings: [{ messageId: 'removeFailed', data: { count: 1 }, confidence: 'medium', evidence: [{ artifact: 'journal', line: 1, excerpt: 'failed to remove root filesystem for 1348136d32' }] }],
    },
  ],
});
