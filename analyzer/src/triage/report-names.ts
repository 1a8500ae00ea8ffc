/**
 * Report folder names for batch inputs: file-system safe, unique, and short enough.
 *
 * Unique means unique on the file system that holds the output, which may fold case (macOS, Windows
 * shares) or normalise Unicode: names are compared by their key (NFC, lower case), never as typed.
 * A name that is taken gets the input's hash, and a counter if even that is taken, so inputs
 * `foo`, `foo.tar.gz` and `foo-<hash of foo.tar.gz>` get three folders in any order. Every name
 * is one path component of at most 255 bytes: a long one is cut and keeps the hash of the whole.
 */
import { shortHash } from './discover.js';

/** Longest base before the suffixes; `-<8 hex>-<counter>` stays well inside 255 bytes. */
const MAX_BASE = 200;
export const MAX_NAME_BYTES = 255;
/** The batch's result cache, inside its output folder (job.ts). */
export const CACHE_DIR = '.cache';
/** Our own files in the batch output folder. */
const RESERVED = new Set(['index.html', CACHE_DIR]);

/** How the output's file system may see a name: case-folded and NFC-normalised. */
export function nameKey(name: string): string {
  return name.normalize('NFC').toLowerCase();
}

/** A report folder name from an input name; `taken` holds the keys (nameKey) of the names given so far. */
export function reportDirName(name: string, taken: Set<string>): string {
  let base =
    name
      .replace(/\.(tar\.gz|tgz|tar\.xz|txz|tar\.bz2|tar)$/i, '')
      .replace(/[\\/]+/g, '__')
      .replace(/[^A-Za-z0-9._-]/g, '_')
      .replace(/\.{2,}/g, '.')
      .replace(/^\.+/, '_') || 'bundle';
  const key0 = nameKey(base);
  if (RESERVED.has(key0) || key0.startsWith('summary.')) base = `_${base}`;
  const cut = base.length > MAX_BASE;
  if (cut) base = base.slice(0, MAX_BASE);
  const hash = shortHash(name);
  // A cut name always carries the hash: two long paths may share their first 200 characters.
  const candidates = function* (): Generator<string> {
    if (!cut) yield base;
    yield `${base}-${hash}`;
    for (let n = 2; ; n++) yield `${base}-${hash}-${n}`;
  };
  for (const dir of candidates()) {
    const key = nameKey(dir);
    if (taken.has(key)) continue;
    taken.add(key);
    return dir;
  }
  throw new Error('unreachable');
}

/**
 * One path component: a tampered summary.json must not point a link out of the output folder. Report
 * file names are the renderer's (they may carry a host name), so any single component is accepted.
 */
const safeComponent = (s: string | undefined): s is string => !!s && !/[\/\\\u0000-\u001f]/.test(s) && !/^\.\.?$/.test(s) && Buffer.byteLength(s) <= MAX_NAME_BYTES;

/**
 * A bundle's report of one format (`html`, `json`, `md`), relative to the batch output folder, from
 * the file names its job recorded as written: the one place the batch finds a report, so no file
 * name is assumed. Undefined when there is none (a failed bundle, or the format was not written).
 */
export function reportPath(b: { reportDir?: string; reports?: readonly string[] }, ext: string): string | undefined {
  if (!safeComponent(b.reportDir)) return undefined;
  const name = (b.reports ?? []).find((r) => r.endsWith(`.${ext}`) && safeComponent(r));
  return name ? `${b.reportDir}/${name}` : undefined;
}

/** The same path as a relative URL (each component percent-encoded: `#`, `?` or `%` in a name stay part of it). */
export function reportHref(b: { reportDir?: string; reports?: readonly string[] }, ext: string): string | undefined {
  return reportPath(b, ext)?.split('/').map(encodeURIComponent).join('/');
}
