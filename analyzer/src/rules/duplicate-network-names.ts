/**
 * duplicate-network-names: parallel `docker network create <name>` can create several networks with
 * the same name (the name check and the store write are not atomic); afterwards every API call by
 * name fails as ambiguous. Networks are identified by ID. Field guide §2; openEuler guide
 * "Daemon Network Configuration".
 */
import type { Evidence } from '../spine/types.js';
import { defineRule } from './types.js';
import { LOG_ARTIFACTS, listSome } from './util-evidence.js';

export default defineRule({
  meta: {
    id: 'duplicate-network-names',
    title: 'Several docker networks share one name',
    category: 'network',
    severity: 'warning',
    requires: ['docker.network-ls', ...LOG_ARTIFACTS],
    essential: ['docker.network-ls', ...LOG_ARTIFACTS],
    explanation:
      'docker network create checks the name and then writes the network; parallel creates with the same name can all pass the check, ' +
      'leaving several networks with one name. Docker identifies networks by ID, so the duplicates work, but every command that names ' +
      'the network (inspect, rm, connect, run --network) then fails with "network <name> is ambiguous".',
    guideSection: 'Installation and Deployment › Daemon Network Configuration',
    messages: {
      duplicates: '{{count, plural, one{# network name} other{# network names}}} used by more than one network: {{names}}',
      ambiguous: 'dockerd refused {{count, plural, one{# request} other{# requests}}} because network {{name}} is ambiguous ({{matches}} matches)',
    },
    remediation: [
      { kind: 'fix', risk: { restart: false, dataLoss: false, reversible: false }, text: 'Address networks by ID, not by name: list the IDs, keep the one in use and remove the other duplicates by ID.', commands: ['docker network ls --no-trunc --filter name={{network}}', 'docker network inspect {{id}}', 'docker network rm {{unused-id}}'], source: 'openEuler guide: Daemon Network Configuration' },
      { kind: 'fix', risk: { restart: false, dataLoss: false, reversible: true }, text: 'Serialise network creation in scripts and orchestration (create once, then look the network up by ID).', source: 'general practice' },
    ],
    // From any unit: dockerd logs 4xx API errors only at debug level, so the text usually shows up in the logs of the
    // client that got it (an orchestrator, a script run by a unit).
    events: ['dockerd.network-ambiguous'],
    confirmedBy: ['docker.network-ls'],
  },

  evaluate(ctx) {
    const { networks } = ctx.model;
    if (networks.length === 0) {
      // A running daemon always lists bridge, host and none: nothing listed means not collected or daemon down.
      ctx.insufficient('docker network ls listed no networks (not collected, or the daemon was down)', ['docker network ls --no-trunc']);
    }
    const byName = new Map<string, (typeof networks)[number][]>();
    for (const n of networks) byName.set(n.name, [...(byName.get(n.name) ?? []), n]);
    const dups = [...byName.entries()].filter(([, list]) => list.length > 1);
    if (dups.length > 0) {
      const evidence: Evidence[] = dups.flatMap(([name, list]) => list.map((n) => ({ ...n.evidence, match: name })));
      ctx.report({
        messageId: 'duplicates',
        data: { count: dups.length, names: listSome(dups.map(([name, list]) => `${name} (${list.length}×)`), 5), networks: dups.reduce((a, [, l]) => a + l.length, 0) },
        evidence,
        confidence: 'high',
        confidenceReason: 'docker network ls lists the same name with different IDs',
        fill: { network: dups.map(([name]) => name), id: dups.flatMap(([, list]) => list.map((n) => n.id)) },
        detail: dups.map(([name, list]) => `${name}: ${list.map((n) => n.id.slice(0, 12)).join(', ')}`).join('; '),
      });
    }
    const recs = ctx.events('dockerd.network-ambiguous');
    if (recs.length === 0) return;
    // One finding per network name named in the errors.
    const groups = new Map<string, { matches: string; recs: (typeof recs)[number][] }>();
    for (const r of recs) {
      const name = r.fields.network;
      if (name === undefined) continue;
      const g = groups.get(name) ?? { matches: r.fields.matches ?? '0', recs: [] };
      g.recs.push(r);
      groups.set(name, g);
    }
    for (const [name, g] of groups) {
      ctx.report({
        messageId: 'ambiguous',
        data: { name, matches: Number(g.matches), count: g.recs.length },
        evidence: g.recs.map((r) => r.evidence),
        subject: `network ${name}`,
        fill: { network: name, id: networks.filter((n) => n.name === name).map((n) => n.id) },
        confidence: 'high',
        confidenceReason: 'dockerd logged the ambiguity error',
      });
    }
  },
});
