import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeBundle } from '../../analyzer/src/analyze.js';
import { writeReports } from '../../reports/index.js';
import type { LangTag } from '../../analyzer/src/i18n/registry.js';
import { ui } from '../../analyzer/src/i18n/translate.js';
import { browserSession, haveChromium, openReport } from './browser-harness.js';
import { reportFile } from '../helpers/report-files.js';

/**
 * The leaked-veth sample opened in Chromium: the delete command names the real interface (read from
 * the sample's own ip link capture), each step carries its check/fix label, and a fix its risk words.
 */
const ROOT = resolve(import.meta.dirname, '..', '..');
const SAMPLE = join(ROOT, 'samples', 'lab-netns-veth-leak');

/** One interface per pair with both ends in the host namespace (`vethA@vethB` with vethB listed too), as in the input. */
function leakedPairs(): string[] {
  const text = readFileSync(join(SAMPLE, 'cmd', 'ip-d-o-link.txt'), 'utf8');
  const links = [...text.matchAll(/^\d+: (veth[0-9a-f]+)@(\S+?):/gm)].map((m) => ({ name: m[1]!, peer: m[2]! }));
  const names = new Set(links.map((l) => l.name));
  return [...new Set(links.filter((l) => names.has(l.peer)).map((l) => [l.name, l.peer].sort()[0]!))].sort();
}

describe.skipIf(!haveChromium || !existsSync(SAMPLE))('filled remediation in report.html (needs /usr/bin/chromium and samples/lab-netns-veth-leak)', { timeout: 120_000 }, () => {
  const session = browserSession('dpm-remediation-');

  it.for(['en', 'ru', 'zh-CN'] as LangTag[])('%s: the veth delete command names the leaked interface, labelled fix with its risk', async (lang) => {
    const pairs = leakedPairs();
    expect(pairs.length).toBeGreaterThan(0);
    const result = await analyzeBundle(SAMPLE);
    const dir = join(session.out, lang);
    await writeReports(result, dir, ['html'], { lang });
    const o = await openReport(session.browser, reportFile(dir, 'html'));
    expect(o.pageErrors).toEqual([]);
    const card = o.page.locator('article.finding', { has: o.page.locator('code', { hasText: `ip link delete ${pairs[0]}` }) });
    expect(await card.count()).toBe(1);
    // The body is a <details>: open it as a reader would.
    if ((await card.locator('details.body').getAttribute('open')) === null) await card.locator('details.body > summary').click();
    for (const name of pairs) await expect(card.locator('code', { hasText: `ip link delete ${name}` }).isVisible()).resolves.toBe(true);
    expect(await card.locator('code', { hasText: '<veth>' }).count()).toBe(0);
    const step = card.locator('li.step', { has: o.page.locator('code', { hasText: `ip link delete ${pairs[0]}` }) });
    expect((await step.locator('.step-kind').innerText()).toLowerCase()).toBe(ui(lang, 'remediation.fix').toLowerCase());
    // Deleting an interface: no restart, no data, not undoable.
    const risk = await step.locator('.risk').innerText();
    for (const k of ['remediation.no-restart', 'remediation.no-data-loss', 'remediation.irreversible'] as const) expect(risk).toContain(ui(lang, k));
    // Every step of the card carries a kind label.
    const steps = await card.locator('li.step').count();
    expect(steps).toBe(result.findings.find((f) => f.ruleId === 'veth-leak')!.remediation.length);
    expect(await card.locator('li.step .step-kind').count()).toBe(steps);
    await o.page.close();
  });
});
