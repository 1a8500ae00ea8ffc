/**
 * What the reader core sees of an archive or folder: members one at a time, each with its bytes as
 * an async iterable. The core must consume (or drain) a member's body before asking for the next
 * one; that is what gives backpressure from the parsers down to the file read.
 */
import type { ContainerFormat } from './types.js';

export type MemberType = 'file' | 'directory' | 'symlink' | 'hardlink' | 'device' | 'other';

export interface RawMember {
  /** The name as stored (tar) or the path relative to the input folder. */
  name: string;
  type: MemberType;
  /** Declared size (tar header, lstat). */
  size: number;
  /** UTC ms. */
  mtime?: number;
  /** Symlink / hard link target as stored. */
  linkname?: string;
  /** The source could not stat or list it (folder mode). */
  error?: string;
}

export interface MemberEntry {
  member: RawMember;
  /** Present for regular files. Chunks may be reused after the next iteration step. */
  body?: AsyncIterable<Buffer>;
}

export interface MemberSource {
  format: ContainerFormat;
  /**
   * Bodies open their file only when iterated (folders): a body nobody iterates costs nothing, so
   * members that match no artifact are skipped without a read. Archive bodies must be drained.
   */
  lazyBodies?: boolean;
  entries(): AsyncIterable<MemberEntry>;
  /** Stop reading and release files and decompressors; safe to call twice. */
  close(): void;
  /** The read/decompression error behind a later parse error, if any (its message is the better one). */
  pendingError?(): unknown;
}

/** Raised by a source when the input ends early or is corrupt; `members` were read before it. */
export class ArchiveReadError extends Error {
  constructor(message: string, cause?: unknown) {
    super(message, { cause });
  }
}

/** One member could not be read (folder mode: open/read failed); the rest of the input is fine. */
export class MemberReadError extends Error {}
