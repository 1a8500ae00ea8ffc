import { readFileSync } from 'node:fs';
import rule from '../../analyzer/src/rules/graph-deprecated.js';
import { REPO_ROOT, ruleTester } from '../helpers/rule-tester.js';

const fx = (f: string) => readFileSync(`${REPO_ROOT}/test/fixtures/rules/graph-deprecated/${f}`, 'utf8');
const j = (lines: string[]) => lines.join('\n') + '\n';

ruleTester.run(rule, {
  valid: [
    { name: 'healthy netns lab bundle (data root set with --data-root)', bundle: 'samples/lab-netns-healthy' },
    { name: 'healthy nspawn bundle (default data root)', bundle: 'samples/nspawn-healthy' },
    { name: 'daemon.json uses data-root', artifacts: { 'docker.daemon-json': '{\n  "data-root": "/data/docker"\n}\n' } },
    { name: 'a flag that merely contains -g is not --graph', artifacts: { 'sysconfig.docker': "OPTIONS='--log-level=info --default-gateway 10.0.0.1'\n" } },
    { name: 'not evaluated without configuration or logs', artifacts: { 'ipcs.sem': '' }, coverage: 'not-evaluated' },
  ],
  invalid: [
    {
      name: 'daemon.json graph key',
      artifacts: { 'docker.daemon-json': '{\n  "graph": "/data/docker",\n  "log-level": "info"\n}\n' },
      findings: [{ messageId: 'graphConfigured', severity: 'warning', data: { where: 'daemon.json', option: '"graph" key', value: '/data/docker' }, evidence: [{ artifact: 'docker.daemon-json', line: 2, excerpt: '"graph"' }] }],
    },
    {
      // openEuler 18.09: OPTIONS in /etc/sysconfig/docker feed ExecStart (field guide §0); the warning is the 18.09
      // cmd/dockerd/daemon.go text (field guide §2), logrus-quoted as in the real 20.10 capture below.
      name: 'openEuler 18.09: -g in sysconfig OPTIONS with the 18.09 warning in the journal',
      artifacts: {
        'sysconfig.docker': "OPTIONS='--live-restore -g /data/docker'\n",
        journal: j([
          'Mar 01 12:55:50 node1 dockerd[1001]: time="2021-03-01T12:55:50.100000000+08:00" level=warning msg="The \\"-g / --graph\\" flag is deprecated. Please use \\"--data-root\\" instead"',
          'Mar 01 12:55:51 node1 dockerd[1001]: time="2021-03-01T12:55:51.100000000+08:00" level=info msg="API listen on /var/run/docker.sock"',
        ]),
      },
      collectedAt: '2021-03-01T13:00:00Z',
      findings: [
        {
          messageId: 'graphConfigured',
          data: { where: '/etc/sysconfig/docker', option: '-g flag', value: '/data/docker' },
          evidence: [{ artifact: 'sysconfig.docker', line: 1, excerpt: '-g /data/docker' }, { artifact: 'journal', line: 1, excerpt: 'flag is deprecated' }],
        },
      ],
    },
    {
      name: 'unit ExecStart with --graph',
      artifacts: {
        'systemd.docker':
          'Id=docker.service\nExecStart={ path=/usr/bin/dockerd ; argv[]=/usr/bin/dockerd --graph /srv/docker -H fd:// ; ignore_errors=no ; start_time=[n/a] ; stop_time=[n/a] ; pid=0 ; code=(null) ; status=0/0 }\nActiveState=active\n',
      },
      findings: [{ messageId: 'graphConfigured', data: { where: 'the docker.service ExecStart', option: '--graph flag', value: '/srv/docker' }, evidence: [{ artifact: 'systemd.docker', excerpt: '--graph /srv/docker' }] }],
    },
    {
      // A sosreport's copy of the unit (no systemctl cat): the copied file is the unit's config source.
      name: 'sosreport copy of /etc/systemd/system/docker.service with --graph in ExecStart',
      artifacts: { 'systemd.cat-docker': [{ path: 'etc/systemd/system/docker.service', text: '[Service]\nType=notify\nExecStart=/usr/bin/dockerd -H fd:// \\\n\t--graph=/data/docker\n' }] },
      findings: [{ messageId: 'graphConfigured', data: { option: '--graph flag', value: '/data/docker' }, evidence: [{ artifact: 'systemd.cat-docker', path: 'etc/systemd/system/docker.service', line: 3 }] }],
    },
    {
      // The collector's daemon-processes format (samples/*/cmd/daemon-processes.txt): the running dockerd argv.
      name: 'running dockerd started with -g',
      artifacts: {
        'process.daemons':
          '# docker-postmortem daemon-processes v1\nproc\t4242\t1\tdockerd\t/usr/bin/dockerd -g /data/docker -H unix:///var/run/docker.sock\nexe\t4242\t/usr/bin/dockerd\n',
      },
      findings: [{ messageId: 'graphConfigured', data: { where: 'the running dockerd command line', option: '-g flag', value: '/data/docker' }, evidence: [{ artifact: 'process.daemons', line: 2, excerpt: '-g /data/docker' }] }],
    },
    {
      // Docker 23.0 refuses the key (field guide §2); the prefix is dockerd's config-error form (§0).
      name: 'Docker 23.0 fatal: graph key refused',
      artifacts: {
        'docker.daemon-json': '{"graph": "/data/docker"}\n',
        journal: j([
          '2024-05-02T10:00:00+0000 node1 dockerd[812]: unable to configure the Docker daemon with file /etc/docker/daemon.json: the "graph" config file option is deprecated; use "data-root" instead',
          '2024-05-02T10:00:00+0000 node1 systemd[1]: docker.service: Main process exited, code=exited, status=1/FAILURE',
        ]),
      },
      findings: [
        { messageId: 'graphFatal', severity: 'error', evidence: [{ artifact: 'journal', line: 1, excerpt: 'use "data-root" instead' }, { artifact: 'docker.daemon-json', line: 1 }] },
        { messageId: 'graphConfigured', severity: 'error', data: { where: 'daemon.json' } },
      ],
    },
    {
      // Real capture: dockerd 20.10.24 started with -g (test/fixtures/rules/graph-deprecated/README.md); only its log is given.
      name: 'real capture: dockerd 20.10.24 -g warning, configuration not collected',
      artifacts: { journal: [{ path: 'logs/dockerd.log', text: fx('dockerd-20.10.24-g-flag.log') }] },
      findings: [{ messageId: 'graphWarned', severity: 'warning', data: { count: 1 }, evidence: [{ artifact: 'journal', line: 1, excerpt: 'The \\"-g / --graph\\" flag is deprecated' }] }],
    },
    {
      // Real capture: dockerd 20.10.24 with {"graph": …} in its config file, plus that file.
      name: 'real capture: dockerd 20.10.24 graph-key warning with the daemon.json',
      artifacts: {
        journal: [{ path: 'logs/dockerd.log', text: fx('dockerd-20.10.24-graph-key.log') }],
        'docker.daemon-json': '{"graph": "/tmp/dpm-storage-cap/lab3/data"}\n',
      },
      findings: [
        {
          messageId: 'graphConfigured',
          data: { where: 'daemon.json', value: '/tmp/dpm-storage-cap/lab3/data' },
          evidence: [{ artifact: 'docker.daemon-json', line: 1 }, { artifact: 'journal', line: 1, excerpt: 'config file option is deprecated' }],
        },
      ],
    },
  ],
});
