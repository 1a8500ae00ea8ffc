import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import rule from '../../analyzer/src/rules/duplicate-network-names.js';
import { REPO_ROOT, ruleTester } from '../helpers/rule-tester.js';

const lab = (name: string) => readFileSync(resolve(REPO_ROOT, 'test/fixtures/lab/docker-cli', name), 'utf8');
const j = (lines: string[]) => lines.join('\n') + '\n';

ruleTester.run(rule, {
  valid: [
    { name: 'healthy netns lab', bundle: 'samples/lab-netns-healthy' },
    { name: 'healthy nspawn lab', bundle: 'samples/nspawn-healthy' },
    { name: 'healthy sosreport (Debian 12)', coverage: 'insufficient-evidence', bundle: 'samples/sosreport-vm-debian12.tar.xz' },
    // Real capture: docker 20.10.24 `docker network ls --no-trunc`, distinct names (test/fixtures/docker.network-ls).
    { name: 'distinct names', artifacts: { 'docker.network-ls': readFileSync(resolve(REPO_ROOT, 'test/fixtures/docker.network-ls/docker-20.10.24-no-trunc.txt'), 'utf8') } },
    {
      // The serial duplicate is refused correctly (libnetwork error.go), so it is not this hazard.
      name: 'a serial duplicate create that dockerd refused', coverage: 'insufficient-evidence',
      artifacts: { journal: j(['2024-05-02T10:00:00+0000 node1 deploy.sh[900]: Error response from daemon: network with name appnet already exists']) },
    },
    { name: 'insufficient when network ls lists nothing', artifacts: { 'docker.network-ls': 'Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?\n' }, coverage: 'insufficient-evidence' },
  ],
  invalid: [
    {
      // Real capture: six parallel `docker network create dupnet0` against dockerd 20.10.24 (test/fixtures/lab/docker-cli/README.md).
      name: 'real capture: six dupnet0 networks from parallel create',
      artifacts: { 'docker.network-ls': lab('docker-network-ls-no-trunc.txt') },
      findings: [
        {
          messageId: 'duplicates',
          severity: 'warning',
          data: { count: 1, networks: 6 },
          evidence: [
            { artifact: 'docker.network-ls', line: 4, excerpt: '3d2bd95fec97bc18446609be7ccda05eda2849351dc771958a52298ea491f617   dupnet0' },
            { artifact: 'docker.network-ls', line: 9, excerpt: '0a0c81a34d766157cc540a53ac57b59e6d2449d73b92b1c1382f31624ee3e500   dupnet0' },
          ],
        },
      ],
    },
    {
      // The client texts are the real ones from the lab (network-rm-dup.txt.stderr, network-inspect-dup.txt.stderr), here as a
      // script's journal lines; the network list is the real one.
      name: 'ambiguity errors in the journal, both wordings',
      artifacts: {
        'docker.network-ls': lab('docker-network-ls-no-trunc.txt'),
        journal: j([
          `2026-11-28T07:42:00+0000 lab deploy.sh[901]: ${lab('network-rm-dup.txt.stderr').trim()}`,
          `2026-11-28T07:42:01+0000 lab deploy.sh[902]: ${lab('network-inspect-dup.txt.stderr').trim()}`,
        ]),
      },
      // Findings come in the engine's one order: same severity, timed (the journal errors) before timeless (network ls).
      findings: [
        {
          messageId: 'ambiguous',
          data: { name: 'dupnet0', matches: 6, count: 2 },
          evidence: [
            { artifact: 'journal', line: 1, excerpt: 'network dupnet0 is ambiguous (6 matches found based on name)' },
            { artifact: 'journal', line: 2, excerpt: '6 matches found based on name: network dupnet0 is ambiguous' },
          ],
        },
        { messageId: 'duplicates', data: { count: 1 } },
      ],
    },
    {
      // Hand-made: the message text of api/server/router/network/network_routes.go (v18.09.0) inside a logrus handler-error line
      // (api/server/server.go "Handler for %s %s returned error: %v"), as a daemon logging API errors would print it.
      name: 'openEuler 18.09 dockerd handler error, network ls not collected',
      artifacts: {
        journal: j([
          'Mar 01 12:55:55 node1 dockerd[1001]: time="2021-03-01T12:55:55.546134668+08:00" level=error msg="Handler for DELETE /v1.39/networks/appnet returned error: network appnet is ambiguous (2 matches found based on name)"',
        ]),
      },
      collectedAt: '2021-03-01T13:00:00Z',
      findings: [{ messageId: 'ambiguous', data: { name: 'appnet', matches: 2, count: 1 }, evidence: [{ artifact: 'journal', line: 1, excerpt: 'is ambiguous (2 matches' }] }],
      coverage: 'insufficient-evidence',
    },
  ],
});
