import type { Command } from 'commander';
import { SEVERITIES, severityRank, type Severity } from '../../rules/types.js';
import { REPORT_FORMATS, type ReportFormat } from '../../../../reports/formats.js';
import { EXIT, orUnreadable } from '../exit-codes.js';
import { safe } from '../safe-text.js';
import { teamSetup, type TeamSetup } from '../../config/team.js';

/** Commander collector for repeatable options. */
export const collect = (v: string, prev: string[] = []): string[] => [...prev, v];

export function parseFormats(v: string): ReportFormat[] {
  const list = v.split(',').map((s) => s.trim()).filter(Boolean);
  for (const f of list) if (!(REPORT_FORMATS as readonly string[]).includes(f)) throw new Error(`unknown format ${f} (use ${REPORT_FORMATS.join(',')})`);
  return list as ReportFormat[];
}

export function parseSeverity(v: string): Severity {
  if (!(SEVERITIES as readonly string[]).includes(v)) throw new Error(`unknown severity ${v} (use ${SEVERITIES.join(', ')})`);
  return v as Severity;
}

/** The team setup for a command (`--config`, `--known-defects`), or undefined after saying why on stderr (exit 2). */
export function teamOrExit(opts: { config?: string | false; knownDefects: string[] }): TeamSetup | undefined {
  const { setup, problems } = teamSetup(opts);
  if (!setup) {
    for (const p of problems) process.stderr.write(`docker-postmortem: ${safe(p)}\n`);
    process.exitCode = EXIT.USAGE;
    return undefined;
  }
  for (const r of setup.replaced) process.stderr.write(`docker-postmortem: note: known-defect ${safe(r)}\n`);
  return setup;
}

/** `analyze <bundle> -o <dir>`: writes report.json (+ html, md) into <dir>, and nowhere else. */
export function registerAnalyze(program: Command): void {
  program
    .command('analyze')
    .description('diagnose one bundle and write its reports')
    .argument('<bundle>', 'collector tarball, sosreport or folder')
    .requiredOption('-o, --output <dir>', 'output folder (created if missing)')
    .option('--format <list>', `comma-separated: ${REPORT_FORMATS.join(',')}`, REPORT_FORMATS.join(','))
    .option('--fail-on <severity>', 'exit 1 when a finding is at or above this severity')
    .option('--known-defects <file>', 'add a team known-defect file (docs/known-defects.md); repeatable', collect, [])
    .option('--config <file>', `team config (docs/config.md); default: ./${'docker-postmortem.config.json'} when present`)
    .option('--no-config', 'ignore ./docker-postmortem.config.json')
    .action(async (bundle: string, opts: { output: string; format: string; failOn?: string; knownDefects: string[]; config?: string | false }) => {
      let formats: ReportFormat[];
      let failOn: Severity | undefined;
      try {
        formats = parseFormats(opts.format);
        failOn = opts.failOn ? parseSeverity(opts.failOn) : undefined;
      } catch (e) {
        process.stderr.write(`docker-postmortem: ${(e as Error).message}\n`);
        process.exitCode = EXIT.USAGE;
        return;
      }
      const team = teamOrExit(opts);
      if (!team) return;
      const [{ analyzeBundle }, { writeReports }, { applyConfig }] = await Promise.all([import('../../analyze.js'), import('../../../../reports/index.js'), import('../../config/apply.js')]);
      await orUnreadable(bundle, async () => {
        const raw = await analyzeBundle(bundle, { rules: team.rules });
        const result = team.config ? applyConfig(raw, team.config) : raw;
        const written = await writeReports(result, opts.output, formats);
        for (const f of written) process.stdout.write(`${safe(f)}\n`);
        if (failOn && result.findings.some((f) => severityRank(f.severity) >= severityRank(failOn!))) process.exitCode = EXIT.FINDINGS;
      });
    });
}
