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
 * chunks, loaded when a command needs it. Packages are bundled too (commander, picomatch, tar-stream,
 * date-fns …): resolving and loading their ~40 files through Node's CommonJS and ES loaders cost 3.6 % of a
 * small analyze's instructions. Their `require` of Node's own modules goes through a createRequire banner.
 * xz-decompress stays a package: it is loaded only for a `.tar.xz` without a system `xz`, with its WASM.
 *
 * What the bundle cannot find from its own location is fixed at bundle time:
 *   - DPM_ANALYSIS_SOURCES_HASH: the content hash of the analysis sources (rulesVersion), which the
 *     unbundled code computes by reading its folders;
 *   - DPM_BUNDLED_WORKER: the batch worker, next to every chunk in outdir;
 *   - DPM_BUNDLED_TEMPLATES: the report templates, precompiled to JavaScript (compiling them at run time
 *     was most of what HTML added to a small analyze). Used only while they match reports/templates:
 *     a template edited after the build is compiled at run time.
 * Report templates are found by walking up to the repository (reports/template-engine.ts), so outdir
 * must be inside it.
 */
import { build } from 'esbuild';
import { rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnSync } from 'node:child_process';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const outdir = resolve(process.argv[2] ?? join(root, 'dist', 'bundle'));
const src = join(root, 'analyzer', 'src');

// The hash the sources give when run from a clone (tsx), and the precompiled report templates: both made
// by the sources' own functions, so the bundle and the sources cannot disagree on them.
const prep = spawnSync(
  process.execPath,
  ['--import', 'tsx', '-e', `Promise.all([import(${JSON.stringify(join(src, 'analyze.ts'))}), import(${JSON.stringify(join(root, 'reports', 'template-engine.ts'))})]).then(([a, t]) => process.stdout.write(JSON.stringify({ hash: a.hashAnalysisSources(${JSON.stringify(src)}), templates: t.precompileReportTemplates() })))`],
  { encoding: 'utf8', cwd: root, maxBuffer: 64 << 20 },
);
let made;
try {
  made = JSON.parse(prep.stdout);
} catch {
  made = undefined;
}
if (prep.status !== 0 || !made || !/^[0-9a-f]{16}$/.test(made.hash) || !made.templates?.key) {
  process.stderr.write(`bundle: could not hash the analysis sources or precompile the templates: ${prep.stderr || prep.stdout.slice(0, 500)}\n`);
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
  external: ['xz-decompress'],
  banner: { js: "import { createRequire as __dpmCreateRequire } from 'node:module'; const require = __dpmCreateRequire(import.meta.url);" },
  define: {
    DPM_ANALYSIS_SOURCES_HASH: JSON.stringify(made.hash),
    DPM_BUNDLED_WORKER: JSON.stringify('./worker.js'),
    DPM_BUNDLED_TEMPLATES: JSON.stringify('./report-templates.json'),
  },
  logLevel: 'warning',
});
writeFileSync(join(outdir, 'report-templates.json'), JSON.stringify(made.templates));
process.stdout.write(`bundle: ${outdir} (analysis sources ${made.hash}, report templates precompiled)\n`);
