import type { Command } from 'commander';
import { RULES } from '../../rules/index.js';
import { renderRulesMarkdown, renderRulesTable, sortedRules } from '../../rules/catalog.js';

/** `rules [--json|--markdown]`: the catalog: id, severity, category, needed artifacts, guide section. */
export function registerRules(program: Command): void {
  program
    .command('rules')
    .description('list the rule catalog: id, severity, category, the artifacts each rule needs, and its guide section')
    .option('--json', 'print JSON')
    .option('--markdown', 'print docs/rules.md')
    .action((opts: { json?: boolean; markdown?: boolean }) => {
      if (opts.json) {
        const list = sortedRules(RULES).map(({ meta }) => ({
          id: meta.id, title: meta.title, severity: meta.severity, category: meta.category,
          requires: meta.requires, essential: meta.essential ?? [], guideSection: meta.guideSection,
        }));
        process.stdout.write(JSON.stringify(list, null, 2) + '\n');
      } else process.stdout.write(opts.markdown ? renderRulesMarkdown(RULES) : renderRulesTable(RULES));
    });
}
