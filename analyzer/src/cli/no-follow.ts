/**
 * Writing into an output folder without following symbolic links. A batch output folder can hold
 * what an earlier run, a merged shard or someone else left there: a report folder, report file or
 * `.cache` that is a link to `/etc` must not take our writes. So every component below the output
 * folder is lstat'ed, a link found where our folder or file goes is removed (unlinking a link never
 * touches its target) and replaced, and files are opened with O_NOFOLLOW, so a link put there after
 * the check makes the write fail instead of following it. The output folder itself is the user's
 * choice (`-o`), like any path given on the command line.
 */
import { closeSync, constants, fstatSync, lstatSync, mkdirSync, openSync, readdirSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { join } from 'node:path';

/** Removes a symlink at `path` (not its target); true if `path` now does not exist. */
function clearLink(path: string): boolean {
  const st = lstatSync(path, { throwIfNoEntry: false });
  if (!st) return true;
  if (!st.isSymbolicLink()) return false;
  unlinkSync(path);
  return true;
}

/**
 * `root/rel` as a real folder: every component of `rel` checked with lstat, links removed, missing
 * ones created (with `create` false, a path that is missing stays missing: only links are cleared).
 */
export function realDirUnder(root: string, rel: string, create = true): string {
  let at = root;
  for (const part of rel.split('/').filter(Boolean)) {
    if (part === '..' || part === '.') throw new Error(`refusing output path ${rel}: it climbs out of ${root}`);
    at = join(at, part);
    if (clearLink(at)) {
      if (!create) return at;
      mkdirSync(at);
    } else if (!lstatSync(at).isDirectory()) throw new Error(`${at} is in the way of an output folder and is not a folder`);
  }
  return at;
}

const WRITE_FLAGS = constants.O_WRONLY | constants.O_CREAT | constants.O_TRUNC | constants.O_NOFOLLOW;

/** writeFileSync that never writes through a link at `path`. */
export function writeFileNoFollow(path: string, data: string | Buffer, mode = 0o644): void {
  clearLink(path);
  const fd = openSync(path, WRITE_FLAGS, mode);
  try {
    const buf = typeof data === 'string' ? Buffer.from(data) : data;
    for (let off = 0; off < buf.length; ) off += writeSync(fd, buf, off);
  } finally {
    closeSync(fd);
  }
}

/** The async form, for report writing. */
export async function writeFileNoFollowAsync(path: string, data: string | Buffer, mode = 0o644): Promise<void> {
  clearLink(path);
  const fh = await open(path, WRITE_FLAGS, mode);
  try {
    await fh.writeFile(data);
  } finally {
    await fh.close();
  }
}

/** A regular file's bytes, refusing a link or special file at `path` (also one swapped in after a listing). */
function readRegularNoFollow(path: string): Buffer | undefined {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch {
    return undefined;
  }
  try {
    return fstatSync(fd).isFile() ? readFileSync(fd) : undefined;
  } finally {
    closeSync(fd);
  }
}

/**
 * Copies the folder `src` to `dstRoot/rel` (made a real folder): folders and regular files only.
 * `src` itself must be a real folder. Links and special files are never copied, nor followed; their
 * paths (relative to `src`) are returned.
 */
export function copyTreeNoLinks(src: string, dstRoot: string, rel: string): string[] {
  const left: string[] = [];
  const walk = (from: string, to: string, relPath: string) => {
    realDirUnder(dstRoot, to);
    for (const e of readdirSync(from, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const r = relPath ? `${relPath}/${e.name}` : e.name;
      const data = e.isFile() ? readRegularNoFollow(join(from, e.name)) : undefined;
      if (e.isDirectory() && lstatSync(join(from, e.name)).isDirectory()) walk(join(from, e.name), `${to}/${e.name}`, r);
      else if (data) writeFileNoFollow(join(dstRoot, to, e.name), data);
      else left.push(r);
    }
  };
  if (!lstatSync(src).isDirectory()) return [''];
  walk(src, rel, '');
  return left;
}
