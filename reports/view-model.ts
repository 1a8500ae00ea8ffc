/**
 * The display model of a report: everything the HTML template shows, already ordered, capped and
 * turned into plain strings. Nothing here produces markup; the templates escape every value.
 * Caps keep a 20,000-line result fast to render and the page light (counts say what was left out).
 */
import type { AnalysisResult } from '../analyzer/src/analyze.js';
import type { Finding, RemediationStep, Severity } from '../analyzer/src/rules/types.js';
import { SEVERITIES, severityRank } from '../analyzer/src/rules/types.js';
import type { Evidence } from '../analyzer/src/spine/types.js';
import type { HostModel, LifecycleEvent, TimelineEvent } from '../analyzer/src/model/host-model.js';
import { artifactSpec } from '../analyzer/src/spine/artifacts.js';
import type { Seg } from './text.js';
import { bytes, cut, splitMatch, utc, utcOffset, valueText, visible } from './text.js';
import type { ChartEvent, TimelineChart } from './timeline-svg.js';
import { layoutTimeline } from './timeline-svg.js';

export interface ViewLimits {
  /** Evidence lines shown per finding (the rest is counted). */
  evidencePerFinding: number;
  /** Evidence lines shown in the whole page; past it each finding shows only its first line. */
  evidenceTotal: number;
  /** Findings shown in full; later ones (least severe) show title, summary and links only. */
  findingsFull: number;
  /** Findings listed at all (the rest are only counted: report.json has them). */
  findingsListed: number;
  timelineMarks: number;
  timelineRows: number;
  mounts: number;
  readerProblems: number;
  parseProblemsPerArtifact: number;
  pathsPerArtifact: number;
  packages: number;
}

export const DEFAULT_VIEW_LIMITS: ViewLimits = {
  evidencePerFinding: 20,
  evidenceTotal: 2000,
  findingsFull: 300,
  findingsListed: 5000,
  timelineMarks: 2000,
  timelineRows: 500,
  mounts: 100,
  readerProblems: 200,
  parseProblemsPerArtifact: 5,
  pathsPerArtifact: 5,
  packages: 60,
};

export interface EvidenceView {
  artifact: string;
  path: string;
  line: number;
  hasLine: boolean;
  time: string;
  segs: Seg[];
}

export interface LinkView {
  anchor: string;
  label: string;
  severity: string;
}

export interface CommandView {
  id: string;
  text: string;
}

export interface StepView {
  text: string;
  source: string;
  commands: CommandView[];
}

export interface FindingView {
  id: string;
  anchor: string;
  severity: Severity;
  severityLabel: string;
  confidence: string;
  confidenceReason: string;
  category: string;
  title: string;
  summary: string;
  explanation: string[];
  remediation: StepView[];
  evidence: EvidenceView[];
  evidenceShown: number;
  evidenceTotal: number;
  evidenceMore: number;
  causedBy: LinkView[];
  causes: LinkView[];
  time: string;
  hidden: boolean;
  open: boolean;
  isRoot: boolean;
  /** Past `findingsFull`: no explanation, remediation or evidence in the page (report.json has them). */
  compact: boolean;
}

export interface ChainView {
  steps: LinkView[];
  /** The root cause's summary, so the verdict reads on its own. */
  summary: string;
}

export interface CountView {
  severity: Severity;
  label: string;
  count: number;
}

export interface VerdictView {
  host: string;
  bundle: string;
  layout: string;
  format: string;
  collectedAt: string;
  hostOffset: string;
  collector: string;
  asRoot: string;
  flavor: string;
  flavorReason: string;
  versions: { label: string; value: string }[];
  counts: CountView[];
  total: number;
  worst: string;
  headline: string;
  chains: ChainView[];
  /** When no cause chains exist: the most severe findings, so the verdict still leads somewhere. */
  top: LinkView[];
  notEvaluated: number;
}

export interface TimelineRowView {
  index: number;
  rowId: string;
  time: string;
  lane: string;
  kind: string;
  bad: boolean;
  label: string;
  evidence?: EvidenceView;
  findingAnchor?: string;
}

export interface TimelineView {
  chart: TimelineChart;
  rows: TimelineRowView[];
  total: number;
  undated: number;
  marksShown: number;
  marksOmitted: number;
  rowsShown: number;
  rowsOmitted: number;
}

