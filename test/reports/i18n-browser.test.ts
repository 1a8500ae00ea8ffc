/**
 * One sample's report.html in English, Russian and Chinese in Chromium: `<html lang>`, the verdict
 * in the language, CJK text drawn with real glyphs (not tofu), no console errors or requests, and
 * one screenshot per language in test-results/. Waits are the page's load event and
 * `document.fonts.ready`, nothing timed.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyzeBundle, type AnalysisResult } from '../../analyzer/src/analyze.js';
import { localizeResult } from '../../analyzer/src/i18n/localize.js';
import type { LangTag } from '../../analyzer/src/i18n/registry.js';
import { writeReports } from '../../reports/index.js';
import { browserSession, haveChromium, openReport } from './browser-harness.js';

const ROOT = resolve(import.meta.dirname, '..', '..');
const SAMPLE = join(ROOT, 'samples', 'lab-netns-semaphore-leak');
const RESULTS = join(ROOT, 'test-results');

function haveCjkFont(): boolean {
  try {
    return /Noto Sans CJK/i.test(execFileSync('fc-list', { encoding: 'utf8' }));
  } catch {
    return false;
  }
}
const cjkFont = haveCjkFont();

/**
 * Each character drawn alone on a canvas in the page's own font, as a PNG data URL. A font with no
 * glyph for a character draws the same "tofu" box for all of them (U+FFFF has no glyph anywhere),
 * so distinct images mean real glyphs.
 */
const drawChars = (chars: string[]) =>
  chars.map((ch) => {
    const c = document.createElement('canvas');
    c.width = 48;
    c.height = 48;
    const g = c.getContext('2d')!;
    g.font = `32px ${getComputedStyle(document.documentElement).fontFamily}`;
    g.fillStyle = '#000';
    g.fillText(ch, 4, 36);
    return c.toDataURL();
  });

const measure = (texts: string[]) => {
  const g = document.createElement('canvas').getContext('2d')!;
  g.font = `32px ${getComputedStyle(document.documentElement).fontFamily}`;
  return texts.map((t) => g.measureText(t).width);
};

describe.skipIf(!haveChromium)('report.html in en, ru and zh-CN in Chromium (needs /usr/bin/chromium)', { timeout: 180_000 }, () => {
  const session = browserSession('dpm-i18n-browser-', 180_000);
  let result: AnalysisResult;
  beforeAll(async () => {
    mkdirSync(RESULTS, { recursive: true });
    result = await analyzeBundle(SAMPLE);
  }, 180_000);

  for (const lang of ['en', 'ru', 'zh-CN'] as LangTag[]) {
    it(`${lang}: lang attribute, verdict in the language, screenshot`, async () => {
      const dir = join(session.out, lang);
      const [file] = await writeReports(result, dir, ['html'], { lang });
      const o = await openReport(session.browser, file!);
      await o.page.evaluate(() => document.fonts.ready.then(() => undefined));
      expect(o.consoleErrors).toEqual([]);
      expect(o.pageErrors).toEqual([]);
      expect(o.requests).toEqual([`file://${file}`]);
      expect(await o.page.getAttribute('html', 'lang')).toBe(lang);
      const body = (await o.page.textContent('body')) ?? '';
      // The verdict's status as the catalog says it in this language (English's own for en).
      expect(body).toContain(localizeResult(result, lang).verdict.i18n.status);
      if (lang !== 'en') expect(body).not.toContain(localizeResult(result, 'en').verdict.i18n.status);
      await o.page.screenshot({ path: join(RESULTS, `i18n-${lang}.png`), fullPage: true });
      await o.page.close();
    });
  }

  it.skipIf(!cjkFont)('zh-CN: CJK text is drawn with glyphs, not tofu (needs fonts-noto-cjk: fc-list finds no "Noto Sans CJK")', async () => {
    const dir = join(session.out, 'zh-glyphs');
    const [file] = await writeReports(result, dir, ['html'], { lang: 'zh-CN' });
    const o = await openReport(session.browser, file!);
    await o.page.evaluate(() => document.fonts.ready.then(() => undefined));
    // Characters the page really shows (its verdict status), the glossary's 信号量, and a tofu reference.
    const status = localizeResult(result, 'zh-CN').verdict.i18n.status;
    const shown = [...status].filter((ch) => /\p{Script=Han}/u.test(ch)).slice(0, 3);
    expect(shown.length).toBeGreaterThan(0);
    expect((await o.page.textContent('body')) ?? '').toContain(status);
    const chars = [...new Set([...shown, '信', '号', '量'])];
    const images = await o.page.evaluate(drawChars, [...chars, '\uffff']);
    const tofu = images[images.length - 1];
    for (let i = 0; i < chars.length; i++) expect(images[i], `${chars[i]} drawn as tofu`).not.toBe(tofu);
    // And each is its own glyph: tofu would draw them all alike.
    expect(new Set(images.slice(0, -1)).size).toBe(chars.length);
    // Widths in the page's font at 32px: a CJK font draws each character one em wide (96 for three);
    // three tofu boxes are narrower (no glyph, the fallback box).
    const [sem, tofu3] = await o.page.evaluate(measure, ['信号量', '\uffff\uffff\uffff']);
    expect(sem).not.toBeCloseTo(tofu3!, 0);
    expect(sem).toBeGreaterThan(3 * 32 - 2);
    expect(sem).toBeLessThan(3 * 32 + 2);
    await o.page.close();
  });
});
