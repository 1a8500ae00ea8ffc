import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import rule from '../../analyzer/src/rules/firewalld-restart.js';
import { REPO_ROOT, ruleTester } from '../helpers/rule-tester.js';

// Real capture (test/fixtures/rules/firewalld-restart/README.md): dockerd 20.10.24 in a netns lab; what a firewalld start or
// reload does was done by hand (iptables -F/-X on nat and filter); then `docker run -p` failed. ps.txt is the same lab
// daemon's process list from step 1 (test/fixtures/rules/userland-proxy-load).
const read = (p: string) => readFileSync(resolve(REPO_ROOT, p), 'utf8');
const fx = (name: string) => read(`test/fixtures/rules/firewalld-restart/${name}`);
const ps = read('test/fixtures/rules/userland-proxy-load/ps.txt');
const before = fx('before-iptables-save-nat.txt');
const j = (lines: string[]) => lines.join('\n') + '\n';
// Healthy filter table from the same kind of lab (samples/lab-netns-healthy).
const healthyFilter = read('samples/lab-netns-healthy/cmd/iptables-save-filter.txt');
// Real pastes (test/fixtures/real-world/firewalld-restart): firewalld 0.4 ERROR on docker's `-A DOCKER … DNAT` (moby/moby#16137),
// firewalld 0.6 WARNING on docker's start-up cleanup `-F`/`-X` (minishift/minishift#2777).
const rw = (name: string) => read(`test/fixtures/real-world/firewalld-restart/${name}`);
const appendFailed = rw('moby-moby-16137.txt');
const cleanupFailed = rw('trap-minishift-minishift-2777.txt');

// systemd 219 (EulerOS/CentOS 7) unit lines: "Started firewalld - dynamic firewall daemon." (no unit-name prefix before v247).
const v219 = (fwFirst: boolean) =>
  j(
    [
      ...(fwFirst ? ['Mar 01 12:50:00 node1 systemd[1]: Started firewalld - dynamic firewall daemon.'] : []),
      'Mar 01 12:50:01 node1 systemd[1]: Starting Docker Application Container Engine...',
      'Mar 01 12:50:02 node1 dockerd[1001]: time="2021-03-01T12:50:02.000000000+08:00" level=info msg="API listen on /var/run/docker.sock"',
      'Mar 01 12:50:02 node1 systemd[1]: Started Docker Application Container Engine.',
      ...(fwFirst ? [] : ['Mar 01 12:58:00 node1 systemd[1]: Starting firewalld - dynamic firewall daemon...', 'Mar 01 12:58:01 node1 systemd[1]: Started firewalld - dynamic firewall daemon.']),
    ],
  );

