/**
 * The timeline a person can read, and the page in print and screenshots, in Chromium: focus around
 * the root cause (default ±15 min), lane and kind filters, kinds in words, folded chatter, the CSV
 * export, whole-word highlighting, a full-page screenshot with content below the first screen, the
 * PDF of a two-finding report (page numbers, page count, no heading alone at a page's foot) and
 * plural forms. Expected values come from the constructed result, never from the page's output.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { inflateSync } from 'node:zlib';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyzeBundle, type AnalysisResult } from '../../analyzer/src/analyze.js';
import { CATALOG } from '../../analyzer/src/events/catalog.js';
import { flatCatalog } from '../../analyzer/src/i18n/catalog.js';
import { writeReports } from '../../reports/index.js';
import { analysisFixture, at, emptyResult, ev, finding } from '../helpers/analysis-fixture.js';
import { browserSession, haveChromium, openReport } from './browser-harness.js';

const ROOT = resolve(import.meta.dirname, '..', '..');
const RESULTS = join(ROOT, 'test-results');
const en = flatCatalog('en');
const ru = flatCatalog('ru');

function have(tool: string): boolean {
  try {
    execFileSync(tool, ['-v'], { stdio: 'ignore' });
    return true;
  } catch (e) {
    // pdfinfo -v exits 0 on poppler 22+, 99 on older ones; only a missing binary is "not there".
    return (e as NodeJS.ErrnoException).code !== 'ENOENT';
  }
}
const havePdfinfo = have('pdfinfo');
const havePdftotext = have('pdftotext');

const BRIDGE = 'kernel.bridge-port-state';
const FORMULAS = ['=HYPERLINK("http://x.invalid","click")', '+1+1', '-2+3', '@SUM(A1:A2)'];

/** The fixture plus a run of bridge-port chatter, formula-looking labels and highlight cases. */
function timelineFixture(): AnalysisResult {
  const r = analysisFixture();
  const ms = (m: number) => Date.parse(at(m));
  const add = (m: number, category: string, kind: string, label: string, excerpt: string, match?: string) =>
    r.model.timeline.push({ time: ms(m), category: category as never, kind, label, bootIndex: 0, evidence: ev({ line: 2000 + r.model.timeline.length, time: at(m), excerpt, ...(match ? { match } : {}) }) });
  for (const [i, state] of ['blocking', 'forwarding', 'disabled'].entries()) add(3 + i * 0.1, 'kernel', BRIDGE, `bridge port state changed: docker0: port 1(veth1) entered ${state} state`, `kernel: docker0: port 1(veth1) entered ${state} state`, `entered ${state} state`);
  FORMULAS.forEach((f, i) => add(4 + i * 0.1, 'dockerd', 'dockerd.api-error', f, f));
  // One-letter match: only the standalone "t" may be marked, never the t of "status", "at" or "the".
  add(40, 'dockerd', 'lifecycle.stop', 'dockerd stop', 'status=9/KILL at t=3 the result', 't');
  // A match inside a word is widened to the whole word.
  add(90, 'containerd', 'lifecycle.crash', 'containerd crash', 'plugin containerd.runtime exited', 'ainerd.runt');
  return r;
}

/** All event times of a result (the model's timeline and each timed finding), as the page lists them. */
function eventTimes(r: AnalysisResult): { time: number; lane: string; kind: string }[] {
  return [
    ...r.model.timeline.map((t) => ({ time: t.time, lane: t.category as string, kind: t.kind })),
    ...r.findings.filter((f) => f.firstTime).map((f) => ({ time: Date.parse(f.firstTime!), lane: 'finding', kind: f.severity as string })),
  ];
}

