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
  return canonical(v, undefined, 0, new Map());
}

/** A part already made canonical (the model, cut first), placed as it is. */
class Done {
  constructor(readonly value: unknown) {}
}

/**
 * `v` with keys sorted and undefined values left out (sortKeys) and, when `at` is given, every array
 * longer than `max` cut to its first `max` items; cuts are added up per path (`ipc.semaphores`,
 * `links.*.addresses`) into `cuts`. One pass, not a cut copy and then a sorted copy: the two copies
 * were 6 % of a small analyze. `at` holds the path's parts on a stack, joined only when a list is cut.
 */
function canonical(v: unknown, at: string[] | undefined, max: number, cuts: Map<string, ListCut>): unknown {
  if (v instanceof Done) return v.value;
  if (Array.isArray(v)) {
    if (!at) {
      // A loop, not `v.map` with an arrow: a batch worker would compile a new arrow per bundle (bench/README, "hot callbacks").
      const out = new Array<unknown>(v.length);
      for (let i = 0; i < v.length; i++) out[i] = canonical(v[i], undefined, max, cuts);
      return out;
    }
    if (v.length > max) {
      const path = at.join('.');
      const c = cuts.get(path) ?? { kept: 0, total: 0 };
      c.kept += max;
      c.total += v.length;
      cuts.set(path, c);
    }
    const n = Math.min(v.length, max);
    const out = new Array<unknown>(n);
    at.push('*');
    for (let i = 0; i < n; i++) out[i] = canonical(v[i], at, max, cuts);
    at.pop();
    return out;
  }
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v as object).sort()) {
      const x = (v as Record<string, unknown>)[k];
      if (x === undefined) continue;
      if (at) at.push(k);
      setOwn(out, k, canonical(x, at, max, cuts));
      if (at) at.pop();
    }
    return out;
  }
  return v;
}

export function renderJson(result: AnalysisResult, maxModelList = MAX_REPORT_MODEL_LIST): string {
  const cuts = new Map<string, ListCut>();
  // The bundle by its file name only: the engineer's folders (other customers' names) stay out of the report.
  const modelIn = { ...result.model, collection: { ...result.model.collection, source: bundleName(result.model.collection.source) } };
  const model = canonical(modelIn, [], maxModelList, cuts);
  const out: Record<string, unknown> = { ...result, inventory: { ...result.inventory, input: bundleName(result.inventory.input) }, model: new Done(model) };
  if (cuts.size > 0) out.modelListsCut = Object.fromEntries(cuts);
  return JSON.stringify(canonical(out, undefined, maxModelList, cuts), null, 2) + '\n';
}
