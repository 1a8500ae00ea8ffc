/**
 * The bundle reader: one streaming pass over a collector tarball, a sosreport (.tar.xz/.tar.gz/.tar)
 * or an unpacked folder. Nothing is extracted to disk and memory stays bounded: member bytes go
 * through a line splitter straight into the parsers' sinks; only small metadata files
 * (manifest.json, version.txt, sos_reports/manifest.json, sos_logs/ui.log) are held, up to a cap.
 *
 * Hostile input is normal input: limits cut and record, links and special files are recorded and
 * never followed or opened, `..` escapes are refused, and a broken archive yields what was readable
 * plus one `truncated-archive` problem. `scanBundle` throws only BundleUnreadableError, and only
 * when nothing usable could be read at all.
 *
 * Modules: magic.ts (sniffing) → tar-source.ts (+ tar-eof.ts) / folder-source.ts (members) →
 * path-map.ts (member → artifact candidates) → line-splitter.ts → sinks; layout.ts and manifest.ts
 * after the pass.
 *
 * Known limits: bzip2 is refused (unpack it first); gzip followed by non-zero trailing garbage loses
 * the output of the last zlib call (Node's gunzip reads it as a broken second member); xz goes
 * through a spawned `xz -dc` when xz is installed, else WASM xz-embedded at about 60 MB/s
 * (xz-decoder.ts; bench/sosreport.ts compares both).
 */
import { promises as fsp } from 'node:fs';
import type { ParsedArtifact } from '../model/fact-store.js';
import { openFolder } from './folder-source.js';
import { guessTopFolder, LayoutEvidence } from './layout.js';
import { LineSplitter, pushLine } from './line-splitter.js';
import { SNIFF_BYTES, sniff } from './magic.js';
import {
  type BundleManifest,
  computeHealth,
  emptySosMeta,
  parseBundleManifest,
  parseSosManifest,
  parseSosUiLog,
  parseSosVersion,
  type SosMeta,
} from './manifest.js';
import { ArchiveReadError, MemberReadError, type MemberSource, type RawMember } from './member-source.js';
import { type Candidate, normaliseName, type PathMap, pickWinners, resolveLinkTarget, shippedPathMap } from './path-map.js';
import { describeArchiveError, openTar, type TarFormat, type TarSource } from './tar-source.js';
import type { XzDecoderKind } from './xz-decoder.js';
import type {
  ArtifactHealth,
  ArtifactSource,
  BundleLayout,
  ContainerFormat,
  LineSink,
  ParseContext,
  ParseResult,
  ReaderLimits,
  ReaderProblem,
} from './types.js';

import { DEFAULT_LIMITS } from './limits.js';
export { DEFAULT_LIMITS };

/** Metadata files held in memory are cut here (a real sos manifest is ~200 KB). */
const MAX_METADATA_BYTES = 32 * 1024 * 1024;
/** Problems of one kind kept in the inventory; the rest are counted in one summary problem. */
const MAX_PROBLEMS_PER_KIND = 200;
/** Symlinks listed in the inventory. */
const MAX_LINKS = 2000;

export interface BundleLink {
  /** Path of the link inside the bundle. */
  path: string;
  target: string;
  /** The target resolves inside the bundle (only then is it merely bookkeeping). */
  inside: boolean;
}

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
  /** `--case-id` / `--label` given to our collector (manifest.json). */
  caseId?: string;
  label?: string;
  /** sos version, from version.txt. */
  sosVersion?: string;
  /** Symlinks found (never followed). sosreports have many that stay inside: `mount -> sos_commands/…`. */
  links?: BundleLink[];
  /** True when the reader stopped before the end (a limit, or a broken archive). */
  incomplete?: boolean;
}