/** RFC 4180 records (quoted fields may hold commas, quotes and line breaks). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(cell), (cell = '');
    else if (c === '\r' && text[i + 1] === '\n') row.push(cell), rows.push(row), (row = []), (cell = ''), i++;
    else cell += c;
  }
  if (cell || row.length) row.push(cell), rows.push(row);
  return rows;
}

/** Pixels of an 8-bit RGB/RGBA non-interlaced PNG (what Chromium writes), row by row. */
function decodePng(buf: Buffer): { width: number; height: number; channels: number; pixels: Buffer } {
  let pos = 8;
  let width = 0;
  let height = 0;
  let channels = 0;
  const idat: Buffer[] = [];
  while (pos < buf.length) {
    const len = buf.readUInt32BE(pos);
    const type = buf.toString('latin1', pos + 4, pos + 8);
    const data = buf.subarray(pos + 8, pos + 8 + len);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      expect(data[8], 'bit depth').toBe(8);
      channels = data[9] === 6 ? 4 : data[9] === 2 ? 3 : 0;
      expect(channels, 'colour type RGB or RGBA').toBeGreaterThan(0);
      expect(data[12], 'not interlaced').toBe(0);
    } else if (type === 'IDAT') idat.push(data);
    pos += 12 + len;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const out = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    const f = raw[y * (stride + 1)]!;
    for (let x = 0; x < stride; x++) {
      const v = raw[y * (stride + 1) + 1 + x]!;
      const a = x >= channels ? out[y * stride + x - channels]! : 0;
      const b = y > 0 ? out[(y - 1) * stride + x]! : 0;
      const c = x >= channels && y > 0 ? out[(y - 1) * stride + x - channels]! : 0;
      const p = a + b - c;
      const pred = f === 0 ? 0 : f === 1 ? a : f === 2 ? b : f === 3 ? (a + b) >> 1 : Math.abs(p - a) <= Math.abs(p - b) && Math.abs(p - a) <= Math.abs(p - c) ? a : Math.abs(p - b) <= Math.abs(p - c) ? b : c;
      out[y * stride + x] = (v + pred) & 0xff;
    }
  }
  return { width, height, channels, pixels: out };
}

