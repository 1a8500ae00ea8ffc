// PLACEHOLDER until its owner lands the combiner: returns an empty section.
import type { FactStore } from './fact-store.js';
import type { ModelDraft } from './build.js';
import type { LimitFacts } from './host-model.js';

export function buildLimits(_facts: FactStore, _d: ModelDraft): LimitFacts {
  return { entries: [], effective: {}, sysctl: {} };
}
