import { readFileSync } from 'node:fs';
import rule from '../../analyzer/src/rules/devicemapper-loop-lvm.js';
import { REPO_ROOT, ruleTester } from '../helpers/rule-tester.js';

// docker info 18.09 flat layout with loop-lvm keys (moby 18.09 devmapper Status(); field guide §2 `Data loop file:`).
const LOOP_INFO = [
  'Containers: 0',
  'Server Version: 18.09.0',
  'Storage Driver: devicemapper',
  ' Pool Name: docker-253:0-1049989-pool',
  ' Backing Filesystem: xfs',
  ' Data file: /dev/loop0',
  ' Metadata file: /dev/loop1',
  ' Data loop file: /var/lib/docker/devicemapper/devicemapper/data',
  ' Metadata loop file: /var/lib/docker/devicemapper/devicemapper/metadata',
  'Docker Root Dir: /var/lib/docker',
  '',
].join('\n');
const DIRECT_INFO = readFileSync(`${REPO_ROOT}/test/fixtures/docker.info/hand-openeuler-18.09-flat-devicemapper.txt`, 'utf8');
/** docker info without `Data loop file:` lines: only `Data file:` tells loop-lvm from direct-lvm. */
const dataFileInfo = (dataFile: string) => ['Storage Driver: devicemapper', ' Pool Name: docker-253:0-201328679-pool', ' Backing Filesystem: xfs', ` Data file:${dataFile ? ` ${dataFile}` : ''}`, ' Metadata file: /dev/loop1', ''].join('\n');

ruleTester.run(rule, {
  valid: [
    { name: 'healthy netns lab bundle (overlay2)', bundle: 'samples/lab-netns-healthy' },
    { name: 'healthy nspawn bundle (overlay2)', bundle: 'samples/nspawn-healthy' },
    { name: 'direct-lvm: docker info names the pool and no loop file', artifacts: { 'docker.info': DIRECT_INFO } },
    { name: 'direct-lvm from the configuration', artifacts: { 'docker.daemon-json': '{"storage-driver": "devicemapper", "storage-opts": ["dm.thinpooldev=/dev/mapper/docker-thinpool"]}\n' } },
    { name: 'driver guard: overlay2 configured without any dm option', artifacts: { 'docker.daemon-json': '{"storage-driver": "overlay2"}\n' } },
    // moby/moby#23662: direct-lvm on LVM volumes; moby/moby#32878: dm.thinpooldev leaves `Data file:` empty.
    { name: 'no loop file line, `Data file:` an LVM volume (direct-lvm)', artifacts: { 'docker.info': dataFileInfo('/dev/mapper/vg_docker-docker_data') } },
    { name: 'no loop file line, empty `Data file:` (dm.thinpooldev)', artifacts: { 'docker.info': dataFileInfo('') } },
    { name: 'not evaluated without docker info or configuration', artifacts: { 'ipcs.sem': '' }, coverage: 'not-evaluated' },
  ],
  invalid: [
    {
      name: 'openEuler 18.09 docker info shows the data loop file',
      artifacts: { 'docker.info': LOOP_INFO },
      findings: [{ messageId: 'loopLvm', severity: 'warning', data: { file: '/var/lib/docker/devicemapper/devicemapper/data' }, evidence: [{ artifact: 'docker.info', line: 8, excerpt: 'Data loop file:' }] }],
    },
    {
      // rancher/rancher#2693, moby/moby#36473: the paste stops before the loop-file lines.
      name: 'no loop file line: `Data file: /dev/loop0` is the loop device',
      artifacts: { 'docker.info': dataFileInfo('/dev/loop0') },
      findings: [{ messageId: 'loopDevice', confidence: 'high', data: { device: '/dev/loop0' }, evidence: [{ artifact: 'docker.info', line: 4, excerpt: 'Data file: /dev/loop0' }] }],
    },
    {
      // moby/moby#8241 (1.2.0-dev): before 1.5 `Data file:` named the sparse file itself.
      name: 'before docker 1.5: `Data file:` is the loop file itself',
      artifacts: { 'docker.info': dataFileInfo('/home/docker/devicemapper/devicemapper/data') },
      findings: [{ messageId: 'loopLvm', data: { file: '/home/docker/devicemapper/devicemapper/data' }, evidence: [{ artifact: 'docker.info', line: 4 }] }],
    },
    {
      // openEuler: DOCKER_STORAGE_OPTIONS feed ExecStart (field guide §0); no dm.thinpooldev → loop-lvm.
      name: 'sysconfig selects devicemapper without dm.thinpooldev, daemon down',
      artifacts: { 'sysconfig.docker': 'DOCKER_STORAGE_OPTIONS="--storage-driver=devicemapper --storage-opt dm.fs=ext4"\n' },
      findings: [{ messageId: 'noThinpoolDev', confidence: 'medium', evidence: [{ artifact: 'sysconfig.docker', line: 1 }] }],
    },
  ],
});
