import type { Command } from 'commander';
import { REPORT_FORMATS } from '../../../../reports/formats.js';
import { EXIT, orUnreadable } from '../exit-codes.js';
import { safe } from '../safe-text.js';
import { collect, parseFormats, parseSeverity, teamOrExit, usageOrExit } from './analyze.js';

/** `diff <before> <after> -o <dir>`: what a fix changed, as diff.html, diff.json and diff.md (docs/diff.md). */
export function registerDiff(program: Command): void {
  program
    .command('diff')
    .description('compare two bundles of one host (before and after a fix): findings new, resolved and persisting, and what changed')
    .argument('<before>', 'the earlier bundle (tarball, sosreport or folder)')
    .argument('<after>', 'the later bundle')
    .requiredOption('-o, --output <dir>', 'output folder (created if missing)')
    .option('--format <list>', `comma-separated: ${REPORT_FORMATS.join(',')}`, REPORT_FORMATS.join(','))
    .option('--fail-on-new <severity>', 'exit 1 when a new finding is at or above this severity')
    .option('--known-defects <file>', 'add a team known-defect file (docs/known-defects.md); repeatable', collect, [])
    .option('--config <file>', 'team config applied to both bundles (docs/config.md); default: ./docker-postmortem.config.json when present')
    .option('--no-config', 'ignore ./docker-postmortem.config.json')
    .action(async (before: string, after: string, opts: { output: string; format: string; failOnNew?: string; knownDefects: string[]; config?: string | false }) => {
      const parsed = usageOrExit(() => ({ formats: parseFormats(opts.format, REPORT_FORMATS), failOnNew: opts.failOnNew ? parseSeverity(opts.failOnNew) : undefined }));
      if (!parsed) return;
      const { formats, failOnNew } = parsed;
      const team = await teamOrExit(opts);
      if (!team) return;
      const [{ analyzeBundle }, { diffAnalyses, newAtOrAbove }, { writeDiffReports }, { summaryLines }, { applyConfig }] = await Promise.all([
        import('../../analyze.js'),
        import('../../diff/index.js'),
        import('../../../../reports/diff-files.js'),
        import('../../../../reports/diff-view.js'),
        import('../../config/apply.js'),
      ]);
      const analyze = async (input: string) => {
        let r: Awaited<ReturnType<typeof analyzeBundle>> | undefined;
        await orUnreadable(input, async () => {
          const raw = await analyzeBundle(input, { rules: team.rules });
          r = team.config ? applyConfig(raw, team.config) : raw;
        });
        return r;
      };
      const b = await analyze(before);
      const a = b && (await analyze(after));
      if (!b || !a) return; // orUnreadable said why and set exit code 3
      const d = diffAnalyses(b, a);
      for (const line of summaryLines(d)) process.stdout.write(`${safe(line)}\n`);
      for (const f of await writeDiffReports(d, opts.output, formats)) process.stdout.write(`${safe(f)}\n`);
      if (failOnNew && newAtOrAbove(d, failOnNew)) process.exitCode = EXIT.FINDINGS;
    });
}
