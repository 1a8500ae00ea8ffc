/**
 * Matches known-defect entries against what the host model says is installed:
 * - rpm and dpkg ranges against the package list (`rpm -qa`, sos installed-rpms, `dpkg -l`);
 * - golang ranges against the engine, containerd and runc versions `docker version` (or
 *   `docker info`) printed.
 *
 * Distributions backport fixes without changing the upstream version (Debian's runc 1.1.5+ds1,
 * openEuler's docker-engine 18.09.0), so a golang range is not applied to a component that a
 * distribution package provides: that package's own rpm/dpkg range decides. On an openEuler
 * docker-engine host whose package list is missing, a golang match is kept at low confidence and
 * says why. A version that does not parse is never guessed: the entry is reported as unchecked.
 */
import type { Evidence } from '../spine/types.js';
import type { HostModel, PackageFact } from '../model/host-model.js';
import { compareVersions, type VersionSystem } from '../versions/index.js';
import { openEulerDistTag } from '../versions/rpm.js';
import type { AffectedPackage, KnownDefect, VersionRange } from './types.js';

export type GoComponent = 'docker' | 'containerd' | 'runc';

/**
 * Distribution packages that provide a component under a version that does not show backports.
 * Upstream builds (docker-ce, containerd.io) are absent on purpose: their versions are upstream's.
 */
const DISTRO_PROVIDERS: Record<GoComponent, readonly string[]> = {
  docker: ['docker-engine', 'docker.io', 'moby-engine', 'docker'],
  containerd: ['containerd', 'docker-containerd'],
  runc: ['runc', 'docker-runc'],
};

export interface KnownDefectMatch {
  entry: KnownDefect;
  affected: AffectedPackage;
  /** Package name (rpm/dpkg) or component (golang). */
  package: string;
  /** The installed version as compared (`18.09.0-129.oe1`, `1.1.5+ds1`). */
  installed: string;
  /** The fixed version of the matching range; undefined when the range has no fix. */
  fixed?: string;
  range: VersionRange;
  /** Where the installed version was read. */
  evidence: Evidence;
  /** Where the installed version came from, for the finding's wording. */
  via: 'rpm -qa' | 'dpkg -l' | 'docker version' | 'docker info';
  confidence: 'high' | 'medium' | 'low';
  confidenceReason: string;
  /** Event kinds of the entry seen in the logs (with counts). */
  eventsSeen: { kind: string; count: number }[];
}

export interface MatchOptions {
  /** How often an event kind was seen in the logs; 0 or undefined when not seen. */
  eventCount?: (kind: string) => number | undefined;
}

/** A version as installed, with its source line. */
interface Installed {
  package: string;
  version: string;
  /** rpm dist tag, when the version is an rpm release. */
  distTag?: string;
  evidence: Evidence;
  via: KnownDefectMatch['via'];
}

/** Affected when introduced ≤ v and v < fixed (or v ≤ lastAffected). Undefined when a bound cannot be compared. */
export function inRange(system: VersionSystem, version: string, range: VersionRange): boolean | undefined {
  if (range.introduced !== undefined) {
    const c = compareVersions(system, version, range.introduced);
    if (c === undefined) return undefined;
    if (c < 0) return false;
  }
  if (range.fixed !== undefined) {
    const c = compareVersions(system, version, range.fixed);
    if (c === undefined) return undefined;
    if (c >= 0) return false;
  }
  if (range.lastAffected !== undefined) {
    const c = compareVersions(system, version, range.lastAffected);
    if (c === undefined) return undefined;
    if (c > 0) return false;
  }
  return true;
}

function distTagMatches(wanted: readonly string[], tag: string | undefined): boolean {
  return tag !== undefined && wanted.some((w) => tag === w || tag.startsWith(`${w}sp`));
}

/** The host's distribution: os-release ID, else what the package list implies. */
export function hostDistribution(model: Readonly<HostModel>): string | undefined {
  const id = model.identity.os?.id?.toLowerCase();
  if (id) return id;
  if (model.packages.list.some((p) => p.manager === 'rpm' && openEulerDistTag(p.release) !== undefined)) return 'openeuler';
  return undefined;
}

function packageVersion(p: PackageFact): string {
  return p.manager === 'rpm' && p.release !== undefined ? `${p.version}-${p.release}` : p.version;
}

