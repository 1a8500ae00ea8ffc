import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AnalysisResult } from '../../analyzer/src/analyze.js';
import { analyzeBundle } from '../../analyzer/src/analyze.js';
import { MAX_MARKDOWN_LINES } from '../../reports/markdown.js';
import { writeReports } from '../../reports/index.js';
import { browserSession, haveChromium, openReport } from './browser-harness.js';
import { reportFile } from '../helpers/report-files.js';

/** The real samples (samples/*) analysed end to end and opened in Chromium. */
const ROOT = resolve(import.meta.dirname, '..', '..');
const SAMPLES = join(ROOT, 'samples');
const samples = existsSync(SAMPLES) ? readdirSync(SAMPLES).filter((n) => !n.startsWith('.') && !n.endsWith('.md')) : [];

describe.skipIf(!haveChromium || samples.length === 0)(`reports of the real samples (needs /usr/bin/chromium and samples/*; found ${samples.length})`, { timeout: 120_000 }, () => {
  const session = browserSession('dpm-samples-');

  it.for(samples)('%s renders and loads cleanly', async (name) => {
    // A shipped sample that does not analyze is a failure, never a skip.
    const result: AnalysisResult = await analyzeBundle(join(SAMPLES, name));
    const dir = join(session.out, name.replace(/[^A-Za-z0-9._-]/g, '_'));
    await writeReports(result, dir, ['json', 'html', 'md']);
    const json = JSON.parse(readFileSync(reportFile(dir, 'json'), 'utf8')) as AnalysisResult;
    const md = readFileSync(reportFile(dir, 'md'), 'utf8');
    expect(md.trimEnd().split('\n').length).toBeLessThanOrEqual(MAX_MARKDOWN_LINES);

    const o = await openReport(session.browser, reportFile(dir, 'html'));
    expect(o.consoleErrors).toEqual([]);
    expect(o.pageErrors).toEqual([]);
    expect(o.dialogs).toEqual([]);
    expect(o.requests).toEqual([`file://${reportFile(dir, 'html')}`]);
    const ids = await o.page.$$eval('.finding', (els) => els.map((e) => e.getAttribute('data-finding-id')));
    expect(ids.sort()).toEqual(json.findings.map((f) => f.id).sort());
    for (const c of json.coverage.filter((c) => c.status !== 'evaluated')) {
      expect(await o.page.locator(`table.gaps tr[data-status="${c.status}"] code`, { hasText: c.ruleId }).count()).toBeGreaterThan(0);
    }
    // Every boot with a first entry is a mark on the boot lane.
    const bootMarks = await o.page.locator('circle.tl-mark[data-lane="boot"]').count();
    expect(bootMarks).toBeGreaterThanOrEqual(json.model.boots.filter((b) => b.firstEntry !== undefined).length);
    // No folder of the engineer's machine reaches the page: not in its text, not in any attribute or
    // script data the DOM holds after the page's own script ran (the bundle was read from an absolute path).
    // (The repository folder itself is not checked: the lab samples were collected on a machine like this
    // one, so the host's own process list may name it as evidence.)
    expect(result.inventory.input.startsWith('/')).toBe(true);
    const dom = await o.page.evaluate(() => document.documentElement.outerHTML + '\n' + document.body.innerText);
    for (const local of [SAMPLES, session.out]) expect(dom.includes(local), `${name}: the page names ${local}`).toBe(false);
    for (const text of [JSON.stringify(json), md]) for (const local of [SAMPLES, session.out]) expect(text.includes(local), `${name}: a report names ${local}`).toBe(false);
    await o.page.screenshot({ path: join(ROOT, 'test-results', `sample-${name}.png`), fullPage: true });
    await o.page.close();
  });
});
