import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import rule from '../../analyzer/src/rules/daemon-config-invalid.js';
import { REPO_ROOT, ruleTester } from '../helpers/rule-tester.js';

const read = (p: string) => readFileSync(resolve(REPO_ROOT, p), 'utf8');
// Real dockerd 20.10.24 captures: test/fixtures/lab/daemon-json (netns lab, the file given with --config-file, stderr saved)
// and test/fixtures/nspawn/daemon-json-errors (systemd 252 + docker.service, each variant restarted in turn, the last one
// starting fine).
const lab = (name: string) => read(`test/fixtures/lab/daemon-json/${name}`);
const nspawn = (name: string) => read(`test/fixtures/nspawn/daemon-json-errors/${name}`);
// test/fixtures/rules/daemon-config-invalid/README.md: wrong-typed values, real dockerd 20.10.24 stderr.
const own = (name: string) => read(`test/fixtures/rules/daemon-config-invalid/${name}`);
const dockerdLog = (text: string) => [{ path: 'logs/dockerd.log', text }];
const j = (lines: string[]) => lines.join('\n') + '\n';

ruleTester.run(rule, {
  valid: [
    { name: 'healthy netns lab', bundle: 'samples/lab-netns-healthy' },
    { name: 'healthy nspawn lab', bundle: 'samples/nspawn-healthy' },
    { name: 'healthy sosreport (Debian 12)', bundle: 'samples/sosreport-vm-debian12.tar.xz' },
    { name: 'a valid daemon.json', artifacts: { 'docker.daemon-json': '{\n  "log-level": "warn",\n  "storage-driver": "overlay2",\n  "icc": false\n}\n' } },
    {
      name: 'hosts in daemon.json and no -H flag in the unit',
      artifacts: { 'docker.daemon-json': '{ "hosts": ["unix:///var/run/docker.sock"] }\n', 'systemd.cat-docker': '# /lib/systemd/system/docker.service\n[Service]\nExecStart=/usr/bin/dockerd\n' },
    },
    { name: 'not evaluated without daemon.json and logs', artifacts: { 'ipcs.sem': '' }, coverage: 'not-evaluated' },
  ],
  invalid: [
    {
      // samples/nspawn-start-limit-daemon-json: daemon.json cut short, docker.service restarting until the start limit.
      name: 'real capture: truncated daemon.json under systemd 252, never started again',
      bundle: 'samples/nspawn-start-limit-daemon-json',
      findings: [
        {
          messageId: 'parseError',
          severity: 'error',
          data: { message: 'unexpected EOF', line: 3 },
          evidence: [{ artifact: 'docker.daemon-json', line: 3 }, { artifact: 'journal', excerpt: 'unable to configure the Docker daemon with file /etc/docker/daemon.json: unexpected EOF' }],
        },
      ],
    },
    {
      name: 'real capture: unknown key storage-drive (netns lab stderr)',
      artifacts: { 'docker.daemon-json': lab('unknown-key.daemon.json'), syslog: dockerdLog(lab('unknown-key.stderr')) },
      findings: [
        {
          messageId: 'unknownKeys',
          severity: 'error',
          data: { keys: 'storage-drive', count: 1 },
          evidence: [{ artifact: 'docker.daemon-json', line: 2, excerpt: '"storage-drive"' }, { artifact: 'syslog', excerpt: "the following directives don't match any configuration option: storage-drive" }],
        },
      ],
    },
    {
      name: 'real capture: log-level verbose (netns lab stderr)',
      artifacts: { 'docker.daemon-json': lab('bad-log-level.daemon.json'), syslog: dockerdLog(lab('bad-log-level.stderr')) },
      findings: [{ messageId: 'badLogLevel', severity: 'error', data: { level: 'verbose' }, evidence: [{ artifact: 'docker.daemon-json', line: 2 }, { artifact: 'syslog', line: 1, excerpt: 'unable to parse logging level: verbose' }] }],
    },
    {
      name: 'real capture: seven refusals under systemd 252 (incl. NUL-filled and empty file), each followed by a good start',
      artifacts: { journal: nspawn('journal-short-iso.txt') },
      drop: ['docker.daemon-json'],
      collectedAt: '2026-11-28T08:21:00Z',
      findings: [
        {
          messageId: 'refused',
          severity: 'info',
          data: { count: 7, cause: 'EOF', fileCollected: false },
          evidence: [
            { artifact: 'journal', excerpt: 'daemon.json: unexpected EOF' },
            { artifact: 'journal', excerpt: "invalid character '}' looking for beginning of object key string" },
            { artifact: 'journal', excerpt: 'hosts: (from flag: [fd://], from file: [unix:///var/run/docker.sock])' },
            { artifact: 'journal', line: 35, excerpt: 'unable to parse logging level: verbose' },
            { artifact: 'journal', line: 113, excerpt: "invalid character '\\x00' looking for beginning of value" },
          ],
        },
      ],
    },
    {
      // The unit and daemon.json are the nspawn variant's (systemctl cat of the real unit; the hosts-conflict file from steps.log).
      name: 'hosts both in the unit ExecStart (-H fd://) and daemon.json, no failure logged yet',
      artifacts: { 'docker.daemon-json': '{\n  "hosts": ["unix:///var/run/docker.sock"]\n}\n', 'systemd.cat-docker': nspawn('systemctl-cat-docker.txt') },
      findings: [
        {
          messageId: 'flagAndFile',
          severity: 'warning',
          data: { key: 'hosts', flagSource: 'unit', flagValue: '["fd://"]', fileValue: '["unix:///var/run/docker.sock"]' },
          evidence: [{ artifact: 'systemd.cat-docker', line: 15 }, { artifact: 'docker.daemon-json', line: 2 }],
        },
      ],
    },
    {
      // openEuler 18.09: OPTIONS in /etc/sysconfig/docker expand into the assumed openEuler ExecStart (field guide §0); the
      // error line is the §1.5 format with the 18.09 syslog (short) form.
      name: 'openEuler 18.09: data-root in /etc/sysconfig/docker OPTIONS and in daemon.json, refused',
      artifacts: {
        'sysconfig.docker': [{ path: 'files/etc/sysconfig/docker', text: "OPTIONS='--data-root=/data/docker --live-restore'\n" }],
        'docker.daemon-json': '{\n  "data-root": "/var/lib/docker2"\n}\n',
        journal: j([
          'Mar 01 12:55:50 node1 systemd[1]: Starting Docker Application Container Engine...',
          'Mar 01 12:55:50 node1 dockerd[1001]: unable to configure the Docker daemon with file /etc/docker/daemon.json: the following directives are specified both as a flag and in the configuration file: data-root: (from flag: /data/docker, from file: /var/lib/docker2)',
          'Mar 01 12:55:50 node1 systemd[1]: docker.service: main process exited, code=exited, status=1/FAILURE',
          'Mar 01 12:55:50 node1 systemd[1]: Failed to start Docker Application Container Engine.',
        ]),
      },
      collectedAt: '2021-03-01T13:00:00Z',
      findings: [
        {
          messageId: 'flagAndFile',
          severity: 'error',
          data: { key: 'data-root', flagSource: 'sysconfig', flagValue: '"/data/docker"', fileValue: '"/var/lib/docker2"' },
          evidence: [{ artifact: 'sysconfig.docker', line: 1 }, { artifact: 'docker.daemon-json', line: 2 }, { artifact: 'journal', line: 2, excerpt: 'data-root: (from flag: /data/docker, from file: /var/lib/docker2)' }],
        },
      ],
    },
    {
      name: 'real capture: icc as a string, refused by dockerd 20.10',
      artifacts: { 'docker.daemon-json': own('icc-string.daemon.json'), syslog: dockerdLog(own('icc-string.stderr')) },
      findings: [
        {
          messageId: 'wrongTypes',
          severity: 'error',
          data: { keys: 'icc (expected boolean)' },
          evidence: [{ artifact: 'docker.daemon-json', line: 2 }, { artifact: 'syslog', excerpt: 'json: cannot unmarshal string into Go struct field Config.icc of type bool' }],
        },
      ],
    },
    {
      // The model checks top-level types only: a nested wrong type is known from dockerd's refusal alone.
      name: 'real capture: a number inside log-opts, refused by dockerd 20.10',
      artifacts: { 'docker.daemon-json': own('log-opts-number.daemon.json'), syslog: dockerdLog(own('log-opts-number.stderr')) },
      findings: [
        {
          messageId: 'refused',
          severity: 'error',
          data: { count: 1, cause: 'json: cannot unmarshal number into Go struct field Config.log-opts of type string', fileCollected: true },
          evidence: [{ artifact: 'syslog', line: 1 }],
        },
      ],
    },
    {
      name: 'wrong type: icc as a string',
      artifacts: { 'docker.daemon-json': '{\n  "icc": "false",\n  "log-level": "info"\n}\n' },
      findings: [{ messageId: 'wrongTypes', severity: 'warning', data: { keys: 'icc (expected boolean)' }, evidence: [{ artifact: 'docker.daemon-json', line: 2 }] }],
    },
  ],
});