export interface ScanOptions {
  limits?: Partial<ReaderLimits>;
  /** Hash the input file's bytes in the same pass (archives only): `BundleScan.sha256`. */
  hashInput?: boolean;
  /** Force an xz decoder (tests); default: the system `xz` when on PATH. */
  xzDecoder?: XzDecoderKind;
  /** Returns a parser sink for an artifact file, or undefined to skip its content. */
  sinkFor?(source: ArtifactSource, ctx: ParseContext): LineSink<unknown> | undefined;
}

export interface BundleScan {
  inventory: BundleInventory;
  /** Results of the chosen files only (sos fallbacks resolved). */
  parsed: ParsedArtifact[];
  /** sha256 of the archive file, with `hashInput` (folders: undefined). */
  sha256?: string;
}

/** Thrown when the input as a whole cannot be read; `message` is the one line shown to the user. */
export class BundleUnreadableError extends Error {}

// --- the pass ------------------------------------------------------------------------------------

interface CandidateRecord extends Candidate {
  source: ArtifactSource;
  result?: ParseResult<unknown>;
  truncatedWhy?: string;
  /** First line, kept for the host name (hostname artifact). */
  firstLine?: string;
}

type MetaKind = 'manifest' | 'version' | 'sos-manifest' | 'ui-log';
const METADATA: Record<string, MetaKind> = {
  'manifest.json': 'manifest',
  'version.txt': 'version',
  'sos_reports/manifest.json': 'sos-manifest',
  'sos_logs/ui.log': 'ui-log',
};

class StopScan extends Error {}

class Scan {
  readonly problems: ReaderProblem[] = [];
  private readonly problemCounts = new Map<ReaderProblem['kind'], number>();
  readonly candidates: CandidateRecord[] = [];
  readonly links: BundleLink[] = [];
  private readonly seen = new Set<string>();
  members = 0;
  bytesRead = 0;
  incomplete = false;
  topFolder: string | undefined;
  private topDecided = false;
  evidence = new LayoutEvidence();
  manifest?: BundleManifest;
  readonly sos: SosMeta = emptySosMeta();
  private maxMtime?: number;
  /** The source opens a body only when it is iterated (folders): skipped members need no drain. */
  private lazyBodies = false;

  constructor(
    readonly limits: ReaderLimits,
    readonly pathMap: PathMap,
    readonly opts: ScanOptions,
  ) {}

  problem(p: ReaderProblem): void {
    const n = (this.problemCounts.get(p.kind) ?? 0) + 1;
    this.problemCounts.set(p.kind, n);
    if (n <= MAX_PROBLEMS_PER_KIND) this.problems.push(p);
  }

  summariseProblems(): void {
    for (const [kind, n] of this.problemCounts) {
      if (n > MAX_PROBLEMS_PER_KIND) this.problems.push({ kind, message: `${n - MAX_PROBLEMS_PER_KIND} more ${kind} problems not listed (${n} in all)` });
    }
  }

  get collectedAt(): number | undefined {
    return this.manifest?.collectedAt ?? this.sos.startTime;
  }

  async run(source: MemberSource): Promise<void> {
    this.lazyBodies = source.lazyBodies === true;
    try {
      for await (const { member, body } of source.entries()) {
        await this.member(member, body);
      }
    } catch (e) {
      if (e instanceof StopScan) return;
      this.incomplete = true;
      // Errors raised while a member body streams come straight from zlib / tar-stream / xz.
      const msg = e instanceof ArchiveReadError || source.format === 'directory' ? String((e as Error)?.message ?? e) : describeArchiveError(source.format as TarFormat, source.pendingError?.() ?? e);
      if (this.members === 0) {
        throw new BundleUnreadableError(`${describeFormat(source.format)}, but nothing could be read from it: ${msg}`);
      }
      this.problem({
        kind: 'truncated-archive',
        message: `${msg}; kept what was read before it (${this.members} members)`,
      });
    } finally {
      source.close();
    }
  }