export interface KeyValue {
  label: string;
  value: string;
}

export interface ConfigRowView {
  key: string;
  value: string;
  source: string;
  where: string;
  overridden: string[];
}

export interface FactsView {
  config: ConfigRowView[];
  conflicts: { key: string; values: string[] }[];
  daemonJson: { present: boolean; error: string; unknownKeys: string[]; wrongTypes: string[] };
  env: ConfigRowView[];
  storage: KeyValue[];
  driverStatus: KeyValue[];
  thinPools: KeyValue[];
  counts: KeyValue[];
  semaphores: { arrays: string; limit: string; percent: string; level: string; dmCookies: string; known: boolean };
  mounts: { mountPoint: string; fsType: string; source: string; options: string }[];
  mountsTotal: number;
  mountsOmitted: number;
  mountsUnder: string;
  packages: { name: string; version: string; arch: string; manager: string }[];
  packagesOmitted: number;
  boots: { index: number; bootId: string; first: string; last: string; verdict: string; reason: string }[];
}

export interface CoverageRowView {
  ruleId: string;
  status: string;
  statusLabel: string;
  reason: string;
  artifacts: string;
  collectNext: string[];
  passed: boolean;
  findings: LinkView[];
  findingsMore: number;
}

export interface HealthView {
  artifacts: { artifact: string; title: string; state: string; detail: string; paths: string }[];
  parseProblems: { artifact: string; count: number; shown: { line: number; reason: string; excerpt: string }[] }[];
  gaps: CoverageRowView[];
  checks: CoverageRowView[];
  passedCount: number;
  evaluatedCount: number;
  truncatedJournal: boolean;
}

export interface InventoryView {
  summary: KeyValue[];
  artifacts: { artifact: string; state: string; paths: string[]; pathsMore: number; size: string; bytes: number }[];
  problems: { kind: string; path: string; message: string }[];
  problemsTotal: number;
  problemsOmitted: number;
}

export interface FilterView {
  severities: { severity: Severity; label: string; count: number; checked: boolean }[];
  categories: { category: string; count: number }[];
}

export interface ReportView {
  title: string;
  tool: string;
  verdict: VerdictView;
  filters: FilterView;
  findings: FindingView[];
  findingsShownByDefault: number;
  findingsCompact: number;
  findingsOmitted: number;
  timeline: TimelineView;
  facts: FactsView;
  health: HealthView;
  inventory: InventoryView;
  /** Data for the page script (embedded as application/json, escaped by html.ts). */
  data: PageData;
}

export interface PageData {
  findings: { id: string; anchor: string; severity: string; category: string; title: string }[];
  timeline: { total: number; marks: number; rows: number };
}

const SEV_LABEL: Record<Severity, string> = { critical: 'Critical', error: 'Error', warning: 'Warning', info: 'Info' };

/** `finding-<rule id>-<n>` from characters that are safe in ids and URLs; unique per report. */
export function anchorsFor(findings: readonly Finding[]): Map<string, string> {
  const out = new Map<string, string>();
  const used = new Set<string>();
  findings.forEach((f, i) => {
    let a = `finding-${f.id.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 80) || String(i + 1)}`;
    if (used.has(a)) a = `${a}-${i + 1}`;
    used.add(a);
    out.set(f.id, a);
  });
  return out;
}

function evidenceView(e: Evidence): EvidenceView {
  return {
    artifact: visible(String(e.artifact ?? '')),
    path: visible(String(e.path ?? '')),
    line: typeof e.line === 'number' ? e.line : 0,
    hasLine: typeof e.line === 'number' && e.line > 0,
    time: e.time ? utc(e.time) : '',
    // Excerpts are cut to 500 characters upstream; a hand-made result may not be.
    segs: splitMatch(cut(String(e.excerpt ?? ''), 2000), e.match),
  };
}

function where(e: Evidence | undefined): string {
  if (!e) return '';
  return visible(e.line > 0 ? `${e.path}:${e.line}` : e.path);
}

function stepView(s: RemediationStep, fi: number, si: number): StepView {
  return {
    text: visible(s.text),
    source: visible(s.source ?? ''),
    commands: (s.commands ?? []).map((c, ci) => ({ id: `cmd-${fi}-${si}-${ci}`, text: visible(c) })),
  };
}

