/**
 * The explicit rule registry (no globbing). Three lists keep parallel work apart:
 * - registry-failure-modes.ts: the five named failure modes (field guide §1)
 * - registry-storage-hazards.ts: storage, data-root and audit hazards (field guide §2)
 * - registry-host-hazards.ts: config, network, service and limit hazards (field guide §2)
 * test/docs/rules-doc.test.ts checks that together they list every rule file in this folder.
 */
import type { Rule } from './types.js';
import { FAILURE_MODES_RULES } from './registry-failure-modes.js';
import { STORAGE_HAZARDS_RULES } from './registry-storage-hazards.js';
import { HOST_HAZARDS_RULES } from './registry-host-hazards.js';
import { byCodeUnits } from '../text-order.js';

export const RULES: readonly Rule[] = Object.freeze(
  [...FAILURE_MODES_RULES, ...STORAGE_HAZARDS_RULES, ...HOST_HAZARDS_RULES].sort((a, b) => byCodeUnits(a.meta.id, b.meta.id)),
);
