/**
 * report.md in the result's language (docs/i18n.md "Wiring a renderer"): headings, verdict,
 * findings, remediation and coverage from the `i18n` blocks and the UI catalog; evidence and
 * commands stay as they are. English is covered word for word by markdown.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { localizeResult } from '../../analyzer/src/i18n/localize.js';
import { ui } from '../../analyzer/src/i18n/translate.js';
import { mdText, renderMarkdown } from '../../reports/markdown.js';
import { analysisFixture } from '../helpers/analysis-fixture.js';

describe('report.md in ru and zh-CN', () => {
  it('English from a result localized to en is the English report', () => {
    const r = analysisFixture();
    expect(renderMarkdown(localizeResult(r, 'en'))).toBe(renderMarkdown(r));
  });

  for (const lang of ['ru', 'zh-CN'] as const) {
    it(`${lang}: headings, verdict, findings and fixes in the language; commands and evidence unchanged`, () => {
      const r = analysisFixture();
      const local = localizeResult(r, lang);
      const md = renderMarkdown(local);
      const lines = md.trimEnd().split('\n');
      expect(lines[2]).toBe(`**${mdText(local.verdict.i18n.status)}:** ${mdText(local.verdict.i18n.headline)}`);
      expect(lines).toContain(`## ${mdText(ui(lang, 'report.root-causes'))}`);
      expect(lines).toContain(`## ${mdText(ui(lang, 'report.findings-count', { count: r.findings.length }))}`);
      expect(lines).toContain(`## ${mdText(ui(lang, 'report.not-evaluated'))}`);
      for (const english of ['## Root causes', '## Findings', '## Not evaluated', 'Evidence:', 'Fix', 'Check', 'needs restart', 'Logs only', 'confidence high']) expect(md).not.toContain(english);
      const sem = local.findings[0]!;
      expect(md).toContain(`**${mdText(sem.i18n.severity.toLocaleUpperCase())}** ${mdText(sem.i18n.title)}: ${mdText(sem.i18n.summary)}`);
      // The fixture's step: a fix with no restart, no data loss, that cannot be undone; its commands unchanged.
      const fixLabel = ui(lang, 'remediation.fix');
      const risk = ['remediation.no-restart', 'remediation.no-data-loss', 'remediation.irreversible'] as const;
      const label = `${fixLabel.charAt(0).toLocaleUpperCase()}${fixLabel.slice(1)} (${risk.map((k) => ui(lang, k)).join(', ')})`;
      const cmds = sem.remediation[0]!.commands!.map((c) => `\` ${c} \``).join(' ');
      expect(md).toContain(`  - ${mdText(label)}: ${mdText(sem.i18n.remediation[0]!.text)} (${mdText(sem.i18n.remediation[0]!.source)}) ${cmds}`);
      expect(md).toContain(`\` ${sem.evidence[0]!.excerpt} \``);
      // The log-only finding names its artifact and the command in code spans, inside the translated sentence.
      expect(md).toContain('` systemd.docker `');
      expect(md).toContain('` systemctl show docker.service `');
      // Coverage in the language: the engine's status words.
      const gap = (local.coverage as (typeof local.coverage[number] & { i18n: { status: string } })[]).find((c) => c.status === 'not-evaluated')!;
      expect(md).toContain(`\` ${gap.ruleId} \` ${mdText(gap.i18n.status)}:`);
    });
  }
});
