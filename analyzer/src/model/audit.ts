// PLACEHOLDER until its owner lands the combiner: returns an empty section.
import type { FactStore } from './fact-store.js';
import type { ModelDraft } from './build.js';
import type { AuditFacts } from './host-model.js';

export function buildAudit(_facts: FactStore, _d: ModelDraft): AuditFacts {
  return { available: false, rules: [], events: [], keyCounts: {}, totalEvents: 0 };
}
