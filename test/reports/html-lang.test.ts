/**
 * report.html in the result's language (docs/i18n.md "Wiring a renderer"): `<html lang>`, the
 * verdict and finding cards from the `i18n` blocks, and a team config's changes beside the verdict
 * (config/apply.ts `configApplied`), so a suppressed rule never disappears silently.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyzeBundle, type AnalysisResult } from '../../analyzer/src/analyze.js';
import { localizeResult } from '../../analyzer/src/i18n/localize.js';
import { ui } from '../../analyzer/src/i18n/translate.js';
import { renderHtml } from '../../reports/html.js';

const SAMPLE = join(__dirname, '..', '..', 'samples', 'lab-netns-container-id-exists');
const text = (html: string) => html.replace(/<[^>]*>/g, ' ').replace(/&quot;/g, '"').replace(/&#x27;/g, "'").replace(/&amp;/g, '&');

describe('report.html in ru and zh-CN', () => {
  let result: AnalysisResult;
  beforeAll(async () => {
    result = await analyzeBundle(SAMPLE);
  }, 120_000);

  it('the sample has findings to translate', () => expect(result.findings.length).toBeGreaterThan(0));

  for (const lang of ['ru', 'zh-CN'] as const) {
    it(`${lang}: lang attribute, verdict and finding titles in the language`, () => {
      const local = localizeResult(result, lang);
      const html = renderHtml(local);
      expect(html).toContain(`<html lang="${lang}">`);
      const page = text(html);
      expect(page).toContain(local.verdict.i18n.status);
      expect(local.verdict.i18n.status).not.toBe(localizeResult(result, 'en').verdict.i18n.status);
      for (const f of local.findings) expect(page).toContain(f.i18n.title);
      expect(page).toContain(ui(lang, 'report.findings'));
      expect(page).not.toContain('Explanation, remediation and evidence');
    });
  }

  it('en stays English with lang="en"', () => {
    const html = renderHtml(result);
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('Explanation, remediation and evidence');
  });

  it('a config-suppressed rule and a changed severity are shown beside the verdict', () => {
    const applied: AnalysisResult = {
      ...result,
      config: { file: 'docker-postmortem.config.json', hash: 'abcdef0123456789' },
      configApplied: [
        { rule: 'overlay2-redirect-dir', change: 'off', entry: 'docker-postmortem.config.json rules["overlay2-redirect-dir"][0]', scope: 'flavor upstream', findings: ['overlay2-redirect-dir#1'] },
        { rule: 'semaphore-leak', change: 'severity error → warning', entry: 'docker-postmortem.config.json rules["semaphore-leak"][0]', scope: 'all hosts', findings: [] },
      ],
    };
    const en = text(renderHtml(applied));
    expect(en).toContain('suppressed by config: overlay2-redirect-dir on flavor upstream');
    expect(en).toContain('severity changed by config (severity error → warning): semaphore-leak on all hosts');
    expect(en).toContain('docker-postmortem.config.json');
    const ru = text(renderHtml(localizeResult(applied, 'ru')));
    expect(ru).toContain(ui('ru', 'page.config-suppressed', { rule: 'overlay2-redirect-dir', scope: 'flavor upstream' }));
    // Nothing of it without a config.
    expect(renderHtml(result)).not.toContain('config-applied');
  });
});
