// PLACEHOLDER until its owner lands the combiner: returns an empty section.
import type { FactStore } from './fact-store.js';
import type { ModelDraft } from './build.js';
import type { StorageFacts } from './host-model.js';

export function buildStorage(_facts: FactStore, _d: ModelDraft): StorageFacts {
  return { driverStatus: {}, dmDevices: [], baseDeviceUuids: [], overlayParams: {} };
}
