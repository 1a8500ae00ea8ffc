import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import rule from '../../analyzer/src/rules/semaphore-leak.js';
import { REPO_ROOT, ruleTester } from '../helpers/rule-tester.js';

// Real capture: 4 cookies in an IPC namespace whose SEMMNI was lowered to 4 (see the bundle's README).
const LIMIT_REACHED = 'test/fixtures/bundles/semaphore-limit-reached';

// Real collector bundle (samples/lab-netns-semaphore-leak/README.md): cookies made until ENOSPC in a private IPC
// namespace, collected 75 s later inside it. Expectations come from the sample's own files.
const SEM_SAMPLE = 'samples/lab-netns-semaphore-leak';
const sampleText = (rel: string) => readFileSync(resolve(REPO_ROOT, SEM_SAMPLE, rel), 'utf8');
const sampleIpcs = sampleText('cmd/ipcs-s.txt').split('\n');
const sampleCookieRows = sampleIpcs.map((l, i) => ({ l, line: i + 1 })).filter((r) => /^0x0d4d/i.test(r.l));
const sampleKernelSem = sampleText('files/proc/sys/kernel/sem').trim();
const sampleSemmni = Number(sampleKernelSem.split(/\s+/)[3]);

// ipcs -s layout of util-linux 2.38 (field guide §3): leading blank line, trailing spaces.
const ipcsS = (rows: string[]) =>
  ['', '------ Semaphore Arrays --------', 'key        semid      owner      perms      nsems     ', ...rows.map((r) => r + '     '), ''].join('\n');

ruleTester.run(rule, {
  valid: [
    { name: 'no semaphores at all', artifacts: { 'ipcs.sem': ipcsS([]), 'kernel.sem': '32000\t1024000000\t500\t32000\n' } },
    {
      name: 'only non-devicemapper semaphores (postgres-style keys)',
      artifacts: { 'ipcs.sem': ipcsS(['0x0052e2c1 0          postgres   600        17', '0x00000000 1          root       600        1']), 'kernel.sem': '250\t32000\t32\t128\n' },
    },
    {
      name: 'a cookie younger than one minute is in flight, not leaked',
      collectedAt: '2026-11-28T07:32:30Z',
      artifacts: {
        'ipcs.sem': ipcsS(['0x0d4dbe46 0          root       600        1']),
        'ipcs.sem-times': ['', '------ Semaphore Operation/Change Times --------', 'semid    owner      last-op                    last-changed              ', '0        root        Sat Nov 28 07:31:57 2026   Sat Nov 28 07:31:57 2026  ', ''].join('\n'),
        'kernel.sem': '250\t32000\t32\t128\n',
      },
    },
    { name: 'healthy netns lab bundle (no semaphores in its IPC namespace)', bundle: 'samples/lab-netns-healthy' },
    { name: 'not evaluated without any semaphore listing', artifacts: { 'kernel.sem': '250\t32000\t32\t128\n' }, coverage: 'not-evaluated' },
    {
      name: 'logs without cookie failures and no semaphore table: insufficient, not "no leak"',
      artifacts: { journal: 'Jun 07 10:41:43 h dockerd[1]: time="2017-06-07T10:41:43Z" level=info msg="API listen on /var/run/docker.sock"\n' },
      collectedAt: '2017-06-08T00:00:00Z',
      coverage: 'insufficient-evidence',
    },
  ],
  invalid: [
    {
      // moby/moby#33603: grep -r output of /var/log/messages (RFC 3339, `docker:` without pid); no ipcs was collected.
      name: 'cookie failures in the logs alone still make a finding (confidence lowered until ipcs confirms)',
      artifacts: { syslog: readFileSync(resolve(REPO_ROOT, 'test/fixtures/real-world/semaphore-leak/moby-moby-33603.txt'), 'utf8') },
      findings: [{ messageId: 'cookieFailures', severity: 'error', confidence: 'low', data: { count: 2 }, evidence: [{ artifact: 'syslog', line: 2, excerpt: 'dm_task_set_cookie failed' }] }],
    },
    {
      name: 'real capture: SEMMNI 4 reached by 4 cookies older than a minute',
      bundle: LIMIT_REACHED,
      findings: [
        {
          messageId: 'limitReached',
          severity: 'critical',
          confidence: 'high',
          data: { used: 4, limit: 4, leaked: 4 },
          evidence: [
            { artifact: 'kernel.sem', line: 1, excerpt: '250\t32000\t32\t4' },
            { artifact: 'ipcs.sem', line: 4, excerpt: '0x0d4dbe46' },
          ],
        },
      ],
    },
    {
      name: 'real collector bundle: cookies leaked until semget hit SEMMNI (ENOSPC), collected after the in-flight minute',
      bundle: SEM_SAMPLE,
      findings: [
        {
          messageId: 'limitReached',
          severity: 'critical',
          confidence: 'high',
          data: { used: sampleCookieRows.length, limit: sampleSemmni, leaked: sampleCookieRows.length },
          evidence: [
            { artifact: 'kernel.sem', path: 'files/proc/sys/kernel/sem', line: 1, excerpt: sampleKernelSem },
            ...sampleCookieRows.map((r) => ({ artifact: 'ipcs.sem', path: 'cmd/ipcs-s.txt', line: r.line, excerpt: r.l.split(/\s+/)[0]! })),
          ],
        },
      ],
    },
    {
      name: 'two leaked cookies far below the default limit: a warning',
      artifacts: {
        'ipcs.sem': ipcsS(['0x0d4d1234 6          root       600        1', '0x0d4d3358 7          root       600        1', '0x0052e2c1 8          postgres   600        17']),
        'kernel.sem': '32000\t1024000000\t500\t32000\n',
      },
      findings: [{ messageId: 'leakedCookies', severity: 'warning', data: { leaked: 2, limit: 32000 }, evidence: [{ artifact: 'ipcs.sem', line: 4 }, { artifact: 'ipcs.sem', line: 5 }] }],
    },
    {
      // Wording of moby 18.09 pkg/devicemapper (field guide §1.2), as dockerd's fatal start line in a short-iso journal.
      name: 'openEuler 18.09: dockerd cannot set a cookie, semaphore table not collected as cookies',
      artifacts: {
        journal:
          '2021-03-01T12:55:55+0800 node1 dockerd[4321]: Error starting daemon: error initializing graphdriver: devmapper: Base Device UUID and Filesystem verification failed: devicemapper: Can\'t set cookie dm_task_set_cookie failed\n',
        'ipcs.sem': ipcsS([]),
      },
      findings: [{ messageId: 'cookieFailures', severity: 'error', evidence: [{ artifact: 'journal', line: 1, excerpt: "Can't set cookie dm_task_set_cookie failed" }] }],
    },
    {
      name: 'limit near (within 10%) with leaks and cookie failures in the log is critical',
      artifacts: {
        'ipcs.sem': ipcsS(Array.from({ length: 10 }, (_, i) => `0x0d4d${(0x1000 + i).toString(16)} ${String(i).padEnd(10)} root       600        1`)),
        'kernel.sem': '250\t32000\t32\t11\n',
        journal: '2021-03-01T12:55:55+0800 node1 dockerd[4321]: time="2021-03-01T12:55:55.546134668+08:00" level=error msg="devicemapper: Can not set cookie: dm_task_set_cookie failed"\n',
      },
      findings: [{ messageId: 'limitReached', severity: 'critical', data: { used: 10, limit: 11, leaked: 10 }, evidence: [{ artifact: 'journal', line: 1 }, { artifact: 'kernel.sem', line: 1 }] }],
    },
  ],
});
