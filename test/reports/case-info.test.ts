/**
 * The collector's --case-id and --label, end to end: manifest.json → the model's collection facts →
 * the report.html top bar and the report.md header, with the labels in the report's language.
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeBundle, type AnalysisResult } from '../../analyzer/src/analyze.js';
import { localizeResult } from '../../analyzer/src/i18n/localize.js';
import { ui } from '../../analyzer/src/i18n/translate.js';
import { renderHtml } from '../../reports/html.js';
import { renderMarkdown } from '../../reports/markdown.js';
import { makeTempDir, removeTempDirs } from '../helpers/tmp.js';

afterAll(removeTempDirs);

const SAMPLE = join(__dirname, '..', '..', 'samples', 'lab-netns-healthy');
const CASE_ID = 'SR-0042';
const LABEL = 'node1.after_reboot';
const topbar = (html: string) => html.slice(html.indexOf('<header class="topbar">'), html.indexOf('</header>'));

describe('case id and label in the single report', () => {
  let withCase: AnalysisResult;
  let without: AnalysisResult;
  beforeAll(async () => {
    const dir = join(makeTempDir('dpm-case-'), 'bundle');
    cpSync(SAMPLE, dir, { recursive: true });
    const mf = join(dir, 'manifest.json');
    const m = JSON.parse(readFileSync(mf, 'utf8'));
    expect(m.caseId ?? null).toBeNull(); // the sample itself has none, so what the report shows comes from this edit
    writeFileSync(mf, JSON.stringify({ ...m, caseId: CASE_ID, label: LABEL }));
    [withCase, without] = await Promise.all([analyzeBundle(dir), analyzeBundle(SAMPLE)]);
  }, 120_000);

  it('the model carries them from the manifest', () => {
    expect(withCase.model.collection).toMatchObject({ caseId: CASE_ID, label: LABEL });
    expect(without.model.collection.caseId).toBeUndefined();
  });

  for (const lang of ['en', 'ru', 'zh-CN'] as const) {
    it(`${lang}: report.html shows them in the top bar with the language's labels`, () => {
      const bar = topbar(renderHtml(lang === 'en' ? withCase : localizeResult(withCase, lang)));
      expect(bar).toContain(`${ui(lang, 'report.case-id')} <code>${CASE_ID}</code>`);
      expect(bar).toContain(`${ui(lang, 'report.case-label')} <code>${LABEL}</code>`);
    });
    it(`${lang}: report.md shows them in the header`, () => {
      const md = renderMarkdown(lang === 'en' ? withCase : localizeResult(withCase, lang));
      const header = md.slice(0, md.indexOf('\n## ') === -1 ? undefined : md.indexOf('\n## '));
      expect(header).toContain(`${ui(lang, 'report.case-id')} \` ${CASE_ID} \``);
      expect(header).toContain(`${ui(lang, 'report.case-label')} \` ${LABEL} \``);
    });
  }

  it('a bundle without them shows no case in either report', () => {
    expect(topbar(renderHtml(without))).not.toContain('class="case"');
    expect(renderMarkdown(without)).not.toContain(`${ui('en', 'report.case-id')} \``);
  });

  it('the renderer escapes them even if a result bypasses the reader check', () => {
    const hostile = structuredClone(withCase);
    hostile.model.collection.caseId = '<img src=x onerror=alert(1)>';
    const bar = topbar(renderHtml(hostile));
    expect(bar).not.toContain('<img');
    expect(bar).toContain('&lt;img');
  });
});
