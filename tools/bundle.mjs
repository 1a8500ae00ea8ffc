#!/usr/bin/env node
/**
 * Bundles the CLI for start-up: `node dist/bundle/main.js` loads a few dozen files instead of the ~220
 * modules tsc's output splits into. On a small sample, Node's ES module loader (resolve, read, link each
 * file) was a third of `analyze`'s wall time (bench/startup.ts; issue "Performance").
 *
 *   node tools/bundle.mjs [outdir]        # default dist/bundle; run by `npm run build`
 *
 * Built from the TypeScript sources with esbuild (the same code tsc compiles; no type check here: the
 * build's tsc step does that). Code the CLI imports lazily (reports, batch, diff …) stays in separate
 * chunks, loaded when a command needs it. Packages in node_modules are not bundled: they load as usual.
 *
 * What the bundle cannot find from its own location is fixed at bundle time:
 *   - DPM_ANALYSIS_SOURCES_HASH: the content hash of the analysis sources (rulesVersion), which the
 *     unbundled code computes by reading its folders;
 *   - DPM_BUNDLED_WORKER: the batch worker, next to every chunk in outdir.
 * Report templates are found by walking up to the repository (reports/template-engine.ts), so outdir
 * must be inside it.
 */
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnSync } from 'node:child_process';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const outdir = resolve(process.argv[2] ?? join(root, 'dist', 'bundle'));
const src = join(root, 'analyzer', 'src');

// The hash the sources give when run from a clone (tsx): computed by the sources' own function, so the
// two cannot disagree on what counts.
const hash = spawnSync(process.execPath, ['--import', 'tsx', '-e', `import(${JSON.stringify(join(src, 'analyze.ts'))}).then((m) => process.stdout.write(m.hashAnalysisSources(${JSON.stringify(src)})))`], { encoding: 'utf8', cwd: root });
if (hash.status !== 0 || !/^[0-9a-f]{16}$/.test(hash.stdout)) {
  process.stderr.write(`bundle: could not hash the analysis sources: ${hash.stderr || hash.stdout}\n`);
  process.exit(1);
}

rmSync(outdir, { recursive: true, force: true });
await build({
  entryPoints: { main: join(src, 'cli', 'main.ts'), worker: join(src, 'triage', 'worker.ts') },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  define: { DPM_ANALYSIS_SOURCES_HASH: JSON.stringify(hash.stdout), DPM_BUNDLED_WORKER: JSON.stringify('./worker.js') },
  logLevel: 'warning',
});
process.stdout.write(`bundle: ${outdir} (analysis sources ${hash.stdout})\n`);
