import type { Command } from 'commander';
import { resolve } from 'node:path';
import type { BatchOutcome } from '../../triage/batch.js';
import { DEFAULT_BUNDLE_TIMEOUT_MS } from '../../triage/pool.js';
import type { Shard } from '../../triage/shard.js';
import { EXIT } from '../exit-codes.js';
import { safe } from '../safe-text.js';
import { collect, parseLang, parseSeverity } from './analyze.js';
import { LANG_TAGS, type LangTag } from '../../i18n/registry.js';
import type { TeamSetup } from '../../config/team.js';
import type { Severity } from '../../rules/types.js';
import { AUDIENCES, parseAudience, type Audience } from '../../../../reports/formats.js';

interface BatchCliOptions {
  output: string;
  jobs?: string;
  shard?: string;
  merge?: boolean;
  failOn?: string;
  bundleTimeout: string;
  progress: boolean;
  knownDefects: string[];
  lang?: string;
  audience?: string;
  config?: string | false;
}

/** `batch <inputs…> -o <dir>`: many bundles in, one ranked index out (docs/batch.md). */
export function registerBatch(program: Command): void {
  program
    .command('batch')
    .description('triage many bundles: per-bundle reports, index.html, summary.json and summary.csv')
    .argument('<inputs...>', 'bundle files, folders holding bundles, or globs (with --merge: shard output folders)')
    .requiredOption('-o, --output <dir>', 'output folder')
    .option('--jobs <n>', 'bundles analyzed in parallel (default: CPU count)')
    .option('--shard <i/n>', 'take a deterministic 1/n share of the inputs (i from 1 to n)')
    .option('--merge', 'merge shard output folders into one index')
    .option('--fail-on <severity>', 'exit 1 when any bundle has a finding at or above this severity')
    .option('--bundle-timeout <seconds>', 'stop and list a bundle that takes longer', String(DEFAULT_BUNDLE_TIMEOUT_MS / 1000))
    .option('--no-progress', 'no progress output')
    .option('--known-defects <file>', 'add a team known-defect file (docs/known-defects.md); repeatable', collect, [])
    .option('--lang <tag>', `report language: ${LANG_TAGS.join(', ')} (default: DOCKER_POSTMORTEM_LANG, then the locale, then en)`)
    .option('--audience <who>', `${AUDIENCES.join(' or ')}: customer leaves the technical section out of every report (default: engineer)`)
    .option('--config <file>', 'team config applied to every bundle (docs/config.md); default: ./docker-postmortem.config.json when present')
    .option('--no-config', 'ignore ./docker-postmortem.config.json')
    .action(async (inputs: string[], opts: BatchCliOptions) => {
      let shard: Shard | undefined;
      let failOn: Severity | undefined;
      let jobs: number | undefined;
      let lang: LangTag;
      let audience: Audience;
      let team: TeamSetup | undefined;
      const timeout = Number(opts.bundleTimeout);
      const [{ anyAtOrAbove, mergeShards, runBatch }, { parseShard }, { teamSetup }] = await Promise.all([import('../../triage/batch.js'), import('../../triage/shard.js'), import('../../config/team.js')]);
      try {
        shard = opts.shard ? parseShard(opts.shard) : undefined;
        failOn = opts.failOn ? parseSeverity(opts.failOn) : undefined;
        lang = parseLang(opts.lang);
        audience = parseAudience(opts.audience);
        if (opts.jobs !== undefined) {
          jobs = Number(opts.jobs);
          if (!Number.isInteger(jobs) || jobs < 1) throw new Error(`--jobs takes a whole number ≥ 1 (got ${opts.jobs})`);
        }
        if (!Number.isFinite(timeout) || timeout <= 0) throw new Error(`--bundle-timeout takes seconds > 0 (got ${opts.bundleTimeout})`);
        if (opts.merge && shard) throw new Error('--merge and --shard do not go together');
        const t = teamSetup(opts);
        if (!t.setup) throw new Error(t.problems.map(safe).join('\ndocker-postmortem: '));
        team = t.setup;
      } catch (e) {
        process.stderr.write(`docker-postmortem: ${(e as Error).message}\n`);
        process.exitCode = EXIT.USAGE;
        return;
      }
      let outcome: BatchOutcome;
      try {
        outcome = opts.merge
          ? mergeShards(inputs, opts.output, lang)
          : await runBatch({ inputs, outDir: opts.output, jobs, shard, bundleTimeoutMs: timeout * 1000, progress: opts.progress, knownDefectFiles: opts.knownDefects.map((f) => resolve(f)), configFile: team?.config?.path, lang, audience });
      } catch (e) {
        process.stderr.write(`docker-postmortem: ${safe((e as Error).message)}\n`);
        process.exitCode = EXIT.USAGE;
        return;
      }
      process.stdout.write(`${outcome.bundles.length} bundle(s): ${outcome.analyzed} analyzed, ${outcome.partial} partly read, ${outcome.failed} could not be read${outcome.reused ? `, ${outcome.reused} reused from cache` : ''}${outcome.skipped ? `, ${outcome.skipped} skipped (not bundles or hidden)` : ''} -> ${safe(opts.output)}/index.html\n`);
      for (const b of outcome.bundles.filter((x) => x.status !== 'analyzed')) {
        process.stderr.write(`docker-postmortem: ${b.status === 'failed' ? 'cannot read' : 'only partly read'} ${safe(b.input)}: ${safe(b.reason)}\n`);
      }
      if (outcome.failed > 0 || outcome.partial > 0) process.exitCode = EXIT.UNREADABLE;
      else if (failOn && anyAtOrAbove(outcome.bundles, failOn)) process.exitCode = EXIT.FINDINGS;
    });
}
