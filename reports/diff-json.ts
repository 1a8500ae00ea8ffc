/** diff.json: the canonical form of a BundleDiff (docs/diff.md), keys sorted so the same pair gives the same bytes. */
import type { BundleDiff } from '../analyzer/src/diff/types.js';
import { sortKeys } from './json.js';

export function renderDiffJson(d: BundleDiff): string {
  return JSON.stringify(sortKeys(d), null, 2) + '\n';
}