  private async member(m: RawMember, body: AsyncIterable<Buffer> | undefined): Promise<void> {
    this.members++;
    if (this.members > this.limits.maxEntries) {
      this.members--;
      this.incomplete = true;
      this.problem({ kind: 'too-many-entries', path: m.name, message: `more than ${this.limits.maxEntries} members: stopped reading here (limit maxEntries)` });
      throw new StopScan();
    }
    if (m.error) {
      this.problem({ kind: 'corrupt-member', path: m.name, message: m.error });
      return;
    }
    const n = normaliseName(m.name);
    if (n.escapes) {
      this.problem({ kind: 'path-traversal', path: m.name, message: 'the name climbs out of the bundle with `..`: refused, not read' });
      return this.drain(body);
    }
    if (n.absolute) this.problem({ kind: 'absolute-path', path: m.name, message: `absolute name read as ${n.path || '(root)'}` });
    if (n.path === '') return this.drain(body); // the root itself (`./`)
    if (m.mtime !== undefined && Number.isFinite(m.mtime) && m.type === 'file') this.maxMtime = Math.max(this.maxMtime ?? 0, m.mtime);

    if (!this.topDecided) {
      this.topDecided = true;
      this.topFolder = guessTopFolder(n.path, m.type === 'directory');
      this.evidence = new LayoutEvidence(this.topFolder);
    }
    const rel = this.relative(n.path);
    if (rel === '') return this.drain(body); // the top folder's own entry

    if (m.type !== 'directory') {
      if (this.seen.has(n.path)) {
        this.problem({ kind: 'duplicate', path: m.name, message: 'a second member with this name: the first was kept, this one skipped' });
        return this.drain(body);
      }
      this.seen.add(n.path);
    }
    this.evidence.observe(rel);

    switch (m.type) {
      case 'directory':
        return;
      case 'symlink':
        return this.symlink(m, rel);
      case 'hardlink':
        this.problem({ kind: 'hardlink', path: m.name, message: `hard link to ${m.linkname ?? '?'}: recorded, not followed` });
        return this.drain(body);
      case 'device':
        this.problem({ kind: 'device', path: m.name, message: 'device or FIFO: recorded, not read' });
        return this.drain(body);
      case 'other':
        this.problem({ kind: 'device', path: m.name, message: 'special member (socket or unknown type): recorded, not read' });
        return this.drain(body);
      case 'file':
        return this.file(m, rel, body);
    }
  }

  private relative(path: string): string {
    if (!this.topFolder) return path;
    if (path === this.topFolder) return '';
    if (path.startsWith(this.topFolder + '/')) return path.slice(this.topFolder.length + 1);
    return path; // outside the top folder: read as if at the root
  }

  private symlink(m: RawMember, rel: string): void {
    const target = m.linkname ?? '';
    const resolved = resolveLinkTarget(rel, target);
    const inside = resolved !== undefined;
    if (this.links.length < MAX_LINKS) this.links.push({ path: rel, target, inside });
    if (!inside) this.problem({ kind: 'symlink', path: m.name, message: `symlink to ${target} points outside the bundle: recorded, never followed` });
  }

  /** Skips a member's bytes: archives must read past them (counted), folders need not open the file. */
  private async drain(body: AsyncIterable<Buffer> | undefined): Promise<void> {
    if (!body || this.lazyBodies) return;
    try {
      for await (const chunk of body) this.count(chunk.length);
    } catch (e) {
      if (e instanceof MemberReadError) return;
      throw e;
    }
  }

  /** Counts decompressed bytes (drained ones too: they cost the same to inflate). */
  private count(n: number): void {
    this.bytesRead += n;
    if (this.bytesRead > this.limits.maxTotalBytes) {
      this.incomplete = true;
      this.problem({ kind: 'total-too-large', message: `more than ${this.limits.maxTotalBytes} bytes decompressed: stopped reading here (limit maxTotalBytes)` });
      throw new StopScan();
    }
  }