function installedPackages(model: Readonly<HostModel>, a: AffectedPackage): Installed[] {
  return model.packages.list
    .filter((p) => p.manager === a.system && p.name === a.package)
    .map((p) => {
      const out: Installed = { package: p.name, version: packageVersion(p), evidence: p.evidence, via: p.manager === 'rpm' ? 'rpm -qa' : 'dpkg -l' };
      const tag = p.manager === 'rpm' ? openEulerDistTag(p.release) : undefined;
      if (tag !== undefined) out.distTag = tag;
      return out;
    });
}

/** The component's version from docker version / docker info (never from a package: that is the rpm/dpkg path). */
function installedComponent(model: Readonly<HostModel>, component: string): Installed | undefined {
  if (component !== 'docker' && component !== 'containerd' && component !== 'runc') return undefined;
  const c = model.identity[component];
  const ev = c?.evidence;
  if (c?.version === undefined || !ev || (ev.artifact !== 'docker.version' && ev.artifact !== 'docker.info')) return undefined;
  return { package: component, version: c.version, evidence: ev, via: ev.artifact === 'docker.version' ? 'docker version' : 'docker info' };
}

export interface MatchRun {
  matches: KnownDefectMatch[];
  /** Entries whose installed version or range could not be compared, with why. */
  unchecked: { entry: KnownDefect; reason: string }[];
}

/** A loop, not a filter with an arrow inside the caller: a batch worker would compile a new arrow per bundle (bench/README, "hot callbacks"). */
function packagesNamed(list: readonly PackageFact[], names: readonly string[]): PackageFact[] {
  const out: PackageFact[] = [];
  for (const p of list) if (names.includes(p.name)) out.push(p);
  return out;
}

/** One match per entry at most: the first affected item (in file order) that matches wins. */
export function matchKnownDefects(model: Readonly<HostModel>, entries: readonly KnownDefect[], opts: MatchOptions = {}): MatchRun {
  const matches: KnownDefectMatch[] = [];
  const unchecked: MatchRun['unchecked'] = [];
  const distro = hostDistribution(model);
  const providers = (component: GoComponent) => packagesNamed(model.packages.list, DISTRO_PROVIDERS[component]);

  for (const entry of entries) {
    let found: KnownDefectMatch | undefined;
    for (const a of entry.affected) {
      if (found) break;
      if (a.distribution !== undefined && distro !== undefined && a.distribution !== distro) continue;
      let candidates: Installed[];
      let base: { confidence: KnownDefectMatch['confidence']; reason: string };
      if (a.system === 'golang') {
        const inst = installedComponent(model, a.package);
        if (!inst) continue;
        const distroPkgs = providers(a.package as GoComponent);
        if (distroPkgs.length > 0) continue; // the distribution package's own range decides (see the file comment)
        candidates = [inst];
        base =
          model.identity.flavor === 'openeuler-docker-engine'
            ? { confidence: 'low', reason: `${inst.via} shows ${a.package} ${inst.version}, but openEuler backports fixes and no package list was available to check the rpm release` }
            : { confidence: 'medium', reason: `${inst.via} shows ${a.package} ${inst.version}, inside the affected range` };
      } else {
        candidates = installedPackages(model, a);
        if (a.distTags) candidates = candidates.filter((c) => distTagMatches(a.distTags!, c.distTag));
        base = { confidence: 'medium', reason: '' };
      }
      for (const inst of candidates) {
        for (const range of a.ranges) {
          const hit = inRange(a.system, inst.version, range);
          if (hit === undefined) {
            unchecked.push({ entry, reason: `cannot compare ${a.system} version "${inst.version}" of ${inst.package} with the range` });
            continue;
          }
          if (!hit) continue;
          const reason = base.reason || `${inst.via} lists ${inst.package} ${inst.version}, inside the affected range${a.distribution ? ` for ${a.distribution}` : ''}${a.distTags ? ` (${a.distTags.join(', ')})` : ''}`;
          found = { entry, affected: a, package: inst.package, installed: inst.version, range, evidence: inst.evidence, via: inst.via, confidence: base.confidence, confidenceReason: reason, eventsSeen: [] };
          if (range.fixed !== undefined) found.fixed = range.fixed;
          break;
        }
        if (found) break;
      }
    }
    if (!found) continue;
    for (const kind of entry.events ?? []) {
      const count = opts.eventCount?.(kind) ?? 0;
      if (count > 0) found.eventsSeen.push({ kind, count });
    }
    if (found.eventsSeen.length > 0 && found.confidence !== 'low') {
      found.confidence = 'high';
      found.confidenceReason += `; the logs show ${found.eventsSeen.map((e) => `${e.kind} (${e.count})`).join(', ')}`;
    }
    matches.push(found);
  }
  return { matches, unchecked };
}
