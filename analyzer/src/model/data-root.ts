// PLACEHOLDER until its owner lands the combiner: returns an empty section.
import type { FactStore } from './fact-store.js';
import type { ModelDraft } from './build.js';
import type { DataRootFacts } from './host-model.js';

export function buildDataRoot(_facts: FactStore, _d: ModelDraft): DataRootFacts {
  return { available: false, root: '/var/lib/docker', truncated: false, entries: [], dbFiles: [], containerIds: [], foreignTopLevel: [], execRoot: [] };
}
