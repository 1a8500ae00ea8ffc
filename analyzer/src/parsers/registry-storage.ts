import type { ParserDef } from '../spine/types.js';
import { ipcsParser } from './ipcs.js';
import { procSysvipcSemParser } from './proc-sysvipc-sem.js';
import { kernelSemParser } from './kernel-sem.js';
import { sysctlParser } from './sysctl.js';
import { dmsetupInfoParser, dmsetupStatusParser, dmsetupTableParser, dmsetupUdevcookiesParser } from './dmsetup.js';

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
] as readonly ParserDef<unknown>[];
