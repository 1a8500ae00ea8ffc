/**
 * The shape of a comparison of two analyses of the same host (`docker-postmortem diff`), written as
 * diff.json (docs/diff.md). Renderers (reports/diff-*.ts) only format it.
 */
import type { Evidence } from '../spine/types.js';
import type { Confidence, Severity } from '../rules/types.js';

/** Bump on any incompatible change to diff.json; docs/diff.md documents each version. */
export const DIFF_SCHEMA_VERSION = 1;

/** One side of the comparison: who and when. */
export interface DiffSide {
  input: string;
  hostname?: string;
  machineId?: string;
  /** UTC ISO. */
  collectedAt?: string;
  caseId?: string;
  flavor: string;
  docker?: string;
  kernel?: string;
  findings: number;
  /** The analysis verdict's headline. */
  verdict: string;
}

export type Warning =
  /** Hostname or machine id differ: the two bundles are probably of two hosts. */
  | 'different-host'
  /** The "after" bundle was collected before the "before" bundle. */
  | 'wrong-order'
  /** A collection time is missing, so order and new boots cannot be decided by time. */
  | 'collection-time-unknown';

export interface DiffWarning {
  kind: Warning;
  text: string;
}

/** What one finding key did between the two bundles. */
export type FindingChange =
  | 'new'
  | 'resolved'
  | 'persisting'
  /** Gone from "after", but its rule could not be evaluated there: not proven resolved. */
  | 'unverified';

export interface FindingSnapshot {
  id: string;
  severity: Severity;
  confidence: Confidence;
  summary: string;
  firstTime?: string;
  lastTime?: string;
  episodes: number;
  evidence?: Evidence;
}

export interface FindingDiff {
  /** `<ruleId>` + ` · ` + subject (or message id when the rule gave no subject). */
  key: string;
  ruleId: string;
  title: string;
  /** The subject the match used, or `message:<messageId>`. */
  subject: string;
  change: FindingChange;
  /** The more severe of the two sides (new: after's; resolved: before's). */
  severity: Severity;
  before?: FindingSnapshot;
  after?: FindingSnapshot;
  /**
   * New and persisting: whether "after" has evidence later than the "before" collection. False means
   * every line predates "before" (logs keep the past: history, not a recurrence); absent: untimed.
   */
  sinceBefore?: boolean;
  /** Unverified only: why the rule was not evaluated in "after". */
  reason?: string;
}

/** A value that was added, removed or changed; unchanged values are only counted. */
export interface ValueChange {
  item: string;
  change: 'added' | 'removed' | 'changed';
  before?: string;
  after?: string;
  /** Where the value came from on each side (daemon.json, unit, cmdline, default, a file). */
  beforeSource?: string;
  afterSource?: string;
  beforeEvidence?: Evidence;
  afterEvidence?: Evidence;
}

export type SectionId = 'packages' | 'config' | 'limits' | 'storage' | 'containers' | 'networks' | 'interfaces';

export interface SectionDiff {
  id: SectionId;
  title: string;
  changes: ValueChange[];
  unchanged: number;
  /** Set when a side had none of this section's data: then "no change" proves nothing. */
  missing?: { before: boolean; after: boolean };
}

export interface BootInfo {
  index: number;
  bootId?: string;
  /** UTC ISO. */
  firstEntry?: string;
  lastEntry?: string;
  verdict: string;
  reason: string;
}

export interface BootsDiff {
  /** Boots in "after" that began after "before" was collected (by boot id, else by time). */
  newBoots: BootInfo[];
  /** How the boot "before" was collected in ended, as "after" sees it (absent: same boot still running, or unknown). */
  beforeBootEnded?: BootInfo;
  /** True when "after" runs in the same boot as "before" was collected in. */
  sameBoot?: boolean;
}

export interface BundleDiff {
  schemaVersion: number;
  tool: { name: string; version: string; rulesVersion: string };
  before: DiffSide;
  after: DiffSide;
  warnings: DiffWarning[];
  findings: FindingDiff[];
  counts: Record<FindingChange, number>;
  sections: SectionDiff[];
  boots: BootsDiff;
}
