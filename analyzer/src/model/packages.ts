// PLACEHOLDER until its owner lands the combiner: returns an empty section.
import type { FactStore } from './fact-store.js';
import type { ModelDraft } from './build.js';
import type { PackageFacts } from './host-model.js';

export function buildPackages(_facts: FactStore, _d: ModelDraft): PackageFacts {
  return { available: false, list: [], byName: {} };
}
