import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { runBatch } from '../../analyzer/src/triage/batch.js';
import { haveChromium, launch, openReport, type Browser, type Opened } from '../reports/browser-harness.js';
import { copySampleWithHost, SAMPLES } from './batch-fixtures.js';
import { makeTempDir, removeTempDirs } from '../helpers/tmp.js';
import { ui } from '../../analyzer/src/i18n/translate.js';
import type { BatchSummaryFile } from '../../analyzer/src/triage/outputs.js';

afterAll(removeTempDirs);

describe.skipIf(!haveChromium)('batch index.html in Chromium (needs /usr/bin/chromium: apt-get install chromium)', () => {
  let browser: Browser;
  let opened: Opened;
  let file: string;
  let summary: BatchSummaryFile;
  const CASE_ID = 'SR-7';

  beforeAll(async () => {
    const dir = makeTempDir('dpm-index-in-');
    copySampleWithHost('lab-netns-healthy', join(dir, 'a-healthy'), 'alpha');
    copySampleWithHost('lab-netns-veth-leak', join(dir, 'b-leak'), 'bravo');
    copySampleWithHost('lab-netns-veth-leak', join(dir, 'c-leak'), 'charlie');
    // c-leak carries a case id and label, as the collector's --case-id / --label write them.
    const mf = join(dir, 'c-leak', 'manifest.json');
    writeFileSync(mf, JSON.stringify({ ...JSON.parse(readFileSync(mf, 'utf8')), caseId: CASE_ID, label: 'after_reboot' }));
    const out = makeTempDir('dpm-index-out-');
    await runBatch({ inputs: [dir, join(SAMPLES, 'sosreport-vm-debian12.tar.xz')], outDir: out, jobs: 2, progress: false });
    file = join(out, 'index.html');
    summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
    browser = await launch();
    opened = await openReport(browser, file);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('loads from file:// with no console errors and no request but the page itself', () => {
    expect(opened.consoleErrors).toEqual([]);
    expect(opened.pageErrors).toEqual([]);
    expect(opened.requests).toEqual([pathToFileURL(file).href]);
  });

  const order = () => opened.page.$$eval('#bundle-table tbody tr', (rows) => rows.map((r) => (r as HTMLElement).dataset['input']));
  const visible = () => opened.page.$$eval('#bundle-table tbody tr', (rows) => rows.filter((r) => getComputedStyle(r).display !== 'none').map((r) => (r as HTMLElement).dataset['input']));

  it('ranks the broken hosts first, and sorting by a column reorders the rows', async () => {
    const initial = await order();
    expect(initial.slice(0, 2).sort()).toEqual(['b-leak', 'c-leak']);
    // The first column is the file name; here each input is its own file name.
    await opened.page.click('button[data-sort-key="file"]');
    expect(await order()).toEqual([...initial].sort());
    await opened.page.click('button[data-sort-key="file"]');
    expect(await order()).toEqual([...initial].sort().reverse());
  });

  it('filters by minimum severity and by text', async () => {
    expect((await visible()).length).toBe(4);
    await opened.page.selectOption('#min-severity', '2'); // warning and above
    expect((await visible()).sort()).toEqual(['b-leak', 'c-leak']);
    await opened.page.fill('#filter-text', 'charlie');
    expect(await visible()).toEqual(['c-leak']);
    await opened.page.selectOption('#min-severity', '0');
    await opened.page.fill('#filter-text', '');
    expect((await visible()).length).toBe(4);
  });

  it('shows the shared root cause once with its host count', async () => {
    const groups = await opened.page.$$eval('#groups tr.group', (rows) => rows.map((r) => r.textContent ?? ''));
    expect(groups.length).toBe(1);
    expect(groups[0]).toContain('veth-leak');
    expect(groups[0]).toContain('bravo');
    expect(groups[0]).toContain('charlie');
  });

  const cells = (sel: string) => opened.page.$$eval(`#bundle-table tbody tr ${sel}`, (els) => Object.fromEntries(els.map((e) => [(e.closest('tr') as HTMLElement).dataset['input'], (e.textContent ?? '').trim()])));

  it('shows each bundle file name, host, case id, coverage and versions from summary.json', async () => {
    const [file, host, kase, cov, docker, kernel, os] = await Promise.all(['td.file', 'td.host', 'td.case', 'td.coverage', 'td.docker', 'td.kernel', 'td.os'].map(cells));
    for (const b of summary.bundles) {
      expect(file![b.input]).toBe(b.file);
      expect(host![b.input]).toBe(b.host ?? '');
      expect(docker![b.input]).toBe(b.versions?.docker ?? '');
      expect(kernel![b.input]).toBe(b.versions?.kernel ?? '');
      expect(os![b.input]).toBe(b.versions?.os ?? '');
      expect(cov![b.input]).toContain(ui('en', `verdict.status.${b.coverage!.verdict}` as never));
    }
    expect(file!['sosreport-vm-debian12.tar.xz']).toBe('sosreport-vm-debian12.tar.xz');
    expect(kase!['c-leak']).toContain(CASE_ID);
    expect(kase!['c-leak']).toContain('after_reboot');
    expect(kase!['b-leak']).toBe('');
  });

  it('links each report by the file name the job recorded', async () => {
    const hrefs = await opened.page.$$eval('#bundle-table tbody tr', (rows) => Object.fromEntries(rows.map((r) => [(r as HTMLElement).dataset['input'], r.querySelector('a')?.getAttribute('href')])));
    for (const b of summary.bundles) expect(hrefs[b.input]).toBe(`${b.reportDir}/${b.reports!.find((n) => n.endsWith('.html'))}`);
  });

  it('writes times as YYYY-MM-DD HH:MM UTC', async () => {
    const times = await cells('td.collected');
    for (const b of summary.bundles) {
      const d = new Date(b.collectedAt!);
      const p = (n: number) => String(n).padStart(2, '0');
      expect(times[b.input]).toBe(`${d.getUTCFullYear()}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())} UTC`);
    }
  });
});

describe.skipIf(!haveChromium)('batch index.html with --lang ru in Chromium', () => {
  let browser: Browser;
  let opened: Opened;
  let summary: BatchSummaryFile;

  beforeAll(async () => {
    const dir = makeTempDir('dpm-index-ru-in-');
    copySampleWithHost('lab-netns-healthy', join(dir, 'a-healthy'), 'alpha');
    copySampleWithHost('lab-netns-veth-leak', join(dir, 'b-leak'), 'bravo');
    writeFileSync(join(dir, 'README.md'), 'notes\n');
    const out = makeTempDir('dpm-index-ru-out-');
    await runBatch({ inputs: [dir], outDir: out, jobs: 2, progress: false, lang: 'ru' });
    summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
    browser = await launch();
    opened = await openReport(browser, join(out, 'index.html'));
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('is in Russian: lang, headings, column names, coverage, skipped reason and the shown count', async () => {
    expect(opened.consoleErrors).toEqual([]);
    const p = opened.page;
    expect(await p.getAttribute('html', 'lang')).toBe('ru');
    const headings = await p.$$eval('h2', (hs) => hs.map((h) => h.textContent ?? ''));
    expect(headings).toContain(ui('ru', 'batch.shared-root-causes'));
    expect(headings).toContain(ui('ru', 'batch.skipped'));
    const columns = await p.$$eval('#bundle-table thead th', (ths) => ths.map((t) => (t.textContent ?? '').trim()));
    for (const k of ['batch.column.bundle', 'batch.column.case', 'batch.column.coverage', 'batch.column.kernel', 'batch.column.os'] as const) expect(columns).toContain(ui('ru', k));
    const cov = await p.$$eval('#bundle-table td.coverage', (tds) => tds.map((t) => t.textContent ?? ''));
    for (const b of summary.bundles) expect(cov.join(' ')).toContain(ui('ru', `verdict.status.${b.coverage!.verdict}` as never));
    expect(await p.$eval('tr.skipped-row[data-input="README.md"]', (r) => r.textContent ?? '')).toContain(ui('ru', 'batch.skipped.not-a-bundle'));
    expect(await p.textContent('#shown-count')).toBe(ui('ru', 'batch.shown', { shown: summary.bundles.length, total: summary.bundles.length }));
    const body = await p.innerText('body'); // what is drawn: not the page script's source
    for (const english of ['Shared root causes', 'Coverage', 'Skipped entries', ' shown', 'Worst severity']) expect(body).not.toContain(english);
  });
});
