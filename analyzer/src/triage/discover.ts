/**
 * Batch input discovery. Every given file is one input; a given folder is one input when it is a
 * bundle itself (manifest.json, sos_commands/, cmd/, files/, version.txt), otherwise each of its
 * entries is (recursively, for folders that group bundles). Symbolic links are never followed
 * out of the given roots: they are listed as refused with the reason. The type of every input is
 * checked here, before anything opens it: a FIFO or a device (`/dev/zero`) would block or never end
 * in the hash. Hidden entries, and files a folder walk finds that are plainly not bundles (notes,
 * documents, images: NOT_A_BUNDLE_EXT), are skipped and listed as such in summary.json; a file
 * named on the command line is always an input, whatever its name.
 */
import { lstatSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { basename, relative, resolve, sep } from 'node:path';
import fg from 'fast-glob';
import { byCodeUnits } from '../text-order.js';

export interface BatchInput {
  /** Absolute path. */
  path: string;
  /** Stable display name, relative to its root (unique within a run). */
  name: string;
}

export interface Discovery {
  inputs: BatchInput[];
  /** Inputs refused before analysis (links out of the root, missing paths, FIFOs, devices), with one-line reasons. */
  refused: { name: string; path: string; reason: string }[];
  /** Entries left out on purpose, with the reason: listed in summary.json, not counted as failed. */
  skipped: { name: string; path: string; kind: 'hidden' | 'not-a-bundle'; reason: string }[];
}

const NOT_FILE_OR_FOLDER = 'not a regular file or folder (a FIFO, socket or device): not read';
const HIDDEN = 'hidden entry (its name starts with a dot): skipped';
const NOT_A_BUNDLE = 'not a bundle (a note, document or image by its name): skipped';

/**
 * Name endings of files that travel beside bundles in a case folder and are never one: a bundle is
 * recognised by its bytes (magic.ts), so this list names only what is plainly something else.
 */
const NOT_A_BUNDLE_EXT = /\.(md|markdown|txt|text|rst|adoc|pdf|docx?|odt|rtf|xlsx?|ods|csv|pptx?|html?|eml|msg|png|jpe?g|gif|bmp|svg|webp|tiff?|heic|ico)$/i;

export function plainlyNotABundle(name: string): boolean {
  return NOT_A_BUNDLE_EXT.test(name) || /^readme$/i.test(name);
}

const BUNDLE_MARKERS = ['manifest.json', 'sos_commands', 'cmd', 'files', 'version.txt', 'sos_reports'];
/** A folder nested this deep below a root is taken as an input even if it holds no bundle markers. */
const MAX_DEPTH = 4;

export function looksLikeBundleDir(dir: string): boolean {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return false;
  }
  if (names.some((n) => BUNDLE_MARKERS.includes(n))) return true;
  // An unpacked archive: exactly one top folder that is a bundle.
  return names.length === 1 && isDir(resolve(dir, names[0]!)) && readdirSafe(resolve(dir, names[0]!)).some((n) => BUNDLE_MARKERS.includes(n));
}

function readdirSafe(d: string): string[] {
  try {
    return readdirSync(d);
  } catch {
    return [];
  }
}

function isDir(p: string): boolean {
  try {
    return lstatSync(p).isDirectory();
  } catch {
    return false;
  }
}

/** Does this folder contain bundles (archives or bundle folders) further down? */
function groupsBundles(dir: string): boolean {
  const hits = fg.sync(['**/*.{tar,tgz,tar.gz,tar.xz,txz,tar.bz2}', '**/manifest.json', '**/sos_commands'], {
    cwd: dir, deep: MAX_DEPTH, onlyFiles: false, followSymbolicLinks: false, suppressErrors: true, dot: false,
  });
  return hits.length > 0;
}

export function discoverInputs(args: readonly string[]): Discovery {
  const inputs: BatchInput[] = [];
  const refused: Discovery['refused'] = [];
  const skipped: Discovery['skipped'] = [];
  const seen = new Set<string>();
  const add = (path: string, name: string) => {
    if (seen.has(path)) return;
    seen.add(path);
    inputs.push({ path, name });
  };

  const walk = (root: string, dir: string, depth: number) => {
    for (const entry of readdirSafe(dir).sort()) {
      const p = resolve(dir, entry);
      const name = relative(root, p).split(sep).join('/') || basename(p);
      if (entry.startsWith('.')) {
        skipped.push({ name, path: p, kind: 'hidden', reason: HIDDEN });
        continue;
      }
      let st;
      try {
        st = lstatSync(p);
      } catch (e) {
        refused.push({ name, path: p, reason: `cannot stat: ${(e as Error).message}` });
        continue;
      }
      if (st.isSymbolicLink()) {
        const target = safeRealpath(p);
        if (!target || !(target === root || target.startsWith(root + sep))) {
          refused.push({ name, path: p, reason: 'symbolic link out of the input folder: not followed' });
          continue;
        }
        // A link inside the root: the target is (or will be) visited on its own.
        continue;
      }
      if (st.isFile()) {
        if (plainlyNotABundle(entry)) skipped.push({ name, path: p, kind: 'not-a-bundle', reason: NOT_A_BUNDLE });
        else add(p, name);
      } else if (st.isDirectory()) {
        if (looksLikeBundleDir(p) || depth >= MAX_DEPTH || !groupsBundles(p)) add(p, name);
        else walk(root, p, depth + 1);
      } else refused.push({ name, path: p, reason: NOT_FILE_OR_FOLDER });
    }
  };

  for (const arg of args) {
    const matches = fg.isDynamicPattern(arg) ? fg.sync(arg, { onlyFiles: false, followSymbolicLinks: false, absolute: true, suppressErrors: true }).sort() : [arg];
    if (matches.length === 0) {
      refused.push({ name: arg, path: resolve(arg), reason: 'no such file or folder' });
      continue;
    }
    for (const m of matches) {
      const p = resolve(m);
      let st;
      try {
        st = statSync(p);
      } catch {
        refused.push({ name: basename(p), path: p, reason: 'no such file or folder' });
        continue;
      }
      if (st.isDirectory()) {
        if (looksLikeBundleDir(p)) add(p, basename(p));
        else walk(safeRealpath(p) ?? p, p, 1);
      } else if (st.isFile()) add(p, basename(p));
      else refused.push({ name: basename(p), path: p, reason: NOT_FILE_OR_FOLDER });
    }
  }
  // Names must be unique: two roots may both hold "a.tar.gz".
  const count = new Map<string, number>();
  for (const i of inputs) count.set(i.name, (count.get(i.name) ?? 0) + 1);
  for (const i of inputs) if (count.get(i.name)! > 1) i.name = `${i.name}@${shortHash(i.path)}`;
  inputs.sort((a, b) => byCodeUnits(a.name, b.name));
  return { inputs, refused, skipped };
}

function safeRealpath(p: string): string | undefined {
  try {
    return realpathSync(p);
  } catch {
    return undefined;
  }
}

/** FNV-1a, hex: stable across runs and machines (shards and name suffixes depend on it). */
export function shortHash(s: string): string {
  return fnv1a(s).toString(16).padStart(8, '0');
}

export function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}
