/**
 * Remediation that fits the host (issue "Ticket-ready report", item 4): placeholders filled from the
 * finding's facts, openEuler-only steps gated by the flavour, every step a check or a fix with its
 * risk, every source a public document.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../analyzer/src/rules/index.js';
import type { RemediationStep } from '../../analyzer/src/rules/types.js';
import vethLeak from '../../analyzer/src/rules/veth-leak.js';
import journaldRestart from '../../analyzer/src/rules/journald-restart.js';
import containerIdRace from '../../analyzer/src/rules/container-id-exists-race.js';
import powerOff from '../../analyzer/src/rules/power-off-db-loss.js';
import { MAX_EXPANDED, fillCommand, fillStep, journalSince, shellValue, stepsForHost } from '../../analyzer/src/rules/util-remediation-fill.js';
import { analyzeCase, REPO_ROOT } from '../helpers/rule-tester.js';
import { dockerPsText } from '../helpers/docker-ps.js';

const allSteps = RULES.flatMap((r) => r.meta.remediation.map((s, i) => ({ rule: r.meta.id, i, s })));

describe('step contract', () => {
  it('a fix without its risk does not compile', () => {
    // @ts-expect-error — kind 'fix' requires risk
    const bad: RemediationStep = { kind: 'fix', text: 't', source: 'general practice' };
    // @ts-expect-error — every step says whether it is a check or a fix
    const noKind: RemediationStep = { text: 't', source: 'general practice' };
    expect([bad, noKind]).toHaveLength(2);
  });

  it('every step of every rule is a check or a fix, and every fix says restart, data loss and undo', () => {
    expect(allSteps.length).toBeGreaterThan(40);
    const wrong = allSteps.filter(({ s }) => {
      if (s.kind === 'check') return false;
      if (s.kind !== 'fix') return true;
      return typeof s.risk?.restart !== 'boolean' || typeof s.risk.dataLoss !== 'boolean' || typeof s.risk.reversible !== 'boolean';
    });
    expect(wrong.map(({ rule, i }) => `${rule}#${i}`)).toEqual([]);
  });

  it('cites public documents only: no internal field guide', () => {
    const internal = allSteps.filter(({ s }) => /field guide|§/i.test(s.source));
    expect(internal.map(({ rule, i, s }) => `${rule}#${i}: ${s.source}`)).toEqual([]);
    // The public kinds: an openEuler guide section, an upstream issue, a man page, a named patch or a general note.
    const unknownKind = allSteps.filter(({ s }) => !/^(openEuler guide: .+|[\w.-]+\/[\w.-]+#\d+|[\w.-]+\(\d\)(, [\w.-]+\(\d\))*|openEuler patch \d+|systemd hint|general practice.*)$/.test(s.source));
    expect(unknownKind.map(({ rule, i, s }) => `${rule}#${i}: ${s.source}`)).toEqual([]);
  });

  it('marks the openEuler-only options as openEuler-only, and nothing upstream Docker has', () => {
    const flagged = allSteps.filter(({ s }) => s.flavour === 'openeuler');
    const openEulerOnly = allSteps.filter(({ s }) => (s.commands ?? []).some((c) => /DISABLE_CRASH_FILES_DELETE|native\.umask/.test(c)));
    expect(openEulerOnly.length).toBeGreaterThan(0);
    for (const x of openEulerOnly) expect(flagged, `${x.rule}#${x.i}`).toContain(x);
  });
});

describe('fillCommand', () => {
  it('fills a value, keeps an unknown one visible as <name>, leaves Go templates alone', () => {
    expect(fillCommand('ip link delete {{veth}}', { veth: 'veth62b22c2' })).toEqual(['ip link delete veth62b22c2']);
    expect(fillCommand('ip link delete {{veth}}', {})).toEqual(['ip link delete <veth>']);
    expect(fillCommand('ip link delete {{veth}}', { veth: [] })).toEqual(['ip link delete <veth>']);
    expect(fillCommand('docker ps --format "{{.Names}}\\t{{.Ports}}"', { Names: 'x' })).toEqual(['docker ps --format "{{.Names}}\\t{{.Ports}}"']);
  });

  it('expands a list into one command per value', () => {
    const names = ['vetha', 'vethb', 'vethc'];
    expect(fillCommand('ip link delete {{veth}}', { veth: names })).toEqual(names.map((n) => `ip link delete ${n}`));
  });

  it('quotes a bundle value that a shell would act on', () => {
    const hostile = "x; rm -rf / #'";
    const [cmd] = fillCommand('docker start {{container}}', { container: hostile });
    expect(cmd).toBe(`docker start ${shellValue(hostile)}`);
    expect(cmd!.startsWith("docker start 'x; rm")).toBe(true);
    expect(shellValue('web-1')).toBe('web-1');
  });

  it('formats a UTC time for journalctl --since', () => {
    expect(journalSince('2024-05-02T10:00:07.123Z')).toBe('2024-05-02 10:00:07');
    expect(journalSince(undefined)).toBeUndefined();
  });
});

describe('fillStep', () => {
  it(`shows at most ${MAX_EXPANDED} filled commands and counts the rest`, () => {
    const n = MAX_EXPANDED + 5;
    const names = Array.from({ length: n }, (_, i) => `veth${String(i).padStart(7, '0')}`);
    const step: RemediationStep = { kind: 'fix', risk: { restart: false, dataLoss: false, reversible: false }, text: 't', source: 'general practice', commands: ['ip link delete {{veth}}', 'systemctl restart docker'] };
    const filled = fillStep(step, { veth: names });
    expect(filled.commands).toEqual([...names.slice(0, MAX_EXPANDED).map((x) => `ip link delete ${x}`), 'systemctl restart docker']);
    expect(filled.commandsMore).toBe(n - MAX_EXPANDED);
    expect(fillStep(step, { veth: names.slice(0, 2) }).commandsMore).toBeUndefined();
  });
});

describe('openEuler-only steps follow the flavour', () => {
  const steps = powerOff.meta.remediation;
  const only = steps.filter((s) => s.flavour === 'openeuler');
  it('are hidden on upstream Docker, shown on openEuler docker-engine, marked when the flavour is unknown', () => {
    expect(only.length).toBeGreaterThan(0);
    const upstream = stepsForHost(steps, undefined, 'upstream');
    expect(upstream).toHaveLength(steps.length - only.length);
    expect(upstream.some((s) => s.flavour === 'openeuler')).toBe(false);
    const oe = stepsForHost(steps, undefined, 'openeuler-docker-engine');
    expect(oe).toHaveLength(steps.length);
    expect(oe.some((s) => s.flavourUnconfirmed)).toBe(false);
    const unknown = stepsForHost(steps, undefined, 'unknown');
    expect(unknown).toHaveLength(steps.length);
    expect(unknown.filter((s) => s.flavourUnconfirmed).map((s) => s.text)).toEqual(only.map((s) => s.text));
  });

  it('through the engine: an upstream host (docker-ce package) gets no DISABLE_CRASH_FILES_DELETE step', async () => {
    const journal =
      '2024-05-02T10:00:00+0000 node1 dockerd[900]: time="2024-05-02T10:00:00Z" level=error msg="failed to start daemon: Error initializing network controller: error obtaining controller instance: failed to get bridge network configurations from store: error while populating kmap: file size too small"\n';
    const withPkg = (pkg: string) => analyzeCase(powerOff, { name: `power-off on ${pkg}`, artifacts: { journal, 'rpm.qa': `${pkg}\n` } });
    const up = await withPkg('docker-ce-24.0.7-1.el8.x86_64');
    const oe = await withPkg('docker-engine-18.09.0-300.oe2203.x86_64');
    const f = (r: Awaited<ReturnType<typeof withPkg>>) => r.findings.find((x) => x.ruleId === 'power-off-db-loss');
    expect(f(up), 'a finding on the upstream host').toBeDefined();
    expect(f(oe), 'a finding on the openEuler host').toBeDefined();
    expect(up.model.identity.flavor).toBe('upstream');
    expect(oe.model.identity.flavor).toBe('openeuler-docker-engine');
    const crashFiles = (r: Awaited<ReturnType<typeof withPkg>>) => f(r)!.remediation.filter((s) => (s.commands ?? []).some((c) => c.includes('DISABLE_CRASH_FILES_DELETE')));
    expect(crashFiles(up)).toEqual([]);
    expect(crashFiles(oe)).toHaveLength(1);
    expect(crashFiles(oe)[0]!.flavourUnconfirmed).toBeUndefined();
  });
});

describe('rules fill the commands from their facts', () => {
  it('veth-leak: one `ip link delete` per leaked pair, named from ip link', async () => {
    const capture = readFileSync(resolve(REPO_ROOT, 'test/fixtures/rules/veth-leak/ip-d-o-link.txt'), 'utf8');
    // Derive the pairs from the input: `vethA@vethB` whose peer vethB is listed too.
    const links = [...capture.matchAll(/^\d+: (veth[0-9a-f]+)@(\S+?):/gm)].map((m) => ({ name: m[1]!, peer: m[2]! }));
    const names = new Set(links.map((l) => l.name));
    const pairs = links.filter((l) => names.has(l.peer));
    expect(pairs.length).toBe(2);
    const oneEach = [...new Set(pairs.map((p) => [p.name, p.peer].sort()[0]!))];
    const ps = dockerPsText([{ id: 'a'.repeat(64), image: 'bb:latest', command: '"sleep 3600"', created: '2 minutes ago', status: 'Up 2 minutes', names: 'web' }]);
    const r = await analyzeCase(vethLeak, { name: 'veth fill', artifacts: { 'ip.link': capture, 'docker.ps': ps } });
    const f = r.findings.find((x) => x.messageId === 'orphanPairs')!;
    const del = f.remediation.flatMap((s) => s.commands ?? []).filter((c) => c.startsWith('ip link delete'));
    expect(del).toEqual(oneEach.map((n) => `ip link delete ${n}`));
    expect(del.join()).not.toContain('<veth>');
  });

  it('journald-restart: journalctl --since the journald restart time, in UTC', async () => {
    const restart = '2024-05-02T10:05:00';
    const journal = [
      '2024-05-02T10:00:00+0000 node1 systemd[1]: Starting Docker Application Container Engine...',
      '2024-05-02T10:00:01+0000 node1 dockerd[900]: time="2024-05-02T10:00:01Z" level=info msg="API listen on /run/docker.sock"',
      '2024-05-02T10:00:01+0000 node1 systemd[1]: Started Docker Application Container Engine.',
      `${restart}+0000 node1 systemd-journald[100]: Journal stopped`,
      `${restart}+0000 node1 systemd-journald[200]: Journal started`,
      '2024-05-02T10:06:00+0000 node1 kernel: docker0: port 1(veth1a2b3c4) entered forwarding state',
    ].join('\n') + '\n';
    const r = await analyzeCase(journaldRestart, { name: 'journald fill', artifacts: { journal } });
    const f = r.findings.find((x) => x.ruleId === 'journald-restart');
    expect(f, JSON.stringify(r.coverage.find((c) => c.ruleId === 'journald-restart'))).toBeDefined();
    const cmds = f!.remediation.flatMap((s) => s.commands ?? []);
    expect(cmds).toContain(`TZ=UTC journalctl -u docker --since "${restart.replace('T', ' ')}" --no-pager | head -200`);
  });

  it('container-id-exists-race: the container named in the log', async () => {
    const id = '3f8e9b0c1d2e';
    const journal = `2024-05-02T10:00:00+0000 node1 dockerd[900]: Error response from daemon: oci runtime error: container with id exists: ${id}\n`;
    const r = await analyzeCase(containerIdRace, { name: 'container fill', artifacts: { journal } });
    const f = r.findings.find((x) => x.ruleId === 'container-id-exists-race');
    expect(f).toBeDefined();
    expect(f!.remediation.flatMap((s) => s.commands ?? [])).toContain(`docker start ${id}`);
  });
});
