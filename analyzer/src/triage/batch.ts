/**
 * Batch triage: discover bundles, take this shard's share, analyze them in worker processes
 * (reusing cached results), and write per-bundle reports, index.html, summary.json and summary.csv.
 * `mergeShards` builds the same outputs from several shard output folders.
 */
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { renderBatchIndex } from '../../../reports/batch-index.js';
import type { Severity } from '../rules/types.js';
import type { ReaderLimits } from '../spine/types.js';
import { severityRank } from '../rules/types.js';
import { discoverInputs, shortHash } from './discover.js';
import type { Job } from './job.js';
import { buildSummaryFile, renderCsv, type BatchSummaryFile } from './outputs.js';
import { DEFAULT_BUNDLE_TIMEOUT_MS, runPool } from './pool.js';
import { Progress } from './progress.js';
import { inShard, type Shard } from './shard.js';
import { failedSummary, type BundleSummary } from './summary.js';

export interface BatchOptions {
  inputs: readonly string[];
  outDir: string;
  jobs?: number;
  shard?: Shard;
  bundleTimeoutMs?: number;
  progress?: boolean;
  /** Reader limits for every bundle (defaults: the reader's). */
  limits?: Partial<ReaderLimits>;
}

export interface BatchOutcome {
  bundles: BundleSummary[];
  analyzed: number;
  partial: number;
  failed: number;
  reused: number;
}

export { DEFAULT_BUNDLE_TIMEOUT_MS } from './pool.js';

/** A report folder name from an input name: file-system safe, archive suffix dropped, unique. */
export function reportDirName(name: string, taken: Set<string>): string {
  let base = name.replace(/\.(tar\.gz|tgz|tar\.xz|txz|tar\.bz2|tar)$/i, '').replace(/[\\/]+/g, '__').replace(/[^A-Za-z0-9._-]/g, '_').replace(/\.{2,}/g, '.').replace(/^\.+/, '_') || 'bundle';
  if (base === 'index.html' || base.startsWith('summary.') || base === '.cache') base = `_${base}`;
  let dir = base;
  if (taken.has(dir)) dir = `${base}-${shortHash(name)}`;
  taken.add(dir);
  return dir;
}

export async function runBatch(opts: BatchOptions): Promise<BatchOutcome> {
  const outDir = resolve(opts.outDir);
  mkdirSync(outDir, { recursive: true });
  const found = discoverInputs(opts.inputs);
  const inputs = found.inputs.filter((i) => inShard(i.name, opts.shard));
  const refused = found.refused.filter((r) => inShard(r.name, opts.shard)).map((r) => failedSummary(r.name, r.reason));
  const taken = new Set<string>();
  const jobs: Job[] = inputs.map((i) => ({ name: i.name, path: i.path, outRoot: outDir, reportDir: reportDirName(i.name, taken), limits: opts.limits }));

  const results: BundleSummary[] = [...refused];
  const progress = opts.progress === false ? undefined : new Progress(jobs.length);
  let reused = 0;
  await runPool(jobs, {
    concurrency: opts.jobs ?? availableParallelism(),
    timeoutMs: opts.bundleTimeoutMs ?? DEFAULT_BUNDLE_TIMEOUT_MS,
    onResult: (r) => {
      const { cached, ...summary } = r;
      if (cached) reused++;
      results.push(summary);
      progress?.update(r);
    },
  });
  writeOutputs(outDir, results);
  return { ...counts(results), reused };
}

/** Joins shard outputs into one: copies each bundle's report folder and rewrites the index and summaries. */
export function mergeShards(shardDirs: readonly string[], outDir: string): BatchOutcome {
  const out = resolve(outDir);
  mkdirSync(out, { recursive: true });
  const all: BundleSummary[] = [];
  const seen = new Set<string>();
  for (const d of shardDirs) {
    const file = join(resolve(d), 'summary.json');
    if (!existsSync(file)) throw new Error(`${d}: no summary.json (not a batch output folder)`);
    const summary = JSON.parse(readFileSync(file, 'utf8')) as BatchSummaryFile;
    for (const b of summary.bundles) {
      if (seen.has(b.input)) continue; // the same input in two shards: keep the first
      seen.add(b.input);
      if (b.reportDir && resolve(d) !== out) {
        const src = join(resolve(d), b.reportDir);
        // reportDir comes from our own summary.json, but a tampered one must not copy outside the shard folder.
        if (!src.startsWith(resolve(d) + '/') || b.reportDir.includes('..')) throw new Error(`${d}: bad reportDir ${b.reportDir}`);
        if (existsSync(src)) cpSync(src, join(out, b.reportDir), { recursive: true });
      }
      all.push(b);
    }
  }
  writeOutputs(out, all);
  return { ...counts(all), reused: 0 };
}

function counts(bundles: BundleSummary[]): Omit<BatchOutcome, 'reused'> {
  const n = (s: BundleSummary['status']) => bundles.filter((b) => b.status === s).length;
  return { bundles, analyzed: n('analyzed'), partial: n('partial'), failed: n('failed') };
}

function writeOutputs(outDir: string, bundles: readonly BundleSummary[]): void {
  const file = buildSummaryFile(bundles);
  writeFileSync(join(outDir, 'summary.json'), JSON.stringify(file, null, 2) + '\n');
  writeFileSync(join(outDir, 'summary.csv'), renderCsv(bundles));
  writeFileSync(join(outDir, 'index.html'), renderBatchIndex(file));
}

export function anyAtOrAbove(bundles: readonly BundleSummary[], s: Severity): boolean {
  return bundles.some((b) => b.findings.some((f) => severityRank(f.severity) >= severityRank(s)));
}