  private async file(m: RawMember, rel: string, body: AsyncIterable<Buffer> | undefined): Promise<void> {
    const meta = METADATA[rel];
    if (meta) return this.metadata(meta, m, body);
    const cands = this.pathMap.match(rel);
    if (cands.length === 0 || !body) return this.drain(body);

    const mtime = m.mtime !== undefined && Number.isFinite(m.mtime) ? m.mtime : undefined;
    const tailed = rel.startsWith('sos_strings/') && rel.endsWith('.tailed');
    const records: CandidateRecord[] = [];
    const sinks: { rec: CandidateRecord; sink: LineSink<unknown>; broken?: string }[] = [];
    for (const c of cands) {
      const source: ArtifactSource = { artifact: c.artifact, path: rel, bytes: m.size, truncated: tailed, mtime };
      const rec: CandidateRecord = { ...c, source, truncatedWhy: tailed ? 'sos kept only the tail (sos_strings/….tailed)' : undefined };
      records.push(rec);
      this.candidates.push(rec);
      const ctx: ParseContext = {
        artifact: c.artifact,
        path: rel,
        collectedAt: this.collectedAt ?? mtime,
        sourceMtime: mtime,
        hostUtcOffsetMinutes: this.manifest?.utcOffsetMinutes,
      };
      let sink: LineSink<unknown> | undefined;
      try {
        sink = this.opts.sinkFor?.(source, ctx);
      } catch (e) {
        rec.result = { status: 'skipped', reason: `parser could not start: ${(e as Error).message}`, problems: [] };
      }
      if (sink) sinks.push({ rec, sink });
    }

    let no = 0;
    let firstLine: string | undefined;
    // Without a sink (e.g. `inventory`) only the hostname's first line is wanted: skip line work.
    const split = sinks.length > 0 || records.some((r) => r.artifact === 'hostname');
    const splitter = new LineSplitter(this.limits.maxLineLength, (text, cut, bytes, start, end) => {
      no++;
      if (no === 1) firstLine = text.slice(0, 200);
      const line = cut ? { no, text, cut: true } : { no, text };
      for (const s of sinks) {
        if (s.broken) continue;
        try {
          pushLine(s.sink, line, bytes, start, end);
        } catch (e) {
          s.broken = `parser threw at line ${no}: ${(e as Error).message}`;
        }
      }
    });

    let entryBytes = 0;
    let cutAtLimit = false;
    let failure: unknown;
    try {
      for await (const chunk of body) {
        this.count(chunk.length);
        if (cutAtLimit) continue; // drain the rest, counted
        if (entryBytes + chunk.length > this.limits.maxEntryBytes) {
          const keep = this.limits.maxEntryBytes - entryBytes;
          if (keep > 0 && split) splitter.write(chunk.subarray(0, keep));
          entryBytes += Math.max(0, keep);
          cutAtLimit = true;
          this.problem({ kind: 'entry-too-large', path: m.name, message: `read the first ${this.limits.maxEntryBytes} bytes of ${m.size} (limit maxEntryBytes); the rest was skipped` });
          continue;
        }
        entryBytes += chunk.length;
        if (split) splitter.write(chunk);
      }
    } catch (e) {
      failure = e;
    }

    // Whatever happened, the parsers get what was read.
    splitter.end();
    if (splitter.cutLines > 0) {
      this.problem({ kind: 'line-too-long', path: m.name, message: `${splitter.cutLines} line(s) longer than ${this.limits.maxLineLength} bytes were cut (limit maxLineLength)` });
    }
    const memberFailed = failure instanceof MemberReadError;
    const short = !cutAtLimit && entryBytes < m.size;
    for (const rec of records) {
      rec.source.bytes = entryBytes;
      rec.firstLine = firstLine;
      if (cutAtLimit) {
        rec.source.truncated = true;
        rec.truncatedWhy = `cut by the reader at ${this.limits.maxEntryBytes} bytes (limit maxEntryBytes)`;
      } else if (failure !== undefined || short) {
        rec.source.truncated = true;
        rec.truncatedWhy = memberFailed
          ? `could not be read to the end: ${(failure as Error).message}`
          : failure instanceof StopScan
            ? 'the reader stopped inside this file (limit maxTotalBytes)'
            : 'the archive ends inside this file';
      }
    }
    for (const s of sinks) {
      if (s.broken) {
        s.rec.result = { status: 'malformed', reason: s.broken, problems: [] };
        continue;
      }
      try {
        s.rec.result = s.sink.finish();
      } catch (e) {
        s.rec.result = { status: 'malformed', reason: `parser threw in finish(): ${(e as Error).message}`, problems: [] };
      }
    }
    if (memberFailed) {
      this.problem({ kind: 'corrupt-member', path: m.name, message: (failure as Error).message });
      return;
    }
    if (failure !== undefined) throw failure;
  }

