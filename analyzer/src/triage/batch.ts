/**
 * Batch triage: discover bundles, take this shard's share, analyze them in worker processes
 * (reusing cached results), and write per-bundle reports, index.html, summary.json and summary.csv.
 * `mergeShards` builds the same outputs from several shard output folders.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { renderBatchIndex } from '../../../reports/batch-index.js';
import type { Severity } from '../rules/types.js';
import type { ReaderLimits } from '../spine/types.js';
import { severityRank } from '../rules/types.js';
import { discoverInputs } from './discover.js';
import { CACHE_DIR, nameKey, reportDirName } from './report-names.js';
import type { Job } from './job.js';
import { copyTreeNoLinks, realDirUnder, writeFileNoFollow } from '../cli/no-follow.js';
import { buildSummaryFile, renderCsv, type BatchSummaryFile, type SkippedInput } from './outputs.js';
import { DEFAULT_BUNDLE_TIMEOUT_MS, runPool } from './pool.js';
import { Progress } from './progress.js';
import { inShard, type Shard } from './shard.js';
import { failedSummary, SUMMARY_SCHEMA_VERSION, type BundleSummary } from './summary.js';
import type { LangTag } from '../i18n/registry.js';
import type { Audience } from '../../../reports/formats.js';

export interface BatchOptions {
  inputs: readonly string[];
  outDir: string;
  jobs?: number;
  shard?: Shard;
  bundleTimeoutMs?: number;
  progress?: boolean;
  /** Reader limits for every bundle (defaults: the reader's). */
  limits?: Partial<ReaderLimits>;
  /** Team known-defect files, loaded in each worker; their fingerprint joins the cache key. */
  knownDefectFiles?: string[];
  /** Language of index.html and of every bundle's reports (default en). */
  lang?: LangTag;
  /** `customer` leaves the technical section out of every bundle's HTML report (default engineer). */
  audience?: Audience;
  /** The team config (validated by the CLI), applied in each worker; its hash joins the cache key. */
  configFile?: string;
}

export interface BatchOutcome {
  bundles: BundleSummary[];
  analyzed: number;
  partial: number;
  failed: number;
  reused: number;
  /** Entries left out on purpose (hidden, plainly not a bundle): listed, never counted as failed. */
  skipped: number;
}

export { DEFAULT_BUNDLE_TIMEOUT_MS } from './pool.js';

export async function runBatch(opts: BatchOptions): Promise<BatchOutcome> {
  const outDir = resolve(opts.outDir);
  mkdirSync(outDir, { recursive: true });
  const found = discoverInputs(opts.inputs);
  // Names are given over every input before sharding, so each shard names a bundle as one run would
  // and merged shards cannot collide.
  const taken = new Set<string>();
  const named = found.inputs.map((i) => ({ ...i, reportDir: reportDirName(i.name, taken) }));
  const inputs = named.filter((i) => inShard(i.name, opts.shard));
  const refused = found.refused.filter((r) => inShard(r.name, opts.shard)).map((r) => failedSummary(r.name, r.path, r.reason));
  const skipped = found.skipped.filter((r) => inShard(r.name, opts.shard)).map((r) => ({ input: r.name, kind: r.kind, reason: r.reason }));
  const jobs: Job[] = inputs.map((i) => ({ name: i.name, path: i.path, outRoot: outDir, reportDir: i.reportDir, limits: opts.limits, knownDefectFiles: opts.knownDefectFiles, configFile: opts.configFile, ...(opts.lang ? { lang: opts.lang } : {}), ...(opts.audience ? { audience: opts.audience } : {}) }));
  // Workers write into these: a link left there is removed now, never written through.
  realDirUnder(outDir, CACHE_DIR);
  for (const j of jobs) realDirUnder(outDir, j.reportDir, false);

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
  writeOutputs(outDir, results, skipped, opts.lang);
  return { ...counts(results), reused, skipped: skipped.length };
}

/**
 * Joins shard outputs into one: copies each bundle's report folder and rewrites the index and
 * summaries. Only folders and regular files are copied: a link in a shard (to `/etc`, say) is
 * neither copied nor followed, and a link already in the output is replaced, not written through.
 */
export function mergeShards(shardDirs: readonly string[], outDir: string, lang?: LangTag): BatchOutcome {
  const out = resolve(outDir);
  mkdirSync(out, { recursive: true });
  const all: BundleSummary[] = [];
  const skipped: SkippedInput[] = [];
  const seen = new Set<string>();
  const seenSkipped = new Set<string>();
  const taken = new Set<string>();
  for (const d of shardDirs) {
    const shard = resolve(d);
    const file = join(shard, 'summary.json');
    if (!existsSync(file)) throw new Error(`${d}: no summary.json (not a batch output folder)`);
    const summary = JSON.parse(readFileSync(file, 'utf8')) as BatchSummaryFile;
    // Another schema lacks fields the index links by (report file names): merging would drop them silently.
    if (summary.schemaVersion !== SUMMARY_SCHEMA_VERSION) throw new Error(`${d}: summary.json schema ${summary.schemaVersion}, this version merges ${SUMMARY_SCHEMA_VERSION}: run the shard again`);
    for (const s of summary.skipped ?? []) {
      if (seenSkipped.has(s.input)) continue;
      seenSkipped.add(s.input);
      skipped.push(s);
    }
    for (const shardEntry of summary.bundles) {
      if (seen.has(shardEntry.input)) continue; // the same input in two shards: keep the first
      seen.add(shardEntry.input);
      let b = shardEntry;
      if (b.reportDir) {
        // reportDir comes from our own summary.json, but a tampered one must name one folder inside the shard.
        if (!/^[A-Za-z0-9._-]+$/.test(b.reportDir) || /^\.\.?$/.test(b.reportDir)) throw new Error(`${d}: bad reportDir ${b.reportDir}`);
        // Shards of one input set never collide (names are given before sharding); shards of different sets may.
        let dir = b.reportDir;
        if (taken.has(nameKey(dir))) dir = reportDirName(b.input, taken);
        else taken.add(nameKey(dir));
        if (shard !== out || dir !== b.reportDir) {
          const src = join(shard, b.reportDir);
          if (existsSync(src)) copyTreeNoLinks(src, out, dir);
        }
        b = { ...b, reportDir: dir };
      }
      all.push(b);
    }
  }
  writeOutputs(out, all, skipped, lang);
  return { ...counts(all), reused: 0, skipped: skipped.length };
}

function counts(bundles: BundleSummary[]): Omit<BatchOutcome, 'reused' | 'skipped'> {
  const n = (s: BundleSummary['status']) => bundles.filter((b) => b.status === s).length;
  return { bundles, analyzed: n('analyzed'), partial: n('partial'), failed: n('failed') };
}

function writeOutputs(outDir: string, bundles: readonly BundleSummary[], skipped: readonly SkippedInput[], lang: LangTag = 'en'): void {
  const file = buildSummaryFile(bundles, skipped);
  writeFileNoFollow(join(outDir, 'summary.json'), JSON.stringify(file, null, 2) + '\n');
  writeFileNoFollow(join(outDir, 'summary.csv'), renderCsv(bundles));
  writeFileNoFollow(join(outDir, 'index.html'), renderBatchIndex(file, lang));
}

export function anyAtOrAbove(bundles: readonly BundleSummary[], s: Severity): boolean {
  return bundles.some((b) => b.findings.some((f) => severityRank(f.severity) >= severityRank(s)));
}
