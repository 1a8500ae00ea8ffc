import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { runBatch } from '../../analyzer/src/triage/batch.js';
import { haveChromium, launch, openReport, type Browser, type Opened } from '../reports/browser-harness.js';
import { copySampleWithHost, SAMPLES } from './batch-fixtures.js';
import { makeTempDir, removeTempDirs } from '../helpers/tmp.js';

afterAll(removeTempDirs);

describe.skipIf(!haveChromium)('batch index.html in Chromium (needs /usr/bin/chromium: apt-get install chromium)', () => {
  let browser: Browser;
  let opened: Opened;
  let file: string;

  beforeAll(async () => {
    const dir = makeTempDir('dpm-index-in-');
    copySampleWithHost('lab-netns-healthy', join(dir, 'a-healthy'), 'alpha');
    copySampleWithHost('lab-netns-veth-leak', join(dir, 'b-leak'), 'bravo');
    copySampleWithHost('lab-netns-veth-leak', join(dir, 'c-leak'), 'charlie');
    const out = makeTempDir('dpm-index-out-');
    await runBatch({ inputs: [dir, join(SAMPLES, 'sosreport-vm-debian12.tar.xz')], outDir: out, jobs: 2, progress: false });
    file = join(out, 'index.html');
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
    await opened.page.click('button[data-sort-key="input"]');
    expect(await order()).toEqual([...initial].sort());
    await opened.page.click('button[data-sort-key="input"]');
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
});
