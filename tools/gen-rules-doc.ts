/** Writes docs/rules.md from the rule modules' metadata (`npm run docs:rules`). */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { RULES } from '../analyzer/src/rules/index.js';
import { renderRulesMarkdown } from '../analyzer/src/rules/catalog.js';

const target = resolve(import.meta.dirname, '../docs/rules.md');
writeFileSync(target, renderRulesMarkdown(RULES));
console.log(`wrote ${target} (${RULES.length} rules)`);
