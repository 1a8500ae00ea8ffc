/**
 * The rule catalog as text: `docker-postmortem rules` prints it and tools/gen-rules-doc.ts writes
 * docs/rules.md from it. Generated only from rule metadata, sorted by category then id, no
 * timestamps, so the committed doc can be checked for staleness.
 */
import { artifactSpec } from '../spine/artifacts.js';
import type { Rule } from './types.js';
import { byCodeUnits } from '../text-order.js';

export function sortedRules(rules: readonly Rule[]): Rule[] {
  return [...rules].sort((a, b) => byCodeUnits(a.meta.category, b.meta.category) || byCodeUnits(a.meta.id, b.meta.id));
}

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

export function renderRulesMarkdown(rules: readonly Rule[]): string {
  const out: string[] = [];
  out.push('# Rule catalog', '');
  out.push('Generated from the rule modules in `analyzer/src/rules/` by `npm run docs:rules`. Do not edit by hand:');
  out.push('`test/docs/rules-doc.test.ts` fails when this file is stale.', '');
  out.push('Remediation steps are a **check** (reads state) or a **fix** (changes the host, with its risk). In a report,');
  out.push('`{{name}}` in a command is filled from the finding\'s facts, and openEuler-only steps are left out on upstream');
  out.push('Docker hosts (see `RemediationStep` in docs/report-schema.md).', '');
  out.push('| id | severity | category | summary | needs | guide section |', '|---|---|---|---|---|---|');
  for (const r of sortedRules(rules)) {
    const m = r.meta;
    out.push(`| [\`${m.id}\`](#${m.id}) | ${m.severity} | ${m.category} | ${cell(m.title)} | ${m.requires.map((a) => `\`${a}\``).join(', ')} | ${cell(m.guideSection)} |`);
  }
  for (const r of sortedRules(rules)) {
    const m = r.meta;
    out.push('', `## ${m.id}`, '', `**${m.title}** · default severity \`${m.severity}\` · category \`${m.category}\``, '');
    out.push(m.explanation, '');
    out.push(`Guide section: ${m.guideSection}`, '');
    if (m.causedBy?.length) out.push(`Often caused by: ${m.causedBy.map((c) => `[\`${c}\`](#${c})`).join(', ')}`, '');
    out.push('### Artifacts', '');
    for (const a of m.requires) out.push(`- \`${a}\`${(m.essential ?? []).includes(a) ? ' (essential)' : ''}: ${artifactSpec(a).title}`);
    out.push('', '### Messages', '');
    for (const [id, text] of Object.entries(m.messages)) out.push(`- \`${id}\`: ${text}`);
    out.push('', '### Remediation', '');
    m.remediation.forEach((s, i) => {
      const risk = s.kind === 'fix' ? ` (${[s.risk.restart ? 'needs restart' : 'no restart', s.risk.dataLoss ? 'can lose data' : 'no data loss', s.risk.reversible ? 'can be undone' : 'cannot be undone'].join(', ')})` : '';
      const only = s.flavour === 'openeuler' ? ' [openEuler docker-engine only]' : '';
      out.push(`${i + 1}. **${s.kind}**${risk}${only}: ${s.text} _(${s.source})_`);
      for (const c of s.commands ?? []) out.push(`   - \`${c}\``);
    });
  }
  return out.join('\n') + '\n';
}

export function renderRulesTable(rules: readonly Rule[]): string {
  const rows = sortedRules(rules).map((r) => [r.meta.id, r.meta.severity, r.meta.category, r.meta.requires.join(','), r.meta.guideSection]);
  const head = ['ID', 'SEVERITY', 'CATEGORY', 'NEEDS', 'GUIDE SECTION'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const fmt = (r: string[]) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]!))).join('  ');
  return [fmt(head), ...rows.map(fmt)].join('\n') + '\n';
}
