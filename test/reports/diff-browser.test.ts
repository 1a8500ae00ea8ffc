/**
 * diff.html in Chromium, on the real lab pairs of test/diff/lab-pairs.ts: it loads from file:// with
 * no console error and no request but the document, shows every finding and value change of
 * diff.json, and a hostile host name stays text.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeBundle } from '../../analyzer/src/analyze.js';
import { diffAnalyses } from '../../analyzer/src/diff/index.js';
import type { BundleDiff } from '../../analyzer/src/diff/types.js';
import { writeDiffReports } from '../../reports/diff-files.js';
import { makeTempDir, removeTempDirs } from '../helpers/tmp.js';
import { copySampleWithHost } from '../triage/batch-fixtures.js';
import { daemonJsonFixedAfter, sample, semaphoresCleanedAfter, vethDeletedAfter } from '../diff/lab-pairs.js';
import type { Browser } from './browser-harness.js';
import { haveChromium, launch, openReport } from './browser-harness.js';

const PAIRS = [
  ['lab-netns-veth-leak', vethDeletedAfter],
  ['nspawn-start-limit-daemon-json', daemonJsonFixedAfter],
  ['lab-netns-semaphore-leak', semaphoresCleanedAfter],
] as const;

describe.skipIf(!haveChromium)('diff.html in Chromium (needs /usr/bin/chromium)', { timeout: 180_000 }, () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    removeTempDirs();
  });

  it.for(PAIRS)('%s before/after: loads cleanly and shows every finding and change of diff.json', async ([name, makeAfter]) => {
    const tmp = makeTempDir('dpm-diff-html-');
    const d0 = diffAnalyses(await analyzeBundle(sample(name)), await analyzeBundle(makeAfter(join(tmp, 'after'))));
    const out = join(tmp, 'out');
    await writeDiffReports(d0, out, ['json', 'html']);
    const d = JSON.parse(readFileSync(join(out, 'diff.json'), 'utf8')) as BundleDiff;
    const html = join(out, 'diff.html');
    const o = await openReport(browser, html);
    try {
      expect(o.consoleErrors).toEqual([]);
      expect(o.pageErrors).toEqual([]);
      expect(o.requests).toEqual([`file://${html}`]);
      const rows = await o.page.$$eval('tr.finding-row', (els) => els.map((e) => [e.getAttribute('data-change'), e.getAttribute('data-rule')]));
      expect(rows).toEqual(d.findings.map((f) => [f.change, f.ruleId]));
      expect(rows.some(([c]) => c === 'resolved')).toBe(true);
      for (const s of d.sections) {
        const items = await o.page.$$eval(`table[data-section="${s.id}"] tr.value-row td:first-child`, (els) => els.map((e) => e.textContent));
        expect(items, s.id).toEqual(s.changes.map((c) => c.item));
      }
      for (const c of ['new', 'resolved', 'persisting', 'unverified'] as const) {
        expect(await o.page.textContent(`.count[data-change="${c}"] .n`)).toBe(String(d.counts[c]));
      }
      expect(await o.page.locator('script').count()).toBe(0);
    } finally {
      await o.page.close();
    }
  });

  it('a hostile host name is shown as text in the warning and the side table, and adds no element', async () => {
    const tmp = makeTempDir('dpm-diff-hostile-');
    const evil = '<img/src=x/onerror=alert(1)><script>alert(2)</script>'; // no space: hostname is one word
    const other = join(tmp, 'other');
    copySampleWithHost('lab-netns-veth-leak', other, evil);
    const d = diffAnalyses(await analyzeBundle(sample('lab-netns-veth-leak')), await analyzeBundle(other));
    const out = join(tmp, 'out');
    await writeDiffReports(d, out, ['html']);
    const o = await openReport(browser, join(out, 'diff.html'));
    try {
      expect(o.dialogs).toEqual([]);
      expect(o.consoleErrors).toEqual([]);
      expect(await o.page.textContent('td.host-after')).toBe(evil);
      expect(await o.page.textContent('[data-warning="different-host"]')).toContain(evil);
      const tags = new Set((await o.added()).map((a) => a.tag));
      expect(tags.has('img')).toBe(false);
      expect(await o.page.locator('script').count()).toBe(0);
    } finally {
      await o.page.close();
    }
  });
});
