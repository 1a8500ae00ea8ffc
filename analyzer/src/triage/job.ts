/**
 * One batch job: reuse the cached result when the same bundle was analyzed with the same rules,
 * else analyze it and write its reports. Runs inside a worker process.
 *
 * The bundle is read once: the cache is looked up by a cheap pre-key (bundle-hash.ts) and the
 * archive's sha256 is computed in the reader's pass. The report renderers (Handlebars, templates)
 * are loaded on the first cache miss only, so a worker serving cached bundles stays small.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { analyzeBundle, rulesVersion } from '../analyze.js';
import { BundleUnreadableError } from '../spine/reader.js';
import type { ReaderLimits } from '../spine/types.js';
import { bundlePreKey, type PreKey } from './bundle-hash.js';
import { CACHE_DIR } from './report-names.js';
import { teamSetup } from '../config/team.js';
import { failedSummary, summarize, type BundleSummary } from './summary.js';
import type { LangTag } from '../i18n/registry.js';
import type { Audience } from '../../../reports/formats.js';

export interface Job {
  /** Input name (unique in the run) and absolute path. */
  name: string;
  path: string;
  /** Batch output folder, and this bundle's report folder name inside it. */
  outRoot: string;
  reportDir: string;
  limits?: Partial<ReaderLimits>;
  /** Team known-defect files (validated by the CLI before the run). */
  knownDefectFiles?: string[];
  /** Report language (default en); part of the cache key, so reports in another language are not reused. */
  lang?: LangTag;
  /** Who reads the reports (reports/formats.ts AUDIENCES); part of the cache key like the language. */
  audience?: Audience;
  /** Team config file (validated by the CLI before the run; never looked up from the worker's cwd). */
  configFile?: string;
}

export function cacheDir(outRoot: string): string {
  return join(outRoot, CACHE_DIR);
}

export function cacheFile(outRoot: string, key: string, rulesVersion: string): string {
  return join(cacheDir(outRoot), `${key}-${rulesVersion.replace(/[^A-Za-z0-9.+-]/g, '_')}.json`);
}

export async function runJob(job: Job): Promise<BundleSummary & { cached: boolean }> {
  let pre: PreKey;
  try {
    pre = await bundlePreKey(job.path);
  } catch (e) {
    return { ...failedSummary(job.name, job.path, `cannot read: ${(e as Error).message}`), cached: false };
  }
  const { setup: team, problems } = teamSetup({ config: job.configFile ?? false, knownDefects: job.knownDefectFiles });
  if (!team) return { ...failedSummary(job.name, job.path, `team files changed since the run began: ${problems.join('; ')}`), cached: false };
  // The cache key: bundle pre-key + rule catalog + (when given) the team files' fingerprint, the config's hash and the language.
  const cf = cacheFile(job.outRoot, pre.key, `${rulesVersion()}${team.fingerprint ? `+kd${team.fingerprint}` : ''}${team.config ? `+cfg${team.config.hash}` : ''}${job.lang && job.lang !== 'en' ? `+${job.lang}` : ''}${job.audience === 'customer' ? '+customer' : ''}`);
  const cached = readCached(cf, job);
  if (cached) return { ...cached, cached: true };

  const { REPORT_FORMATS, writeReports } = await import('../../../reports/index.js');
  // A folder has no file sha256: its key (paths, sizes, mtimes) is what identifies it.
  let sha: string | undefined = pre.folder ? pre.key : undefined;
  let summary: BundleSummary;
  try {
    const raw = await analyzeBundle(job.path, { limits: job.limits, rules: team.rules, onInputSha256: (s) => (sha = s) });
    const result = team.config ? (await import('../config/apply.js')).applyConfig(raw, team.config) : raw;
    const written = await writeReports(result, join(job.outRoot, job.reportDir), [...REPORT_FORMATS], { lang: job.lang, audience: job.audience });
    summary = summarize({ input: job.name, path: job.path, sha, reportDir: job.reportDir, reports: written }, result);
  } catch (e) {
    if (e instanceof BundleUnreadableError) summary = failedSummary(job.name, job.path, e.message, sha);
    else summary = failedSummary(job.name, job.path, `internal error: ${(e as Error).message?.split('\n')[0] ?? String(e)}`, sha);
  }
  mkdirSync(cacheDir(job.outRoot), { recursive: true });
  // Written atomically: a batch killed mid-write must not leave a half cache entry behind.
  const tmp = `${cf}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(summary));
  renameSync(tmp, cf);
  return { ...summary, cached: false };
}

function readCached(cf: string, job: Job): BundleSummary | undefined {
  if (!existsSync(cf)) return undefined;
  try {
    const s = JSON.parse(readFileSync(cf, 'utf8')) as BundleSummary;
    if (s.input !== job.name || !s.file) return undefined; // a summary of schema 1 lacks file: redo it
    // Reused only when every report it recorded is still there (and it recorded some: an entry from
    // before `reports` existed is redone).
    if (s.status !== 'failed' && (!s.reports?.length || !s.reports.every((r) => existsSync(join(job.outRoot, job.reportDir, basename(r)))))) return undefined;
    return s;
  } catch {
    return undefined;
  }
}
