/**
 * Storage section: the storage driver and its `docker info` status, devicemapper devices (info -c +
 * status + table, joined by name) with thin-pool usage, the LVM thin-pool profile, deviceset-metadata
 * BaseDeviceUUIDs, overlay module parameters, and the df rows of the filesystem holding data-root.
 */
import type { FactStore } from './fact-store.js';
import type { ModelDraft } from './build.js';
import type { DmDevice, StorageFacts } from './host-model.js';
import type { ArtifactSource, Evidence } from '../spine/types.js';
import type { DockerInfoFacts } from '../parsers/docker-info.js';
import type { DmInfo, DmMessage, DmTargets } from '../parsers/dmsetup.js';
import type { LvmProfile } from '../parsers/lvm-profile.js';
import type { DevicesetMetadata } from '../parsers/deviceset-metadata.js';
import type { OverlayParam } from '../parsers/overlay-params.js';
import type { DfOutput, DfRow } from '../parsers/df.js';
import { fileEvidence, lineEvidence } from './source-evidence.js';
import { dict } from '../parsers/util/dict.js';
import { parseDockerSize } from '../parsers/util/table.js';
import { DEVICEMAPPER_ONLY_KEYS } from '../parsers/docker-info.js';

export function buildStorage(facts: FactStore, d: ModelDraft): StorageFacts {
  const out: StorageFacts = { driverStatus: dict(), dmDevices: [], baseDeviceUuids: [], overlayParams: dict() };

  const infoFacts = facts.first<DockerInfoFacts>('docker.info');
  const info = infoFacts?.value;
  const infoDriver = info?.server?.['Storage Driver'];
  // A headerless fragment (`docker info | grep Space`) of devicemapper's own keys still names the driver.
  const fragmentKey = !infoDriver && info?.headerlessDriverStatus ? DEVICEMAPPER_ONLY_KEYS.find((k) => info.storageDriverLines[k]) : undefined;
  const driver = infoDriver || (fragmentKey ? 'devicemapper' : undefined) || d.config?.storageDriver;
  if (driver) out.driver = driver;
  if (info?.storageDriverStatus) Object.assign(out.driverStatus, info.storageDriverStatus);
  if (infoDriver && infoFacts?.value.serverLines['Storage Driver']) out.driverEvidence = lineEvidence(infoFacts.source, infoFacts.value.serverLines['Storage Driver']);
  else if (fragmentKey && infoFacts) out.driverEvidence = lineEvidence(infoFacts.source, infoFacts.value.storageDriverLines[fragmentKey]!);
  else if (driver && d.config?.values['storage-driver']?.evidence) out.driverEvidence = d.config.values['storage-driver'].evidence;
  if (infoFacts) {
    const ev = dict<Evidence>();
    for (const [key, at] of Object.entries(infoFacts.value.storageDriverLines)) ev[key] = lineEvidence(infoFacts.source, at);
    if (Object.keys(ev).length > 0) out.driverStatusEvidence = ev;
    const space = infoSpace(infoFacts.value.storageDriverStatus);
    if (space) out.infoSpace = space;
  }

  out.dmDevices = dmDevices(facts);
  const dm = dmState(facts, out.dmDevices) ?? dmStateFromHealth(d);
  if (dm) out.dmState = dm;

  const profile = facts.first<LvmProfile>('lvm.thinpool-profile');
  if (profile && profile.value.settings.length > 0) {
    const thresholds = dict<number>();
    for (const s of profile.value.settings) if (s.number !== undefined) thresholds[s.key] = s.number;
    out.thinPoolProfile = { thresholds, evidence: lineEvidence(profile.source, profile.value.settings[0]!) };
  }

  // Malformed files still give what the pattern recovered (values() includes partial values).
  for (const { value, source } of facts.values<DevicesetMetadata>('devicemapper.deviceset-metadata')) {
    out.baseDeviceUuids.push({ path: source.path, uuid: value.baseDeviceUuid, evidence: lineEvidence(source, value, { match: value.baseDeviceUuid || undefined }) });
  }
  for (const p of facts.all<DevicesetMetadata>('devicemapper.deviceset-metadata')) {
    if (p.result.status === 'malformed' && p.result.value === undefined) {
      out.baseDeviceUuids.push({ path: p.source.path, evidence: fileEvidence(p.source, p.result.reason) });
    }
  }

  for (const { value, source } of facts.values<OverlayParam>('overlay.params')) {
    out.overlayParams[value.name] = value.value;
    (out.overlayParamEvidence ??= dict())[value.name] = lineEvidence(source, value);
  }

  // The data-root listing's root (built earlier) is what the collector saw; config is the fallback.
  const root = d.dataRoot?.available ? d.dataRoot.root : (d.config?.dataRoot ?? '/var/lib/docker');
  const fs = dataRootFs(facts, root);
  if (fs) out.dataRootFs = fs;
  return out;
}

