import type { Command } from 'commander';
import { resolve } from 'node:path';
import { SEVERITIES, severityRank, type Severity } from '../../rules/types.js';
import { ANALYZE_FORMATS, AUDIENCES, REPORT_FORMATS, parseAudience, type AnalyzeFormat } from '../../../../reports/formats.js';
import { EXIT, orUnreadable } from '../exit-codes.js';
import { safe, safeJson, safeLines } from '../safe-text.js';
import { bundleName } from '../../../../reports/text.js';
import { resolveLang } from '../../i18n/resolve.js';
import { LANG_TAGS, type LangTag } from '../../i18n/registry.js';
import type { TeamSetup } from '../../config/team.js';

/** Commander collector for repeatable options. */
export const collect = (v: string, prev: string[] = []): string[] => [...prev, v];

/** `--format a,b` checked against the formats a command writes (diff: no ticket). */
export function parseFormats<F extends string = AnalyzeFormat>(v: string, allowed: readonly F[] = ANALYZE_FORMATS as unknown as readonly F[]): F[] {
  const list = v.split(',').map((s) => s.trim()).filter(Boolean);
  for (const f of list) if (!(allowed as readonly string[]).includes(f)) throw new Error(`unknown format ${f} (use ${allowed.join(',')})`);
  return list as F[];
}

/** `--lang` (or DOCKER_POSTMORTEM_LANG, or the locale): the report language, or a usage error. */
export function parseLang(option: string | undefined): LangTag {
  const r = resolveLang(option);
  if ('error' in r) throw new Error(r.error);
  return r.lang;
}

export function parseSeverity(v: string): Severity {
  if (!(SEVERITIES as readonly string[]).includes(v)) throw new Error(`unknown severity ${v} (use ${SEVERITIES.join(', ')})`);
  return v as Severity;
}

/** Option values parsed by `parse`, or undefined after one usage line on stderr (exit 2). */
export function usageOrExit<T>(parse: () => T): T | undefined {
  try {
    return parse();
  } catch (e) {
    process.stderr.write(`docker-postmortem: ${(e as Error).message}\n`);
    process.exitCode = EXIT.USAGE;
    return undefined;
  }
}

/**
 * The team setup for a command (`--config`, `--known-defects`), or undefined after saying why on stderr (exit 2).
 * Loaded when a command runs: the known-defect machinery pulls every rule, which `--version` and `--help` do not need.
 */
export async function teamOrExit(opts: { config?: string | false; knownDefects: string[] }): Promise<TeamSetup | undefined> {
  const { teamSetup } = await import('../../config/team.js');
  const { setup, problems } = teamSetup(opts);
  if (!setup) {
    for (const p of problems) process.stderr.write(`docker-postmortem: ${safe(p)}\n`);
    process.exitCode = EXIT.USAGE;
    return undefined;
  }
  for (const r of setup.replaced) process.stderr.write(`docker-postmortem: note: known-defect ${safe(r)}\n`);
  return setup;
}


/**
 * The default output folder: named after the bundle (its file name without the archive suffix, plus
 * `-report`), in the current directory. The suffix keeps it apart from a bundle folder of that name.
 */
export function defaultOutputDir(bundle: string, cwd: string = process.cwd()): string {
  const name = bundleName(bundle).replace(/\.(?:tar\.(?:gz|xz|bz2|zst)|tgz|txz|tar|zip)$/i, '') || 'bundle';
  return resolve(cwd, `${name}-report`);
}

/**
 * `analyze <bundle> [-o <dir>]`: writes report.json (+ html, md) into <dir>, and nowhere else, and
 * tells the story on stdout (verdict, root cause, top findings, what to collect next, the report
 * paths); `--quiet` prints only the report paths, `--json` the story as JSON.
 */
export function registerAnalyze(program: Command): void {
  program
    .command('analyze')
    .description('diagnose one bundle and write its reports')
    .argument('<bundle>', 'collector tarball, sosreport or folder')
    .option('-o, --output <dir>', 'output folder (created if missing); default: <bundle name>-report in the current directory')
    .option('--format <list>', `comma-separated: ${ANALYZE_FORMATS.join(',')} (ticket: a 10-15 line ticket text, only when named)`, REPORT_FORMATS.join(','))
    .option('--fail-on <severity>', 'exit 1 when a finding is at or above this severity')
    .option('--known-defects <file>', 'add a team known-defect file (docs/known-defects.md); repeatable', collect, [])
    .option('-q, --quiet', 'print only the report paths')
    .option('--json', 'print the story as JSON (verdict, root cause, top findings, collect next, report paths)')
    .option('--audience <who>', `${AUDIENCES.join(' or ')}: customer leaves out the technical section (default: engineer, collapsed)`)
    .option('--lang <tag>', `report language: ${LANG_TAGS.join(', ')} (default: DOCKER_POSTMORTEM_LANG, then the locale, then en)`)
    .option('--config <file>', `team config (docs/config.md); default: ./${'docker-postmortem.config.json'} when present`)
    .option('--no-config', 'ignore ./docker-postmortem.config.json')
    .action(async (bundle: string, opts: { output?: string; format: string; failOn?: string; knownDefects: string[]; quiet?: boolean; json?: boolean; lang?: string; audience?: string; config?: string | false }) => {
      const parsed = usageOrExit(() => {
        if (opts.quiet && opts.json) throw new Error('--quiet and --json cannot be used together');
        return { formats: parseFormats(opts.format), lang: parseLang(opts.lang), audience: parseAudience(opts.audience), failOn: opts.failOn ? parseSeverity(opts.failOn) : undefined };
      });
      if (!parsed) return;
      const { formats, lang, audience, failOn } = parsed;
      const team = await teamOrExit(opts);
      if (!team) return;
      const [{ analyzeBundle }, { writeReports }, { buildStory, storyLines }, { applyConfig }] = await Promise.all([
        import('../../analyze.js'),
        import('../../../../reports/index.js'),
        import('../../../../reports/story.js'),
        import('../../config/apply.js'),
      ]);
      await orUnreadable(bundle, async () => {
        const raw = await analyzeBundle(bundle, { rules: team.rules });
        const result = team.config ? applyConfig(raw, team.config) : raw;
        const written = await writeReports(result, opts.output ?? defaultOutputDir(bundle), formats, { lang, audience });
        if (opts.quiet) process.stdout.write(written.map((f) => `${safe(f)}\n`).join(''));
        else if (opts.json) process.stdout.write(`${safeJson(JSON.stringify(buildStory(result, written), null, 2))}\n`);
        else process.stdout.write(`${safeLines(storyLines(buildStory(result, written)))}\n`);
        if (failOn && result.findings.some((f) => severityRank(f.severity) >= severityRank(failOn!))) process.exitCode = EXIT.FINDINGS;
      });
    });
}