function sortFindings(fs: readonly Finding[]): Finding[] {
  return [...fs].sort((a, b) => severityRank(b.severity) - severityRank(a.severity) || a.id.localeCompare(b.id));
}

function findingViews(result: AnalysisResult, anchors: Map<string, string>, limits: ViewLimits): FindingView[] {
  const byId = new Map(result.findings.map((f) => [f.id, f]));
  const roots = new Set(result.causeChains.map((c) => c[0]));
  const link = (id: string): LinkView | undefined => {
    const f = byId.get(id);
    const anchor = anchors.get(id);
    return f && anchor ? { anchor, label: visible(`${f.title} (${f.id})`), severity: f.severity } : undefined;
  };
  let budget = limits.evidenceTotal;
  return sortFindings(result.findings).slice(0, limits.findingsListed).map((f, fi) => {
    const compact = fi >= limits.findingsFull;
    const ev = compact ? [] : (f.evidence ?? []);
    const want = Math.min(ev.length, limits.evidencePerFinding);
    const n = budget >= want ? want : Math.min(ev.length, Math.max(1, budget));
    budget = Math.max(0, budget - n);
    const total = Math.max(f.evidenceTotal ?? 0, (f.evidence ?? []).length);
    return {
      id: visible(f.id),
      anchor: anchors.get(f.id)!,
      severity: f.severity,
      severityLabel: SEV_LABEL[f.severity] ?? f.severity,
      confidence: f.confidence,
      confidenceReason: visible(f.confidenceReason ?? ''),
      category: f.category,
      title: visible(f.title),
      summary: visible(f.summary),
      explanation: compact ? [] : (f.explanation ?? '').split(/\n\s*\n/).map((p) => visible(p.trim())).filter(Boolean),
      remediation: compact ? [] : (f.remediation ?? []).map((s, si) => stepView(s, fi, si)),
      evidence: ev.slice(0, n).map(evidenceView),
      evidenceShown: n,
      evidenceTotal: total,
      evidenceMore: total - n,
      causedBy: (f.causedBy ?? []).map(link).filter((l): l is LinkView => !!l),
      causes: (f.causes ?? []).map(link).filter((l): l is LinkView => !!l),
      time: f.time ? utc(f.time) : '',
      hidden: f.severity === 'info',
      open: f.severity !== 'info',
      isRoot: roots.has(f.id),
      compact,
    };
  });
}

function flavorLabel(m: HostModel): string {
  switch (m.identity?.flavor) {
    case 'openeuler-docker-engine':
      return 'openEuler docker-engine';
    case 'upstream':
      return 'upstream Docker (moby)';
    default:
      return 'unknown Docker flavor';
  }
}