/** devicemapper's space lines of docker info in bytes; undefined when it printed none. */
function infoSpace(status: Readonly<Record<string, string>>): StorageFacts['infoSpace'] {
  const keys = {
    dataUsed: 'Data Space Used',
    dataTotal: 'Data Space Total',
    dataAvailable: 'Data Space Available',
    metadataUsed: 'Metadata Space Used',
    metadataTotal: 'Metadata Space Total',
    metadataAvailable: 'Metadata Space Available',
    minFree: 'Thin Pool Minimum Free Space',
  } as const;
  const out: NonNullable<StorageFacts['infoSpace']> = {};
  for (const [name, key] of Object.entries(keys) as [keyof typeof keys, string][]) {
    const bytes = parseDockerSize(status[key]);
    if (bytes !== undefined) out[name] = bytes;
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

function dmDevices(facts: FactStore): DmDevice[] {
  const byName = new Map<string, DmDevice>();
  const get = (name: string): DmDevice => {
    let dev = byName.get(name);
    if (!dev) {
      dev = { name };
      byName.set(name, dev);
    }
    return dev;
  };
  for (const { value, source } of facts.values<DmInfo>('dmsetup.info')) {
    for (const r of value.devices) {
      const dev = get(r.name);
      Object.assign(dev, { major: r.major, minor: r.minor, open: r.open });
      if (r.uuid) dev.uuid = r.uuid;
      dev.evidence ??= lineEvidence(source, r);
    }
  }
  for (const artifact of ['dmsetup.status', 'dmsetup.table'] as const) {
    for (const { value, source } of facts.values<DmTargets>(artifact)) {
      for (const l of value.lines) {
        if (l.name === '') continue;
        const dev = get(l.name);
        // A multi-segment device keeps its first target type; a thin pool is always one segment.
        dev.target ??= l.target;
        dev.evidence ??= lineEvidence(source, l);
        if (l.thinPool && !dev.thinPool) {
          dev.thinPool = {
            metadataUsed: l.thinPool.metadataUsed,
            metadataTotal: l.thinPool.metadataTotal,
            dataUsed: l.thinPool.dataUsed,
            dataTotal: l.thinPool.dataTotal,
            mode: l.thinPool.mode,
            evidence: lineEvidence(source, l),
          };
        }
      }
    }
  }
  return [...byName.values()];
}

/** Devices listed, or the libdevmapper message that explains why none were (first file that says). */
function dmState(facts: FactStore, devices: DmDevice[]): StorageFacts['dmState'] {
  const withEvidence = devices.find((d) => d.evidence);
  if (withEvidence) return { state: 'devices', evidence: withEvidence.evidence! };
  for (const a of ['dmsetup.info', 'dmsetup.status', 'dmsetup.table', 'dmsetup.udevcookies'] as const) {
    for (const { value, source } of facts.values<{ messages: DmMessage[] }>(a)) {
      const m = value.messages.find((x) => x.kind === 'no-driver') ?? value.messages.find((x) => x.kind === 'no-devices');
      if (m) return { state: m.kind === 'no-driver' ? 'no-driver' : 'no-devices', evidence: lineEvidence(source, m) };
    }
  }
  return undefined;
}

/**
 * Our collector keeps stdout as the artifact and stderr apart; the manifest's `error` (first stderr
 * line) reaches the health record, so "no DM driver" is still known when the artifact is empty.
 */
function dmStateFromHealth(d: ModelDraft): StorageFacts['dmState'] {
  for (const a of ['dmsetup.info', 'dmsetup.status', 'dmsetup.table'] as const) {
    const h = d.collection.health[a];
    const detail = h?.detail ?? '';
    const state = /^\/dev\/mapper\/control: open failed|Failure to communicate with kernel device-mapper/.test(detail) ? 'no-driver' : /^No devices found/.test(detail) ? 'no-devices' : undefined;
    if (h && state) return { state, evidence: { artifact: a, path: h.paths[0] ?? a, line: 0, excerpt: detail.slice(0, 500) } };
  }
  return undefined;
}

/** The mount that holds `path`: the longest mount point that is `path` or a parent of it. */
export function coveringMount<T extends { mountedOn: string }>(rows: readonly T[], path: string): T | undefined {
  let best: T | undefined;
  for (const r of rows) {
    const m = r.mountedOn;
    const covers = m === '/' || path === m || path.startsWith(m.endsWith('/') ? m : `${m}/`);
    if (covers && (!best || m.length > best.mountedOn.length)) best = r;
  }
  return best;
}

function dataRootFs(facts: FactStore, dataRoot: string): StorageFacts['dataRootFs'] {
  const blocks: { row: DfRow; source: ArtifactSource }[] = [];
  const inodes: { row: DfRow; source: ArtifactSource }[] = [];
  for (const a of ['df.h', 'df.i'] as const) {
    for (const { value, source } of facts.values<DfOutput>(a)) {
      for (const row of value.rows) (row.kind === 'inodes' ? inodes : blocks).push({ row, source });
    }
  }
  // Our collector runs `df <data-root>`: a single row is the data-root filesystem even when the
  // configured path is unknown or wrong; sos's `df -al` needs the covering mount.
  const pick = (rows: { row: DfRow; source: ArtifactSource }[]) =>
    coveringMount(rows.map((x) => ({ ...x, mountedOn: x.row.mountedOn })), dataRoot) ?? (rows.length === 1 ? rows[0] : undefined);
  const b = pick(blocks);
  const i = pick(inodes);
  const main = b ?? i;
  if (!main) return undefined;
  const inodeRow = i && (!b || i.row.mountedOn === b.row.mountedOn) ? i.row : undefined;
  return {
    filesystem: main.row.filesystem,
    sizeBytes: b?.row.sizeBytes,
    usedBytes: b?.row.usedBytes,
    availBytes: b?.row.availBytes,
    usePercent: b?.row.usePercent,
    inodes: inodeRow?.inodes,
    inodesUsed: inodeRow?.inodesUsed,
    inodesUsePercent: inodeRow?.usePercent,
    mountedOn: main.row.mountedOn,
    evidence: lineEvidence(main.source, main.row),
    ...(inodeRow && i ? { inodeEvidence: lineEvidence(i.source, i.row) } : {}),
  };
}
