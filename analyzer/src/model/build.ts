/**
 * Joins parser facts into the HostModel. Order matters: later combiners read earlier sections
 * (identity needs packages, config needs units and processes, the timeline needs everything).
 * Each combiner is a pure function in its own file; this file only orders them and freezes the result.
 */
import type { FactStore } from './fact-store.js';
import type { Collection, HostModel } from './host-model.js';
import { buildPackages } from './packages.js';
import { buildProcesses } from './processes.js';
import { buildUnits } from './units.js';
import { buildIdentity } from './identity.js';
import { buildConfig } from './config.js';
import { buildBoots } from './boots.js';
import { buildJournal } from './journal-facts.js';
import { buildLifecycle } from './lifecycle.js';
import { buildDaemonHistory } from './daemon-runs.js';
import { buildDataRoot } from './data-root.js';
import { buildContainers } from './containers.js';
import { buildNetworks, buildLinks } from './network.js';
import { buildIpc } from './ipc.js';
import { buildStorage } from './storage.js';
import { buildMounts } from './mounts.js';
import { buildLimits } from './limits.js';
import { buildAudit } from './audit.js';
import { buildIptables } from './iptables.js';
import { buildTimeline } from './timeline.js';
import { buildSummary } from './summary.js';
import { deepFreeze } from '../parsers/util/deep-freeze.js';
import type { IpLinkFacts } from '../parsers/ip-link.js';

/** The sections built so far; combiners may read any section built before them. */
export type ModelDraft = Partial<HostModel> & { collection: Collection };

export function buildHostModel(facts: FactStore, collection: Collection): HostModel {
  const d: ModelDraft = { collection };
  d.packages = buildPackages(facts, d);
  d.processes = buildProcesses(facts, d);
  d.units = buildUnits(facts, d);
  d.identity = buildIdentity(facts, d);
  d.config = buildConfig(facts, d);
  d.boots = buildBoots(facts, d);
  d.journal = buildJournal(facts, d);
  d.lifecycle = buildLifecycle(facts, d);
  d.daemons = buildDaemonHistory(facts, d);
  d.dataRoot = buildDataRoot(facts, d);
  d.containers = buildContainers(facts, d);
  d.networks = buildNetworks(facts, d);
  d.links = buildLinks(facts, d);
  const linksTotal = facts.first<IpLinkFacts>('ip.link')?.value.total;
  if (linksTotal !== undefined && linksTotal > d.links.length) d.linksTotal = linksTotal;
  d.ipc = buildIpc(facts, d);
  d.storage = buildStorage(facts, d);
  d.mounts = buildMounts(facts, d);
  d.limits = buildLimits(facts, d);
  d.audit = buildAudit(facts, d);
  d.iptables = buildIptables(facts, d);
  d.timeline = buildTimeline(facts, d);
  // Last: it reads config, containers, data-root, ipc, storage, mounts, packages and lifecycle.
  d.summary = buildSummary(facts, d);
  // Rules must not mutate the model (the rule tester checks it); freezing makes a mutation throw.
  return deepFreeze(d as HostModel);
}
