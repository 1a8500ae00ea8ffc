// PLACEHOLDER until its owner lands the combiner: returns an empty section.
import type { FactStore } from './fact-store.js';
import type { ModelDraft } from './build.js';
import type { ContainerFact } from './host-model.js';

export function buildContainers(_facts: FactStore, _d: ModelDraft): ContainerFact[] {
  return [];
}
