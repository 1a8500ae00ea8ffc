import { mkdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeReports } from '../../reports/index.js';
import { analysisFixture, expectedTimelineEvents } from '../helpers/analysis-fixture.js';
import { browserSession, haveChromium, openReport } from './browser-harness.js';
import { reportFile } from '../helpers/report-files.js';

const RESULTS = resolve(import.meta.dirname, '..', '..', 'test-results');

describe.skipIf(!haveChromium)('report.html in Chromium (needs /usr/bin/chromium)', { timeout: 120_000 }, () => {
  const session = browserSession('dpm-report-');
  let html: string;
  let json: { findings: { id: string; severity: string; category: string }[] };
  const r = analysisFixture();

  beforeAll(async () => {
    await writeReports(r, session.out, ['json', 'html']);
    html = reportFile(session.out, 'html');
    json = JSON.parse(readFileSync(reportFile(session.out, 'json'), 'utf8'));
    mkdirSync(RESULTS, { recursive: true });
  });

  it('loads from file:// with no console errors and no request but the document', async () => {
    const o = await openReport(session.browser, html);
    expect(o.consoleErrors).toEqual([]);
    expect(o.pageErrors).toEqual([]);
    expect(o.requests).toEqual([`file://${html}`]);
    await o.page.screenshot({ path: join(RESULTS, 'report-fixture.png'), fullPage: true });
    await o.page.close();
    expect(statSync(join(RESULTS, 'report-fixture.png')).size).toBeGreaterThan(10_000);
  });

  it('shows every finding of report.json, info hidden until its filter is on', async () => {
    const o = await openReport(session.browser, html);
    const { page } = o;
    const inPage = await page.$$eval('.finding', (els) => els.map((e) => ({ id: e.getAttribute('data-finding-id'), hidden: (e as HTMLElement).hidden })));
    expect(inPage.map((f) => f.id).sort()).toEqual(json.findings.map((f) => f.id).sort());
    const expectHidden = json.findings.filter((f) => f.severity === 'info').map((f) => f.id);
    expect(inPage.filter((f) => f.hidden).map((f) => f.id)).toEqual(expectHidden);
    await page.close();
  });

  it('filters by severity and category, and shows passed checks on request', async () => {
    const { page } = await openReport(session.browser, html);
    const visibleIds = () => page.$$eval('.finding', (els) => els.filter((e) => (e as HTMLElement).offsetParent !== null).map((e) => e.getAttribute('data-finding-id')).sort());
    const ids = (pred: (f: { severity: string; category: string }) => boolean) => json.findings.filter(pred).map((f) => f.id).sort();
    expect(await visibleIds()).toEqual(ids((f) => f.severity !== 'info'));
    await page.check('input[data-filter="severity"][value="info"]');
    expect(await visibleIds()).toEqual(ids(() => true));
    await page.uncheck('input[data-filter="severity"][value="critical"]');
    expect(await visibleIds()).toEqual(ids((f) => f.severity !== 'critical'));
    await page.uncheck('input[data-filter="category"][value="storage"]');
    expect(await visibleIds()).toEqual(ids((f) => f.severity !== 'critical' && f.category !== 'storage'));
    // The fixture has several findings, so English says "findings" (the plural form).
    expect(json.findings.length).toBeGreaterThan(1);
    expect(await page.textContent('#filter-count')).toBe(`Showing ${ids((f) => f.severity !== 'critical' && f.category !== 'storage').length} of ${json.findings.length} findings (info hidden by default).`);

    // Passed: evaluated, nothing found, and not replaced by another rule's finding.
    const passed = r.coverage.filter((c) => c.status === 'evaluated' && !c.supersededBy && !r.findings.some((f) => f.ruleId === c.ruleId)).length;
    expect(await page.locator('.check-passed:visible').count()).toBe(0);
    await page.click('#technical > summary'); // the coverage tables sit in the collapsed technical section
    await page.check('#show-passed');
    expect(await page.locator('.check-passed:visible').count()).toBe(passed);
    await page.close();
  });

  it('reveals a filtered-out finding when a link points at it', async () => {
    const { page } = await openReport(session.browser, html);
    const info = r.findings.find((f) => f.severity === 'info')!;
    const anchor = await page.getAttribute(`.finding[data-finding-id="${info.id}"]`, 'id');
    expect(await page.isVisible(`#${anchor}`)).toBe(false);
    await page.evaluate((a) => (location.hash = a), anchor!);
    await page.waitForFunction((a) => !(document.getElementById(a) as HTMLElement).hidden, anchor!);
    expect(await page.isVisible(`#${anchor}`)).toBe(true);
    await page.close();
  });

  it('draws one timeline mark per event and lists the same events below', async () => {
    const { page } = await openReport(session.browser, html);
    // the model's timeline + timed findings
    const expected = expectedTimelineEvents(r);
    expect(await page.locator('svg.tl-svg circle.tl-mark').count()).toBe(expected);
    expect(await page.locator('table.tl-table tbody tr').count()).toBe(expected);
    const lanes = await page.$$eval('circle.tl-mark', (els) => els.map((e) => e.getAttribute('data-lane')));
    expect(lanes.filter((l) => l === 'boot')).toHaveLength(r.model.boots.length + r.model.boots.filter((b) => b.verdict !== 'unknown').length);
    expect(lanes.filter((l) => l === 'finding')).toHaveLength(r.findings.filter((f) => f.firstTime).length);
    const crash = await page.$$eval('circle.tl-mark[data-kind="lifecycle.crash"]', (els) => els.map((e) => e.getAttribute('data-time')));
    expect(crash).toEqual(r.model.lifecycle.filter((l) => l.kind === 'crash').map((l) => new Date(l.time!).toISOString()));
    // The row number never wraps digit by digit.
    const wrap = await page.$eval('table.tl-table td.tl-n', (td) => getComputedStyle(td).whiteSpace);
    expect(wrap).toBe('nowrap');
    await page.close();
  });

  it('shows the verdict, its facts and the root cause with its time in the first screen', async () => {
    const { page } = await openReport(session.browser, html);
    await page.setViewportSize({ width: 1280, height: 800 });
    const inFirstScreen = async (sel: string) => {
      const box = await page.locator(sel).first().boundingBox();
      return !!box && box.y >= 0 && box.y + box.height <= 800;
    };
    expect(await page.textContent('#verdict .headline')).toBe(r.verdict.headline);
    expect(await inFirstScreen('#verdict .headline')).toBe(true);
    expect(await inFirstScreen('#verdict .fact-unclean-shutdown')).toBe(true);
    expect(await inFirstScreen('#verdict .chain')).toBe(true);
    expect(await page.textContent('#verdict .chain time')).toBe('2024-03-05 10:01:00 UTC (boot 0)');
    await page.close();
  });

  it('copies a remediation command with its button', async () => {
    await session.browser.context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const { page } = await openReport(session.browser, html);
    const cmd = r.findings[0]!.remediation[0]!.commands![0]!;
    await page.locator('button.copy').first().click();
    await expect.poll(() => page.locator('button.copy').first().textContent()).toBe('Copied');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(cmd);
    await page.close();
  });

  it('prints every finding expanded with the filters hidden', async () => {
    const { page } = await openReport(session.browser, html);
    await page.emulateMedia({ media: 'print' });
    expect(await page.isVisible('#filters')).toBe(false);
    expect(await page.locator('.finding:visible').count()).toBe(r.findings.length);
    const info = r.findings.find((f) => f.severity === 'info')!;
    expect(await page.locator(`.finding[data-finding-id="${info.id}"] .explanation`).first().isVisible()).toBe(true);
    const pdf = await page.pdf({ path: join(RESULTS, 'report-fixture.pdf'), format: 'A4' });
    expect(pdf.length).toBeGreaterThan(10_000);
    await page.close();
  });

  // One Chromium for the whole file: the dark scheme is emulated on a page of it (a second browser launch under
  // load was what once timed this test out). It waits for the dark style to apply instead of assuming it did.
  it('follows the dark color scheme', { timeout: 180_000 }, async () => {
    const { page, consoleErrors } = await openReport(session.browser, html);
    try {
      await page.emulateMedia({ colorScheme: 'dark' });
      await page.waitForFunction(() => matchMedia('(prefers-color-scheme: dark)').matches, undefined, { timeout: 120_000 });
      const bg = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
      const [rr, gg, bb] = (bg.match(/\d+/g) ?? []).map(Number);
      expect(rr! + gg! + bb!).toBeLessThan(150);
      expect(consoleErrors).toEqual([]);
      await page.screenshot({ path: join(RESULTS, 'report-fixture-dark.png'), timeout: 120_000 });
    } finally {
      await page.close();
    }
  });
});
