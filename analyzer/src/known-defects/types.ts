/**
 * The known-defect data model (analyzer/data/known-defects.json, team files given with
 * --known-defects; format documented in docs/known-defects.md).
 */
import type { Severity } from '../rules/types.js';
import type { VersionSystem } from '../versions/index.js';

export const KNOWN_DEFECTS_FORMAT_VERSION = 1;

/** Affected when introduced ≤ v < fixed (or ≤ lastAffected); a missing bound is open. */
export interface VersionRange {
  introduced?: string;
  fixed?: string;
  lastAffected?: string;
}

export interface AffectedPackage {
  /** rpm or dpkg package name; for `golang`, the `docker version` component: `docker`, `containerd` or `runc`. */
  package: string;
  system: VersionSystem;
  /** os-release ID, lowercase (`openeuler`, `debian`); absent = any distribution. */
  distribution?: string;
  /** rpm dist tags the ranges hold for (`oe1`, `oe2203`); `oe2203` also covers `oe2203sp1` … Absent = any. */
  distTags?: string[];
  ranges: VersionRange[];
}

export interface KnownDefectSource {
  url: string;
  /** What the source says, in a few words ("spec changelog: 18.09.0-233 fix CVE-2022-24769"). */
  note?: string;
}

export interface KnownDefect {
  id: string;
  title: string;
  kind: 'defect' | 'advisory';
  severity: Severity;
  /** One line: what the operator sees. */
  symptom: string;
  cves?: string[];
  affected: AffectedPackage[];
  sources: KnownDefectSource[];
  /** Event kinds (from the event catalog) whose presence in the logs makes the match stronger. */
  events?: string[];
  /** Caveats the report should carry (backports, partial coverage). */
  note?: string;
  /** The file the entry came from (set by the loader). */
  origin: string;
}
