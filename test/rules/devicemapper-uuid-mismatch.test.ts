import { readFileSync } from 'node:fs';
import rule from '../../analyzer/src/rules/devicemapper-uuid-mismatch.js';
import { REPO_ROOT, ruleTester } from '../helpers/rule-tester.js';

const META = readFileSync(`${REPO_ROOT}/test/fixtures/deviceset-metadata/moby-18.09-xfs-hand.txt`, 'utf8');
const CAUSE = 'devmapper: Base Device UUID and Filesystem verification failed: Current Base Device UUID:2a4f7c1e-3d5b-4b8a-9c0d-1e2f3a4b5c6d does not match with stored UUID:7b1ab8d3-8a6b-4b6e-a0c7-4e4e9f1d4c2a. Possibly using a different thin pool than last invocation';

ruleTester.run(rule, {
  valid: [
    { name: 'healthy netns lab bundle', bundle: 'samples/lab-netns-healthy' },
    { name: 'healthy nspawn bundle', bundle: 'samples/nspawn-healthy' },
    {
      // field guide §1.2: the same prefix with a cookie failure is semaphore exhaustion (semaphore-leak's finding).
      name: 'the dm_task_set_cookie variant belongs to semaphore-leak',
      artifacts: { journal: 'Mar 01 12:55:50 node1 dockerd[1001]: Error starting daemon: error initializing graphdriver: devmapper: Base Device UUID and Filesystem verification failed: devicemapper: Can\'t set cookie dm_task_set_cookie failed\n' },
      collectedAt: '2021-03-01T13:00:00Z',
    },
    { name: 'not evaluated without logs', artifacts: { 'ipcs.sem': '' }, coverage: 'not-evaluated' },
  ],
  invalid: [
    {
      // 18.09 fatal prefix (field guide §0) after switching on userns-remap: the remapped root has its own metadata.
      name: 'openEuler 18.09: verification failed after enabling userns-remap',
      artifacts: {
        journal: `Mar 01 12:55:50 node1 dockerd[1001]: Error starting daemon: error initializing graphdriver: ${CAUSE}\n`,
        'docker.daemon-json': '{\n  "storage-driver": "devicemapper",\n  "userns-remap": "default"\n}\n',
        'devicemapper.deviceset-metadata': [{ path: 'files/var/lib/docker/165536.165536/devicemapper/metadata/deviceset-metadata', text: META }],
      },
      collectedAt: '2021-03-01T13:00:00Z',
      findings: [
        {
          messageId: 'uuidMismatch',
          severity: 'error',
          data: { count: 1 },
          evidence: [
            { artifact: 'journal', line: 1, excerpt: 'Base Device UUID and Filesystem verification failed' },
            { artifact: 'docker.daemon-json', line: 3, excerpt: 'userns-remap' },
            { artifact: 'devicemapper.deviceset-metadata', path: 'files/var/lib/docker/165536.165536/devicemapper/metadata/deviceset-metadata' },
          ],
        },
      ],
    },
    {
      name: '20.10 prefix after a thin-pool change',
      artifacts: {
        journal: `2024-05-02T10:00:00+0000 node1 dockerd[812]: failed to start daemon: error initializing graphdriver: ${CAUSE}\n`,
        'docker.daemon-json': '{"storage-driver": "devicemapper", "storage-opts": ["dm.thinpooldev=/dev/mapper/docker-thinpool2"]}\n',
      },
      findings: [{ messageId: 'uuidMismatch', data: { context: '; thin pool /dev/mapper/docker-thinpool2: was it rebuilt or expanded?' }, evidence: [{ artifact: 'journal', line: 1 }, { artifact: 'docker.daemon-json' }] }],
    },
    {
      // 17.x form (moby/moby#33603): level=fatal msg="Error starting daemon: …".
      name: '17.x level=fatal form',
      artifacts: { journal: `Jun 07 10:00:00 node1 dockerd[700]: time="2017-06-07T10:00:00.000000000Z" level=fatal msg="Error starting daemon: error initializing graphdriver: ${CAUSE}"\n` },
      collectedAt: '2017-06-07T11:00:00Z',
      findings: [{ messageId: 'uuidMismatch', data: { count: 1, context: '' } }],
    },
  ],
});
