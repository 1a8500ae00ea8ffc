/**
 * report.json: the canonical, deterministic form (docs/report-schema.md). Keys are sorted so the
 * same bundle always gives the same bytes.
 */
import type { AnalysisResult } from '../analyzer/src/analyze.js';

export function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v as object).sort()) {
      const x = (v as Record<string, unknown>)[k];
      if (x !== undefined) out[k] = sortKeys(x);
    }
    return out;
  }
  return v;
}

export function renderJson(result: AnalysisResult): string {
  return JSON.stringify(sortKeys(result), null, 2) + '\n';
}
