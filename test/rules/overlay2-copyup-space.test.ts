import { readFileSync } from 'node:fs';
import rule from '../../analyzer/src/rules/overlay2-copyup-space.js';
import { REPO_ROOT, ruleTester } from '../helpers/rule-tester.js';

const fx = (f: string) => readFileSync(`${REPO_ROOT}/test/fixtures/rules/overlay2-copyup-space/${f}`, 'utf8');
const FULL = '/tmp/dpm-storage-cap/full';
const cfg = (driver: string) => `{"data-root": "${FULL}", "storage-driver": "${driver}"}\n`;

ruleTester.run(rule, {
  valid: [
    { name: 'healthy netns lab bundle (27% used)', bundle: 'samples/lab-netns-healthy' },
    { name: 'healthy nspawn bundle', bundle: 'samples/nspawn-healthy' },
    {
      name: 'below the 90% threshold (89%)',
      artifacts: { 'df.h': 'Filesystem      Size  Used Avail Use% Mounted on\n/dev/vdb1       100G   89G   11G  89% /var/lib/docker\n' },
    },
    {
      name: 'driver guard: a full filesystem on a devicemapper host (thin-pool rule territory)',
      artifacts: { 'df.h': fx('coreutils-9.1-df-h-full.txt'), 'docker.daemon-json': cfg('devicemapper') },
    },
    { name: 'not evaluated without df or logs', artifacts: { 'ipcs.sem': '' }, coverage: 'not-evaluated' },
  ],
  invalid: [
    {
      // Real capture: 1 MiB tmpfs filled with dd until ENOSPC (fixtures README): Use% 100.
      name: 'real capture: data-root filesystem 100% full',
      artifacts: { 'df.h': fx('coreutils-9.1-df-h-full.txt'), 'df.i': fx('coreutils-9.1-df-i-full.txt'), 'docker.daemon-json': cfg('overlay2') },
      findings: [{ messageId: 'diskFull', severity: 'error', data: { mountedOn: FULL, filesystem: 'fullfs', usePercent: 100, avail: '0 B' }, evidence: [{ artifact: 'df.h', line: 2, excerpt: '100%' }] }],
    },
    {
      // Real capture: 64-inode tmpfs filled with touch until ENOSPC: IUse% 100, Use% 0.
      name: 'real capture: data-root filesystem out of inodes',
      artifacts: { 'df.h': fx('coreutils-9.1-df-h-inodes-full.txt'), 'df.i': fx('coreutils-9.1-df-i-inodes-full.txt'), 'docker.daemon-json': cfg('overlay2') },
      findings: [{ messageId: 'inodesFull', severity: 'error', data: { inodesUsePercent: 100, inodesUsed: 64, inodes: 64 }, evidence: [{ artifact: 'df.i', line: 2, excerpt: '100%' }] }],
    },
    {
      name: '93% full is a warning',
      artifacts: { 'df.h': 'Filesystem      Size  Used Avail Use% Mounted on\n/dev/vdb1       100G   93G  7.0G  93% /var/lib/docker\n' },
      findings: [{ messageId: 'diskFull', severity: 'warning', data: { usePercent: 93, mountedOn: '/var/lib/docker' } }],
    },
    {
      // dockerd 18.09 logrus form of a failed copy-up write while pulling (ENOSPC text is the Go errno string).
      name: 'openEuler 18.09: no space left on device while the filesystem now has room',
      artifacts: {
        'df.h': 'Filesystem      Size  Used Avail Use% Mounted on\n/dev/vdb1       100G   40G   60G  40% /var/lib/docker\n',
        journal:
          'Mar 01 12:55:50 node1 dockerd[1001]: time="2021-03-01T12:55:50.100000000+08:00" level=error msg="Handler for POST /v1.39/containers/create returned error: write /var/lib/docker/overlay2/5f0c/diff/usr/lib/big.so: no space left on device"\n',
      },
      collectedAt: '2021-03-01T13:00:00Z',
      findings: [{ messageId: 'noSpaceErrors', severity: 'error', data: { count: 1 }, evidence: [{ artifact: 'journal', line: 1, excerpt: 'no space left on device' }] }],
    },
  ],
});
