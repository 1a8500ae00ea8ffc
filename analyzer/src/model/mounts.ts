// PLACEHOLDER until its owner lands the combiner: returns an empty section.
import type { FactStore } from './fact-store.js';
import type { ModelDraft } from './build.js';
import type { MountFact } from './host-model.js';

export function buildMounts(_facts: FactStore, _d: ModelDraft): MountFact[] {
  return [];
}