function verdictView(result: AnalysisResult, anchors: Map<string, string>): VerdictView {
  const m = result.model;
  const inv = result.inventory;
  const id = m.identity ?? { flavor: 'unknown', flavorReason: '' };
  const byId = new Map(result.findings.map((f) => [f.id, f]));
  const counts = SEVERITIES.map((s) => ({ severity: s, label: SEV_LABEL[s], count: result.findings.filter((f) => f.severity === s).length }));
  const worst = counts.find((c) => c.count > 0)?.severity ?? 'none';
  const ver = (name: string, v?: { version?: string; package?: string }) =>
    v && (v.version || v.package) ? { label: name, value: visible([v.version, v.package ? `(${v.package})` : ''].filter(Boolean).join(' ')) } : undefined;
  const versions = [
    ver('Docker', id.docker),
    ver('containerd', id.containerd),
    ver('runc', id.runc),
    id.kernel ? { label: 'Kernel', value: visible(id.kernel) } : undefined,
    id.os && (id.os.prettyName || id.os.id) ? { label: 'OS', value: visible(id.os.prettyName ?? `${id.os.id ?? ''} ${id.os.versionId ?? ''}`.trim()) } : undefined,
    id.systemd?.version ? { label: 'systemd', value: String(id.systemd.version) } : undefined,
  ].filter((x): x is { label: string; value: string } => !!x);
  const link = (fid: string): LinkView => {
    const f = byId.get(fid);
    return { anchor: anchors.get(fid) ?? '', label: visible(f ? f.title : fid), severity: f?.severity ?? 'info' };
  };
  const chains = (result.causeChains ?? [])
    .filter((c) => c.length > 0 && c.every((fid) => anchors.has(fid)))
    .map((c) => ({ steps: c.map(link), summary: visible(byId.get(c[0]!)?.summary ?? '') }));
  const top = chains.length
    ? []
    : sortFindings(result.findings)
        .filter((f) => f.severity !== 'info')
        .slice(0, 5)
        .map((f) => link(f.id));
  const notEvaluated = (result.coverage ?? []).filter((c) => c.status !== 'evaluated').length;
  const total = result.findings.length;
  const serious = counts.filter((c) => c.severity !== 'info' && c.count > 0).map((c) => `${c.count} ${c.label.toLowerCase()}`);
  const headline = serious.length
    ? `${serious.join(', ')} finding${total === 1 ? '' : 's'}`
    : total
      ? `${total} informational finding${total === 1 ? '' : 's'}, no problems`
      : 'No problems found by the checks that could run';
  return {
    host: visible(m.identity?.hostname || inv.host || '(unknown host)'),
    bundle: visible(inv.input ?? m.collection?.source ?? ''),
    layout: visible(inv.layout ?? ''),
    format: visible(inv.format ?? ''),
    collectedAt: utc(inv.collectedAt ?? m.collection?.collectedAt) || 'unknown',
    hostOffset: utcOffset(inv.hostUtcOffsetMinutes ?? m.collection?.hostUtcOffsetMinutes),
    collector: visible(inv.collectorVersion ?? m.collection?.collectorVersion ?? (inv.sosVersion ? `sos ${inv.sosVersion}` : '')),
    asRoot: inv.asRoot === undefined ? 'unknown' : inv.asRoot ? 'yes' : 'no',
    flavor: flavorLabel(m),
    flavorReason: visible(id.flavorReason ?? ''),
    versions,
    counts,
    total,
    worst,
    headline,
    chains,
    top,
    notEvaluated,
  };
}

// --- timeline -------------------------------------------------------------------------------

const BAD_KINDS = new Set(['crash', 'killed', 'start-failed', 'start-limit', 'timeout']);

function laneOfActor(a: LifecycleEvent['actor']): string {
  if (a === 'docker.service') return 'dockerd';
  if (a === 'containerd.service') return 'containerd';
  return a;
}

interface RawEvent {
  time: number;
  lane: string;
  kind: string;
  bad: boolean;
  label: string;
  evidence?: Evidence;
  finding?: Finding;
  /** Lower sorts first when the page must leave events out. */
  priority: number;
}

/**
 * One list from boots, lifecycle events, the model's timeline and the findings. The same
 * evidence line reached through two sections is one event (the more specific one wins).
 */
export function timelineEvents(result: AnalysisResult): { events: RawEvent[]; undated: number } {
  const m = result.model;
  const out: RawEvent[] = [];
  const seen = new Map<string, number>();
  let undated = 0;
  const key = (t: number, e?: Evidence) => (e ? `${t}|${e.path}|${e.line}` : '');
  const add = (ev: RawEvent) => {
    if (!Number.isFinite(ev.time)) {
      undated++;
      return;
    }
    const k = ev.finding ? '' : key(ev.time, ev.evidence);
    if (k && seen.has(k)) return;
    if (k) seen.set(k, out.length);
    out.push(ev);
  };
  // Boot starts and (known) endings; Boot.verdict says how that boot ended.
  const bootTimes = new Set<number>();
  for (const b of m.boots ?? []) {
    const id = b.bootId ? ` (${b.bootId.slice(0, 12)})` : '';
    if (b.firstEntry !== undefined) {
      bootTimes.add(b.firstEntry);
      add({ time: b.firstEntry, lane: 'boot', kind: 'boot', bad: false, label: `Boot ${b.index}${id} started`, evidence: b.evidence?.[0], priority: 0 });
    }
    if (b.lastEntry !== undefined && b.verdict !== 'unknown') {
      bootTimes.add(b.lastEntry);
      add({
        time: b.lastEntry,
        lane: 'boot',
        kind: `end-${b.verdict}`,
        bad: b.verdict === 'unclean',
        label: `Boot ${b.index}${id} ended ${b.verdict}${b.reason ? `: ${b.reason}` : ''}`,
        evidence: b.evidence?.[1] ?? b.evidence?.[0],
        priority: 0,
      });
    }
  }
  // The same boot reached through lifecycle or the model timeline is not drawn twice.
  const isBootDup = (lane: string, t: number) => lane === 'boot' && bootTimes.has(t);
  for (const l of m.lifecycle ?? []) {
    if (l.time === undefined) {
      undated++;
      continue;
    }
    if (isBootDup(l.kind === 'boot' ? 'boot' : laneOfActor(l.actor), l.time)) continue;
    add({
      time: l.time,
      lane: l.kind === 'boot' ? 'boot' : laneOfActor(l.actor),
      kind: l.kind,
      bad: BAD_KINDS.has(l.kind),
      label: `${l.actor} ${l.kind}${l.detail ? `: ${l.detail}` : ''}`,
      evidence: l.evidence,
      priority: 1,
    });
  }
  for (const t of (m.timeline ?? []) as TimelineEvent[]) {
    if (isBootDup(t.category, t.time)) continue;
    add({ time: t.time, lane: t.category, kind: '', bad: false, label: t.label, evidence: t.evidence, priority: 2 });
  }
  for (const f of result.findings) {
    if (!f.time) continue;
    add({
      time: Date.parse(f.time),
      lane: 'finding',
      kind: f.severity,
      bad: f.severity === 'critical' || f.severity === 'error',
      label: `${f.title}: ${f.summary}`,
      evidence: f.evidence?.[0],
      finding: f,
      priority: 0,
    });
  }
  out.sort((a, b) => a.time - b.time);
  return { events: out, undated };
}

