// PLACEHOLDER until its owner lands the combiner: returns an empty section.
import type { FactStore } from './fact-store.js';
import type { ModelDraft } from './build.js';
import type { ProcessFacts } from './host-model.js';

export function buildProcesses(_facts: FactStore, _d: ModelDraft): ProcessFacts {
  return { available: false, list: [] };
}
