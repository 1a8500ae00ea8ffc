/**
 * The cache key of a bundle: sha256 of the file's bytes, streamed. A folder's key hashes its
 * sorted relative paths, sizes and contents (never following links), so any change re-analyzes it.
 */
import { createHash } from 'node:crypto';
import { createReadStream, lstatSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';

/** Folders larger than this are keyed by paths, sizes and mtimes only (hashing them whole would double the I/O). */
const FOLDER_CONTENT_LIMIT = 64 * 1024 * 1024;

export async function bundleSha256(path: string): Promise<string> {
  const st = lstatSync(path);
  if (!st.isDirectory()) return hashFile(path);
  const files: { rel: string; abs: string; size: number; mtime: number }[] = [];
  // A folder or file that cannot be listed, stat'ed or read is keyed by its name: the reader reads
  // the rest of the bundle and notes the problem, so one unreadable subfolder must not fail the job.
  const unreadable: string[] = [];
  const walk = (d: string) => {
    let entries: import('node:fs').Dirent[];
    try {
      entries = readdirSync(d, { withFileTypes: true });
    } catch {
      unreadable.push(relative(path, d));
      return;
    }
    for (const e of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      const abs = join(d, e.name);
      if (e.isDirectory()) walk(abs);
      else if (e.isFile()) {
        const s = lstatSync(abs, { throwIfNoEntry: false });
        if (s) files.push({ rel: relative(path, abs), abs, size: s.size, mtime: s.mtimeMs });
      }
    }
  };
  walk(path);
  const total = files.reduce((n, f) => n + f.size, 0);
  const h = createHash('sha256');
  for (const f of files) {
    h.update(`${f.rel}\0${f.size}\0`);
    if (total <= FOLDER_CONTENT_LIMIT) h.update(await hashFile(f.abs).catch(() => 'unreadable'));
    else h.update(String(f.mtime));
  }
  for (const u of unreadable) h.update(`${u}\0unreadable\0`);
  return h.digest('hex');
}

function hashFile(p: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const h = createHash('sha256');
    createReadStream(p)
      .on('data', (c) => h.update(c))
      .on('error', reject)
      .on('end', () => resolve(h.digest('hex')));
  });
}
