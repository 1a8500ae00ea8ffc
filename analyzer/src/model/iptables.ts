// PLACEHOLDER until its owner lands the combiner: returns an empty section.
import type { FactStore } from './fact-store.js';
import type { ModelDraft } from './build.js';
import type { IptablesFacts } from './host-model.js';

export function buildIptables(_facts: FactStore, _d: ModelDraft): IptablesFacts {
  return { available: false, chains: {}, rules: [] };
}
