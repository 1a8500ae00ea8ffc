/**
 * The "Copy ticket text" button of report.html in Chromium: with clipboard permission it puts the
 * ticket text on the clipboard; where the clipboard refuses, the text appears selected in a
 * textarea. Either way the text is the one `--format ticket` writes for the same result. The page
 * keeps its CSP: no console error (a blocked script would log one), no request but the file.
 */
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyzeBundle, type AnalysisResult } from '../../analyzer/src/analyze.js';
import { localizeResult } from '../../analyzer/src/i18n/localize.js';
import type { LangTag } from '../../analyzer/src/i18n/registry.js';
import { ui } from '../../analyzer/src/i18n/translate.js';
import { writeReports } from '../../reports/index.js';
import { renderTicket } from '../../reports/ticket.js';
import { browserSession, haveChromium, openReport } from './browser-harness.js';

const ROOT = resolve(import.meta.dirname, '..', '..');
const SAMPLE = join(ROOT, 'samples', 'nspawn-power-off-db-loss');

describe.skipIf(!haveChromium)('report.html "Copy ticket text" in Chromium (needs /usr/bin/chromium)', { timeout: 180_000 }, () => {
  const session = browserSession('dpm-ticket-browser-', 180_000);
  let result: AnalysisResult;
  beforeAll(async () => {
    result = await analyzeBundle(SAMPLE);
  }, 180_000);

  for (const lang of ['en', 'ru'] as LangTag[]) {
    it(`${lang}: the button copies the ticket text to the clipboard`, async () => {
      const [file] = await writeReports(result, join(session.out, `clip-${lang}`), ['html'], { lang });
      const expected = renderTicket(lang === 'en' ? result : localizeResult(result, lang));
      await session.browser.context.grantPermissions(['clipboard-read', 'clipboard-write']);
      const o = await openReport(session.browser, file!);
      const button = o.page.locator('#copy-ticket');
      expect(await button.textContent()).toBe(ui(lang, 'page.copy-ticket'));
      await o.page.evaluate(() => navigator.clipboard.writeText('before the click'));
      await button.click();
      // The button says so when the clipboard took the text.
      await o.page.waitForFunction((done) => document.getElementById('copy-ticket')?.textContent === done, ui(lang, 'page.copy-ticket-done'));
      expect(await o.page.evaluate(() => navigator.clipboard.readText())).toBe(expected);
      expect(await o.page.locator('#ticket-fallback').isHidden()).toBe(true);
      expect(o.consoleErrors).toEqual([]);
      expect(o.pageErrors).toEqual([]);
      expect(o.requests).toEqual([`file://${file}`]);
      await o.page.close();
      await session.browser.context.clearPermissions();
    });
  }

  it('where the clipboard refuses, the text is shown selected in a textarea', async () => {
    const [file] = await writeReports(result, join(session.out, 'fallback'), ['html'], { lang: 'zh-CN' });
    const expected = renderTicket(localizeResult(result, 'zh-CN'));
    const o = await openReport(session.browser, file!);
    expect(await o.page.locator('#ticket-fallback').isHidden()).toBe(true);
    // A clipboard that refuses every write, and no execCommand copy either.
    await o.page.evaluate(() => {
      Object.defineProperty(navigator.clipboard, 'writeText', { value: () => Promise.reject(new Error('denied')) });
      document.execCommand = () => false;
    });
    await o.page.locator('#copy-ticket').click();
    await o.page.waitForFunction(() => !(document.getElementById('ticket-fallback') as HTMLTextAreaElement).hidden);
    const shown = await o.page.evaluate(() => {
      const area = document.getElementById('ticket-fallback') as HTMLTextAreaElement;
      return { value: area.value, start: area.selectionStart, end: area.selectionEnd, focused: document.activeElement === area, note: !document.getElementById('ticket-fallback-note')!.hidden };
    });
    expect(shown).toEqual({ value: expected, start: 0, end: expected.length, focused: true, note: true });
    expect(await o.page.locator('#copy-ticket').textContent()).toBe(ui('zh-CN', 'page.copy-ticket'));
    expect(o.pageErrors).toEqual([]);
    await o.page.close();
  });

  it('the collect-next section shows the one request, not a table of checks', async () => {
    const [file] = await writeReports(result, join(session.out, 'collect'), ['html'], { lang: 'en' });
    const o = await openReport(session.browser, file!);
    const commands = await o.page.locator('#verdict .collect-command').allTextContents();
    const req = result.collectRequest!;
    expect(commands).toEqual([req.command, req.collectorCommand].filter(Boolean));
    expect(await o.page.locator('#verdict table').count()).toBe(0);
    await o.page.close();
  });
});
