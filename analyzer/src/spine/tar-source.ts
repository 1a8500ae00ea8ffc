/**
 * A tar archive (plain, gzip or xz) as a stream of members: file → decompressor → tar-stream.
 * Nothing is written to disk. Every stream has an error handler: an error anywhere destroys the
 * tar extractor, which makes the member iteration throw one ArchiveReadError (no unhandled
 * 'error' events, ever).
 *
 * gzip is zlib (its work runs on libuv's thread pool while JavaScript parses); xz is a spawned
 * `xz -dc` or the WASM fallback (xz-decoder.ts). With `hash`, the raw file bytes are hashed as they
 * stream by, so batch records a bundle's sha256 without reading it twice.
 */
import { createHash, type Hash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import tarStream from 'tar-stream';
import { TarEofTransform } from './tar-eof.js';
import { ArchiveReadError, type MemberEntry, type MemberSource, type MemberType, type RawMember } from './member-source.js';
import { chooseXzDecoder, loadWasmXz, systemXz, XzError, type XzDecoder, type XzDecoderKind } from './xz-decoder.js';

export type TarFormat = 'tar' | 'tar.gz' | 'tar.xz';

function memberType(t: string | null | undefined): MemberType {
  switch (t) {
    case 'file':
    case 'contiguous-file':
      return 'file';
    case 'directory':
      return 'directory';
    case 'symlink':
      return 'symlink';
    case 'link':
      return 'hardlink';
    case 'block-device':
    case 'character-device':
    case 'fifo':
      return 'device';
    default:
      return 'other';
  }
}

/** Turn library errors into one line a support engineer understands. */
export function describeArchiveError(format: TarFormat, e: unknown): string {
  const msg = e instanceof Error ? e.message : String(e);
  const code = (e as { code?: string } | null)?.code;
  if (code === 'Z_BUF_ERROR' || /unexpected end of file/i.test(msg)) return 'the gzip stream ends early (truncated file?)';
  if (code === 'Z_DATA_ERROR' || /incorrect header check|invalid (block type|distance|stored)|too many length/i.test(msg)) return `corrupt gzip data (${msg})`;
  if (e instanceof XzError) return msg;
  if (/Unexpected end of data/i.test(msg)) return 'the tar stream ends early (truncated file?)';
  if (/Invalid tar header/i.test(msg)) return `corrupt tar header (${msg})`;
  if (code === 'EACCES') return 'permission denied';
  return msg;
}

export interface TarOptions {
  /** Force an xz decoder (default: the system `xz` when on PATH, unless DPM_XZ says otherwise). */
  xz?: XzDecoderKind;
  /** Hash the raw file bytes while reading them (`sha256()` after the pass). */
  hash?: boolean;
}

export interface TarSource extends MemberSource {
  /** Which xz decoder runs (xz archives only). */
  xzDecoder?: XzDecoderKind;
  /** sha256 of the whole file (with `hash`): hashes whatever the pass did not read (after an early stop). */
  sha256?(): Promise<string>;
}

export async function openTar(path: string, format: TarFormat, opts: TarOptions = {}): Promise<TarSource> {
  const xzKind = format === 'tar.xz' ? chooseXzDecoder(opts.xz) : undefined;
  // Load the WASM decoder before the file starts flowing (the import yields; no byte may pass unhashed).
  const wasm = xzKind === 'wasm' ? await loadWasmXz() : undefined;
  const file = createReadStream(path, { highWaterMark: 1 << 20 });
  const extract = tarStream.extract();
  const eof = new TarEofTransform();
  let closed = false;
  let decoded: Readable = file;
  let xz: XzDecoder | undefined;
  /** A read or decompression error, raised after tar-stream has parsed everything decoded before it. */
  let pending: unknown;
  /** Record the first error that loses data (not one after the archive's end marker, nor after close). */
  const note = (e: unknown) => {
    if (eof.eofSeen || closed) return; // after the archive's end marker: trailing garbage, nothing lost
    if (pending === undefined) pending = e ?? new Error('read error');
  };
  const fail = (e: unknown) => {
    note(e);
    if (!eof.eofSeen && !closed && !eof.writableEnded) eof.end();
  };
  const hash = opts.hash ? new HashTap() : undefined;
  if (hash) file.on('data', (c: Buffer | string) => hash.update(c as Buffer));
  file.on('error', fail);
  if (format === 'tar.gz') {
    // Output chunks of 1 MB: each chunk is a round trip to the thread pool and through every stream
    // stage after it. Inflating the 400 MB bench journal alone took 2.25 s of CPU at zlib's default 16 KB,
    // 1.12–1.18 s at 128 KB and 0.93–0.94 s at 1 MB (system gzip: 1.88 s).
    const gunzip = createGunzip({ chunkSize: 1 << 20 });
    gunzip.on('error', fail);
    decoded = file.pipe(gunzip);
  } else if (format === 'tar.xz') {
    // The system decoder ends its output itself after reporting (note); the WASM one errors (fail).
    xz = wasm ? wasm(file, fail) : systemXz(file, note);
    decoded = xz.output;
  }
  eof.on('error', () => undefined); // never raised by our transform; belt and braces
  extract.on('error', () => {
    /* surfaced through the async iterator */
  });
  // The end marker was seen: stop reading and decompressing whatever follows it.
  eof.on('tar-eof', () => {
    decoded.unpipe(eof);
    stopInput();
  });
  decoded.pipe(eof).pipe(extract as unknown as NodeJS.WritableStream);

  function stopInput(): void {
    xz?.stop(); // kills `xz -dc` / cancels the WASM stream, releasing its mutex
    if (!decoded.destroyed) decoded.destroy();
    if (!file.destroyed) file.destroy();
  }

  const close = () => {
    if (closed) return;
    closed = true;
    if (!extract.destroyed) extract.destroy();
    if (!eof.destroyed) eof.destroy();
    stopInput();
  };

  async function* entries(): AsyncGenerator<MemberEntry> {
    try {
      for await (const entry of extract) {
        const h = entry.header;
        const type = memberType(h.type);
        const member: RawMember = {
          name: h.name,
          type,
          size: h.size ?? 0,
          mtime: h.mtime instanceof Date ? h.mtime.getTime() : undefined,
          linkname: h.linkname ?? undefined,
        };
        if (type === 'file') {
          // The consumer reads the body to its end (the reader core always drains): breaking out of a
          // streamx iterator early would destroy the whole extractor.
          yield { member, body: entry as AsyncIterable<Buffer> };
        } else {
          for await (const _ of entry as AsyncIterable<Buffer>) void _; // a link/dir body is empty; drain anyway
          yield { member };
        }
      }
      if (pending !== undefined) throw pending;
      if (!eof.eofSeen) throw new ArchiveReadError('no end-of-archive marker: the archive may have been cut after its last complete member');
    } catch (e) {
      if (closed) return;
      if (e instanceof ArchiveReadError) throw e;
      // Prefer the decompressor's reason over tar-stream's "Unexpected end of data" that follows it.
      throw new ArchiveReadError(describeArchiveError(format, pending ?? e), pending ?? e);
    } finally {
      close();
    }
  }

  return {
    format,
    entries,
    close,
    pendingError: () => pending,
    xzDecoder: xz?.kind,
    sha256: hash ? () => hash.finish(path) : undefined,
  };
}

/** sha256 of the bytes seen so far; `finish` reads the rest of the file when the pass stopped early. */
class HashTap {
  private readonly h: Hash = createHash('sha256');
  private seen = 0;

  update(chunk: Buffer): void {
    this.h.update(chunk);
    this.seen += chunk.length;
  }

  async finish(path: string): Promise<string> {
    // Chunks still buffered when the pass stopped were never emitted, so `seen` is exactly what was hashed.
    for await (const c of createReadStream(path, { start: this.seen, highWaterMark: 1 << 20 })) this.h.update(c as Buffer);
    return this.h.digest('hex');
  }
}
