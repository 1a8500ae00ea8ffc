import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import { analyzeBundle } from '../../analyze.js';
import { BundleUnreadableError } from '../../spine/reader.js';
import { writeReports, REPORT_FORMATS } from '../../../../reports/index.js';
import { EXIT } from '../exit-codes.js';

/**
 * `samples [dir] [-o out]`: the README's main job. Analyzes every bundle shipped in samples/ and
 * writes out/<sample>/report.{json,html,md}.
 */
export function registerSamples(program: Command): void {
  program
    .command('samples')
    .description('analyze every shipped sample bundle (the README main job)')
    .argument('[dir]', 'samples folder', 'samples')
    .option('-o, --output <dir>', 'output folder', 'out')
    .action(async (dir: string, opts: { output: string }) => {
      const names = readdirSync(dir, { withFileTypes: true })
        .filter((d) => !d.name.startsWith('.') && d.name !== 'README.md')
        .map((d) => d.name)
        .sort();
      let unreadable = 0;
      for (const name of names) {
        const input = join(dir, name);
        const outDir = resolve(opts.output, name.replace(/\.(tar\.gz|tgz|tar\.xz|tar)$/, ''));
        try {
          const result = await analyzeBundle(input);
          await writeReports(result, outDir, [...REPORT_FORMATS]);
          const worst = result.findings[0]?.severity ?? 'none';
          process.stdout.write(`${name}: ${result.findings.length} finding(s), worst ${worst} -> ${outDir}\n`);
        } catch (e) {
          if (!(e instanceof BundleUnreadableError)) throw e;
          unreadable++;
          process.stdout.write(`${name}: cannot read: ${e.message}\n`);
        }
      }
      if (unreadable) process.exitCode = EXIT.UNREADABLE;
    });
}
