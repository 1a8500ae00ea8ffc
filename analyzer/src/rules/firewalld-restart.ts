/**
 * firewalld-restart: firewalld flushes the iptables chains it does not own when it starts or reloads.
 * Started after dockerd, it removes DOCKER, DOCKER-ISOLATION-* and the DNAT rules: published ports stop
 * working and new `docker run -p` fail with `iptables: No chain/target/match by that name.`; during
 * dockerd's own start it fails the start. dockerd re-creates its chains only when it restarts.
 * Field guide §2 "firewalld"; openEuler guide "Firewalld Component".
 */
import type { LifecycleEvent } from '../model/host-model.js';
import type { Evidence } from '../spine/types.js';
import { defineRule } from './types.js';
import { LOG_ARTIFACTS, iso, listSome } from './util-evidence.js';
import { boolOption, daemonEvents } from './util-host.js';
import { lookupTable } from '../parsers/util/dict.js';

/** The chains docker creates per table when iptables is on. */
const DOCKER_CHAINS = lookupTable<string[]>({ nat: ['DOCKER'], filter: ['DOCKER', 'DOCKER-ISOLATION-STAGE-1'] });

export default defineRule({
  meta: {
    id: 'firewalld-restart',
    title: 'firewalld (re)started after dockerd and wiped its iptables chains',
    category: 'network',
    severity: 'error',
    requires: ['iptables.nat', 'iptables.filter', 'ps', 'process.daemons', 'docker.daemon-json', 'sysconfig.docker', 'systemd.docker', 'systemd.cat-docker', ...LOG_ARTIFACTS],
    essential: ['iptables.nat', 'iptables.filter', ...LOG_ARTIFACTS],
    explanation:
      'When firewalld starts or reloads it flushes the iptables rules and deletes the chains it does not manage, including Docker\'s ' +
      'DOCKER and DOCKER-ISOLATION chains and the DNAT rules of published ports. dockerd creates them only at its own start, so after ' +
      'a firewalld (re)start published ports stop answering and new containers with -p fail with "iptables: No chain/target/match by ' +
      'that name."; a firewalld restart while dockerd starts makes that start fail.',
    guideSection: 'Installation and Deployment › Firewalld Component',
    messages: {
      chainsMissing: 'dockerd runs with iptables enabled but {{missing}} missing: port mapping and isolation rules are gone{{fwNote}}',
      programmingFailed: '{{count, plural, one{# container start} other{# container starts}}} failed: driver failed programming external connectivity (iptables: No chain/target/match by that name), last on endpoint {{endpoint}}',
      firewalldAfterDockerd: 'firewalld {{what}} at {{time}}, after dockerd set up its iptables rules, and dockerd was not restarted since',
      appendsFailed: 'firewalld could not add {{count, plural, one{# rule} other{# rules}}} to docker\'s chains ({{chains}}) (No chain/target/match by that name): the chains were wiped, last at {{time}}',
    },
    remediation: [
      { kind: 'fix', risk: { restart: true, dataLoss: false, reversible: true }, text: 'Restart Docker after firewalld starts or restarts, so that dockerd re-creates its chains and port mappings.', commands: ['systemctl restart docker'], source: 'openEuler guide: Firewalld Component' },
      { kind: 'fix', risk: { restart: false, dataLoss: false, reversible: true }, text: 'Order the units so that docker starts after firewalld (upstream docker.service has After=firewalld.service).', commands: ['systemctl cat docker | grep -E "^(After|Wants)="'], source: 'general practice' },
    ],
    // setup-iptables: openEuler patch 0140 (docker-engine 18.09) brackets dockerd's iptables setup with these lines.
    events: ['dockerd.port-programming-failed', 'dockerd.chain-program-failed', 'firewalld.command-failed', 'dockerd.setup-iptables'],
    // Port-mapping failures in the logs: the iptables tables show whether docker's chains are still gone.
    confirmedBy: ['iptables.nat', 'iptables.filter'],
  },

  evaluate(ctx) {
    const { model } = ctx;
    const iptablesOpt = boolOption(model, 'iptables');
    if (iptablesOpt && !iptablesOpt.value) return; // --iptables=false: docker keeps no chains
    const daemon = model.processes.dockerd;
    const ev = daemonEvents(model);

    // firewalld (re)starts after dockerd last programmed its rules (patch 0140 "Setup IP tables end", else dockerd start/ready).
    const setupEnds = ctx.events('dockerd.setup-iptables').filter((e) => e.fields.phase === 'end');
    const fwEvents = model.lifecycle.filter((e) => e.actor === 'firewalld' && (e.kind === 'start' || e.kind === 'restart') && e.time !== undefined);
    const lateFw: LifecycleEvent[] = [];
    for (const fw of fwEvents) {
      const dockerBefore = [...ev, ...setupEnds.map((r) => ({ time: r.time, bootIndex: r.bootIndex, kind: 'ready' as const }))].some(
        (e) => (e.kind === 'start' || e.kind === 'ready') && e.time !== undefined && e.time < fw.time! && (e.bootIndex === undefined || fw.bootIndex === undefined || e.bootIndex === fw.bootIndex),
      );
      const dockerAfter = ev.some((e) => e.kind === 'start' && e.time !== undefined && e.time > fw.time! && (e.bootIndex === undefined || fw.bootIndex === undefined || e.bootIndex === fw.bootIndex));
      if (dockerBefore && !dockerAfter) lateFw.push(fw);
    }
    const fwEvidence: Evidence[] = lateFw.map((e) => e.evidence);
    const fwFailed = ctx.events('firewalld.command-failed');
    const fwErrors = fwFailed.map((e) => e.evidence);
    // Docker adding to its own chain through firewalld and told the chain does not exist: it was wiped.
    // Failed -C/-D/-F/-X are docker's start-up probing and cleanup of chains not made yet: not proof.
    const wipedAppends = fwFailed.filter((e) => (e.fields.verb === 'append' || e.fields.verb === 'insert') && e.fields.reason === 'no-chain' && (e.fields.chain ?? '').startsWith('DOCKER'));
    const natErrors = ctx.events('dockerd.chain-program-failed').map((e) => e.evidence);
    const fwNote = lateFw.length ? `; firewalld ${lateFw[lateFw.length - 1]!.kind === 'restart' ? 'restarted' : 'started'} at ${iso(lateFw[lateFw.length - 1]!.time)} after dockerd` : '';

    // 1. Chains gone while dockerd runs.
    const missing: string[] = [];
    const tableEvidence: Evidence[] = [];
    if (daemon && model.iptables.available) {
      for (const [table, chains] of Object.entries(DOCKER_CHAINS)) {
        const have = model.iptables.chains[table];
        if (!have) continue;
        const gone = chains.filter((c) => !have.includes(c));
        if (gone.length === 0) continue;
        missing.push(...gone.map((c) => `${table}/${c}`));
        const artifact = table === 'nat' && model.collection.health['iptables.nat']?.state === 'present' ? 'iptables.nat' : 'iptables.filter';
        const path = model.collection.health[artifact]?.paths[0] ?? '';
        tableEvidence.push({ artifact, path, line: 0, excerpt: `*${table}: chains ${have.join(', ') || '(none)'}: no ${gone.join(', ')}` });
      }
    }
    const failures = ctx.events('dockerd.port-programming-failed');
    const lastFailure = failures[failures.length - 1];
    if (missing.length > 0) {
      ctx.report({
        messageId: 'chainsMissing',
        data: { missing: `${listSome(missing, 4)} ${missing.length === 1 ? 'is' : 'are'}`, fwNote, chains: missing.join(', ') },
        evidence: [{ ...daemon!.evidence, match: 'dockerd' }, ...tableEvidence, ...fwEvidence, ...failures.slice(-5).map((e) => e.evidence), ...natErrors, ...fwErrors],
        confidence: lateFw.length ? 'high' : 'medium',
        confidenceReason: lateFw.length ? 'the chains are missing and firewalld started after dockerd' : 'the chains are missing while dockerd runs with iptables enabled; what removed them is not in the logs (firewalld, iptables -F/-X, a firewall script)',
      });
      return;
    }
    // 2. Port mapping failures in the logs.
    if (lastFailure) {
      const restarted = ev.some((e) => e.kind === 'start' && e.time !== undefined && lastFailure.time !== undefined && e.time > lastFailure.time);
      ctx.report({
        messageId: 'programmingFailed',
        severity: restarted ? 'warning' : 'error',
        data: { count: failures.length, endpoint: lastFailure.fields.endpoint ?? '?' },
        evidence: [...failures.slice(-10).map((e) => e.evidence), ...fwEvidence, ...natErrors, ...fwErrors],
        confidence: lateFw.length ? 'high' : 'medium',
        confidenceReason: restarted ? 'dockerd restarted after the last failure, which re-creates the chains' : 'no dockerd restart followed the failures',
      });
      return;
    }
    // 3. firewalld refused docker's appends to its own chains.
    const lastAppend = wipedAppends[wipedAppends.length - 1];
    if (lastAppend) {
      const restarted = ev.some((e) => e.kind === 'start' && e.time !== undefined && lastAppend.time !== undefined && e.time > lastAppend.time);
      ctx.report({
        messageId: 'appendsFailed',
        severity: restarted ? 'warning' : 'error',
        data: { count: wipedAppends.length, chains: [...new Set(wipedAppends.map((e) => `${e.fields.table}/${e.fields.chain}`))].join(', '), time: iso(lastAppend.time) ?? '?' },
        evidence: [...wipedAppends.slice(-10).map((e) => e.evidence), ...fwEvidence, ...natErrors],
        confidence: 'high',
        confidenceReason: restarted ? 'dockerd restarted after the last refused append, which re-creates the chains' : 'firewalld reported the chain missing when docker added to it',
      });
      return;
    }
    // 4. firewalld after dockerd, chains not (or not yet) shown missing.
    if (lateFw.length) {
      const last = lateFw[lateFw.length - 1]!;
      ctx.report({
        messageId: 'firewalldAfterDockerd',
        severity: 'warning',
        data: { what: last.kind === 'restart' ? 'restarted' : 'started', time: iso(last.time) ?? '?', count: lateFw.length },
        evidence: [...fwEvidence, ...natErrors, ...fwErrors],
        confidence: 'medium',
        confidenceReason: model.iptables.available ? 'firewalld started after dockerd, though docker\'s chains are present (firewalld may have been configured for docker)' : 'firewalld started after dockerd; the iptables state was not collected',
      });
      return;
    }
    if (natErrors.length) {
      ctx.report({
        messageId: 'programmingFailed',
        severity: 'warning',
        data: { count: natErrors.length, endpoint: '(NAT chain)' },
        evidence: [...natErrors, ...fwErrors],
        confidence: 'low',
        confidenceReason: 'dockerd could not program its NAT chain; the cause is not in the logs',
      });
    }
  },
});
