import type { Rule } from './types.js';
import auditDatarootWatch from './audit-dataroot-watch.js';
import daemonStartTimeout from './daemon-start-timeout.js';
import dataRootCollision from './data-root-collision.js';
import datarootTampered from './dataroot-tampered.js';
import devicemapperLoopLvm from './devicemapper-loop-lvm.js';
import devicemapperOptions from './devicemapper-options.js';
import devicemapperThinpool from './devicemapper-thinpool.js';
import devicemapperUuidMismatch from './devicemapper-uuid-mismatch.js';
import graphDeprecated from './graph-deprecated.js';
import overlay2CopyupSpace from './overlay2-copyup-space.js';
import overlay2MountShadow from './overlay2-mount-shadow.js';
import overlay2RedirectDir from './overlay2-redirect-dir.js';
import overlay2Unsupported from './overlay2-unsupported.js';

/** storage-hazards rules, sorted by id. rules/index.ts joins the lists. */
export const STORAGE_HAZARDS_RULES: readonly Rule[] = [auditDatarootWatch, daemonStartTimeout, dataRootCollision, datarootTampered, devicemapperLoopLvm, devicemapperOptions, devicemapperThinpool, devicemapperUuidMismatch, graphDeprecated, overlay2CopyupSpace, overlay2MountShadow, overlay2RedirectDir, overlay2Unsupported] as Rule[];