  private async metadata(kind: MetaKind, m: RawMember, body: AsyncIterable<Buffer> | undefined): Promise<void> {
    if (!body) return;
    const parts: Buffer[] = [];
    let kept = 0;
    let over = false;
    try {
      for await (const chunk of body) {
        this.count(chunk.length);
        if (over) continue;
        if (kept + chunk.length > MAX_METADATA_BYTES) {
          over = true;
          continue;
        }
        parts.push(Buffer.from(chunk)); // copy: folder sources reuse their buffer
        kept += chunk.length;
      }
    } catch (e) {
      if (!(e instanceof MemberReadError)) throw e;
      this.problem({ kind: 'corrupt-member', path: m.name, message: e.message });
      return;
    }
    if (over) {
      this.problem({ kind: 'entry-too-large', path: m.name, message: `metadata file larger than ${MAX_METADATA_BYTES} bytes: ignored` });
      return;
    }
    const text = Buffer.concat(parts, kept).toString('utf8');
    switch (kind) {
      case 'manifest': {
        const r = parseBundleManifest(text);
        if (r.problem) this.problem({ kind: 'corrupt-member', path: m.name, message: r.problem });
        else if (r.manifest?.format === 'docker-postmortem-bundle') {
          this.manifest = r.manifest;
          this.evidence.manifestFormat = r.manifest.format;
        }
        break;
      }
      case 'version': {
        const v = parseSosVersion(text);
        if (v) {
          this.sos.version = v;
          this.evidence.sosVersionTxt = true;
        }
        break;
      }
      case 'sos-manifest': {
        const p = parseSosManifest(text, this.sos);
        if (p) this.problem({ kind: 'corrupt-member', path: m.name, message: p });
        break;
      }
      case 'ui-log':
        parseSosUiLog(text, this.sos);
        break;
    }
  }

  get fallbackCollectedAt(): number | undefined {
    return this.maxMtime;
  }
}

function describeFormat(f: ContainerFormat): string {
  switch (f) {
    case 'directory':
      return 'a folder';
    case 'tar':
      return 'a tar archive';
    default:
      return `a ${f === 'tar.gz' ? 'gzip' : f === 'tar.xz' ? 'xz' : 'bzip2'}-compressed file`;
  }
}

