/**
 * What changed on the host between two bundles, section by section, read from each HostModel only
 * (the model owns every fact; nothing here re-reads a bundle). Each section compares two maps of
 * item → value; only differences are listed, unchanged items are counted.
 */
import type { HostModel, UnitFacts } from '../model/host-model.js';
import type { ArtifactId } from '../spine/artifacts.js';
import type { Evidence } from '../spine/types.js';
import type { SectionDiff, SectionId, ValueChange } from './types.js';

/** A value as compared and shown: its text, where it came from, the line it was read from. */
export interface Valued {
  value: string;
  source?: string;
  evidence?: Evidence;
}

type Values = Map<string, Valued>;

/** A config value as one line: strings as they are, anything else as JSON (objects with sorted keys). */
export function valueString(v: unknown): string {
  if (typeof v === 'string') return v;
  const sorted = (x: unknown): unknown =>
    Array.isArray(x) ? x.map(sorted) : x && typeof x === 'object' ? Object.fromEntries(Object.keys(x).sort().map((k) => [k, sorted((x as Record<string, unknown>)[k])])) : x;
  try {
    return JSON.stringify(sorted(v)) ?? String(v);
  } catch {
    return String(v);
  }
}

/**
 * Differences between two value maps. A change of source alone (the same value now from daemon.json
 * instead of a flag) is a change: where a value comes from is what the engineer fixes.
 */
export function compareValues(before: Values, after: Values): { changes: ValueChange[]; unchanged: number } {
  const changes: ValueChange[] = [];
  let unchanged = 0;
  const items = [...new Set([...before.keys(), ...after.keys()])].sort();
  for (const item of items) {
    const b = before.get(item);
    const a = after.get(item);
    if (b && a && b.value === a.value && b.source === a.source) {
      unchanged++;
      continue;
    }
    const c: ValueChange = { item, change: !b ? 'added' : !a ? 'removed' : 'changed' };
    if (b) Object.assign(c, { before: b.value, ...(b.source ? { beforeSource: b.source } : {}), ...(b.evidence ? { beforeEvidence: b.evidence } : {}) });
    if (a) Object.assign(c, { after: a.value, ...(a.source ? { afterSource: a.source } : {}), ...(a.evidence ? { afterEvidence: a.evidence } : {}) });
    changes.push(c);
  }
  return { changes, unchanged };
}

function packages(m: HostModel): Values {
  const out: Values = new Map();
  for (const p of m.packages.list) {
    out.set(`${p.name}${p.arch ? `.${p.arch}` : ''}`, { value: `${p.version}${p.release !== undefined ? `-${p.release}` : ''}`, source: p.manager, evidence: p.evidence });
  }
  return out;
}

function config(m: HostModel): Values {
  const out: Values = new Map();
  for (const v of Object.values(m.config.values)) out.set(v.key, { value: valueString(v.value), source: v.source, ...(v.evidence ? { evidence: v.evidence } : {}) });
  const dj = m.config.daemonJson;
  // Whether dockerd can read its file at all is the first thing a daemon.json fix changes.
  const state = !dj.present ? 'absent' : dj.error ? `invalid: ${dj.error.message}` : dj.unknownKeys.length || dj.wrongTypes.length ? `parsed, ${dj.unknownKeys.length} unknown key(s), ${dj.wrongTypes.length} wrong type(s)` : 'valid';
  out.set('(daemon.json)', { value: state, source: 'daemon.json', ...(dj.error ? { evidence: dj.error.evidence } : {}) });
  for (const c of m.config.conflicts) out.set(`(conflict) ${c.key}`, { value: c.values.map((v) => `${valueString(v.value)} from ${v.source}`).join(' vs '), source: c.kind ?? 'conflict' });
  return out;
}

const UNIT_LIMITS = ['TasksMax', 'LimitNPROC', 'LimitNPROCSoft', 'LimitNOFILE'] as const;

function unitValue(u: UnitFacts, prop: string): Valued | undefined {
  const v = u.properties[prop];
  if (v === undefined) return undefined;
  const ev = u.propertyEvidence?.[prop];
  return { value: v, source: `systemctl show ${u.name}`, ...(ev ? { evidence: ev } : {}) };
}

function limits(m: HostModel): Values {
  const out: Values = new Map();
  const ipc = m.ipc.limits;
  if (ipc) {
    for (const k of ['semmni', 'semmns', 'semmsl', 'semopm'] as const) out.set(`kernel.sem ${k.toUpperCase()}`, { value: String(ipc[k]), source: ipc.evidence.path, evidence: ipc.evidence });
  }
  // Arrays in use against SEMMNI: the figure a semaphore clean-up changes.
  if (m.ipc.usedArrays !== undefined) out.set('semaphore arrays in use', { value: String(m.ipc.usedArrays), source: 'ipcs -u' });
  const cookies = m.ipc.semaphores.filter((s) => s.isDmCookie).length;
  if (m.ipc.semaphores.length > 0 || m.ipc.usedArrays !== undefined) out.set('devicemapper udev cookies (0x0d4d…)', { value: String(cookies), source: 'ipcs -s' });
  for (const [item, e] of Object.entries(m.limits.effective)) {
    if (!/(^|:)nproc$/.test(item)) continue;
    out.set(`limits ${item}`, { value: `soft ${e.soft ?? '-'} hard ${e.hard ?? '-'}`, source: e.evidence.path, evidence: e.evidence });
  }
  if (m.limits.pidMax) out.set('kernel.pid_max', { value: String(m.limits.pidMax.value), source: m.limits.pidMax.evidence.path, evidence: m.limits.pidMax.evidence });
  for (const u of Object.values(m.units)) {
    for (const p of UNIT_LIMITS) {
      const v = unitValue(u, p);
      if (v) out.set(`${u.name} ${p}`, v);
    }
  }
  return out;
}

