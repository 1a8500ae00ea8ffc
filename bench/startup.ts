/**
 * bench/startup.ts: what a small `analyze` costs, which is mostly start-up.
 *
 *   npm run build && npx tsx bench/startup.ts
 *   DPM_BENCH_RUNS=5 npx tsx bench/startup.ts
 *   DPM_BENCH_CLI=/path/to/other/dist/bundle/main.js npx tsx bench/startup.ts   # another build
 *
 * Times, interleaved so load swings hit every case alike (best of DPM_BENCH_RUNS, default 7):
 *   - `node -e 0` (the floor: Node's own start-up);
 *   - `--version` (the CLI's module graph before any command runs);
 *   - `analyze` of a small sample (samples/nspawn-healthy, 1.2 MB) with every format, and with json only
 *     (the difference is the HTML renderer: Handlebars compiling the templates).
 * When NODE_EXTRA_CA_CERTS is set, the floor and the bundle's analyze run again without it (measure.ts, EXTRA_CA).
 * Each command runs twice: with the bundle (dist/bundle/main.js, what `npm start` and the installed bin
 * run; tools/bundle.mjs) and with tsc's one-file-per-module output (dist/analyzer/src/cli/main.js), so
 * the module loader's share shows in the same run.
 * Aim: `analyze` of the small sample under 0.35 s wall on this machine.
 *
 * Where the time goes, by module: see bench/README.md (`--cpu-prof` recipe).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { best, bestWall, envNumber, EXTRA_CA, fmtTiming, loadLine, timeShell, type Timing, withoutExtraCa } from './measure.js';

const ROOT = resolve(import.meta.dirname, '..');
const CLI = process.env['DPM_BENCH_CLI'] ?? join(ROOT, 'dist/bundle/main.js');
const MODULES = join(ROOT, 'dist/analyzer/src/cli/main.js');
const SAMPLE = process.env['DPM_BENCH_SAMPLE'] ?? join(ROOT, 'samples/nspawn-healthy');
const RUNS = envNumber('DPM_BENCH_RUNS', 7);

const out = mkdtempSync(join(tmpdir(), 'dpm-bench-startup-'));
const NO_CA = ' [no extra CA]';
/** [name, shell command, environment]: the analyze runs of one build, named with `tag`. */
type Case = [string, string, NodeJS.ProcessEnv?];
const analyzeCases = (cli: string, tag: string, env?: NodeJS.ProcessEnv): Case[] => [
  [`analyze --format json${tag}`, `node '${cli}' analyze '${SAMPLE}' -o '${out}' --format json > /dev/null`, env],
  [`analyze (json,html,md)${tag}`, `node '${cli}' analyze '${SAMPLE}' -o '${out}' > /dev/null`, env],
];
const cases: Case[] = [
  ['node -e 0 (floor)', 'node -e 0'],
  ...([[CLI, ''], ...(process.env['DPM_BENCH_CLI'] ? [] : [[MODULES, ' [modules]']])] as const).flatMap(([cli, tag]): Case[] => [
    [`--version${tag}`, `node '${cli}' --version > /dev/null`],
    ...analyzeCases(cli, tag),
  ]),
  // measure.ts, EXTRA_CA: Node's start with and without the certificate file it would parse.
  ...(EXTRA_CA ? [['node -e 0' + NO_CA, 'node -e 0', withoutExtraCa()] as Case, ...analyzeCases(CLI, NO_CA, withoutExtraCa())] : []),
];
try {
  const results = new Map<string, Timing[]>(cases.map(([n]) => [n, []]));
  console.log(`${CLI}\n${SAMPLE}, best of ${RUNS}; ${loadLine()}`);
  for (let i = 0; i < RUNS; i++) for (const [name, cmd, env] of cases) results.get(name)!.push(timeShell(cmd, env));
  const withCa = results.get(cases[0]![0])!;
  const noCa = results.get('node -e 0' + NO_CA);
  for (const [name, xs] of results) {
    const floor = noCa && name.endsWith(NO_CA) ? noCa : withCa;
    const vs = xs === floor ? '' : `   → ${(bestWall(xs) / bestWall(floor)).toFixed(1)}× wall, ${(best(xs).cpu / best(floor).cpu).toFixed(1)}× CPU of the floor`;
    console.log(`  ${name.padEnd(34)} best wall ${bestWall(xs).toFixed(3)} s; ${fmtTiming(best(xs))}${vs}`);
  }
  if (EXTRA_CA) console.log(`  [no extra CA]: without NODE_EXTRA_CA_CERTS=${EXTRA_CA}, which Node reads at every start (ratios to the floor without it)`);
  console.log(`  (${loadLine()}; aim: analyze under 0.35 s wall)`);
} finally {
  rmSync(out, { recursive: true, force: true });
}
