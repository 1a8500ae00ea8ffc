/**
 * audit-dataroot-watch on audit records forwarded into the system log (no audit.log collected):
 * the lab capture of the audit.log test, each record written as audispd's syslog plugin writes it
 * (`<stamp> <host> audispd: node=<host> <record>`), must give the same counts as audit.log did
 * (176 events with key "docker" over 29.304 s → 360 per minute, 176 of 178 events = 98.9%), and say
 * which log they came from.
 */
import { readFileSync } from 'node:fs';
import rule from '../../analyzer/src/rules/audit-dataroot-watch.js';
import { REPO_ROOT, ruleTester } from '../helpers/rule-tester.js';

const fx = (f: string) => readFileSync(`${REPO_ROOT}/test/fixtures/${f}`, 'utf8');
const LAB = 'rules/audit-dataroot-watch';
const MON = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** audit.log records as audispd's syslog plugin forwards them (stamp from each record's own time). */
function viaAudispd(auditLog: string, host: string): string {
  return auditLog
    .split('\n')
    .filter((l) => l.startsWith('type='))
    .map((l) => {
      const d = new Date(Number(/msg=audit\((\d+)\./.exec(l)![1]) * 1000);
      const stamp = `${MON[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2, ' ')} ${d.toISOString().slice(11, 19)}`;
      return `${stamp} ${host} audispd: node=${host} ${l}`;
    })
    .join('\n') + '\n';
}

const SYSLOG = 'files/var/log/syslog';
// konstruktoid/ansible-role-hardening#357, verbatim: execve records with a cwd under the data-root.
const EXECVE_ONLY = readFileSync(`${REPO_ROOT}/test/fixtures/real-world/audit-dataroot-watch/trap-konstruktoid-ansible-role-hardening-357.txt`, 'utf8');

ruleTester.run(rule, {
  valid: [
    { name: 'forwarded execve records (cwd under the data-root, no key, no watch) stay silent', artifacts: { syslog: [{ path: SYSLOG, text: EXECVE_ONLY }] }, coverage: 'evaluated' },
    {
      name: 'a log with no audit records leaves the rule not evaluated, as before',
      artifacts: { syslog: [{ path: SYSLOG, text: 'Jul 31 17:22:58 ams systemd[1]: Started Docker Application Container Engine.\n' }] },
      coverage: 'not-evaluated',
    },
  ],
  invalid: [
    {
      name: 'lab capture forwarded by audispd, with the loaded rules: flood counted over the syslog',
      artifacts: {
        'audit.rules': fx(`${LAB}/auditctl-3.0.9-l-lab-watches.txt`),
        syslog: [{ path: SYSLOG, text: viaAudispd(fx(`${LAB}/auditd-3.0.9-enriched-dockerd-vfs-start-stop.log`), 'lab2') }],
        'docker.daemon-json': '{"data-root": "/tmp/dpm-storage-cap/lab2/data"}\n',
      },
      findings: [
        {
          messageId: 'auditFloodForwarded',
          severity: 'warning',
          data: { count: 176, keys: '"docker"', span: '29 s', rate: 360, share: 98.9, source: SYSLOG },
          evidence: [{ artifact: 'audit.rules', line: 1 }, { artifact: 'syslog', excerpt: 'key="docker"' }],
        },
      ],
    },
    {
      name: 'forwarded records alone (no auditctl -l): the flood still shows',
      artifacts: { syslog: [{ path: SYSLOG, text: viaAudispd(fx(`${LAB}/auditd-3.0.9-enriched-dockerd-vfs-start-stop.log`), 'lab2') }] },
      findings: [{ messageId: 'auditFloodForwarded', data: { count: 176, rate: 360, source: SYSLOG } }],
    },
  ],
});
