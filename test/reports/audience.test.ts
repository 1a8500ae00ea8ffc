import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir, removeTempDirs } from '../helpers/tmp.js';
import type { AnalysisResult } from '../../analyzer/src/analyze.js';
import { analyzeBundle } from '../../analyzer/src/analyze.js';
import { renderHtml } from '../../reports/html.js';
import { parseAudience } from '../../reports/formats.js';

/**
 * Issue 14 item 3: internal ids, parser problems and the coverage tables never reach the part of
 * the report a customer reads. `--audience engineer` (the default) keeps them in one collapsed
 * technical section; `--audience customer` leaves that section out.
 */
const SAMPLES = resolve(import.meta.dirname, '..', '..', 'samples');
const NAMES = existsSync(SAMPLES) ? readdirSync(SAMPLES, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name) : [];

/** What a reader sees: the text of the page without scripts, styles, tags or attributes. */
function visibleText(html: string): string {
  return html
    .replace(/<script[\s\S]*?<\/script>/g, ' ')
    .replace(/<style[\s\S]*?<\/style>/g, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#x27;/g, "'").replace(/&#x3D;/g, '=').replace(/&#x60;/g, '`').replace(/&amp;/g, '&');
}

/** The HTML before and inside the technical section (it is the last thing in <main>). */
function split(html: string): { outside: string; technical: string | undefined } {
  const at = html.indexOf('<details class="technical"');
  if (at < 0) return { outside: html, technical: undefined };
  const end = html.indexOf('</main>', at);
  return { outside: html.slice(0, at) + html.slice(end), technical: html.slice(at, end) };
}

describe('parseAudience', () => {
  it('defaults to engineer and refuses anything but engineer or customer', () => {
    expect(parseAudience(undefined)).toBe('engineer');
    expect(parseAudience('customer')).toBe('customer');
    expect(() => parseAudience('Customer')).toThrow(/unknown audience Customer/);
    expect(() => parseAudience('')).toThrow(/unknown audience/);
  });
});

describe.skipIf(NAMES.length === 0)('report audience (needs samples/)', { timeout: 300_000 }, () => {
  const results = new Map<string, AnalysisResult>();
  beforeAll(async () => {
    for (const n of NAMES) results.set(n, await analyzeBundle(join(SAMPLES, n)));
  });

  /**
   * The ids a customer must not meet. Finding ids (`rule#n`) are distinctive in any text; rule and
   * message ids are ordinary words that a log excerpt may hold (`Result=start-limit-hit`), so for
   * them the test looks for the id chips the page would show (`<code>id</code>`).
   */
  function assertNoInternalIds(r: AnalysisResult, html: string, where: string): void {
    const seen = visibleText(html);
    for (const f of r.findings) expect(seen, `${f.id} ${where}`).not.toMatch(new RegExp(`(^|[\\s(])${f.id.replace(/[#.*+?^${}()|[\]\\]/g, '\\$&')}($|[\\s),.])`));
    const chips = new Set([...r.findings.flatMap((f) => [f.ruleId, f.messageId]), ...r.coverage.map((c) => c.ruleId)]);
    for (const id of chips) expect(html, `<code>${id}</code> ${where}`).not.toContain(`<code>${id}</code>`);
  }

  it.for(NAMES)('%s: the engineer view keeps internal ids and parser problems in the collapsed technical section only', (name) => {
    const r = results.get(name)!;
    const html = renderHtml(r);
    const { outside, technical } = split(html);
    expect(technical, 'the technical section').toBeDefined();
    // Collapsed: the <details> carries no `open`.
    expect(technical!.slice(0, technical!.indexOf('>'))).not.toMatch(/\bopen\b/);
    assertNoInternalIds(r, outside, 'outside the technical section');
    expect(visibleText(outside)).not.toMatch(/field guide/i);
    // Every finding id listed in the page is in the technical section, once, beside its rule module.
    const tech = visibleText(technical!);
    for (const f of r.findings.slice(0, 25)) {
      expect(tech).toContain(f.id);
      expect(tech).toContain(`analyzer/src/rules/${f.ruleId}.ts`);
    }
    // The coverage tables (rule ids) and the inventory live there too.
    expect(technical).toContain('id="health"');
    expect(technical).toContain('id="inventory"');
    expect(outside).not.toContain('id="health"');
  });

  it.for(NAMES)('%s: the customer view has no technical section and no internal id', (name) => {
    const r = results.get(name)!;
    const html = renderHtml(r, {}, { audience: 'customer' });
    expect(html).not.toContain('class="technical"');
    expect(html).not.toContain('id="health"');
    expect(html).not.toContain('href="#technical"');
    assertNoInternalIds(r, html, 'in the customer view');
    expect(visibleText(html)).not.toMatch(/field guide/i);
    // The diagnosis itself is still all there: every finding's card.
    for (const f of r.findings.slice(0, 25)) expect(html).toContain(`data-finding-id="${f.id}"`);
  });
});

describe.skipIf(!NAMES.includes('nspawn-power-off-db-loss'))('batch --audience', { timeout: 180_000 }, () => {
  afterAll(removeTempDirs);
  it('customer: every bundle report lacks the technical section; engineer (default) keeps it; the cache keeps them apart', async () => {
    const { runBatch } = await import('../../analyzer/src/triage/batch.js');
    const { reportPath } = await import('../../analyzer/src/triage/report-names.js');
    const { readFileSync } = await import('node:fs');
    const out = makeTempDir('dpm-audience-batch-');
    const input = join(SAMPLES, 'nspawn-power-off-db-loss');
    const htmlOf = async (audience: 'customer' | 'engineer' | undefined) => {
      const o = await runBatch({ inputs: [input], outDir: out, jobs: 1, progress: false, ...(audience ? { audience } : {}) });
      const path = reportPath(o.bundles[0]!, 'html');
      expect(path).toBeDefined();
      return readFileSync(join(out, path!), 'utf8');
    };
    expect(split(await htmlOf('customer')).technical).toBeUndefined();
    // Same output folder, default audience: a cached customer report must not be reused.
    expect(split(await htmlOf(undefined)).technical).toBeDefined();
  });
});