function keepEarliestByPriority(events: RawEvent[], max: number): RawEvent[] {
  if (events.length <= max) return events;
  const idx = events.map((e, i) => i).sort((a, b) => events[a]!.priority - events[b]!.priority || a - b);
  const keep = new Set(idx.slice(0, max));
  return events.filter((_e, i) => keep.has(i));
}

function timelineView(result: AnalysisResult, anchors: Map<string, string>, limits: ViewLimits): TimelineView {
  const { events, undated } = timelineEvents(result);
  const marked = keepEarliestByPriority(events, limits.timelineMarks);
  const rowsKept = new Set(keepEarliestByPriority(marked, limits.timelineRows));
  const rows: TimelineRowView[] = [];
  const chartEvents: ChartEvent[] = marked.map((e, i) => {
    const rowId = `tl-${i + 1}`;
    const label = visible(cut(e.label, 300));
    if (rowsKept.has(e)) {
      rows.push({
        index: i + 1,
        rowId,
        time: utc(e.time),
        lane: e.lane,
        kind: e.kind,
        bad: e.bad,
        label,
        evidence: e.evidence ? evidenceView(e.evidence) : undefined,
        findingAnchor: e.finding ? anchors.get(e.finding.id) : undefined,
      });
    }
    return {
      index: i + 1,
      time: e.time,
      lane: e.lane,
      kind: e.kind,
      bad: e.bad,
      severity: e.finding?.severity,
      rowId: rowsKept.has(e) ? rowId : '',
      title: `${utc(e.time)} ${label}`,
      iso: new Date(e.time).toISOString(),
    };
  });
  return {
    chart: layoutTimeline(chartEvents),
    rows,
    total: events.length,
    undated,
    marksShown: marked.length,
    marksOmitted: events.length - marked.length,
    rowsShown: rows.length,
    rowsOmitted: events.length - rows.length,
  };
}

// --- host facts -----------------------------------------------------------------------------

const PKG_OF_INTEREST = /^(docker|moby|containerd|runc|container-selinux|systemd$|kernel$|linux-image|lvm2|device-mapper|libdevmapper|iptables|nftables|firewalld|audit$|auditd|libseccomp|criu|tini|sos|sosreport)/i;

