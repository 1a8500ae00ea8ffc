import { readFileSync } from 'node:fs';
import rule from '../../analyzer/src/rules/overlay2-unsupported.js';
import { REPO_ROOT, ruleTester } from '../helpers/rule-tester.js';

/** Real `docker info` of the netns lab daemon (docker 20.10.24, overlay2 on extfs, Linux 6.18): test/fixtures/lab/healthy. */
const LAB_INFO = readFileSync(`${REPO_ROOT}/test/fixtures/lab/healthy/docker-info.txt`, 'utf8');
const dtypeLine = LAB_INFO.split('\n').findIndex((l) => l.includes('Supports d_type: true')) + 1;

/** docker info in the 18.09 flat layout (field guide §3; test/fixtures/docker.info/hand-openeuler-18.09-flat-devicemapper.txt shape). */
const info1809 = (driverLines: string[], kernel: string) =>
  ['Containers: 2', ' Running: 1', 'Server Version: 18.09.0', ...driverLines, 'Logging Driver: json-file', `Kernel Version: ${kernel}`, 'Docker Root Dir: /var/lib/docker', ''].join('\n');
const uname = (release: string) => `Linux node1 ${release} #1 SMP Mon Oct 19 16:18:59 UTC 2020 x86_64 x86_64 x86_64 GNU/Linux\n`;
const EXT4 = ['Storage Driver: overlay2', ' Backing Filesystem: extfs', ' Supports d_type: true', ' Native Overlay Diff: true'];

ruleTester.run(rule, {
  valid: [
    // Real captures: overlay2 on extfs, Linux 6.18.
    { name: 'healthy netns lab bundle', bundle: 'samples/lab-netns-healthy' },
    { name: 'healthy nspawn bundle', bundle: 'samples/nspawn-healthy' },
    { name: 'real docker info of the netns lab daemon (overlay2 on extfs)', artifacts: { 'docker.info': LAB_INFO } },
    { name: 'overlay2 on ext4 with kernel 4.19 (openEuler 20.03)', artifacts: { 'docker.info': info1809(EXT4, '4.19.90-2102.2.0.0062.oe1.x86_64'), uname: uname('4.19.90-2102.2.0.0062.oe1.x86_64') } },
    { name: 'xfs with d_type support', artifacts: { 'docker.info': info1809(['Storage Driver: overlay2', ' Backing Filesystem: xfs', ' Supports d_type: true'], '4.19.90') } },
    {
      name: 'driver guard: devicemapper on an old kernel over btrfs says nothing about overlay2',
      artifacts: { 'docker.info': info1809(['Storage Driver: devicemapper', ' Backing Filesystem: btrfs'], '3.10.0-1160.el7.x86_64'), uname: uname('3.10.0-1160.el7.x86_64') },
    },
    { name: 'not evaluated without docker info, uname or logs', artifacts: { 'ipcs.sem': '' }, coverage: 'not-evaluated' },
  ],
  invalid: [
    {
      name: 'overlay2 on kernel 3.10 (CentOS 7 era)',
      artifacts: { 'docker.info': info1809(EXT4, '3.10.0-1160.el7.x86_64'), uname: uname('3.10.0-1160.el7.x86_64') },
      findings: [{ messageId: 'oldKernel', severity: 'error', data: { kernel: '3.10.0-1160.el7.x86_64' }, evidence: [{ artifact: 'uname', line: 1, excerpt: '3.10.0-1160' }, { artifact: 'docker.info', line: 4, excerpt: 'Storage Driver: overlay2' }] }],
    },
    {
      name: 'xfs formatted without ftype=1 (Supports d_type: false)',
      artifacts: { 'docker.info': info1809(['Storage Driver: overlay2', ' Backing Filesystem: xfs', ' Supports d_type: false'], '4.19.90') },
      findings: [{ messageId: 'noDtype', severity: 'error', data: { fs: 'xfs' }, evidence: [{ artifact: 'docker.info', line: 6, excerpt: 'Supports d_type: false' }] }],
    },
    {
      // The real lab docker info with only the d_type value flipped (what xfs formatted with ftype=0 reports).
      name: 'real lab docker info with Supports d_type: false',
      artifacts: { 'docker.info': LAB_INFO.replace('Supports d_type: true', 'Supports d_type: false') },
      findings: [{ messageId: 'noDtype', data: { fs: 'extfs' }, evidence: [{ artifact: 'docker.info', line: dtypeLine, excerpt: 'Supports d_type: false' }] }],
    },
    {
      name: 'overlay2 over btrfs',
      artifacts: { 'docker.info': info1809(['Storage Driver: overlay2', ' Backing Filesystem: btrfs', ' Supports d_type: true'], '5.10.0') },
      findings: [{ messageId: 'badBackingFs', severity: 'warning', data: { fs: 'btrfs' }, evidence: [{ artifact: 'docker.info', line: 5, excerpt: 'btrfs' }] }],
    },
    {
      name: 'backing filesystem from the mount table when docker info is missing',
      artifacts: { 'docker.daemon-json': '{"storage-driver": "overlay2"}\n', 'mount.l': '/dev/sdb1 on /var/lib/docker type btrfs (rw,relatime)\n', uname: uname('5.10.0') },
      findings: [{ messageId: 'badBackingFs', confidence: 'medium', data: { fs: 'btrfs' }, evidence: [{ artifact: 'mount.l', line: 1 }] }],
    },
    {
      name: 'override_kernel_check in storage-opts',
      artifacts: { 'docker.daemon-json': '{\n  "storage-driver": "overlay2",\n  "storage-opts": ["overlay2.override_kernel_check=true"]\n}\n', uname: uname('4.19.90') },
      findings: [{ messageId: 'kernelCheckOverridden', severity: 'warning', data: { kernel: '4.19.90' }, evidence: [{ artifact: 'docker.daemon-json' }] }],
    },
    {
      // 18.09 overlay2/overlay.go text (field guide §2) with the 18.09 fatal prefix (§0); daemon down, no docker info.
      name: 'openEuler 18.09: dockerd refuses overlay2 over an unsupported filesystem',
      artifacts: {
        'sysconfig.docker': 'DOCKER_STORAGE_OPTIONS="--storage-driver=overlay2"\n',
        journal: "Mar 01 12:55:50 node1 dockerd[1001]: Error starting daemon: error initializing graphdriver: 'overlay2' is not supported over btrfs\n",
      },
      collectedAt: '2021-03-01T13:00:00Z',
      findings: [{ messageId: 'refused', severity: 'error', data: { reason: "'overlay2' is not supported over btrfs" }, evidence: [{ artifact: 'journal', line: 1 }] }],
    },
    {
      name: 'openEuler 18.09: overlay2 needs kernel 4.7 on this filesystem',
      artifacts: { journal: "Mar 01 12:55:50 node1 dockerd[1001]: Error starting daemon: error initializing graphdriver: 'overlay2' requires kernel 4.7 to use on xfs\n" },
      collectedAt: '2021-03-01T13:00:00Z',
      findings: [{ messageId: 'refused', data: { reason: "'overlay2' requires kernel 4.7 to use on xfs" } }],
    },
  ],
});
