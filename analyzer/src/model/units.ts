// PLACEHOLDER until its owner lands the combiner: returns an empty section.
import type { FactStore } from './fact-store.js';
import type { ModelDraft } from './build.js';
import type { UnitFacts } from './host-model.js';

export function buildUnits(_facts: FactStore, _d: ModelDraft): Record<string, UnitFacts> {
  return {};
}
