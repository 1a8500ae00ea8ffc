/**
 * The reader's default limits, in a leaf module: the CLI prints them in its option help at start-up
 * without loading the reader (tar, gzip and xz machinery) that only a running command needs.
 */
import type { ReaderLimits } from './types.js';

export const DEFAULT_LIMITS: ReaderLimits = {
  maxEntryBytes: 2 * 1024 ** 3,
  maxTotalBytes: 16 * 1024 ** 3,
  maxEntries: 200_000,
  maxLineLength: 64 * 1024,
};
