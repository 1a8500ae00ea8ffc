// PLACEHOLDER until its owner lands the combiner: returns an empty section.
import type { FactStore } from './fact-store.js';
import type { ModelDraft } from './build.js';
import type { EffectiveConfig } from './host-model.js';

export function buildConfig(_facts: FactStore, _d: ModelDraft): EffectiveConfig {
  return { values: {}, all: [], conflicts: [], daemonJson: { present: false, unknownKeys: [], wrongTypes: [] }, env: {}, dataRoot: '/var/lib/docker', execRoot: '/var/run/docker' };
}
