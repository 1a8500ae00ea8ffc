/**
 * An unpacked bundle or sosreport folder as a stream of members.
 *
 * Safety: every entry is lstat'ed; symlinks are reported with their target and never followed (not
 * even for directories), special files are reported and never opened, and regular files are opened
 * with O_NOFOLLOW | O_NONBLOCK and fstat'ed again, so a file swapped for a symlink or FIFO after
 * the listing is refused instead of followed or blocking.
 *
 * Cost: a body is an async generator that opens its file only when the reader iterates it, so the
 * reader matches each path against the artifact registry first and files no artifact needs are
 * never opened (a folder of 200,000 small files costs one lstat each, about 4 µs). One read buffer serves the
 * whole folder: the reader consumes a body before it asks for the next member.
 *
 * Order: depth-first, names sorted, but within each folder `manifest.json` and `version.txt` come
 * first and `sos_reports/` and `sos_logs/` come before other folders, so the metadata (collection
 * time, sos version) is known before the big logs stream.
 */
import { close, constants, fstat, fstatSync, open, openSync, promises as fsp, lstatSync, read, readSync, readlinkSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { byCodeUnits } from '../text-order.js';
import { MemberReadError, type MemberEntry, type MemberSource, type MemberType, type RawMember } from './member-source.js';

const CHUNK = 256 * 1024;
/**
 * Files the listing says are at most this big are read with synchronous calls: an async open, fstat,
 * read and close cost a thread-pool round trip each (~40 µs against a few µs), and a bundle is mostly
 * small files (53 of 54 in samples/nspawn-healthy), where those round trips were a tenth of a small
 * analyze's wall time. Bigger files stay async. A file that grew past this since the listing is read
 * on asynchronously, through the same descriptor, from where the synchronous reads stopped.
 */
const SYNC_MAX = 64 * 1024;

// By descriptor (fs/promises works on FileHandles): the synchronous and asynchronous reads share one descriptor.
const openAsync = promisify(open);
const fstatAsync = promisify(fstat);
const readAsync = promisify(read);

const FIRST_FILES = ['manifest.json', 'version.txt'];
const FIRST_DIRS = ['sos_reports', 'sos_logs'];

function rank(name: string): number {
  const f = FIRST_FILES.indexOf(name);
  if (f !== -1) return f;
  const d = FIRST_DIRS.indexOf(name);
  if (d !== -1) return 10 + d;
  return 100;
}

function byRankThenName(a: string, b: string): number {
  return rank(a) - rank(b) || byCodeUnits(a, b);
}

function typeOf(st: import('node:fs').Stats): MemberType {
  if (st.isFile()) return 'file';
  if (st.isDirectory()) return 'directory';
  if (st.isSymbolicLink()) return 'symlink';
  if (st.isFIFO() || st.isCharacterDevice() || st.isBlockDevice()) return 'device';
  return 'other';
}

export function openFolder(root: string): MemberSource {
  let closed = false;
  let buffer: Buffer | undefined;

  /**
   * One file's bytes through one descriptor, opened once: synchronous calls while the file is small,
   * asynchronous reads of the same descriptor past SYNC_MAX (a file that grew since the listing, or was
   * listed big). Never reopened by path, so a file replaced mid-read is not joined to its successor.
   */
  async function* readBody(abs: string, listedSize: number): AsyncGenerator<Buffer> {
    const flags = constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK;
    const small = listedSize <= SYNC_MAX;
    let fd: number;
    try {
      fd = small ? openSync(abs, flags) : await openAsync(abs, flags);
    } catch (e) {
      throw new MemberReadError(`cannot open: ${(e as Error).message}`);
    }
    try {
      const st = small ? fstatSync(fd) : await fstatAsync(fd);
      if (!st.isFile()) throw new MemberReadError('changed into a non-regular file while reading; not read');
      const buf = (buffer ??= Buffer.allocUnsafe(CHUNK));
      let position = 0;
      for (;;) {
        if (closed) return;
        let bytesRead: number;
        try {
          bytesRead = small && position <= SYNC_MAX ? readSync(fd, buf, 0, CHUNK, position) : (await readAsync(fd, buf, 0, CHUNK, position)).bytesRead;
        } catch (e) {
          throw new MemberReadError(`read failed: ${(e as Error).message}`);
        }
        if (bytesRead === 0) return;
        position += bytesRead;
        // The consumer handles a chunk (and a member) before asking for the next, so the buffer can be reused.
        yield buf.subarray(0, bytesRead);
      }
    } finally {
      close(fd, () => undefined);
    }
  }

  async function* walk(rel: string): AsyncGenerator<MemberEntry> {
    let names: string[];
    try {
      names = await fsp.readdir(rel ? join(root, rel) : root);
    } catch (e) {
      yield { member: { name: rel || '.', type: 'other', size: 0, error: `cannot list: ${(e as Error).message}` } };
      return;
    }
    names.sort(byRankThenName);
    for (const name of names) {
      if (closed) return;
      const relPath = rel ? `${rel}/${name}` : name;
      const abs = join(root, relPath);
      let st: import('node:fs').Stats;
      try {
        // Synchronous on purpose: an async lstat costs a thread-pool round trip (~40 µs against ~4 µs),
        // which made a folder of 200,000 files take 9 s in stat calls alone.
        st = lstatSync(abs);
      } catch (e) {
        yield { member: { name: relPath, type: 'other', size: 0, error: `cannot stat: ${(e as Error).message}` } };
        continue;
      }
      const type = typeOf(st);
      const member: RawMember = { name: type === 'directory' ? `${relPath}/` : relPath, type, size: st.size, mtime: st.mtimeMs };
      if (type === 'symlink') {
        try {
          member.linkname = readlinkSync(abs);
        } catch {
          member.linkname = '?';
        }
      }
      if (type === 'file') yield { member, body: readBody(abs, st.size) };
      else yield { member };
      if (type === 'directory') yield* walk(relPath);
    }
  }

  return {
    format: 'directory',
    lazyBodies: true,
    entries: () => walk(''),
    close() {
      closed = true;
    },
  };
}
