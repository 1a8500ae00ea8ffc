import { readFileSync } from 'node:fs';
import rule from '../../analyzer/src/rules/devicemapper-thinpool.js';
import { REPO_ROOT, ruleTester } from '../helpers/rule-tester.js';

const fx = (f: string) => readFileSync(`${REPO_ROOT}/test/fixtures/${f}`, 'utf8');
const DM = '{"storage-driver": "devicemapper", "storage-opts": ["dm.thinpooldev=/dev/mapper/docker-thinpool"]}\n';
/** `dmsetup status` thin-pool line (field guide §3): used/total metadata blocks, used/total data blocks, mode. */
const pool = (name: string, meta: string, data: string, mode = 'rw') => `${name}: 0 129548288 thin-pool 1 ${meta} ${data} - ${mode} no_discard_passdown queue_if_no_space -\n`;

/** A `docker info | grep Space` style fragment (no `Storage Driver:` header), sizes as docker prints them. */
const spaceLines = (used: string, total: string, available: string, minimum?: string) =>
  [` Data Space Used: ${used}`, ` Data Space Total: ${total}`, ` Data Space Available: ${available}`, ' Metadata Space Used: 17.9MB', ' Metadata Space Total: 2.147GB', ...(minimum ? [` Thin Pool Minimum Free Space: ${minimum}`] : []), ''].join('\n');

