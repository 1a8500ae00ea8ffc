/**
 * report.json: the canonical, deterministic form (docs/report-schema.md). Keys are sorted so the
 * same bundle always gives the same bytes.
 */
import type { AnalysisResult } from '../analyzer/src/analyze.js';
// A key `__proto__` (from daemon.json) stays a plain key, not a prototype change.
import { setOwn } from '../analyzer/src/parsers/util/go-json.js';
import { bundleName } from './text.js';

/**
 * Items kept of any one list inside `model` in report.json. A real host stays far below it (a few
 * thousand packages or mounts); a bundle with a million semaphores once gave a 34 MB report.json.
 * What is cut is listed in `modelListsCut` with the true totals.
 */
export const MAX_REPORT_MODEL_LIST = 10_000;

export interface ListCut {
  kept: number;
  total: number;
}

export function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v as object).sort()) {
      const x = (v as Record<string, unknown>)[k];
      if (x !== undefined) setOwn(out, k, sortKeys(x));
    }
    return out;
  }
  return v;
}

/**
 * `v` with every array longer than `max` cut to its first `max` items; cuts are added up per
 * path (`ipc.semaphores`, `links.*.addresses`) into `cuts`.
 */
function capLists(v: unknown, path: string, max: number, cuts: Map<string, ListCut>): unknown {
  if (Array.isArray(v)) {
    if (v.length > max) {
      const c = cuts.get(path) ?? { kept: 0, total: 0 };
      c.kept += max;
      c.total += v.length;
      cuts.set(path, c);
    }
    const itemPath = path === '' ? '*' : `${path}.*`;
    return v.slice(0, max).map((x) => capLists(x, itemPath, max, cuts));
  }
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) setOwn(out, k, capLists(x, path === '' ? k : `${path}.${k}`, max, cuts));
    return out;
  }
  return v;
}

export function renderJson(result: AnalysisResult, maxModelList = MAX_REPORT_MODEL_LIST): string {
  const cuts = new Map<string, ListCut>();
  // The bundle by its file name only: the engineer's folders (other customers' names) stay out of the report.
  const modelIn = { ...result.model, collection: { ...result.model.collection, source: bundleName(result.model.collection.source) } };
  const model = capLists(modelIn, '', maxModelList, cuts);
  const out: Record<string, unknown> = { ...result, inventory: { ...result.inventory, input: bundleName(result.inventory.input) }, model };
  if (cuts.size > 0) out.modelListsCut = Object.fromEntries(cuts);
  return JSON.stringify(sortKeys(out), null, 2) + '\n';
}
