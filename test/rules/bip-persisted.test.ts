import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import rule, { networkOf } from '../../analyzer/src/rules/bip-persisted.js';
import { REPO_ROOT, ruleTester } from '../helpers/rule-tester.js';
import { describe, expect, it } from 'vitest';

// Real capture (test/fixtures/rules/bip-persisted/README.md): dockerd 20.10.24 in a netns lab ran with --bip 10.213.0.1/24,
// then restarted without it: docker0 kept 10.213.0.1/24 and dockerd logged "Default bridge (docker0) is assigned with an IP
// address 10.213.0.0/24".
const fx = (name: string) => readFileSync(resolve(REPO_ROOT, 'test/fixtures/rules/bip-persisted', name), 'utf8');
const addr = fx('ip-o-addr.txt');
const log = fx('dockerd.log');
const j = (lines: string[]) => lines.join('\n') + '\n';

describe('networkOf', () => {
  it('masks host bits', () => {
    expect(networkOf('10.213.0.1/24')).toBe('10.213.0.0/24');
    expect(networkOf('172.17.0.1/16')).toBe('172.17.0.0/16');
    expect(networkOf('fe80::1/64')).toBeUndefined();
  });
});

ruleTester.run(rule, {
  valid: [
    { name: 'healthy netns lab (bip 10.213.0.1/24 = docker0)', bundle: 'samples/lab-netns-healthy' },
    { name: 'healthy nspawn lab (no bip, docker0 172.17.0.1/16, log says 172.17.0.0/16)', bundle: 'samples/nspawn-healthy' },
    { name: 'healthy sosreport (Debian 12)', coverage: 'insufficient-evidence', bundle: 'samples/sosreport-vm-debian12.tar.xz' },
    { name: 'configured bip matches docker0', artifacts: { 'ip.addr': addr, 'docker.daemon-json': '{ "bip": "10.213.0.1/24" }\n' } },
  ],
  invalid: [
    {
      // moby/moby#14425 (docker 1.7): the daemon's own stderr, kept as a bare log file.
      name: 'docker 1.7–1.9 refusal: bridge IPv4 does not match the requested configuration',
      artifacts: { syslog: [{ path: 'logs/dockerd.log', text: readFileSync(resolve(REPO_ROOT, 'test/fixtures/real-world/bip-persisted/moby-moby-14425.txt'), 'utf8') }] },
      findings: [{ messageId: 'bridgeRefused', severity: 'error', data: { count: 1, address: '10.1.42.1', requested: '172.17.42.1' }, evidence: [{ artifact: 'syslog', line: 1, excerpt: 'does not match requested configuration' }] }],
    },
    {
      name: 'real capture: --bip dropped, docker0 kept 10.213.0.1/24 and dockerd said so',
      // ip link comes from the healthy lab sample (same lab harness); its dockerd argv (with --bip) is dropped.
      bundle: 'samples/lab-netns-healthy',
      drop: ['process.daemons', 'ps'],
      artifacts: { 'ip.addr': addr, syslog: [{ path: 'logs/dockerd.log', text: log }] },
      findings: [
        {
          messageId: 'oldAddressKept',
          severity: 'info',
          data: { address: '10.213.0.1/24', logged: '10.213.0.0/24' },
          evidence: [
            { artifact: 'ip.addr', excerpt: '2: docker0    inet 10.213.0.1/24' },
            { artifact: 'syslog', excerpt: 'Default bridge (docker0) is assigned with an IP address 10.213.0.0/24' },
          ],
        },
      ],
    },
    {
      // Two consecutive real daemons of that lab: the one before ran with --bip (and --icc=false; its start/ready lines,
      // test/fixtures/rules/icc-icmp-exception/dockerd.log, kept every "Default bridge" line: there was none), then the one
      // without --bip. Same ip addr as above.
      name: 'real capture: the journal shows the drop (start without, then with the Default bridge line)',
      bundle: 'samples/lab-netns-healthy',
      drop: ['process.daemons', 'ps'],
      artifacts: { 'ip.addr': addr, syslog: [{ path: 'logs/dockerd.log', text: readFileSync(resolve(REPO_ROOT, 'test/fixtures/rules/icc-icmp-exception/dockerd.log'), 'utf8') + log }] },
      findings: [
        {
          messageId: 'bipDropped',
          severity: 'warning',
          confidence: 'high',
          data: { address: '10.213.0.1/24', logged: '10.213.0.0/24', earlierStart: '2026-11-28T08:34:27.126Z' },
          evidence: [{ artifact: 'syslog', line: 1, excerpt: 'msg="Starting up"' }, { artifact: 'syslog', excerpt: 'Default bridge (docker0) is assigned with an IP address 10.213.0.0/24' }, { artifact: 'ip.addr' }],
        },
      ],
    },
    {
      name: 'bip changed in daemon.json but docker0 still has the real old address',
      bundle: 'samples/lab-netns-healthy',
      drop: ['process.daemons', 'ps'],
      artifacts: { 'ip.addr': addr, 'docker.daemon-json': '{\n  "bip": "192.168.200.1/24"\n}\n' },
      findings: [{ messageId: 'bipMismatch', severity: 'warning', data: { bip: '192.168.200.1/24', source: 'daemon.json', address: '10.213.0.1/24' }, evidence: [{ artifact: 'docker.daemon-json', line: 2 }, { artifact: 'ip.addr' }] }],
    },
    {
      // openEuler 18.09: bip in /etc/sysconfig/docker-network (field guide §2), DOCKER_NETWORK_OPTIONS expanded by the
      // assumed openEuler ExecStart; iproute2 4.x `ip -o addr` keeps the same one-line form (field guide §3).
      name: 'openEuler sysconfig DOCKER_NETWORK_OPTIONS --bip differs from docker0',
      artifacts: {
        'sysconfig.docker': [{ path: 'files/etc/sysconfig/docker-network', text: 'DOCKER_NETWORK_OPTIONS="--bip=172.30.0.1/16"\n' }],
        'ip.addr': '3: docker0    inet 172.17.0.1/16 brd 172.17.255.255 scope global docker0\\       valid_lft forever preferred_lft forever\n',
        'ip.link': '3: docker0: <NO-CARRIER,BROADCAST,MULTICAST,UP> mtu 1500 qdisc noqueue state DOWN mode DEFAULT group default \\    link/ether 02:42:9e:82:03:ea brd ff:ff:ff:ff:ff:ff\n',
      },
      findings: [{ messageId: 'bipMismatch', data: { bip: '172.30.0.1/16', source: 'sysconfig', address: '172.17.0.1/16' }, evidence: [{ artifact: 'sysconfig.docker', line: 1 }] }],
    },
    {
      // 18.09 journal wording is the same format string (daemon/daemon_unix.go v18.09.0); no ip addr collected.
      name: 'openEuler 18.09 journal line only',
      artifacts: {
        journal: j(['Mar 01 12:55:55 node1 dockerd[1001]: time="2021-03-01T12:55:55.546134668+08:00" level=info msg="Default bridge (docker0) is assigned with an IP address 192.168.5.0/24. Daemon option --bip can be used to set a preferred IP address"']),
      },
      drop: ['ip.addr'],
      collectedAt: '2021-03-01T13:00:00Z',
      findings: [{ messageId: 'oldAddressKept', severity: 'info', data: { address: '192.168.5.0/24' }, evidence: [{ artifact: 'journal', line: 1 }] }],
    },
  ],
});
