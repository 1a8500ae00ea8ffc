import { readFileSync } from 'node:fs';
import rule from '../../analyzer/src/rules/devicemapper-options.js';
import { REPO_ROOT, ruleTester } from '../helpers/rule-tester.js';

// Hand fixture in the 18.09 flat layout: Backing Filesystem ext4, both deferred settings false (lines 16, 17).
const INFO_1809 = readFileSync(`${REPO_ROOT}/test/fixtures/docker.info/hand-openeuler-18.09-flat-devicemapper.txt`, 'utf8');
const withLines = (from: RegExp, to: string) => INFO_1809.replace(from, to);
const GOOD = withLines(/Deferred Removal Enabled: false/, 'Deferred Removal Enabled: true').replace(/Deferred Deletion Enabled: false/, 'Deferred Deletion Enabled: true');

ruleTester.run(rule, {
  valid: [
    { name: 'healthy netns lab bundle (overlay2)', bundle: 'samples/lab-netns-healthy' },
    { name: 'healthy nspawn bundle (overlay2)', bundle: 'samples/nspawn-healthy' },
    { name: 'deferred removal and deletion on, ext4', artifacts: { 'docker.info': GOOD } },
    {
      name: 'configured with both deferred options and dm.fs=ext4, daemon down',
      artifacts: { 'docker.daemon-json': '{"storage-driver": "devicemapper", "storage-opts": ["dm.thinpooldev=/dev/mapper/docker-thinpool", "dm.use_deferred_removal=true", "dm.use_deferred_deletion=true", "dm.fs=ext4"]}\n' },
    },
    { name: 'driver guard: overlay2 host', artifacts: { 'docker.daemon-json': '{"storage-driver": "overlay2"}\n' } },
    { name: 'not evaluated without docker info or configuration', artifacts: { 'ipcs.sem': '' }, coverage: 'not-evaluated' },
  ],
  invalid: [
    {
      name: 'openEuler 18.09 docker info: Deferred Removal/Deletion Enabled: false',
      artifacts: { 'docker.info': INFO_1809 },
      findings: [
        {
          messageId: 'deferredOff',
          data: { missing: 'dm.use_deferred_removal=true and dm.use_deferred_deletion=true' },
          evidence: [{ artifact: 'docker.info', line: 16, excerpt: 'Deferred Removal Enabled: false' }, { artifact: 'docker.info', line: 17, excerpt: 'Deferred Deletion Enabled: false' }],
        },
      ],
    },
    {
      name: 'xfs thin devices (docker info backing filesystem)',
      artifacts: { 'docker.info': GOOD.replace('Backing Filesystem: ext4', 'Backing Filesystem: xfs') },
      findings: [{ messageId: 'notExt4', data: { fs: 'xfs' }, evidence: [{ artifact: 'docker.info', line: 11, excerpt: 'xfs' }] }],
    },
    {
      name: 'storage-opts without deferred removal and with dm.fs=xfs, daemon down',
      artifacts: { 'docker.daemon-json': '{\n  "storage-driver": "devicemapper",\n  "storage-opts": ["dm.thinpooldev=/dev/mapper/docker-thinpool", "dm.use_deferred_deletion=true", "dm.fs=xfs"]\n}\n' },
      findings: [
        { messageId: 'deferredOff', confidence: 'medium', data: { missing: 'dm.use_deferred_removal=true' }, evidence: [{ artifact: 'docker.daemon-json' }] },
        { messageId: 'notExt4', data: { fs: 'xfs' }, evidence: [{ artifact: 'docker.daemon-json' }] },
      ],
    },
  ],
});
