/**
 * Batch cache keys. A bundle is read once: the cache must be looked up before analysis, but a
 * sha256 of a file is only known after reading all of it. So the lookup uses a cheap pre-key and
 * the full sha256 is computed inside the reader's pass and recorded in the summary (docs/batch.md).
 *
 * - A file's pre-key hashes its size, its modification time and its first and last 64 KiB (the
 *   tar headers, the compressor's index/trailer). Any rewrite changes the mtime; copies that keep
 *   the mtime (`cp -p`, rsync -a) keep the key.
 * - A folder's key hashes its sorted relative paths, sizes and mtimes (lstat only, never following
 *   links): it is both the pre-key and the recorded key, since hashing every file's content would
 *   be a second read.
 */
import { createHash } from 'node:crypto';
import { promises as fsp } from 'node:fs';
import { join } from 'node:path';

/** Bytes hashed from each end of a file for its pre-key. */
const EDGE_BYTES = 64 * 1024;

export interface PreKey {
  key: string;
  /** The input is a folder: its key is also the sha256 recorded for it. */
  folder: boolean;
}

export async function bundlePreKey(path: string): Promise<PreKey> {
  const st = await fsp.stat(path); // the input itself may be a link the user chose; nothing inside is followed
  if (st.isDirectory()) return { key: await folderKey(path), folder: true };
  const h = createHash('sha256').update(`file\0${st.size}\0${st.mtimeMs}\0`);
  const fh = await fsp.open(path, 'r');
  try {
    const buf = Buffer.alloc(Math.min(EDGE_BYTES, st.size));
    h.update(buf.subarray(0, (await fh.read(buf, 0, buf.length, 0)).bytesRead));
    if (st.size > EDGE_BYTES) h.update(buf.subarray(0, (await fh.read(buf, 0, buf.length, Math.max(EDGE_BYTES, st.size - EDGE_BYTES))).bytesRead));
  } finally {
    await fh.close();
  }
  return { key: h.digest('hex'), folder: false };
}

/** sha256 over a folder's sorted relative paths, sizes and mtimes. */
export async function folderKey(root: string): Promise<string> {
  const h = createHash('sha256').update('folder\0');
  const walk = async (rel: string): Promise<void> => {
    // A folder that cannot be listed is keyed by its name: the reader reads the rest of the bundle and
    // notes the problem, so one unreadable subfolder must not fail the job.
    let entries: import('node:fs').Dirent[];
    try {
      entries = await fsp.readdir(join(root, rel), { withFileTypes: true });
    } catch {
      h.update(`${rel}\0unreadable\0`);
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) await walk(r);
      else if (e.isFile()) {
        const s = await fsp.lstat(join(root, r)).catch(() => undefined);
        h.update(s ? `${r}\0${s.size}\0${s.mtimeMs}\0` : `${r}\0unreadable\0`);
      } else h.update(`${r}\0link-or-special\0`);
    }
  };
  await walk('');
  return h.digest('hex');
}