describe.skipIf(!haveChromium)('timeline, print and screenshots in Chromium (needs /usr/bin/chromium)', { timeout: 180_000 }, () => {
  const session = browserSession('dpm-timeline-', 180_000);
  let html: string;
  const r = timelineFixture();
  const root = r.findings.find((f) => f.id === r.causeChains[0]![0])!;
  const rootTime = Date.parse(root.firstTime!);
  const events = eventTimes(r);
  const within = (minutes: number) => events.filter((e) => !minutes || Math.abs(e.time - rootTime) <= minutes * 60_000);

  beforeAll(async () => {
    mkdirSync(RESULTS, { recursive: true });
    [html] = await writeReports(r, join(session.out, 'en'), ['html']);
  }, 180_000);

  /** Events the visible rows stand for (a folded row counts its members). */
  const shownEvents = (page: import('playwright-core').Page) =>
    page.$$eval('tr.tl-row', (rows) => rows.filter((row) => !(row as HTMLElement).hidden).reduce((n, row) => n + (Number(row.getAttribute('data-count')) || 1), 0));

  it('opens around the root cause (±15 min) and shows more rows as the focus widens', async () => {
    const o = await openReport(session.browser, html);
    const { page } = o;
    expect(o.consoleErrors).toEqual([]);
    expect(o.pageErrors).toEqual([]);
    expect(await page.inputValue('#tl-focus')).toBe('15');
    // The fixture spreads events over hours: the default focus must leave some out, the widest none.
    expect(within(15).length).toBeLessThan(events.length);
    expect(await shownEvents(page)).toBe(within(15).length);
    expect(await page.textContent('#tl-count')).toBe(`Showing ${within(15).length} of ${events.length} events.`);
    let last = within(15).length;
    for (const m of [60, 360, 0]) {
      await page.selectOption('#tl-focus', String(m));
      const n = await shownEvents(page);
      expect(n, `±${m} min`).toBe(within(m).length);
      expect(n).toBeGreaterThanOrEqual(last);
      last = n;
    }
    expect(last).toBe(events.length);
    await page.selectOption('#tl-focus', '5');
    expect(await shownEvents(page)).toBe(within(5).length);
    await page.close();
  });

  it('filters by lane and by kind', async () => {
    const { page } = await openReport(session.browser, html);
    await page.selectOption('#tl-focus', '0');
    await page.uncheck('input[data-tl-filter="lane"][value="dockerd"]');
    expect(await page.locator('tr.tl-row[data-lane="dockerd"]:visible').count()).toBe(0);
    expect(await shownEvents(page)).toBe(events.filter((e) => e.lane !== 'dockerd').length);
    await page.uncheck(`input[data-tl-filter="kind"][value="${BRIDGE}"]`);
    expect(await shownEvents(page)).toBe(events.filter((e) => e.lane !== 'dockerd' && e.kind !== BRIDGE).length);
    await page.check('input[data-tl-filter="lane"][value="dockerd"]');
    expect(await shownEvents(page)).toBe(events.filter((e) => e.kind !== BRIDGE).length);
    await page.close();
  });

  it('names each kind in words and folds the chatter run into one "N ×" row', async () => {
    const { page } = await openReport(session.browser, html);
    await page.selectOption('#tl-focus', '0');
    const bridgeTitle = CATALOG.find((d) => d.kind === BRIDGE)!.title;
    expect(CATALOG.find((d) => d.kind === BRIDGE)!.chatter).toBe(true);
    const bridge = page.locator(`tr.tl-row[data-kind="${BRIDGE}"]`);
    expect(await bridge.count()).toBe(1);
    expect(await bridge.getAttribute('data-count')).toBe(String(events.filter((e) => e.kind === BRIDGE).length));
    expect((await bridge.locator('td.tl-kind').textContent())!.replace(/\s+/g, ' ').trim()).toBe(`${events.filter((e) => e.kind === BRIDGE).length} × ${bridgeTitle}`);
    // A lifecycle kind's words come from the UI catalog, a catalog kind's from the event catalog.
    const crash = await page.locator('tr.tl-row[data-kind="lifecycle.crash"] td.tl-kind').first().textContent();
    expect(crash!.trim()).toBe(en.get('ui.event.lifecycle.crash'));
    const api = await page.locator('tr.tl-row[data-kind="dockerd.api-error"] td.tl-kind').first().textContent();
    expect(api!.trim()).toBe(CATALOG.find((d) => d.kind === 'dockerd.api-error')!.title);
    await page.close();
  });

  it('names the kinds in Russian on a Russian page, and counts in Russian from the catalog', async () => {
    const [file] = await writeReports(r, join(session.out, 'ru'), ['html'], { lang: 'ru' });
    const { page, consoleErrors } = await openReport(session.browser, file!);
    expect(consoleErrors).toEqual([]);
    await page.selectOption('#tl-focus', '0');
    const kind = (await page.locator(`tr.tl-row[data-kind="${BRIDGE}"] td.tl-kind`).textContent())!;
    expect(kind).toContain(ru.get(`event.${BRIDGE}`)!);
    const tl = (await page.textContent('#tl-count'))!;
    expect(tl).toContain(String(events.length));
    expect(tl).not.toMatch(/Showing|events/);
    await page.uncheck('input[data-filter="severity"][value="critical"]');
    const fc = (await page.textContent('#filter-count'))!;
    const shown = r.findings.filter((f) => f.severity !== 'info' && f.severity !== 'critical').length;
    expect(fc).toContain(`${shown} из ${r.findings.length}`);
    expect(fc).not.toMatch(/Showing|findings/);
    await page.close();
  });

  it('exports the shown events as CSV: BOM, CRLF, header in the page language, formulas defused', async () => {
    const { page } = await openReport(session.browser, html);
    await page.selectOption('#tl-focus', '0');
    const [dl] = await Promise.all([page.waitForEvent('download'), page.click('#tl-csv')]);
    const file = join(session.out, 'timeline.csv');
    await dl.saveAs(file);
    const bytes = readFileSync(file);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8').slice(1);
    expect(text.endsWith('\r\n')).toBe(true);
    const rows = parseCsv(text);
    expect(rows[0]).toEqual(['#', en.get('ui.page.col-time'), en.get('ui.page.col-lane'), en.get('ui.page.tl-col-kind'), en.get('ui.page.col-event'), en.get('ui.page.tl-col-where'), en.get('ui.report.evidence')]);
    expect(rows.length - 1).toBe(events.length);
    // Every record line ends in CRLF: no bare LF outside a quoted cell (the excerpts here have none).
    expect(text.split('\r\n').every((l) => !l.includes('\n'))).toBe(true);
    for (const row of rows) for (const cell of row) expect(cell, cell).not.toMatch(/^[=+\-@]/);
    for (const f of FORMULAS) expect(rows.some((row) => row.includes(`'${f}`)), f).toBe(true);
    // The filters apply to the export too.
    await page.uncheck(`input[data-tl-filter="kind"][value="${BRIDGE}"]`);
    const [dl2] = await Promise.all([page.waitForEvent('download'), page.click('#tl-csv')]);
    await dl2.saveAs(file);
    expect(parseCsv(readFileSync(file, 'utf8').slice(1)).length - 1).toBe(events.filter((e) => e.kind !== BRIDGE).length);
    await page.close();
  });

  it('highlights whole words only', async () => {
    const { page } = await openReport(session.browser, html);
    await page.selectOption('#tl-focus', '0');
    const marks = await page.$$eval('mark', (ms) =>
      ms.map((m) => {
        const prev = m.previousSibling?.textContent ?? '';
        const next = m.nextSibling?.textContent ?? '';
        return { text: m.textContent ?? '', before: prev.slice(-1), after: next.slice(0, 1) };
      }),
    );
    expect(marks.length).toBeGreaterThan(3);
    const word = /[\p{L}\p{N}_]/u;
    for (const m of marks) {
      if (word.test(m.text[0]!)) expect(m.before, `before <mark>${m.text}</mark>`).not.toMatch(word);
      if (word.test(m.text[m.text.length - 1]!)) expect(m.after, `after <mark>${m.text}</mark>`).not.toMatch(word);
    }
    const texts = marks.map((m) => m.text);
    expect(texts.filter((t) => t === 't')).toHaveLength(1); // the "t" of "t=3" only
    expect(texts).toContain('containerd.runtime');
    expect(texts).not.toContain('ainerd.runt');
    await page.close();
  });

  it('keeps the row number on one line', async () => {
    const { page } = await openReport(session.browser, html);
    await page.selectOption('#tl-focus', '0');
    // One line box per number: a digit-by-digit wrap gives one per digit. Narrow the page to tempt it.
    await page.setViewportSize({ width: 480, height: 900 });
    const lines = await page.$$eval('table.tl-table td.tl-n', (tds) =>
      tds.map((td) => {
        const range = document.createRange();
        range.selectNodeContents(td);
        return { text: td.textContent ?? '', boxes: new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size };
      }),
    );
    expect(lines.length).toBe(await page.locator('tr.tl-row').count());
    expect(lines.some((l) => l.text.length > 1)).toBe(true);
    for (const l of lines) expect(l.boxes, `row ${l.text}`).toBe(1);
    const wrap = await page.$eval('table.tl-table td.tl-n', (td) => getComputedStyle(td).whiteSpace);
    expect(wrap).toBe('nowrap');
    await page.close();
  });

  it('a full-page screenshot has content below the first screen', async () => {
    const { page } = await openReport(session.browser, html);
    const viewport = page.viewportSize()!;
    const sections = await page.$$eval('main > section, #timeline, .finding', (els) => els.map((e) => getComputedStyle(e).contentVisibility));
    expect(sections.filter((v) => v && v !== 'visible')).toEqual([]);
    const png = await page.screenshot({ fullPage: true, path: join(RESULTS, 'timeline-fullpage.png') });
    const img = decodePng(png);
    expect(img.height).toBeGreaterThan(viewport.height * 2);
    const bg = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor.match(/\d+/g)!.map(Number));
    // Non-background pixels in each further screen of the page: every one holds something.
    for (let top = viewport.height; top + 200 < img.height; top += viewport.height) {
      let ink = 0;
      for (let y = top; y < Math.min(img.height, top + viewport.height); y++) {
        for (let x = 0; x < img.width; x++) {
          const i = (y * img.width + x) * img.channels;
          if (Math.abs(img.pixels[i]! - bg[0]!) + Math.abs(img.pixels[i + 1]! - bg[1]!) + Math.abs(img.pixels[i + 2]! - bg[2]!) > 60) ink++;
        }
      }
      expect(ink, `screen from y=${top}`).toBeGreaterThan(500);
    }
    await page.close();
  });

  it('reads singular where a count is one (English) and the catalogs hold no "(s)" plural', async () => {
    for (const [k, v] of en) if (k.startsWith('ui.')) expect(v, k).not.toContain('(s)');
    const one = emptyResult();
    one.findings = [finding({ id: 'live-restore-off#1', severity: 'warning', title: 'live-restore is off', summary: 'Containers stop when dockerd stops' })];
    one.model.timeline = [{ time: Date.parse(at(0)), category: 'dockerd', kind: 'lifecycle.start', label: 'dockerd start', bootIndex: 0, evidence: ev({ line: 1, time: at(0), excerpt: 'Starting Docker' }) }];
    const [file] = await writeReports(one, join(session.out, 'one'), ['html']);
    const { page } = await openReport(session.browser, file!);
    expect(await page.textContent('#filter-count')).toContain('Showing 1 of 1 finding ');
    expect(await page.textContent('#tl-count')).toBe('Showing 1 of 1 event.');
    expect(await page.textContent('#timeline h2 .muted')).toBe('(1 event, UTC)');
    const body = await page.evaluate(() => document.body.innerText);
    expect(body).not.toMatch(/\b1 (findings|events|problems|checks|lines)\b/);
    expect(body).not.toMatch(/\(s\)/);
    await page.close();
  });
});

