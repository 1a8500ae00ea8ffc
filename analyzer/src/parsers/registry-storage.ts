import type { ParserDef } from '../spine/types.js';
import { ipcsParser } from './ipcs.js';
import { procSysvipcSemParser } from './proc-sysvipc-sem.js';
import { kernelSemParser } from './kernel-sem.js';
import { sysctlParser } from './sysctl.js';
import { dmsetupInfoParser, dmsetupStatusParser, dmsetupTableParser, dmsetupUdevcookiesParser } from './dmsetup.js';
import { lvmProfileParser } from './lvm-profile.js';
import { devicesetMetadataParser } from './deviceset-metadata.js';
import { mountinfoParser } from './mountinfo.js';
import { mountLParser } from './mount-l.js';
import { dfParser } from './df.js';
import { limitsParser } from './limits.js';
import { overlayParamsParser } from './overlay-params.js';
import { datarootListingParser } from './dataroot-listing.js';
import { jsonHealthParser } from './json-health.js';

/** storage parsers: see parsers/index.ts for who owns which list. */
export const STORAGE_PARSERS: readonly ParserDef<unknown>[] = [
  ipcsParser,
  procSysvipcSemParser,
  kernelSemParser,
  sysctlParser,
  dmsetupUdevcookiesParser,
  dmsetupInfoParser,
  dmsetupStatusParser,
  dmsetupTableParser,
  lvmProfileParser,
  devicesetMetadataParser,
  mountinfoParser,
  mountLParser,
  dfParser,
  limitsParser,
  overlayParamsParser,
  datarootListingParser,
  jsonHealthParser,
] as readonly ParserDef<unknown>[];