function factsView(m: HostModel, limits: ViewLimits): FactsView {
  const cfg = m.config;
  const values = cfg?.values ?? {};
  const all = cfg?.all ?? [];
  const config: ConfigRowView[] = Object.keys(values)
    .sort()
    .map((k) => {
      const v = values[k]!;
      return {
        key: visible(k),
        value: cut(valueText(v.value), 1000),
        source: v.source,
        where: where(v.evidence),
        overridden: all.filter((o) => o.key === k && o !== v && !(o.source === v.source && valueText(o.value) === valueText(v.value))).map((o) => `${valueText(o.value)} (${o.source})`),
      };
    });
  const dj = cfg?.daemonJson;
  const env: ConfigRowView[] = Object.keys(cfg?.env ?? {})
    .sort()
    .map((k) => {
      const e = cfg.env[k]!;
      return { key: visible(k), value: visible(e.value), source: e.source, where: where(e.evidence), overridden: [] };
    });
  const dataRoot = cfg?.dataRoot || m.dataRoot?.root || '/var/lib/docker';
  const st = m.storage;
  const storage: KeyValue[] = [
    { label: 'Storage driver', value: visible(st?.driver ?? cfg?.storageDriver ?? 'unknown') },
    { label: 'Data root', value: visible(dataRoot) },
    { label: 'Exec root', value: visible(cfg?.execRoot ?? '') },
  ];
  const fs = st?.dataRootFs;
  if (fs) {
    storage.push({
      label: 'Data-root filesystem',
      value: visible(
        `${fs.filesystem} on ${fs.mountedOn}: ${[
          fs.sizeBytes !== undefined ? `size ${bytes(fs.sizeBytes)}` : '',
          fs.availBytes !== undefined ? `available ${bytes(fs.availBytes)}` : '',
          fs.usePercent !== undefined ? `${fs.usePercent}% used` : '',
          fs.inodesUsePercent !== undefined ? `inodes ${fs.inodesUsePercent}% used` : '',
        ]
          .filter(Boolean)
          .join(', ')}`,
      ),
    });
  }
  const driverStatus = Object.entries(st?.driverStatus ?? {}).map(([k, v]) => ({ label: visible(k), value: visible(v) }));
  const thinPools = (st?.dmDevices ?? [])
    .filter((d) => d.thinPool)
    .map((d) => {
      const t = d.thinPool!;
      const pct = (u: number, n: number) => (n > 0 ? `${((100 * u) / n).toFixed(1)}%` : '?');
      return { label: visible(d.name), value: `data ${pct(t.dataUsed, t.dataTotal)}, metadata ${pct(t.metadataUsed, t.metadataTotal)}${t.mode ? `, ${visible(t.mode)}` : ''}` };
    });
  const containers = m.containers ?? [];
  const byState = new Map<string, number>();
  for (const c of containers) byState.set(c.state ?? 'unknown', (byState.get(c.state ?? 'unknown') ?? 0) + 1);
  const volumesDir = `${dataRoot.replace(/\/+$/, '')}/volumes/`;
  const volumes = m.dataRoot?.available
    ? String(
        (m.dataRoot.entries ?? []).filter((e) => e.type === 'd' && e.path.startsWith(volumesDir) && !e.path.slice(volumesDir.length).includes('/')).length,
      )
    : 'unknown (no data-root listing)';
  const counts: KeyValue[] = [
    { label: 'Containers', value: `${containers.length}${byState.size ? ` (${[...byState].map(([s, n]) => `${n} ${s}`).join(', ')})` : ''}` },
    { label: 'Containers in data-root but not in docker ps', value: String(containers.filter((c) => c.inDataRoot && !c.inDockerPs).length) },
    { label: 'Networks', value: String((m.networks ?? []).length) },
    { label: 'Volumes', value: volumes },
    { label: 'Network interfaces', value: String((m.links ?? []).length) },
  ];
  const ipc = m.ipc;
  const arrays = ipc?.usedArrays ?? ipc?.semaphores?.length;
  const semmni = ipc?.limits?.semmni;
  const pctNum = arrays !== undefined && semmni ? (100 * arrays) / semmni : undefined;
  const semaphores = {
    arrays: arrays === undefined ? 'unknown' : String(arrays),
    limit: semmni === undefined ? 'unknown' : String(semmni),
    percent: pctNum === undefined ? '' : `${pctNum.toFixed(0)}%`,
    level: pctNum === undefined ? 'unknown' : pctNum >= 90 ? 'critical' : pctNum >= 70 ? 'warning' : 'ok',
    dmCookies: String((ipc?.semaphores ?? []).filter((s) => s.isDmCookie).length),
    known: arrays !== undefined || semmni !== undefined,
  };
  const roots = [dataRoot, cfg?.execRoot].filter((r): r is string => !!r).map((r) => r.replace(/\/+$/, ''));
  const under = (p: string) => roots.some((r) => p === r || p.startsWith(`${r}/`));
  const interesting = (m.mounts ?? []).filter((x) => under(x.mountPoint));
  const mounts = interesting.slice(0, limits.mounts).map((x) => ({
    mountPoint: visible(x.mountPoint),
    fsType: visible(x.fsType),
    source: visible(x.source),
    options: visible(cut([...(x.options ?? []), ...(x.superOptions ?? [])].join(','), 200)),
  }));
  const pk = (m.packages?.list ?? []).filter((p) => PKG_OF_INTEREST.test(p.name)).sort((a, b) => a.name.localeCompare(b.name));
  return {
    config,
    conflicts: (cfg?.conflicts ?? []).map((c) => ({ key: visible(c.key), values: c.values.map((v) => `${valueText(v.value)} (${v.source}${v.evidence ? `, ${where(v.evidence)}` : ''})`) })),
    daemonJson: {
      present: !!dj?.present,
      error: dj?.error ? visible(`${dj.error.message} (line ${dj.error.line}, column ${dj.error.column})`) : '',
      unknownKeys: (dj?.unknownKeys ?? []).map((u) => `${visible(u.key)} (${where(u.evidence)})`),
      wrongTypes: (dj?.wrongTypes ?? []).map((w) => `${visible(w.key)}: expected ${visible(w.expected)} (${where(w.evidence)})`),
    },
    env,
    storage,
    driverStatus,
    thinPools,
    counts,
    semaphores,
    mounts,
    mountsTotal: interesting.length,
    mountsOmitted: Math.max(0, interesting.length - mounts.length),
    mountsUnder: visible(roots.join(', ')),
    packages: pk.slice(0, limits.packages).map((p) => ({
      name: visible(p.name),
      version: visible(p.release ? `${p.version}-${p.release}` : p.version),
      arch: visible(p.arch ?? ''),
      manager: p.manager,
    })),
    packagesOmitted: Math.max(0, pk.length - limits.packages),
    boots: (m.boots ?? []).map((b) => ({
      index: b.index,
      bootId: visible(b.bootId ?? ''),
      first: utc(b.firstEntry),
      last: utc(b.lastEntry),
      verdict: b.verdict,
      reason: visible(b.reason ?? ''),
    })),
  };
}