const PRINT_CASE_ID = 'SR-20261203-0042';
const PRINT_LABEL = 'prod-east';

/** A shipped sample with exactly two findings, or the fixture cut to two when none has. */
async function twoFindingResult(): Promise<{ name: string; result: AnalysisResult }> {
  const dir = join(ROOT, 'samples');
  const names = existsSync(dir) ? readdirSync(dir).filter((n) => !n.startsWith('.') && !n.endsWith('.md')).sort() : [];
  for (const name of names.filter((n) => n.startsWith('nspawn-power-off-db-loss')).concat(names)) {
    const result = await analyzeBundle(join(dir, name));
    if (result.findings.length === 2) return { name, result };
  }
  const result = analysisFixture();
  result.findings = result.findings.slice(0, 2);
  return { name: 'fixture', result };
}

describe.skipIf(!haveChromium)('printing a two-finding report to PDF (needs /usr/bin/chromium)', { timeout: 240_000 }, () => {
  const session = browserSession('dpm-pdf-', 240_000);
  let file: string;
  let name: string;
  beforeAll(async () => {
    const two = await twoFindingResult();
    name = two.name;
    expect(two.result.findings).toHaveLength(2);
    // A case id and label as the collector records them (--case-id / --label): the printout must carry them.
    const model = two.result.model!;
    const result = { ...two.result, model: { ...model, collection: { ...model.collection, caseId: PRINT_CASE_ID, label: PRINT_LABEL } } } as AnalysisResult;
    [file] = await writeReports(result, join(session.out, 'r'), ['html']);
  }, 240_000);

  for (const format of ['A4', 'Letter'] as const) {
    it.skipIf(!havePdfinfo || !havePdftotext)(`${format}: page numbers, at most 8 pages, no heading alone at a page's foot (needs pdfinfo and pdftotext from poppler-utils)`, async () => {
      const { page } = await openReport(session.browser, file);
      await page.emulateMedia({ media: 'print' });
      const headings = (await page.$$eval('main h1, main h2, main h3, main h4', (hs) => hs.filter((h) => (h as HTMLElement).offsetParent !== null).map((h) => (h.textContent ?? '').replace(/\s+/g, ' ').trim()))).filter(Boolean);
      const pdf = await page.pdf({ format });
      await page.close();
      const path = join(session.out, `report-${format}.pdf`);
      writeFileSync(path, pdf);
      writeFileSync(join(RESULTS, `timeline-${name}-${format}.pdf`), pdf);
      const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [path], { encoding: 'utf8' }))![1]);
      expect(pages).toBeGreaterThan(1);
      expect(pages).toBeLessThanOrEqual(8);
      for (let p = 1; p <= pages; p++) {
        const text = execFileSync('pdftotext', ['-f', String(p), '-l', String(p), '-layout', path, '-'], { encoding: 'utf8' });
        if (p === 1) {
          // A printout filed in a ticket names its case on page 1.
          expect(text).toContain(PRINT_CASE_ID);
          expect(text).toContain(PRINT_LABEL);
        }
        const lines = text.split('\n').map((l) => l.replace(/\s+/g, ' ').trim()).filter(Boolean);
        // The page number (CSS @page margin box "n / total") is on every page.
        expect(lines.some((l) => l.endsWith(`${p} / ${pages}`) || l.endsWith(`${p}/${pages}`)), `page ${p} number`).toBe(true);
        if (p < pages) {
          const body = lines.filter((l) => !/^\d+ ?\/ ?\d+$/.test(l) && !l.endsWith(`${p} / ${pages}`));
          expect(headings, `page ${p} ends with a heading: ${body[body.length - 1]}`).not.toContain(body[body.length - 1]);
        }
      }
    });
  }

  // Runs everywhere (it used to run only without poppler, so CI, which has poppler, always skipped it).
  it('the print CSS holds the page counter (the PDF checks above read it through poppler)', () => {
    const css = readFileSync(join(ROOT, 'reports', 'assets', 'report.css'), 'utf8');
    expect(css).toMatch(/@page[\s\S]*counter\(page\)/);
  });
});
