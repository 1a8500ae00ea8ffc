import rule from '../../analyzer/src/rules/overlay2-redirect-dir.js';
import { ruleTester } from '../helpers/rule-tester.js';

const params = (v: string) => [{ path: 'files/sys/module/overlay/parameters/redirect_dir', text: `${v}\n` }];

ruleTester.run(rule, {
  valid: [
    // No overlay parameters were collected inside nspawn (/sys is the host's, read-only).
    { name: 'healthy nspawn bundle (parameters absent)', coverage: 'not-evaluated', bundle: 'samples/nspawn-healthy' },
    { name: 'redirect_dir Y', artifacts: { 'overlay.params': params('Y') } },
    // A missing file means "absent", not N (field guide §3).
    { name: 'absent redirect_dir file with EXDEV errors logged', artifacts: { 'overlay.params': [{ path: 'files/sys/module/overlay/parameters/index', text: 'N\n' }], journal: '2024-05-02T10:00:00+0000 node1 app[9]: rename /data/a /data/b: invalid cross-device link\n' } },
    { name: 'driver guard: devicemapper host', artifacts: { 'overlay.params': params('N'), 'docker.daemon-json': '{"storage-driver": "devicemapper"}\n' } },
    { name: 'not evaluated without overlay parameters', artifacts: { 'ipcs.sem': '' }, coverage: 'not-evaluated' },
  ],
  invalid: [
    {
      // Real capture: the netns lab host (Linux 6.18) has redirect_dir=N but no rename failure: a precaution (info),
      // never a warning on a healthy bundle.
      name: 'healthy netns lab bundle: redirect_dir N without failures is info only',
      bundle: 'samples/lab-netns-healthy',
      findings: [{ messageId: 'redirectDirOff', severity: 'info', evidence: [{ artifact: 'overlay.params', line: 1, excerpt: 'N' }] }],
    },
    {
      name: 'redirect_dir N and a rename failure in a container log (journald log driver)',
      artifacts: {
        'overlay.params': params('N'),
        journal: j(['2024-05-02T10:00:00+0000 node1 6d1f2a3b4c5d[4242]: mv: cannot move \'/opt/app/conf\' to \'/opt/app/conf.old\': Invalid cross-device link']),
      },
      findings: [{ messageId: 'renameFailures', severity: 'warning', data: { count: 1 }, evidence: [{ artifact: 'overlay.params', line: 1 }, { artifact: 'journal', line: 1, excerpt: 'Invalid cross-device link' }] }],
    },
    {
      name: 'redirect_dir N and an EXDEV errno name',
      artifacts: { 'overlay.params': params('N'), journal: j(['2024-05-02T10:00:00+0000 node1 dockerd[812]: time="2024-05-02T10:00:00Z" level=error msg="rename failed: EXDEV"']) },
      findings: [{ messageId: 'renameFailures', evidence: [{ artifact: 'journal', excerpt: 'EXDEV' }] }],
    },
  ],
});

function j(lines: string[]): string {
  return lines.join('\n') + '\n';
}
