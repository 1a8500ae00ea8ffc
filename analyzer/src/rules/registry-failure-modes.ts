import type { Rule } from './types.js';
import containerIdExistsRace from './container-id-exists-race.js';
import powerOffDbLoss from './power-off-db-loss.js';
import semaphoreLeak from './semaphore-leak.js';
import startLimitHit from './start-limit-hit.js';
import vethLeak from './veth-leak.js';

/** The five named failure modes of field guide §1, sorted by id. rules/index.ts joins the lists. */
export const FAILURE_MODES_RULES: readonly Rule[] = [containerIdExistsRace, powerOffDbLoss, semaphoreLeak, startLimitHit, vethLeak] as Rule[];
