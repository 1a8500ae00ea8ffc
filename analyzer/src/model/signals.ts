/**
 * The model's own journal signals (daemon lifecycle, boots, journald/firewalld restarts).
 * Rule-specific signals live in each rule's meta.signals.
 * OWNER: the journal/lifecycle work fills this list.
 */
import type { NamedSignal } from '../spine/types.js';

export const MODEL_SIGNALS: readonly NamedSignal[] = [];
