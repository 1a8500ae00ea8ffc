import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AnalysisResult } from '../../analyzer/src/analyze.js';
import { analyzeBundle } from '../../analyzer/src/analyze.js';
import { renderHtml } from '../../reports/html.js';
import { renderJson } from '../../reports/json.js';
import { renderMarkdown } from '../../reports/markdown.js';

/**
 * Reports only format (issue 11, item 6): everything they show is in report.json. So a report
 * rendered from report.json alone, after a trip through JSON text, is byte for byte the report
 * rendered from the analysis in memory. A fact the view computed for itself, an order it made up,
 * or a value JSON cannot carry (undefined, NaN, a Map) would make them differ.
 */
const SAMPLES = resolve(import.meta.dirname, '..', '..', 'samples');
// One with a cause chain, episodes and boots; one with a start-limit refusal; one sosreport.
const NAMES = ['nspawn-power-off-db-loss', 'nspawn-start-limit-hit', 'lab-netns-semaphore-leak'].filter((n) => existsSync(join(SAMPLES, n)));

describe.skipIf(NAMES.length === 0)('reports rendered from report.json alone (needs samples/)', { timeout: 120_000 }, () => {
  it.for(NAMES)('%s: HTML and Markdown from report.json equal those from the analysis', async (name) => {
    const result = await analyzeBundle(join(SAMPLES, name));
    const fromJson = JSON.parse(renderJson(result)) as AnalysisResult;
    // The sample must exercise what the view shows: findings and a timeline.
    expect(result.findings.length).toBeGreaterThan(0);
    expect(result.model.timeline.length).toBeGreaterThan(0);
    expect(renderHtml(fromJson)).toBe(renderHtml(result));
    expect(renderMarkdown(fromJson)).toBe(renderMarkdown(result));
  });

  it.for(NAMES)('%s: no report names the folders the bundle was read from', async (name) => {
    const result = await analyzeBundle(join(SAMPLES, name)); // an absolute path, as an engineer types it
    expect(result.inventory.input).toContain(SAMPLES);
    for (const [format, text] of [['json', renderJson(result)], ['html', renderHtml(result)], ['md', renderMarkdown(result)]] as const) {
      expect(text.includes(SAMPLES), `${format} names ${SAMPLES}`).toBe(false);
      expect(text, format).toContain(name);
    }
  });
});
