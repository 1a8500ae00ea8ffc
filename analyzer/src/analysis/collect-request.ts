/**
 * The one request for what to collect next, written for the input's layout (reports only format it,
 * reports/collect-text.ts):
 *
 * - a sosreport: `sos report -o <plugins> --batch` with the plugins that did not run (a plugin that
 *   ran and left a file out would leave it out again), and our collector for what sos never
 *   collects (the data-root listing, the daemons' command lines …);
 * - our bundle: our collector again, with the flags that mend what went wrong (a spent budget, a
 *   time-out) and `--since/--until` one hour either side of the root cause (or the headline finding);
 * - a loose folder or a pasted log: our collector, with the same window.
 *
 * Only what blocks a check counts: the artifacts of the checks that were not evaluated fully, and
 * the verdict's missing key evidence. What re-collecting cannot change is left out: our collector's
 * by-design omissions (sos-only artifacts such as `journal.docker`, whose records are in its
 * journal), files the host does not have, tools it lacks, and empty answers.
 */
import { timedRootCause } from './root-causes.js';
import type { HostModel } from '../model/host-model.js';
import type { CoverageVerdict, Finding } from '../rules/types.js';
import { artifactSpec, sosPluginOf, type ArtifactId } from '../spine/artifacts.js';
import type { ArtifactHealth } from '../spine/types.js';
import type { Verdict } from './verdict.js';
import { byCodeUnits } from '../text-order.js';

export type CollectLayout = 'docker-postmortem' | 'sosreport' | 'folder' | 'pasted-log';

/** Why an artifact is asked for again: how it went wrong. */
export type CollectWhy = 'missing' | 'failed' | 'timed-out' | 'not-root' | 'budget' | 'sos-plugin-not-run' | 'sos-never';

export interface CollectItem {
  artifact: ArtifactId;
  state: string;
  why: CollectWhy;
  /** Who collects it: the sos plugin (sosreport), or our collector. */
  via: 'sos' | 'collector';
  plugin?: string;
}

export interface CollectRequest {
  layout: CollectLayout;
  items: CollectItem[];
  /** sosreport: the plugins to run again, sorted. */
  sosPlugins: string[];
  /** The arguments of our collector, in order (the window, then budget/time-out mends). */
  collectorFlags: string[];
  /** One hour either side of the finding the window is built around; UTC ISO strings. */
  window?: { since: string; until: string; finding: string };
  /** The one command; empty when nothing that blocks a check can be collected again. */
  command: string;
  /** sosreport: our collector for what sos never collects (empty when sos would do). */
  collectorCommand: string;
  /** Rule ids whose checks this would let run fully, sorted. */
  unblocks: string[];
}

export const COLLECTOR_SCRIPT = 'docker-postmortem-collect.sh';
/** The collector's defaults (collector/docker-postmortem-collect.sh usage): a mend asks for more. */
const COLLECTOR_BUDGET = 300;
const COLLECTOR_TIMEOUT = 20;
export const WINDOW_MARGIN_MS = 60 * 60 * 1000;

const LOGS = new Set<string>(['journal', 'journal.previous-boot', 'journal.docker', 'journal.containerd', 'journal.boots', 'journal.boot-tails', 'journal.header', 'syslog', 'dmesg']);
/** The verdict's key evidence (verdict.ts `missing` ids) as the artifact that carries it. */
const KEY_EVIDENCE: Record<string, ArtifactId> = { 'missing.logs': 'journal', 'missing.daemon-state': 'docker.info' };

/** `journalctl --since` reads this (systemd.time(7): a trailing "UTC" names the zone). */
export const journalTime = (ms: number): string => `${new Date(ms).toISOString().slice(0, 19).replace('T', ' ')} UTC`;

function layoutOf(model: HostModel): CollectLayout {
  const layout = model.collection.layout;
  if (layout !== 'folder') return layout;
  const present = Object.values(model.collection.health).filter((h) => h && (h.state === 'present' || h.state === 'truncated'));
  return present.length > 0 && present.every((h) => LOGS.has(h!.artifact)) ? 'pasted-log' : 'folder';
}

/** Our bundle: how a gap came about, or undefined when collecting again would not change it. */
function collectorWhy(h: ArtifactHealth, key: boolean): CollectWhy | undefined {
  const spec = artifactSpec(h.artifact);
  if (spec.bundle.length === 0) return undefined; // by design: sos-only, our journal holds its records
  if (h.state === 'timed-out') return 'timed-out';
  if (h.state === 'failed') return 'failed';
  if (h.state === 'missing') return 'missing';
  if (h.state === 'skipped') {
    const d = h.detail ?? '';
    if (/^not root|^not readable/.test(d)) return 'not-root';
    if (/^budget exhausted/.test(d)) return 'budget';
    return undefined; // not present on the host, tool not found, persistent journal present …
  }
  if (h.state === 'empty' && key) return 'missing';
  return undefined;
}

/** The window's anchor: the first timed root cause (root-causes.ts), else the first timed finding. */
function anchorFinding(findings: readonly Finding[], chains: readonly string[][], verdict: Verdict): Finding | undefined {
  return timedRootCause({ findings, causeChains: chains, verdict }) ?? findings.find((f) => f.firstTime);
}

