// PLACEHOLDER until its owner lands the combiner: returns an empty section.
import type { FactStore } from './fact-store.js';
import type { ModelDraft } from './build.js';
import type { Identity } from './host-model.js';

export function buildIdentity(_facts: FactStore, _d: ModelDraft): Identity {
  return { flavor: 'unknown', flavorReason: 'not determined' };
}
