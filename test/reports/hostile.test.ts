import { beforeAll, describe, expect, it } from 'vitest';
import { writeReports } from '../../reports/index.js';
import { hostileFixture, PAYLOADS } from '../helpers/analysis-fixture.js';
import type { Added, Opened } from './browser-harness.js';
import { browserSession, haveChromium, openReport } from './browser-harness.js';
import { reportFile } from '../helpers/report-files.js';

/** Elements a payload would create if it ever became markup. */
function payloadMade(a: Added): boolean {
  if (['img', 'iframe', 'object', 'embed', 'image'].includes(a.tag)) return true;
  if (a.tag === 'svg' && !a.attrs.some((x) => x === 'class=tl-svg' || x === 'class=tl-legend')) return true;
  return a.attrs.some((x) => /^on/i.test(x) || /^(href|src|xlink:href)=\s*javascript:/i.test(x));
}

describe.skipIf(!haveChromium)('hostile bundle text in report.html (needs /usr/bin/chromium)', { timeout: 120_000 }, () => {
  const session = browserSession('dpm-hostile-');
  let o: Opened;
  const r = hostileFixture();

  beforeAll(async () => {
    await writeReports(r, session.out, ['html']);
    o = await openReport(session.browser, reportFile(session.out, 'html'));
    await o.page.waitForTimeout(300); // give a payload's onerror/onload the chance to fire
  });

  it('runs no payload: no dialog, title unchanged, no request, no console error', async () => {
    expect(o.dialogs).toEqual([]);
    expect(await o.page.title()).toBe(`docker-postmortem: ${r.model.identity.hostname}`);
    expect(o.requests).toEqual([`file://${reportFile(session.out, 'html')}`]);
    expect(o.consoleErrors).toEqual([]);
    expect(o.pageErrors).toEqual([]);
  });

  it('creates no payload-made nodes (MutationObserver from before parsing)', async () => {
    const added = await o.added();
    expect(added.length).toBeGreaterThan(100); // the observer did watch the parse
    expect(added.filter(payloadMade)).toEqual([]);
    // The observer may see one element more than once (a large text block is parsed in chunks, attributes
    // are reported too): what matters is which script elements exist, and that the page holds only ours.
    const scripts = new Set(added.filter((a) => a.tag === 'script').map((a) => a.attrs.join(' ')));
    expect([...scripts].sort()).toEqual(['', 'type=application/json id=report-data', 'type=application/json id=ticket-data']);
    expect(await o.page.evaluate(() => document.scripts.length)).toBe(3); // the data block, the ticket text and our script
  });

  it('links only to anchors inside the page', async () => {
    const hrefs = await o.page.$$eval('[href]', (els) => els.map((e) => e.getAttribute('href') ?? ''));
    expect(hrefs.length).toBeGreaterThan(5);
    expect(hrefs.filter((h) => !/^#[a-z0-9-]+$/.test(h))).toEqual([]);
  });

  it('shows each payload as text', async () => {
    await o.page.check('input[data-filter="severity"][value="info"]');
    await o.page.click('#technical > summary');
    await o.page.check('#show-passed');
    const text = await o.page.evaluate(() => document.body.innerText);
    for (const p of [PAYLOADS.script, PAYLOADS.img, PAYLOADS.svg, PAYLOADS.jsUrl, PAYLOADS.closeScript, PAYLOADS.title]) expect(text).toContain(p);
    // A right-to-left override is shown as a visible marker, never applied.
    expect(text).toContain('evil⟦U+202E⟧txt.exe');
    expect(text).not.toContain('\u202E');
  });

  it('keeps payloads in the data block as data', async () => {
    const data = await o.page.evaluate(() => JSON.parse(document.getElementById('report-data')!.textContent!));
    expect(data.findings.map((f: { title: string }) => f.title)).toContain(r.findings[0]!.title);
  });
});
