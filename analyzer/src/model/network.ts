// PLACEHOLDER until its owner lands the combiner: returns empty sections.
import type { FactStore } from './fact-store.js';
import type { ModelDraft } from './build.js';
import type { LinkFact, NetworkFact } from './host-model.js';

export function buildNetworks(_facts: FactStore, _d: ModelDraft): NetworkFact[] {
  return [];
}

export function buildLinks(_facts: FactStore, _d: ModelDraft): LinkFact[] {
  return [];
}
