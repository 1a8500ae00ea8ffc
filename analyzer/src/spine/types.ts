/**
 * Shared contracts of the pipeline: bundle reader → parsers → host model → rules → reports.
 * Everything here is plain data; no module in this file does I/O.
 */
import type { CompiledCatalog } from '../events/catalog.js';
import type { ArtifactId } from './artifacts.js';

// --- the bundle reader ------------------------------------------------------------------------

export type BundleLayout = 'docker-postmortem' | 'sosreport' | 'folder';
export type ContainerFormat = 'tar' | 'tar.gz' | 'tar.xz' | 'tar.bz2' | 'directory';

/** Limits that keep a hostile archive from exhausting the analyst's laptop. All configurable. */
export interface ReaderLimits {
  /** Bytes read from one member before it is marked truncated. */
  maxEntryBytes: number;
  /** Bytes read from the whole archive (decompressed) before the rest is skipped. */
  maxTotalBytes: number;
  /** Members listed before the rest is skipped. */
  maxEntries: number;
  /** Characters kept of one line; the rest is cut and the line flagged. */
  maxLineLength: number;
}

/** Something the reader refused, cut or could not read. Shown in `inventory` and in reports. */
export interface ReaderProblem {
  kind:
    | 'unreadable' // the input as a whole: wrong magic, empty, corrupt
    | 'truncated-archive' // the archive ended early; what came before was read
    | 'corrupt-member'
    | 'path-traversal' // `..` escaped the bundle root: rejected
    | 'absolute-path' // leading `/` stripped and recorded
    | 'symlink' // recorded, never followed
    | 'hardlink' // recorded, never followed
    | 'device' // char/block/fifo member: recorded, not read
    | 'duplicate' // a later member with the same name: the first is kept
    | 'entry-too-large' // read up to maxEntryBytes, marked truncated
    | 'total-too-large'
    | 'too-many-entries'
    | 'line-too-long';
  /** Member path as it appeared in the archive (escaped for display by the reports). */
  path?: string;
  message: string;
}

/** One artifact file as found in the bundle. */
export interface ArtifactSource {
  artifact: ArtifactId;
  /** Path inside the bundle, relative to its top folder, always with `/` separators. */
  path: string;
  bytes: number;
  /** True if the reader cut it (limit) or the collector/sos says it was cut. */
  truncated: boolean;
  /** Member mtime (UTC ms): a fallback "collected at" for year inference in sosreports. */
  mtime?: number;
}

/** A line handed to a parser. `no` is 1-based within the artifact file. */
export interface Line {
  no: number;
  text: string;
  /** The line was longer than ReaderLimits.maxLineLength: `text` is its start only. */
  cut?: boolean;
}

// --- parsers ----------------------------------------------------------------------------------

/** What a parser could not read. Parsers never throw on bad input; they record this and go on. */
export interface ParseProblem {
  line: number;
  reason: string;
  /** The first 200 characters of the offending line. */
  excerpt?: string;
}

/**
 * A streaming parser: `push` receives every line in order, `finish` returns the facts.
 * `push` must never throw; bad lines become ParseProblems. Implementations keep only what the
 * model needs (bounded memory on a 2 GB journal).
 */
export interface LineSink<T> {
  push(line: Line): void;
  /**
   * For a sink that reads bytes on its hot path (the journal's): `push`, given also the UTF-8 bytes the line
   * was decoded from, `bytes[start, end)`. They are the reader's buffer: valid only during the call, never
   * kept. The reader calls this instead of `push` when the sink has it.
   */
  pushBytes?(line: Line, bytes: Uint8Array, start: number, end: number): void;
  finish(): ParseResult<T>;
}

export interface ParseContext {
  artifact: ArtifactId;
  path: string;
  /** Collection time (UTC ms) when known: used for year inference in `short` journal lines. */
  collectedAt?: number;
  /** The file's mtime (UTC ms) when the bundle gives it: year-inference fallback when collectedAt is unknown. */
  sourceMtime?: number;
  /** Zone offset of the host in minutes east of UTC, when the manifest gives it. */
  hostUtcOffsetMinutes?: number;
  /** The event catalog the journal/syslog parsers match (default: analyzer/src/events/catalog.ts). */
  events?: CompiledCatalog;
}

export type ParseResult<T> =
  | { status: 'ok'; value: T; problems: ParseProblem[] }
  | { status: 'skipped'; reason: string; problems: ParseProblem[] }
  | { status: 'malformed'; reason: string; line?: number; value?: T; problems: ParseProblem[] };

export interface ParserDef<T> {
  /** Parser name, kebab-case = file name. */
  name: string;
  /** Artifact ids this parser reads. */
  artifacts: readonly ArtifactId[];
  create(ctx: ParseContext): LineSink<T>;
}

// --- evidence ---------------------------------------------------------------------------------

/** A pointer into the bundle plus the exact text that backs a fact, event or finding. */
export interface Evidence {
  artifact: ArtifactId;
  /** Path inside the bundle. */
  path: string;
  /** 1-based line number in that file; 0 when the evidence is the file as a whole. */
  line: number;
  /** UTC ISO-8601 time of the event, when the line carries one. */
  time?: string;
  /** The exact text, cut to 500 characters. */
  excerpt: string;
  /** Substring of excerpt to highlight (the matched signal). */
  match?: string;
}

// --- collection health ------------------------------------------------------------------------

export type ArtifactState = 'present' | 'missing' | 'failed' | 'timed-out' | 'truncated' | 'skipped' | 'empty';

export interface ArtifactHealth {
  artifact: ArtifactId;
  state: ArtifactState;
  /** Where it came from in the bundle (several for multi-file artifacts). */
  paths: string[];
  bytes: number;
  /** Why: the manifest's reason, sos's record, the reader's limit. */
  detail?: string;
  exitCode?: number;
}
