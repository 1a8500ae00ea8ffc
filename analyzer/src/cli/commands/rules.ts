import type { Command } from 'commander';

/** `rules [--json|--markdown]`: the catalog: id, severity, category, needed artifacts, guide section. */
export function registerRules(program: Command): void {
  program
    .command('rules')
    .description('list the rule catalog: id, severity, category, the artifacts each rule needs, and its guide section')
    .option('--json', 'print JSON')
    .option('--markdown', 'print docs/rules.md')
    .action(async (opts: { json?: boolean; markdown?: boolean }) => {
      const [{ RULES }, { renderRulesMarkdown, renderRulesTable, sortedRules }] = await Promise.all([import('../../rules/index.js'), import('../../rules/catalog.js')]);
      if (opts.json) {
        const list = sortedRules(RULES).map(({ meta }) => ({
          id: meta.id, title: meta.title, severity: meta.severity, category: meta.category,
          requires: meta.requires, essential: meta.essential ?? [], guideSection: meta.guideSection,
        }));
        process.stdout.write(JSON.stringify(list, null, 2) + '\n');
      } else process.stdout.write(opts.markdown ? renderRulesMarkdown(RULES) : renderRulesTable(RULES));
    });
}
