import type { ParserDef } from '../spine/types.js';

/** journal, syslog, journal.boots, journal.header, dmesg, audit.log, audit.rules parsers. */
export const LOG_PARSERS: readonly ParserDef<unknown>[] = [];