const pct = (used: number, total: number) => (total > 0 ? `${((100 * used) / total).toFixed(1)}%` : '?');

function storage(m: HostModel): Values {
  const out: Values = new Map();
  const s = m.storage;
  if (s.driver) out.set('storage driver', { value: s.driver, source: 'docker info', ...(s.driverEvidence ? { evidence: s.driverEvidence } : {}) });
  for (const d of s.dmDevices) {
    const t = d.thinPool;
    if (!t) continue;
    out.set(`thin pool ${d.name} data`, { value: `${pct(t.dataUsed, t.dataTotal)} (${t.dataUsed}/${t.dataTotal} blocks)`, source: 'dmsetup status', evidence: t.evidence });
    out.set(`thin pool ${d.name} metadata`, { value: `${pct(t.metadataUsed, t.metadataTotal)} (${t.metadataUsed}/${t.metadataTotal} blocks)`, source: 'dmsetup status', evidence: t.evidence });
    if (t.mode) out.set(`thin pool ${d.name} mode`, { value: t.mode, source: 'dmsetup status', evidence: t.evidence });
  }
  const fs = s.dataRootFs;
  if (fs) {
    const where = `data-root filesystem (${fs.mountedOn})`;
    if (fs.usePercent !== undefined) out.set(`${where} use`, { value: `${fs.usePercent}%${fs.availBytes !== undefined ? `, ${fs.availBytes} bytes free` : ''}`, source: 'df', evidence: fs.evidence });
    if (fs.inodesUsePercent !== undefined) out.set(`${where} inodes use`, { value: `${fs.inodesUsePercent}%`, source: 'df -i', ...(fs.inodeEvidence ? { evidence: fs.inodeEvidence } : {}) });
  }
  out.set('data-root', { value: m.config.dataRoot, source: m.config.values['data-root']?.source ?? 'default' });
  return out;
}

function containers(m: HostModel): Values {
  const out: Values = new Map();
  for (const c of m.containers) {
    const where = [c.inDockerPs ? 'docker ps' : '', c.inDataRoot ? 'data-root' : ''].filter(Boolean).join(' + ');
    out.set(`${c.name ?? c.id.slice(0, 12)} (${c.id.slice(0, 12)})`, { value: c.status ?? c.state ?? 'present', source: where || undefined, evidence: c.evidence[0] });
  }
  return out;
}

function networks(m: HostModel): Values {
  const out: Values = new Map();
  for (const n of m.networks) out.set(`${n.name} (${n.id.slice(0, 12)})`, { value: [n.driver, n.scope].filter(Boolean).join(' / ') || 'present', source: 'docker network ls', evidence: n.evidence });
  return out;
}

function interfaces(m: HostModel): Values {
  const out: Values = new Map();
  for (const l of m.links) {
    if (l.name === 'lo') continue;
    const peer = l.peerName ?? (l.peerIfindex !== undefined ? `if${l.peerIfindex}` : undefined);
    const text = [l.kind, peer ? `peer ${peer}` : '', l.master ? `master ${l.master}` : '', l.state ? `state ${l.state}` : ''].filter(Boolean).join(', ');
    out.set(l.name, { value: text || 'present', source: 'ip link', evidence: l.evidence });
  }
  return out;
}

interface SectionDef {
  id: SectionId;
  title: string;
  values(m: HostModel): Values;
  /** Whether the side had the data at all (else an empty map would read as "everything removed"). */
  has(m: HostModel): boolean;
}

const health = (m: HostModel, artifact: ArtifactId) => ['present', 'empty'].includes(m.collection.health[artifact]?.state ?? '');

export const SECTIONS: readonly SectionDef[] = [
  { id: 'packages', title: 'Packages and versions', values: packages, has: (m) => m.packages.available },
  { id: 'config', title: 'Effective daemon configuration', values: config, has: () => true },
  { id: 'limits', title: 'Limits (SEMMNI, nproc, TasksMax)', values: limits, has: (m) => m.ipc.limits !== undefined || Object.keys(m.units).length > 0 },
  { id: 'storage', title: 'Storage (driver, thin pool, data-root usage)', values: storage, has: (m) => m.storage.driver !== undefined || m.storage.dataRootFs !== undefined },
  { id: 'containers', title: 'Containers', values: containers, has: (m) => health(m, 'docker.ps') || m.dataRoot.available },
  { id: 'networks', title: 'Docker networks', values: networks, has: (m) => health(m, 'docker.network-ls') },
  { id: 'interfaces', title: 'Network interfaces', values: interfaces, has: (m) => m.links.length > 0 },
];

export function diffSections(before: HostModel, after: HostModel): SectionDiff[] {
  return SECTIONS.map((s) => {
    const { changes, unchanged } = compareValues(s.values(before), s.values(after));
    const d: SectionDiff = { id: s.id, title: s.title, changes, unchanged };
    const hb = s.has(before);
    const ha = s.has(after);
    if (!hb || !ha) d.missing = { before: !hb, after: !ha };
    return d;
  });
}