// --- collection health and coverage ---------------------------------------------------------

function artifactTitle(id: string): string {
  try {
    return artifactSpec(id).title;
  } catch {
    return '';
  }
}

const STATUS_LABEL: Record<string, string> = { evaluated: 'evaluated', 'not-evaluated': 'not evaluated', 'insufficient-evidence': 'insufficient evidence' };

function healthView(result: AnalysisResult, anchors: Map<string, string>, limits: ViewLimits): HealthView {
  const inv = result.inventory;
  const findingsByRule = new Map<string, Finding[]>();
  for (const f of result.findings) (findingsByRule.get(f.ruleId) ?? findingsByRule.set(f.ruleId, []).get(f.ruleId)!).push(f);
  const artifacts = (inv.artifacts ?? [])
    .filter((a) => a.state !== 'present')
    .map((a) => ({
      artifact: visible(a.artifact),
      title: artifactTitle(a.artifact),
      state: a.state,
      detail: visible([a.detail ?? '', a.exitCode !== undefined ? `exit code ${a.exitCode}` : ''].filter(Boolean).join('; ')),
      paths: visible(a.paths.slice(0, limits.pathsPerArtifact).join(', ')),
    }));
  const pp = result.model.collection?.parseProblems ?? {};
  const parseProblems = Object.keys(pp)
    .sort()
    .map((k) => ({
      artifact: visible(k),
      count: pp[k]!.length,
      shown: pp[k]!.slice(0, limits.parseProblemsPerArtifact).map((p) => ({ line: p.line, reason: visible(p.reason), excerpt: visible(cut(p.excerpt ?? '', 200)) })),
    }));
  const rows: CoverageRowView[] = (result.coverage ?? []).map((c) => {
    const fs = findingsByRule.get(c.ruleId) ?? [];
    return {
      ruleId: visible(c.ruleId),
      status: c.status,
      statusLabel: STATUS_LABEL[c.status] ?? c.status,
      reason: visible(c.reason ?? ''),
      artifacts: visible((c.artifacts ?? []).map((a) => `${a.artifact} (${a.state})`).join(', ')),
      collectNext: (c.collectNext ?? []).map(visible),
      passed: c.status === 'evaluated' && fs.length === 0,
      findings: fs.slice(0, 20).map((f) => ({ anchor: anchors.get(f.id) ?? '', label: visible(f.id), severity: f.severity })),
      findingsMore: Math.max(0, fs.length - 20),
    };
  });
  return {
    artifacts,
    parseProblems,
    gaps: rows.filter((r) => r.status !== 'evaluated'),
    checks: rows.filter((r) => r.status === 'evaluated'),
    passedCount: rows.filter((r) => r.passed).length,
    evaluatedCount: rows.filter((r) => r.status === 'evaluated').length,
    truncatedJournal: !!result.model.journal?.truncated,
  };
}