/** Open the input: a folder, or a file recognised by its magic bytes (never by its name). */
async function openInput(input: string, opts: ScanOptions): Promise<MemberSource & Pick<TarSource, 'sha256'>> {
  let st: import('node:fs').Stats;
  try {
    st = await fsp.stat(input); // the argument itself may be a symlink the user chose
  } catch (e) {
    const code = (e as { code?: string }).code;
    throw new BundleUnreadableError(code === 'ENOENT' ? 'not found' : code === 'EACCES' ? 'permission denied' : (e as Error).message);
  }
  if (st.isDirectory()) return openFolder(input);
  if (!st.isFile()) throw new BundleUnreadableError('not a regular file or folder');
  if (st.size === 0) throw new BundleUnreadableError('empty file');
  const head = Buffer.alloc(SNIFF_BYTES);
  let got = 0;
  try {
    const fh = await fsp.open(input, 'r');
    try {
      got = (await fh.read(head, 0, SNIFF_BYTES, 0)).bytesRead;
    } finally {
      await fh.close();
    }
  } catch (e) {
    const code = (e as { code?: string }).code;
    throw new BundleUnreadableError(code === 'EACCES' ? 'permission denied' : (e as Error).message);
  }
  const s = sniff(head.subarray(0, got));
  if ('unreadable' in s) throw new BundleUnreadableError(s.unreadable);
  if (s.format === 'tar.bz2') {
    throw new BundleUnreadableError('bzip2-compressed archive: not supported, unpack it first (tar -xjf FILE) and pass the folder');
  }
  return openTar(input, s.format, { xz: opts.xzDecoder, hash: opts.hashInput });
}

export async function scanBundle(input: string, opts: ScanOptions = {}): Promise<BundleScan> {
  const limits: ReaderLimits = { ...DEFAULT_LIMITS, ...definedOnly(opts.limits) };
  const pathMap = shippedPathMap();
  const source = await openInput(input, opts);
  const scan = new Scan(limits, pathMap, opts);
  await scan.run(source);
  scan.summariseProblems();
  if (scan.candidates.length === 0 && !scan.manifest && !scan.sos.version && scan.sos.commands.length === 0 && !scan.incomplete) {
    throw new BundleUnreadableError(
      scan.members === 0
        ? `${describeFormat(source.format)} with nothing in it`
        : `not a bundle: ${scan.members} members, but no manifest.json, cmd/, files/ or sosreport files among them${
            scan.problems.length ? ` (also: ${scan.problems[0]!.kind} ${scan.problems[0]!.path ?? ''})` : ''
          }`,
    );
  }

  const layout = scan.evidence.layout();
  const winners = pickWinners(layout, scan.candidates);
  const health = computeHealth({
    layout,
    files: winners.map((w) => ({ artifact: w.artifact, path: w.source.path, bytes: w.source.bytes, truncated: w.source.truncated, truncatedWhy: w.truncatedWhy })),
    manifest: layout === 'sosreport' ? undefined : scan.manifest,
    sos: layout === 'sosreport' ? scan.sos : undefined,
    pathMap,
  });
  const parsed: ParsedArtifact[] = [];
  for (const w of winners) if (w.result) parsed.push({ source: w.source, result: w.result });

  const hostnameFile = winners.find((w) => w.artifact === 'hostname' && w.firstLine?.trim());
  const inventory: BundleInventory = {
    input,
    format: source.format,
    layout,
    topFolder: scan.topFolder,
    members: scan.members,
    bytesRead: scan.bytesRead,
    artifacts: health,
    problems: scan.problems,
    host: scan.manifest?.host ?? hostnameFile?.firstLine?.trim(),
    collectedAt: scan.collectedAt ?? scan.fallbackCollectedAt,
    hostUtcOffsetMinutes: scan.manifest?.utcOffsetMinutes,
    collectorVersion: scan.manifest?.collectorVersion,
    asRoot: scan.manifest?.asRoot,
    caseId: scan.manifest?.caseId,
    label: scan.manifest?.label,
    sosVersion: scan.sos.version,
    links: scan.links,
    incomplete: scan.incomplete || undefined,
  };
  return { inventory, parsed, sha256: await source.sha256?.().catch(() => undefined) };
}

function definedOnly(l: Partial<ReaderLimits> | undefined): Partial<ReaderLimits> {
  const out: Partial<ReaderLimits> = {};
  for (const [k, v] of Object.entries(l ?? {})) if (typeof v === 'number' && v > 0) (out as Record<string, number>)[k] = v;
  return out;
}