export function computeCollectRequest(model: HostModel, findings: readonly Finding[], coverage: readonly CoverageVerdict[], chains: readonly string[][], verdict: Verdict): CollectRequest {
  const layout = layoutOf(model);
  const health = model.collection.health;
  // What blocks a check: artifact → the rules it blocks.
  const blocking = new Map<ArtifactId, Set<string>>();
  const block = (a: ArtifactId, rule?: string) => {
    const s = blocking.get(a) ?? blocking.set(a, new Set()).get(a)!;
    if (rule) s.add(rule);
  };
  for (const c of coverage) if (c.status !== 'evaluated') for (const a of c.artifacts) block(a.artifact, c.ruleId);
  const key = new Set<ArtifactId>();
  for (const m of verdict.missing) {
    const a = m.id ? KEY_EVIDENCE[m.id] : undefined;
    if (a) {
      key.add(a);
      block(a);
    }
  }

  // sos: a plugin ran when any artifact it collects is in the report.
  const ran = new Set<string>();
  if (layout === 'sosreport') {
    for (const h of Object.values(health)) if (h && h.paths.length > 0) ran.add(sosPluginOf(artifactSpec(h.artifact)) ?? '');
  }

  const items: CollectItem[] = [];
  for (const [artifact] of blocking) {
    const h: ArtifactHealth = health[artifact] ?? { artifact, state: 'missing', paths: [], bytes: 0 };
    if (h.state === 'present' || h.state === 'truncated') continue;
    const spec = artifactSpec(artifact);
    if (layout === 'sosreport') {
      if (h.state === 'empty' && !key.has(artifact)) continue; // an answer, not a gap
      const plugin = sosPluginOf(spec);
      if (!plugin) {
        // sos never collects it: ours does (unless it is sos-only itself, which cannot happen for an artifact sos lacks).
        if (spec.bundle.length) items.push({ artifact, state: h.state, why: 'sos-never', via: 'collector' });
        continue;
      }
      if (ran.has(plugin) && h.state !== 'timed-out') continue; // the same sos would leave it out again
      items.push({ artifact, state: h.state, why: h.state === 'timed-out' ? 'timed-out' : 'sos-plugin-not-run', via: 'sos', plugin });
      continue;
    }
    if (layout === 'docker-postmortem') {
      const why = collectorWhy(h, key.has(artifact));
      if (why) items.push({ artifact, state: h.state, why, via: 'collector' });
      continue;
    }
    // A loose folder or a pasted log: whatever our collector gathers and the folder lacks.
    if (spec.bundle.length === 0 || (h.state === 'empty' && !key.has(artifact))) continue;
    items.push({ artifact, state: h.state, why: 'missing', via: 'collector' });
  }
  items.sort((a, b) => byCodeUnits(a.artifact, b.artifact));

  const anchor = items.length ? anchorFinding(findings, chains, verdict) : undefined;
  let window: CollectRequest['window'];
  if (anchor?.firstTime) {
    const from = Date.parse(anchor.firstTime);
    const to = Date.parse(anchor.lastTime ?? anchor.firstTime);
    if (Number.isFinite(from) && Number.isFinite(to)) {
      window = { since: new Date(from - WINDOW_MARGIN_MS).toISOString(), until: new Date(to + WINDOW_MARGIN_MS).toISOString(), finding: anchor.id };
    }
  }

  const collectorItems = items.filter((i) => i.via === 'collector');
  const flags: string[] = [];
  if (window) flags.push('--since', `"${journalTime(Date.parse(window.since))}"`, '--until', `"${journalTime(Date.parse(window.until))}"`);
  if (collectorItems.some((i) => i.why === 'budget' || i.why === 'timed-out')) flags.push('--budget', String(COLLECTOR_BUDGET * 2));
  if (collectorItems.some((i) => i.why === 'timed-out')) flags.push('--timeout', String(COLLECTOR_TIMEOUT * 3));
  // Root: the collector skips what only root may read (its usage: "Run it as root for a complete bundle").
  const collector = `sudo sh ${COLLECTOR_SCRIPT}${flags.length ? ` ${flags.join(' ')}` : ''}`;

  const sosPlugins = [...new Set(items.filter((i) => i.via === 'sos').map((i) => i.plugin!))].sort();
  const sos = sosPlugins.length ? `sos report -o ${sosPlugins.join(',')} --batch` : '';
  const command = layout === 'sosreport' ? sos || (collectorItems.length ? collector : '') : collectorItems.length ? collector : '';
  const collectorCommand = layout === 'sosreport' && sos && collectorItems.length ? collector : '';

  const unblocks = new Set<string>();
  for (const i of items) for (const r of blocking.get(i.artifact) ?? []) unblocks.add(r);
  return {
    layout,
    items,
    sosPlugins,
    collectorFlags: collectorItems.length ? flags : [],
    ...(window ? { window } : {}),
    command,
    collectorCommand,
    unblocks: [...unblocks].sort(),
  };
}