ruleTester.run(rule, {
  valid: [
    { name: 'healthy netns lab', bundle: 'samples/lab-netns-healthy' },
    { name: 'healthy nspawn lab', bundle: 'samples/nspawn-healthy' },
    { name: 'healthy sosreport (Debian 12)', bundle: 'samples/sosreport-vm-debian12.tar.xz' },
    { name: 'firewalld COMMAND_FAILED on docker\'s -F/-X start-up cleanup only (benign)', artifacts: { journal: cleanupFailed }, collectedAt: '2018-12-01T00:00:00Z' },
    {
      // A -C probe and a -D delete that fail with "No chain": docker checking before it creates; not proof of a wipe.
      name: 'firewalld COMMAND_FAILED on -C and -D of docker chains (benign)',
      artifacts: {
        journal: j([
          "Nov 18 18:42:43 h firewalld[20080]: WARNING: COMMAND_FAILED: '/usr/sbin/iptables -w2 -t nat -C DOCKER -p tcp -d 0/0 --dport 6379 -j DNAT --to-destination 172.17.0.2:6379 ! -i docker0' failed: iptables: No chain/target/match by that name.",
          "Nov 18 18:42:43 h firewalld[20080]: WARNING: COMMAND_FAILED: '/usr/sbin/iptables -w2 --table nat --delete DOCKER -p tcp' failed: iptables: No chain/target/match by that name.",
        ]),
      },
      collectedAt: '2018-11-19T00:00:00Z',
    },
    { name: 'firewalld started before dockerd (systemd 219 wording)', artifacts: { journal: v219(true), 'iptables.nat': before }, collectedAt: '2021-03-01T13:00:00Z' },
    {
      name: 'chains wiped but dockerd runs with --iptables=false',
      artifacts: { 'iptables.nat': fx('iptables-save-nat.txt'), 'iptables.filter': fx('iptables-save-filter.txt'), ps: ps.replace('--bip 10.213.0.1/24', '--bip 10.213.0.1/24 --iptables=false') },
    },
    {
      name: 'chains wiped while no dockerd runs',
      artifacts: { 'iptables.nat': fx('iptables-save-nat.txt'), 'iptables.filter': fx('iptables-save-filter.txt'), ps: ps.split('\n').filter((l) => !l.includes('/usr/sbin/dockerd')).join('\n') },
    },
  ],
  invalid: [
    {
      name: 'firewalld 0.4: docker\'s -A DOCKER DNAT appends fail with No chain (chains wiped, no reload line)',
      artifacts: { journal: appendFailed },
      collectedAt: '2017-09-02T00:00:00Z',
      // Lines 1 and 3 are the -A DOCKER appends; 2, 4 and 5 are --delete on INPUT/OUTPUT (Bad rule), not counted.
      // Logs only: the engine lowers the rule's 'high' to 'medium' until the iptables tables confirm (meta.confirmedBy).
      findings: [{ messageId: 'appendsFailed', severity: 'error', confidence: 'medium', data: { count: 2, chains: 'nat/DOCKER' }, evidence: [{ artifact: 'journal', line: 1, excerpt: '-A DOCKER' }, { artifact: 'journal', line: 3, excerpt: '--dport 2004' }] }],
    },
    {
      // firewalld 0.5+ logs the same at WARNING; a long-option append to an isolation chain is the same proof.
      name: 'firewalld 0.5+: WARNING on --append DOCKER-ISOLATION-STAGE-1',
      artifacts: {
        journal: j(["Nov 30 21:52:26 h firewalld[851]: WARNING: COMMAND_FAILED: '/usr/sbin/iptables -w10 --table filter --append DOCKER-ISOLATION-STAGE-1 -i br-1 ! -o br-1 -j DOCKER-ISOLATION-STAGE-2' failed: iptables: No chain/target/match by that name."]),
      },
      collectedAt: '2018-12-01T00:00:00Z',
      findings: [{ messageId: 'appendsFailed', data: { count: 1, chains: 'filter/DOCKER-ISOLATION-STAGE-1' } }],
    },
    {
      name: 'real capture: DOCKER chains gone from nat and filter, then docker run -p failed',
      artifacts: { 'iptables.nat': fx('iptables-save-nat.txt'), 'iptables.filter': fx('iptables-save-filter.txt'), ps, syslog: [{ path: 'logs/dockerd.log', text: fx('dockerd.log') }] },
      findings: [
        {
          messageId: 'chainsMissing',
          severity: 'error',
          confidence: 'medium',
          data: { chains: 'nat/DOCKER, filter/DOCKER, filter/DOCKER-ISOLATION-STAGE-1' },
          evidence: [
            { artifact: 'ps', excerpt: '/usr/sbin/dockerd' },
            { artifact: 'iptables.nat', excerpt: 'no DOCKER' },
            { artifact: 'syslog', excerpt: 'driver failed programming external connectivity on endpoint afterwipe' },
          ],
        },
      ],
    },
    {
      name: 'real capture: only dockerd\'s log with the failed port mapping',
      artifacts: { syslog: [{ path: 'logs/dockerd.log', text: fx('dockerd.log') }] },
      drop: ['iptables.nat', 'iptables.filter'],
      findings: [{ messageId: 'programmingFailed', severity: 'error', data: { count: 1, endpoint: 'afterwipe' }, evidence: [{ artifact: 'syslog', excerpt: 'No chain/target/match by that name' }] }],
    },
    {
      name: 'systemd 219: firewalld started after dockerd, chains still listed',
      artifacts: { journal: v219(false), 'iptables.nat': before },
      collectedAt: '2021-03-01T13:00:00Z',
      findings: [{ messageId: 'firewalldAfterDockerd', severity: 'warning', data: { what: 'started' }, evidence: [{ artifact: 'journal', line: 5, excerpt: 'Started firewalld - dynamic firewall daemon.' }] }],
    },
    {
      // openEuler 18.09 with patch 0140 (field guide §2; the exact logrus form of "Setup IP tables begin/end" is UNVERIFIED),
      // firewalld's COMMAND_FAILED (moby/moby#16137) and the v252 unit wording; the filter table is the real healthy one,
      // nat is the real wiped one.
      name: 'openEuler patch 0140 setup lines, firewalld reload after them, nat wiped',
      artifacts: {
        journal: j([
          '2024-05-02T10:00:00+0000 node1 dockerd[812]: time="2024-05-02T10:00:00.100000000+08:00" level=info msg="Setup IP tables begin"',
          '2024-05-02T10:00:00+0000 node1 dockerd[812]: time="2024-05-02T10:00:00.900000000+08:00" level=info msg="Setup IP tables end"',
          '2024-05-02T10:30:00+0000 node1 systemd[1]: Reloading firewalld.service - firewalld - dynamic firewall daemon...',
          '2024-05-02T10:30:01+0000 node1 systemd[1]: Reloaded firewalld.service - firewalld - dynamic firewall daemon.',
          "2024-05-02T10:30:02+0000 node1 firewalld[700]: ERROR: COMMAND_FAILED: '/usr/sbin/iptables -w10 -t nat -A DOCKER -p tcp --dport 8080 -j DNAT --to-destination 172.17.0.2:80' failed: iptables: No chain/target/match by that name.",
        ]),
        'iptables.nat': fx('iptables-save-nat.txt'),
        'iptables.filter': healthyFilter,
        ps,
      },
      findings: [
        {
          messageId: 'chainsMissing',
          severity: 'error',
          confidence: 'high',
          data: { chains: 'nat/DOCKER' },
          evidence: [{ artifact: 'journal', line: 4, excerpt: 'Reloaded firewalld.service' }, { artifact: 'journal', line: 5, excerpt: 'ERROR: COMMAND_FAILED' }, { artifact: 'iptables.nat' }],
        },
      ],
    },
  ],
});
