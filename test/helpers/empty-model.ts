import { FactStore } from '../../analyzer/src/model/fact-store.js';
import { buildHostModel } from '../../analyzer/src/model/build.js';
import type { HostModel } from '../../analyzer/src/model/host-model.js';

/** A model built from no artifacts at all: every artifact missing. */
export function emptyModel(): HostModel {
  return buildHostModel(new FactStore(), { layout: 'folder', source: 'empty', health: {}, parseProblems: {} });
}
