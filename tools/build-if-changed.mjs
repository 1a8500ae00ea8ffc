#!/usr/bin/env node
/**
 * `npm start`'s build step: runs `tsc` and the bundle (tools/bundle.mjs) only when a source, template or the TypeScript configuration is newer
 * than the last build (dist/.build-stamp), so a second `npm start` does not spend half a minute compiling.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const stamp = join(root, 'dist', '.build-stamp');
const SOURCES = ['analyzer/src', 'reports', 'tools', 'bench', 'tsconfig.json', 'package.json', 'package-lock.json'];

/** The newest modification time under a path (files only; links are not followed). */
function newest(path) {
  let st;
  try {
    st = statSync(path, { throwIfNoEntry: false });
  } catch {
    return 0;
  }
  if (!st) return 0;
  if (!st.isDirectory()) return st.mtimeMs;
  let max = 0;
  for (const e of readdirSync(path, { withFileTypes: true })) {
    if (e.isSymbolicLink()) continue;
    max = Math.max(max, newest(join(path, e.name)));
  }
  return max;
}

const built = existsSync(stamp) ? statSync(stamp).mtimeMs : 0;
const changed = SOURCES.some((s) => newest(join(root, s)) > built);
if (!changed) {
  process.stdout.write('build: up to date (sources unchanged since the last build)\n');
  process.exit(0);
}
const r = spawnSync(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(root, 'tsconfig.json')], { stdio: 'inherit' });
if (r.status !== 0) process.exit(r.status ?? 1);
const b = spawnSync(process.execPath, [join(root, 'tools', 'bundle.mjs')], { stdio: 'inherit' });
if (b.status !== 0) process.exit(b.status ?? 1);
mkdirSync(dirname(stamp), { recursive: true });
writeFileSync(stamp, `${new Date().toISOString()}\n`);
