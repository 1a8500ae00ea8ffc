/**
 * Data-root section from the collector's listings (sosreport never lists /var/lib/docker, field guide
 * §1.1, §4): entries of interest, the DB files dockerd/containerd keep (and openEuler deletes after a
 * power cut), container ids, top-level names docker does not create, and the exec-root listing.
 */
import type { FactStore } from './fact-store.js';
import type { ModelDraft } from './build.js';
import type { DataRootEntry, DataRootFacts } from './host-model.js';
import type { ArtifactSource } from '../spine/types.js';
import type { Listing, ListingEntry } from '../parsers/dataroot-listing.js';
import { lineEvidence } from './source-evidence.js';

/**
 * DB files under data-root, relative paths. openEuler's cleanupLocalDBs() list (field guide §1.1) plus
 * the buildkit files of 20.10 (metadata_v2.db, containerdmeta.db). Which exist depends on the version
 * (builder/fscache.db is 18.09/19.03; accelerator/accel.db is openEuler): a missing one has size -1.
 */
export const KNOWN_DB_FILES = [
  'containerd/daemon/io.containerd.metadata.v1.bolt/meta.db',
  'builder/fscache.db',
  'volumes/metadata.db',
  'network/files/local-kv.db',
  'accelerator/accel.db',
  'buildkit/metadata.db',
  'buildkit/cache.db',
  'buildkit/snapshots.db',
] as const;

/**
 * Top-level names dockerd creates (moby 18.09 and 20.10 layouts, storage drivers, openEuler's hooks and
 * accelerator, legacy graph-era names). A userns-remapped root `<uid>.<gid>` is docker's too.
 */
export const DOCKER_TOP_LEVEL = new Set([
  'builder', 'buildkit', 'containers', 'containerd', 'image', 'network', 'plugins', 'runtimes', 'swarm', 'tmp', 'trust', 'volumes',
  'overlay2', 'overlay', 'devicemapper', 'aufs', 'btrfs', 'vfs', 'zfs', 'fuse-overlayfs', 'windowsfilter',
  'hooks', 'accelerator', 'engine-id', 'graph', 'linkgraph.db', 'tmp-old', 'execdriver', 'init', 'mounts', 'containerd-shim',
]);

const MAX_ENTRIES = 5000;
const ID64 = /^[0-9a-f]{64}$/;

function toEntry(e: ListingEntry, source: ArtifactSource): DataRootEntry {
  const out: DataRootEntry = { path: e.path, type: e.type, mode: e.mode, uid: e.uid, gid: e.gid, size: e.size, evidence: lineEvidence(source, e) };
  if (e.mtime !== undefined) out.mtime = e.mtime;
  return out;
}

/** The listing's root: the configured path when listed, else the shortest directory path in it. */
export function listingRoot(entries: readonly ListingEntry[], configured: string): string {
  const want = configured.replace(/\/+$/, '') || '/';
  if (entries.some((e) => e.path === want)) return want;
  let best: string | undefined;
  for (const e of entries) if (e.type === 'd' && (best === undefined || e.path.length < best.length)) best = e.path;
  return best ?? want;
}

export function buildDataRoot(facts: FactStore, d: ModelDraft): DataRootFacts {
  const configured = d.config?.dataRoot ?? '/var/lib/docker';
  const out: DataRootFacts = { available: false, root: configured, truncated: false, entries: [], dbFiles: [], containerIds: [], foreignTopLevel: [], execRoot: [] };

  const listing = facts.first<Listing>('dataroot.listing');
  if (listing) {
    const { value, source } = listing;
    out.available = true;
    out.truncated = value.truncated || source.truncated;
    const root = listingRoot(value.entries, configured);
    out.root = root;
    const rel = (p: string): string | undefined => (p === root ? '' : p.startsWith(`${root}/`) ? p.slice(root.length + 1) : undefined);

    const byRel = new Map<string, ListingEntry>();
    let depth = 0;
    const ids = new Set<string>();
    const foreign = new Set<string>();
    for (const e of value.entries) {
      const r = rel(e.path);
      if (r === undefined) continue;
      byRel.set(r, e);
      const parts = r === '' ? [] : r.split('/');
      depth = Math.max(depth, parts.length);
      if (parts.length === 2 && parts[0] === 'containers' && ID64.test(parts[1]!) && e.type === 'd') ids.add(parts[1]!);
      if (parts.length === 1 && !DOCKER_TOP_LEVEL.has(parts[0]!) && !/^\d+\.\d+$/.test(parts[0]!) && !/^repositories-/.test(parts[0]!)) foreign.add(parts[0]!);
      if (out.entries.length < MAX_ENTRIES && interesting(parts, e)) out.entries.push(toEntry(e, source));
    }
    out.containerIds = [...ids].sort();
    out.foreignTopLevel = [...foreign].sort();

    const dbRel = new Set<string>(KNOWN_DB_FILES);
    for (const r of byRel.keys()) if (/^buildkit\/[^/]+\.db$/.test(r)) dbRel.add(r);
    for (const r of dbRel) {
      const e = byRel.get(r);
      const path = `${root}/${r}`;
      if (e && e.type === 'f') out.dbFiles.push({ name: r, path, size: e.size, evidence: lineEvidence(source, e) });
      // A cut listing, or one that never went that deep, cannot prove a file missing: leave it out instead of -1.
      else if (!out.truncated && r.split('/').length <= depth) out.dbFiles.push({ name: r, path, size: -1 });
    }
  }

  const exec = facts.first<Listing>('execroot.listing');
  if (exec) for (const e of exec.value.entries.slice(0, MAX_ENTRIES)) out.execRoot.push(toEntry(e, exec.source));
  return out;
}

/** Top level, containers/<id> and its config files, DB files, devicemapper metadata. */
function interesting(parts: string[], e: ListingEntry): boolean {
  if (parts.length <= 1) return true;
  if (parts[0] === 'containers') return parts.length === 2 || (parts.length === 3 && /^(config\.v2|hostconfig)\.json$/.test(parts[2]!));
  if (e.type === 'f' && e.path.endsWith('.db')) return true;
  return parts.includes('devicemapper') && parts.includes('metadata');
}
