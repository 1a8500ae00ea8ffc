// PLACEHOLDER until its owner lands the combiner: returns an empty section.
import type { FactStore } from './fact-store.js';
import type { ModelDraft } from './build.js';
import type { JournalFacts } from './host-model.js';

export function buildJournal(_facts: FactStore, _d: ModelDraft): JournalFacts {
  return { signals: {}, signalCounts: {}, recordsByUnit: {}, available: false, truncated: false };
}
