/**
 * veth-leak: host veth interfaces with no live docker endpoint, left by a dockerd killed between
 * creating the veth pair and saving the endpoint (libnetwork bridge driver, moby 18.09
 * bridge.go ~933 → ~1050). Field guide §1.3; openEuler guide "NICs May Be Residual".
 */
import type { DaemonRun, LinkFact } from '../model/host-model.js';
import type { Evidence } from '../spine/types.js';
import { MAX_EVIDENCE_PER_FINDING } from './util-evidence.js';
import { defineRule } from './types.js';
import { LOG_ARTIFACTS, byTime, iso, listSome, someEvidence } from './util-evidence.js';
import { byCodeUnits } from '../text-order.js';

/** Docker names host-side veths `veth` + 7 hex (CNI uses other forms). */
const DOCKER_VETH = /^veth[0-9a-f]{7}$/;
/** Docker's bridges: the default docker0 and user networks br-<12 hex>. */
const DOCKER_BRIDGE = /^(docker0|br-[0-9a-f]{12})$/;
/** Pairs seen this soon after a dockerd start may belong to containers it is still starting. */
const SETTLE_MS = 60_000;
/** Interface names listed in a finding's detail; the count is always whole. */
const MAX_NAMES_IN_DETAIL = 100;

export default defineRule({
  meta: {
    id: 'veth-leak',
    title: 'Leaked veth interfaces after dockerd was killed',
    category: 'network',
    severity: 'warning',
    requires: ['ip.link', 'bridge.link', 'docker.ps', ...LOG_ARTIFACTS],
    essential: ['ip.link'],
    explanation:
      'In bridge mode Docker creates the host veth pair first and saves the endpoint in its store only later. If dockerd is killed ' +
      'in between (SIGKILL, crash, power loss), the next start neither knows nor deletes the pair: it stays on the host, often with both ' +
      'ends in the host namespace, attached to docker0 or a br- bridge. openEuler has no Restart= in docker.service, so dockerd stays ' +
      'down until restarted by hand.',
    guideSection: 'Installation and Deployment › NICs May Be Residual',
    messages: {
      orphanPairs: '{{count, plural, one{# veth interface} other{# veth interfaces}}} with both ends on the host and no container: {{names}}',
      excessEndpoints: '{{count, plural, one{# docker veth endpoint} other{# docker veth endpoints}}} on docker bridges but only {{running, plural, one{# running container} other{# running containers}}}: {{names}}',
    },
    remediation: [
      { kind: 'fix', risk: { restart: false, dataLoss: false, reversible: false }, text: 'Confirm no container uses the interfaces (docker ps, docker network inspect), then delete each leaked pair; deleting one end removes its peer.', commands: ['ip link delete {{veth}}'], source: 'general practice (the guide gives none)' },
      { kind: 'fix', risk: { restart: true, dataLoss: false, reversible: true }, text: 'Restart Docker after a kill so that it cleans the endpoints it does know (Removing stale sandbox/endpoint).', commands: ['systemctl restart docker'], source: 'moby/libnetwork#1850' },
    ],
    causedBy: ['power-off-db-loss', 'docker-restart-storm'],
  },

  evaluate(ctx) {
    const { links, linksTotal, containers, daemons, collection } = ctx.model;
    if (links.length === 0) {
      ctx.insufficient('no interfaces parsed from ip -d -o link', ['ip -d -o link']);
      return;
    }
    const byName = new Map(links.map((l) => [l.name, l]));
    const dockerVeth = (l: LinkFact) => DOCKER_VETH.test(l.name) || (l.master !== undefined && DOCKER_BRIDGE.test(l.master) && l.name.startsWith('veth'));
    const kill = lastKill(daemons.runs);
    const cutNote = linksTotal !== undefined ? ` ip link listed ${linksTotal} links; only the first ${links.length} were read, so the counts are lower bounds.` : '';
    const killNote =
      (kill
        ? ` The last dockerd kill or crash before collection: ${kill.end.signal ?? kill.end.cause ?? kill.end.how} at ${iso(kill.end.time) ?? 'unknown time'}.`
        : ' No dockerd kill or crash was found in the journal; the leak may predate it.') + cutNote;
    const killEvidence: Evidence[] = kill ? kill.end.evidence.slice(0, 1) : [];

    // A dockerd that (re)started just before collection may still be starting queued containers: their
    // pairs sit in the host namespace for a few seconds and then move ([lab] nspawn dockerd-sigkill).
    const lastRun = daemons.runs.filter((r) => r.daemon === 'dockerd' && r.start !== undefined).pop();
    const lastStart = lastRun ? { time: lastRun.ready !== undefined && Number.isFinite(lastRun.ready) ? lastRun.ready : lastRun.start, evidence: lastRun.evidence[0]! } : undefined;
    const sinceStart = collection.collectedAt !== undefined && lastStart?.time !== undefined ? collection.collectedAt - lastStart.time : undefined;
    const fresh = sinceStart !== undefined && sinceStart >= 0 && sinceStart < SETTLE_MS;

    // 1. Both ends in the host namespace: `vethA@vethB` whose peer is also here. Healthy endpoints show `@ifN` + link-netnsid.
    const pairs = links.filter((l) => dockerVeth(l) && l.peerName && byName.has(l.peerName));
    if (pairs.length > 0) {
      const names = pairs.map((l) => l.name).sort();
      const context = [...killEvidence, ...(fresh && lastStart ? [lastStart.evidence] : [])];
      // Context first, so the kill and the start survive the engine's evidence cap.
      const ev = someEvidence(pairs, (l) => ({ ...l.evidence, match: l.name }), MAX_EVIDENCE_PER_FINDING - context.length);
      ctx.report({
        messageId: 'orphanPairs',
        data: { count: pairs.length, names: listSome(names, 8) },
        evidence: [...context, ...ev.evidence],
        evidenceTotal: context.length + ev.total,
        confidence: fresh ? 'medium' : 'high',
        confidenceReason: fresh
          ? `dockerd (re)started ${Math.round(sinceStart! / 1000)} s before collection: pairs of containers still being started look the same for a few seconds; collect again after a minute to confirm`
          : 'both ends of each pair are in the host namespace, which no running container allows',
        detail: `Interfaces: ${listSome(names, MAX_NAMES_IN_DETAIL)}.${killNote}`,
        // Deleting one end of a pair removes its peer: one command per pair.
        fill: { veth: onePerPair(pairs) },
      });
    }

    // 2. More endpoints on docker bridges than running containers could own.
    const inPairs = new Set(pairs);
    const healthyForm = links.filter((l) => dockerVeth(l) && !inPairs.has(l) && l.peerIfindex !== undefined && l.master && DOCKER_BRIDGE.test(l.master));
    const psKnown = collection.health['docker.ps']?.state === 'present';
    if (!psKnown) {
      if (pairs.length === 0) ctx.insufficient('docker ps -a was not collected (daemon down?): endpoints cannot be matched to running containers', ['docker ps -a --no-trunc']);
      return;
    }
    const running = containers.filter((c) => c.inDockerPs && c.state === 'running').length;
    if (healthyForm.length > running) {
      const extra = healthyForm.length - running;
      const names = healthyForm.map((l) => l.name).sort();
      ctx.report({
        messageId: 'excessEndpoints',
        data: { count: extra, running, names: listSome(names, 8) },
        evidence: [...killEvidence, ...someEvidence(healthyForm, (l) => ({ ...l.evidence, match: l.name }), MAX_EVIDENCE_PER_FINDING - killEvidence.length).evidence],
        evidenceTotal: killEvidence.length + healthyForm.length,
        confidence: 'medium',
        confidenceReason: 'counted against running containers; host-network and container-network containers own no veth, so this is a lower bound',
        fill: { veth: names },
        detail: `Docker veth endpoints on docker bridges: ${listSome(names, MAX_NAMES_IN_DETAIL)}. [lab] saw such endpoints belong to containerd tasks still running while docker showed the container as Created.${killNote}`,
      });
    }
  },
});

/** The last dockerd run that ended killed, crashed or uncleanly (its end is when interfaces can leak). */
function lastKill(runs: readonly DaemonRun[]): DaemonRun | undefined {
  const kills = byTime(runs.filter((r) => r.daemon === 'dockerd' && (r.end.how === 'killed' || r.end.how === 'crash' || r.end.how === 'unclean')).map((r) => ({ time: r.end.time, r })));
  return kills[kills.length - 1]?.r;
}

/** One interface per host-side pair (`vethA@vethB` and `vethB@vethA` are one pair): deleting either end removes both. */
function onePerPair(pairs: readonly LinkFact[]): string[] {
  const taken = new Set<string>();
  const out: string[] = [];
  for (const l of [...pairs].sort((a, b) => byCodeUnits(a.name, b.name))) {
    if (taken.has(l.name)) continue;
    taken.add(l.name);
    if (l.peerName) taken.add(l.peerName);
    out.push(l.name);
  }
  return out;
}
