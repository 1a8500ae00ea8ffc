/**
 * A tar archive (plain, gzip or xz) as a stream of members: file → decompressor → tar-stream.
 * Nothing is written to disk. Every stream has an error handler: an error anywhere destroys the
 * tar extractor, which makes the member iteration throw one ArchiveReadError (no unhandled
 * 'error' events, ever).
 *
 * xz uses xz-decompress (xz-embedded in WASM, streaming; Node 20 zlib has no xz). Its decoder
 * holds a process-wide mutex until the stream ends or is cancelled, so `close()` always cancels it;
 * otherwise the next .tar.xz in a batch would wait forever.
 */
import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { createGunzip } from 'node:zlib';
import tarStream from 'tar-stream';
import xzDecompress from 'xz-decompress';
import { TarEofTransform } from './tar-eof.js';
import { ArchiveReadError, type MemberEntry, type MemberSource, type MemberType, type RawMember } from './member-source.js';

// xz-decompress is a CommonJS (webpack UMD) bundle: named ESM imports do not resolve under Node.
const { XzReadableStream } = xzDecompress;

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
  if (/get_next_output failed with error code (\d+)/.test(msg)) return `corrupt or truncated xz data (xz-embedded error ${RegExp.$1})`;
  if (format === 'tar.xz' && /byteLength|undefined/.test(msg)) return 'the xz stream ends early (truncated file?)';
  if (/Unexpected end of data/i.test(msg)) return 'the tar stream ends early (truncated file?)';
  if (/Invalid tar header/i.test(msg)) return `corrupt tar header (${msg})`;
  if (code === 'EACCES') return 'permission denied';
  return msg;
}

export function openTar(path: string, format: TarFormat): MemberSource {
  const file = createReadStream(path, { highWaterMark: 1 << 20 });
  const extract = tarStream.extract();
  const eof = new TarEofTransform();
  let closed = false;
  let decoded: Readable = file;
  /** A read or decompression error, raised after tar-stream has parsed everything decoded before it. */
  let pending: unknown;
  const fail = (e: unknown) => {
    if (eof.eofSeen || closed) return; // after the archive's end marker: trailing garbage, nothing lost
    if (pending === undefined) pending = e ?? new Error('read error');
    if (!eof.writableEnded) eof.end();
  };
  file.on('error', fail);
  if (format === 'tar.gz') {
    const gunzip = createGunzip({ chunkSize: 1 << 17 });
    gunzip.on('error', fail);
    decoded = file.pipe(gunzip);
  } else if (format === 'tar.xz') {
    const xzWeb = new XzReadableStream(Readable.toWeb(file) as unknown as ReadableStream<Uint8Array>);
    decoded = Readable.fromWeb(xzWeb as unknown as WebReadableStream<Uint8Array>);
    decoded.on('error', fail);
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
    if (!decoded.destroyed) decoded.destroy(); // for xz: cancels the web stream, releasing the WASM mutex
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

  return { format, entries, close, pendingError: () => pending };
}
