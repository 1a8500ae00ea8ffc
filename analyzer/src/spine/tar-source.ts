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
  let closed = false;
  let xzWeb: ReadableStream<Uint8Array> | undefined;
  let decoded: Readable = file;
  const fail = (e: unknown) => {
    if (!extract.destroyed) extract.destroy(e instanceof Error ? e : new Error(String(e)));
  };
  file.on('error', fail);
  if (format === 'tar.gz') {
    const gunzip = createGunzip({ chunkSize: 1 << 17 });
    gunzip.on('error', fail);
    decoded = file.pipe(gunzip);
  } else if (format === 'tar.xz') {
    xzWeb = new XzReadableStream(Readable.toWeb(file) as unknown as ReadableStream<Uint8Array>);
    decoded = Readable.fromWeb(xzWeb as unknown as WebReadableStream<Uint8Array>);
    decoded.on('error', fail);
  }
  extract.on('error', () => {
    /* surfaced through the async iterator */
  });
  decoded.pipe(extract as unknown as NodeJS.WritableStream);

  const close = () => {
    if (closed) return;
    closed = true;
    if (!extract.destroyed) extract.destroy();
    if (!decoded.destroyed) decoded.destroy(); // for xz: cancels the web stream, releasing the WASM mutex
    if (!file.destroyed) file.destroy();
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
    } catch (e) {
      if (closed) return;
      throw new ArchiveReadError(describeArchiveError(format, e), e);
    } finally {
      close();
    }
  }

  return { format, entries, close };
}
