// PLACEHOLDER until its owner lands the combiner: returns an empty section.
import type { FactStore } from './fact-store.js';
import type { ModelDraft } from './build.js';
import type { Boot } from './host-model.js';

export function buildBoots(_facts: FactStore, _d: ModelDraft): Boot[] {
  return [];
}
