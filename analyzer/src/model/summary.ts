/**
 * The host summary: facts derived from other sections that reports show as they are. Reports only
 * format; every count, every "unknown" and every choice between sources is made here, once, so the
 * HTML, Markdown and JSON reports (and anyone reading report.json) agree.
 *
 * "unknown" is a value, not a zero: a count is unknown when the artifact that would show it was not
 * collected, or failed (docker ps with dockerd down lists nothing, and proves nothing).
 */
import { trimSlash, underDockerRoot } from './paths.js';
import type { FactStore } from './fact-store.js';
import type { ModelDraft } from './build.js';
import type { HostSummary, Known } from './host-model.js';
import type { Listing } from '../parsers/dataroot-listing.js';
import type { ArtifactId } from '../spine/artifacts.js';

/** Packages whose version matters to a Docker post-mortem (the report lists these, not all 3,000). */
const PACKAGES_OF_INTEREST =
  /^(docker|moby|containerd|runc|container-selinux|systemd$|kernel$|linux-image|lvm2|device-mapper|libdevmapper|iptables|nftables|firewalld|audit$|auditd|libseccomp|criu|tini|sos|sosreport)/i;
/** Mounts kept in the summary (the mount table itself is in `mounts`); the total is counted. */
const MAX_DOCKER_MOUNTS = 200;

export function buildSummary(facts: FactStore, d: ModelDraft): HostSummary {
  const health = d.collection.health;
  const collected = (id: ArtifactId) => health[id]?.state === 'present' || health[id]?.state === 'truncated';
  const anyCollected = (...ids: ArtifactId[]) => ids.some(collected);
  const dataRoot = d.config?.dataRoot ?? '/var/lib/docker';
  const execRoot = d.config?.execRoot ?? '/var/run/docker';
  return {
    dataRoot,
    execRoot,
    containers: containers(d, collected('docker.ps')),
    volumes: volumeCount(facts, d),
    networks: collected('docker.network-ls') ? (d.networks ?? []).length : 'unknown',
    interfaces: collected('ip.link') ? (d.linksTotal ?? (d.links ?? []).length) : 'unknown',
    semaphores: semaphores(d, anyCollected('ipcs.sem', 'proc.sysvipc-sem')),
    thinPools: (d.storage?.dmDevices ?? [])
      .filter((x) => x.thinPool)
      .map((x) => {
        const t = x.thinPool!;
        return {
          name: x.name,
          ...(t.dataTotal > 0 ? { dataPercent: round1((100 * t.dataUsed) / t.dataTotal) } : {}),
          ...(t.metadataTotal > 0 ? { metadataPercent: round1((100 * t.metadataUsed) / t.metadataTotal) } : {}),
          ...(t.mode ? { mode: t.mode } : {}),
        };
      }),
    dockerMounts: dockerMounts(d, [dataRoot, execRoot]),
    packagesOfInterest: (d.packages?.list ?? [])
      .filter(isPackageOfInterest)
      .map((p) => ({ name: p.name, version: p.release ? `${p.version}-${p.release}` : p.version, ...(p.arch ? { arch: p.arch } : {}), manager: p.manager }))
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)),
    undatedLifecycleEvents: (d.lifecycle ?? []).filter((l) => l.time === undefined).length,
  };
}

const round1 = (n: number) => Math.round(n * 10) / 10;

function containers(d: ModelDraft, psCollected: boolean): HostSummary['containers'] {
  const all = d.containers ?? [];
  const listingSeen = !!d.dataRoot?.available;
  const byState = new Map<string, number>();
  for (const c of all) if (c.inDockerPs) byState.set(c.state ?? 'unknown', (byState.get(c.state ?? 'unknown') ?? 0) + 1);
  return {
    listed: psCollected ? all.filter((c) => c.inDockerPs).length : 'unknown',
    byState: psCollected ? [...byState].map(([state, count]) => ({ state, count })) : [],
    inDataRoot: listingSeen ? all.filter((c) => c.inDataRoot).length : 'unknown',
    // Only both lists together can say a container is on disk but unknown to dockerd.
    orphans: psCollected && listingSeen ? all.filter((c) => c.inDataRoot && !c.inDockerPs).length : 'unknown',
  };
}

/** Directories directly under <data-root>/volumes (the listing's own root), when the listing went that deep. */
function volumeCount(facts: FactStore, d: ModelDraft): Known<number> {
  const listing = facts.first<Listing>('dataroot.listing');
  if (!listing || !d.dataRoot?.available) return 'unknown';
  const dir = `${d.dataRoot.root.replace(/\/+$/, '')}/volumes`;
  let seen = false;
  let n = 0;
  for (const e of listing.value.entries) {
    if (e.path === dir) seen = true;
    else if (e.type === 'd' && e.path.startsWith(`${dir}/`) && !e.path.slice(dir.length + 1).includes('/')) n++;
  }
  // A listing without the volumes folder itself (cut, or never that deep) cannot count what is in it.
  return seen ? n : 'unknown';
}

function semaphores(d: ModelDraft, listed: boolean): HostSummary['semaphores'] {
  const ipc = d.ipc;
  const list = ipc?.semaphores ?? [];
  const partial = (ipc?.rowsNotRead ?? 0) > 0;
  // `ipcs -u` counts every array; the list is a lower bound when the parser kept only some rows.
  const arrays: Known<number> = ipc?.usedArrays ?? (listed ? list.length : 'unknown');
  const limit: Known<number> = ipc?.limits?.semmni ?? 'unknown';
  const out: HostSummary['semaphores'] = {
    arrays,
    arraysFrom: ipc?.usedArrays !== undefined ? 'ipcs -u' : !listed ? 'none' : partial ? 'partial semaphore list' : 'semaphore list',
    limit,
    dmCookies: listed ? list.filter((s) => s.isDmCookie).length : 'unknown',
    dmCookiesPartial: listed && partial,
    atLimit: typeof arrays === 'number' && typeof limit === 'number' && arrays >= limit,
  };
  if (typeof arrays === 'number' && typeof limit === 'number' && limit > 0) out.percent = Math.round((100 * arrays) / limit);
  if (partial) out.rowsNotRead = ipc!.rowsNotRead!;
  return out;
}

// Module-level, not an arrow made per call, for the long package list: a batch worker would compile a new
// arrow for every bundle (bench/README, "hot callbacks").
const isPackageOfInterest = (p: { name: string }): boolean => PACKAGES_OF_INTEREST.test(p.name);

function dockerMounts(d: ModelDraft, rootsIn: string[]): HostSummary['dockerMounts'] {
  // The roots the summary names: `/` is none (underDockerRoot), so it is not listed either.
  const roots = rootsIn.map(trimSlash).filter((r) => r.length > 1);
  const all: NonNullable<ModelDraft['mounts']> = [];
  for (const m of d.mounts ?? []) if (underDockerRoot(m.mountPoint, roots)) all.push(m);
  return {
    under: roots,
    total: all.length,
    list: all.slice(0, MAX_DOCKER_MOUNTS).map((m) => ({ mountPoint: m.mountPoint, fsType: m.fsType, source: m.source, options: [...m.options, ...m.superOptions].join(',') })),
  };
}