function inventoryView(result: AnalysisResult, limits: ViewLimits): InventoryView {
  const inv = result.inventory;
  const summary: KeyValue[] = [
    { label: 'Input', value: visible(inv.input ?? '') },
    { label: 'Container format', value: visible(inv.format ?? '') },
    { label: 'Layout', value: visible(inv.layout ?? '') },
    inv.topFolder ? { label: 'Top folder', value: visible(inv.topFolder) } : undefined,
    { label: 'Archive members', value: String(inv.members ?? 0) },
    { label: 'Bytes read', value: `${bytes(inv.bytesRead)} (${inv.bytesRead ?? 0} bytes)` },
    inv.sosVersion ? { label: 'sos version', value: visible(inv.sosVersion) } : undefined,
    inv.collectorVersion ? { label: 'Collector version', value: visible(inv.collectorVersion) } : undefined,
  ].filter((x): x is KeyValue => !!x);
  const problems = inv.problems ?? [];
  return {
    summary,
    artifacts: (inv.artifacts ?? []).map((a) => ({
      artifact: visible(a.artifact),
      state: a.state,
      paths: a.paths.slice(0, limits.pathsPerArtifact).map(visible),
      pathsMore: Math.max(0, a.paths.length - limits.pathsPerArtifact),
      size: bytes(a.bytes),
      bytes: a.bytes,
    })),
    problems: problems.slice(0, limits.readerProblems).map((p) => ({ kind: p.kind, path: visible(p.path ?? ''), message: visible(p.message) })),
    problemsTotal: problems.length,
    problemsOmitted: Math.max(0, problems.length - limits.readerProblems),
  };
}

export function buildViewModel(result: AnalysisResult, limits: Partial<ViewLimits> = {}): ReportView {
  const lim = { ...DEFAULT_VIEW_LIMITS, ...limits };
  const anchors = anchorsFor(result.findings);
  const findings = findingViews(result, anchors, lim);
  const verdict = verdictView(result, anchors);
  const categories = new Map<string, number>();
  for (const f of findings) categories.set(f.category, (categories.get(f.category) ?? 0) + 1);
  const timeline = timelineView(result, anchors, lim);
  return {
    title: `docker-postmortem: ${verdict.host}`,
    tool: `${result.tool?.name ?? 'docker-postmortem'} ${result.tool?.version ?? ''} (rules ${result.tool?.rulesVersion ?? '?'}, report schema ${result.schemaVersion})`,
    verdict,
    filters: {
      severities: verdict.counts.map((c) => ({ severity: c.severity, label: c.label, count: c.count, checked: c.severity !== 'info' })),
      categories: [...categories].sort((a, b) => a[0].localeCompare(b[0])).map(([category, count]) => ({ category, count })),
    },
    findings,
    findingsShownByDefault: findings.filter((f) => !f.hidden).length,
    findingsCompact: findings.filter((f) => f.compact).length,
    findingsOmitted: result.findings.length - findings.length,
    timeline,
    facts: factsView(result.model, lim),
    health: healthView(result, anchors, lim),
    inventory: inventoryView(result, lim),
    data: {
      findings: findings.map((f) => ({ id: f.id, anchor: f.anchor, severity: f.severity, category: f.category, title: cut(f.title, 120) })),
      timeline: { total: timeline.total, marks: timeline.marksShown, rows: timeline.rowsShown },
    },
  };
}
