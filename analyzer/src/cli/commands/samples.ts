import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { EXIT } from '../exit-codes.js';
import { safe } from '../safe-text.js';
import { parseLang } from './analyze.js';
import { LANG_TAGS, type LangTag } from '../../i18n/registry.js';
import { byCodeUnits } from '../../text-order.js';

/**
 * `samples [dir] [-o out]`: the README's main job (`npm start`). Analyzes every bundle shipped in
 * samples/ (not its README) as one batch: out/<sample>/report.{html,json,md} and out/index.html.
 */
export function registerSamples(program: Command): void {
  program
    .command('samples')
    .description('analyze every shipped sample bundle (the README main job)')
    .argument('[dir]', 'samples folder', 'samples')
    .option('-o, --output <dir>', 'output folder', 'out')
    .option('--lang <tag>', `report language: ${LANG_TAGS.join(', ')} (default: DOCKER_POSTMORTEM_LANG, then the locale, then en)`)
    .action(async (dir: string, opts: { output: string; lang?: string }) => {
      let lang: LangTag;
      try {
        lang = parseLang(opts.lang);
      } catch (e) {
        process.stderr.write(`docker-postmortem: ${(e as Error).message}\n`);
        process.exitCode = EXIT.USAGE;
        return;
      }
      const inputs = readdirSync(dir)
        .filter((n) => !n.startsWith('.') && !/\.md$/i.test(n))
        .sort()
        .map((n) => join(dir, n));
      const { runBatch } = await import('../../triage/batch.js');
      const { reportPath } = await import('../../triage/report-names.js');
      const { findingsLine } = await import('../../triage/progress.js');
      const outcome = await runBatch({ inputs, outDir: opts.output, progress: true, lang });
      for (const b of [...outcome.bundles].sort((a, c) => byCodeUnits(a.input, c.input))) {
        const what = b.status === 'failed' ? `cannot read: ${b.reason}` : findingsLine(b);
        process.stdout.write(`${safe(`${b.input.padEnd(40)} ${what}${reportPath(b, 'html') ? `  -> ${join(opts.output, reportPath(b, 'html')!)}` : ''}`)}\n`);
      }
      process.stdout.write(`index: ${join(opts.output, 'index.html')}\n`);
      process.stdout.write(`Reports are in ${opts.output}/<sample>/: open ${join(opts.output, 'index.html')} in a browser (it works offline, from the file).\n`);
      if (outcome.failed) process.exitCode = EXIT.UNREADABLE;
    });
}
