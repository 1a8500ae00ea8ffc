// PLACEHOLDER: the bundle reader (issue 2) replaces this file. The signatures below are the contract.
import type { ArtifactHealth, ArtifactSource, BundleLayout, ContainerFormat, LineSink, ParseContext, ReaderLimits, ReaderProblem } from './types.js';
import type { ParsedArtifact } from '../model/fact-store.js';

export const DEFAULT_LIMITS: ReaderLimits = {
  maxEntryBytes: 2 * 1024 ** 3,
  maxTotalBytes: 16 * 1024 ** 3,
  maxEntries: 200_000,
  maxLineLength: 64 * 1024,
};

export interface BundleInventory {
  input: string;
  format: ContainerFormat;
  layout: BundleLayout;
  topFolder?: string;
  members: number;
  bytesRead: number;
  /** One entry per registry artifact id: present, missing, failed, timed out, truncated, skipped, empty. */
  artifacts: ArtifactHealth[];
  problems: ReaderProblem[];
  host?: string;
  collectedAt?: number;
  hostUtcOffsetMinutes?: number;
  collectorVersion?: string;
  asRoot?: boolean;
  /** sos version, from version.txt. */
  sosVersion?: string;
}

export interface ScanOptions {
  limits?: Partial<ReaderLimits>;
  /** Returns a parser sink for an artifact file, or undefined to skip its content. */
  sinkFor?(source: ArtifactSource, ctx: ParseContext): LineSink<unknown> | undefined;
}

export interface BundleScan {
  inventory: BundleInventory;
  /** Results of the chosen files only (sos fallbacks resolved). */
  parsed: ParsedArtifact[];
}

/** Thrown when the input as a whole cannot be read; `message` is the one line shown to the user. */
export class BundleUnreadableError extends Error {}

export async function scanBundle(_input: string, _opts: ScanOptions = {}): Promise<BundleScan> {
  throw new BundleUnreadableError('bundle reader not implemented yet');
}