ruleTester.run(rule, {
  valid: [
    { name: 'healthy netns lab bundle (overlay2, no DM driver)', bundle: 'samples/lab-netns-healthy' },
    { name: 'healthy nspawn bundle (overlay2)', bundle: 'samples/nspawn-healthy' },
    // insights-core sample: rootvg-docker--pool 38/126512 data, 20/49152 metadata; appsvg pool 20%.
    { name: 'pools with room (insights-core dmsetup status sample)', artifacts: { 'dmsetup.status': fx('dmsetup/status-insights-core-thin-pool.txt'), 'docker.daemon-json': DM } },
    { name: 'exactly 80% is not above the threshold', artifacts: { 'dmsetup.status': pool('docker-thinpool', '10/1000', '800/1000'), 'docker.daemon-json': DM } },
    { name: 'driver guard: a full non-docker LVM thin pool on an overlay2 host', artifacts: { 'dmsetup.status': pool('docker-thinpool', '10/1000', '990/1000'), 'docker.daemon-json': '{"storage-driver": "overlay2"}\n' } },
    { name: 'profile with autoextension (docker docs values 80/20)', artifacts: { 'lvm.thinpool-profile': fx('lvm-profile/docker-docs-thinpool.txt'), 'docker.daemon-json': DM } },
    { name: 'docker info fragment of a pool with room (available above the minimum)', artifacts: { 'docker.info': spaceLines('3.938 GB', '13.36 GB', '9.42 GB', '1.336 GB') } },
    { name: 'docker info on an overlay2 host never reads as a thin pool', artifacts: { 'docker.info': `Storage Driver: overlay2\n Backing Filesystem: xfs\n` } },
    { name: 'not evaluated without dmsetup status, docker info, profile or logs', artifacts: { 'ipcs.sem': '' }, coverage: 'not-evaluated' },
  ],
  invalid: [
    {
      // docker/for-linux#731: WARNING lines, then the space lines; the pool is full (0B available).
      name: 'headerless docker info fragment of a full pool is critical (driver read from the fragment)',
      artifacts: { 'docker.info': `WARNING: bridge-nf-call-iptables is disabled\n${spaceLines('85.9GB', '85.9GB', '0B', '8.589GB')}` },
      findings: [{ messageId: 'infoSpaceLow', severity: 'critical', data: { available: '0B', minimum: '8.589GB', dataPercent: 100 }, evidence: [{ artifact: 'docker.info', line: 4, excerpt: 'Data Space Available: 0B' }] }],
    },
    {
      // docker/cli#2495: 0.4% used of the pool, yet 3.965GB available is below the 10.74GB minimum.
      name: 'available below the minimum free space while Used/Total looks fine is an error',
      artifacts: { 'docker.info': `Storage Driver: devicemapper\n${spaceLines('390.6MB', '107.4GB', '3.965GB', '10.74GB')}` },
      findings: [{ messageId: 'infoSpaceLow', severity: 'error', data: { available: '3.965GB', minimum: '10.74GB', dataPercent: 0.4 } }],
    },
    {
      // moby/moby#3182 (1.7 prints no minimum line): 40.91 MB is below dockerd's default 10% of 107.4 GB.
      name: 'no minimum line: near-zero available against dockerd\'s default 10% of the pool',
      artifacts: { 'docker.info': `Storage Driver: devicemapper\n${spaceLines('85.61 GB', '107.4 GB', '40.91 MB')}` },
      findings: [{ messageId: 'infoSpaceLow', severity: 'error', data: { available: '40.91 MB', minimum: "10% of the pool (dockerd's default)", dataPercent: 79.7 } }],
    },
    {
      name: 'data 85% full is a warning',
      artifacts: { 'dmsetup.status': pool('docker-thinpool', '100/1000', '850/1000'), 'docker.daemon-json': DM },
      findings: [{ messageId: 'poolFull', severity: 'warning', data: { pool: 'docker-thinpool', dataPercent: 85, metadataPercent: 10 }, evidence: [{ artifact: 'dmsetup.status', line: 1, excerpt: 'docker-thinpool: 0 129548288 thin-pool' }] }],
    },
    {
      name: 'metadata 97% full is an error',
      artifacts: { 'dmsetup.status': pool('docker-thinpool', '970/1000', '100/1000'), 'docker.daemon-json': DM },
      findings: [{ messageId: 'poolFull', severity: 'error', data: { dataPercent: 10, metadataPercent: 97 } }],
    },
    {
      name: 'out_of_data_space is critical',
      artifacts: { 'dmsetup.status': pool('docker-thinpool', '100/1000', '1000/1000', 'out_of_data_space'), 'docker.daemon-json': DM },
      findings: [{ messageId: 'poolFull', severity: 'critical', data: { dataPercent: 100 } }],
    },
    {
      // moby 18.09 deviceset.go checkThinPool text, 18.09 client-error form in the journal.
      name: 'openEuler 18.09: dockerd refuses a create for lack of free data blocks',
      artifacts: {
        'docker.daemon-json': DM,
        journal:
          'Mar 01 12:55:50 node1 dockerd[1001]: time="2021-03-01T12:55:50.100000000+08:00" level=error msg="Handler for POST /v1.39/containers/create returned error: devmapper: Thin Pool has 162 free data blocks which is less than minimum required 163 free data blocks. Create more free space in thin pool or use dm.min_free_space option to change behavior"\n',
      },
      collectedAt: '2021-03-01T13:00:00Z',
      findings: [{ messageId: 'lowFreeBlocks', severity: 'error', data: { count: 1, kind: 'data' }, evidence: [{ artifact: 'journal', line: 1, excerpt: 'Thin Pool has 162 free data blocks' }] }],
    },
    {
      // The seed's profile with autoextension off (test/fixtures/lvm-profile/openeuler-seed-autoextend-off-hand.txt).
      name: 'seed profile: autoextend threshold and percent both 100 (precaution only)',
      artifacts: { 'lvm.thinpool-profile': fx('lvm-profile/openeuler-seed-autoextend-off-hand.txt'), 'docker.daemon-json': DM },
      findings: [{ messageId: 'autoextendOff', severity: 'info', data: { threshold: 100, percent: 100 }, evidence: [{ artifact: 'lvm.thinpool-profile', excerpt: 'thin_pool_autoextend_threshold=100' }] }],
    },
    {
      name: 'seed profile with a pool at 90%: autoextension off becomes a warning',
      artifacts: { 'lvm.thinpool-profile': fx('lvm-profile/openeuler-seed-autoextend-off-hand.txt'), 'dmsetup.status': pool('docker-thinpool', '10/1000', '900/1000'), 'docker.daemon-json': DM },
      findings: [
        { messageId: 'poolFull', severity: 'warning', data: { dataPercent: 90 } },
        { messageId: 'autoextendOff', severity: 'warning' },
      ],
    },
  ],
});
