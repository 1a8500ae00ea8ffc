/**
 * Issue 17 in the browser: a known-defect finding (real openEuler rpm -qa shape) and a team config's
 * suppression render in report.html with no console error and no request beyond the file itself.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../analyzer/src/rules/index.js';
import { applyConfig } from '../../analyzer/src/config/apply.js';
import { loadConfig } from '../../analyzer/src/config/load.js';
import { writeReports } from '../../reports/index.js';
import { REPO_ROOT, analyzeCase } from '../helpers/rule-tester.js';
import { browserSession, haveChromium, openReport } from './browser-harness.js';
import { reportFile } from '../helpers/report-files.js';

const RPMS = readFileSync(join(REPO_ROOT, 'test/fixtures/rpm.qa/hand-openeuler-20.03-docker-engine-with-containerd-runc.txt'), 'utf8');

describe.skipIf(!haveChromium)('issue 17 reports in Chromium (needs /usr/bin/chromium)', { timeout: 120_000 }, () => {
  const session = browserSession('dpm-issue17-');

  it('a known-defect finding renders with its installed and fixed versions', async () => {
    const result = await analyzeCase(RULES, { name: 'openEuler 20.03 packages', artifacts: { 'rpm.qa': RPMS } });
    const defects = result.findings.filter((f) => f.ruleId === 'known-defect');
    // The fixture lists docker-engine 18.09.0-129.oe1: older than every fixed release the data file names for oe1.
    expect(defects.length).toBeGreaterThan(0);
    const dir = join(session.out, 'kd');
    await writeReports(result, dir, ['html']);
    const o = await openReport(session.browser, reportFile(dir, 'html'));
    expect(o.consoleErrors).toEqual([]);
    expect(o.pageErrors).toEqual([]);
    expect(o.requests).toEqual([`file://${reportFile(dir, 'html')}`]);
    const ids = await o.page.$$eval('.finding', (els) => els.map((e) => e.getAttribute('data-finding-id')));
    for (const f of defects) expect(ids).toContain(f.id);
    const body = (await o.page.textContent('body')) ?? '';
    for (const f of defects) expect(body).toContain(String(f.data['installed']));
    await o.page.close();
  });

  it('a config-suppressed rule is shown, not silently gone', async () => {
    const result = await analyzeCase(RULES, { name: 'openEuler 20.03 packages', artifacts: { 'rpm.qa': RPMS } });
    const cfgFile = join(session.out, 'docker-postmortem.config.json');
    writeFileSync(cfgFile, JSON.stringify({ rules: { 'known-defect': 'off' } }));
    const loaded = loadConfig(cfgFile);
    expect(loaded.problems).toEqual([]);
    const applied = applyConfig(result, loaded.config!);
    expect(applied.findings.some((f) => f.ruleId === 'known-defect')).toBe(false);
    const dir = join(session.out, 'cfg');
    await writeReports(applied, dir, ['html']);
    const o = await openReport(session.browser, reportFile(dir, 'html'));
    expect(o.consoleErrors).toEqual([]);
    const body = (await o.page.textContent('body')) ?? '';
    expect(body).toContain('suppressed by config: known-defect');
    await o.page.screenshot({ path: join(REPO_ROOT, 'test-results', 'issue17-config.png'), fullPage: true });
    await o.page.close();
  });
});
