import type { ParserDef } from '../spine/types.js';
import { journalParser } from './journal.js';
import { syslogParser } from './syslog.js';
import { dmesgParser } from './dmesg.js';

/** journal, syslog, journal.boots, journal.header, dmesg, audit.log, audit.rules parsers. */
export const LOG_PARSERS: readonly ParserDef<unknown>[] = [journalParser, syslogParser, dmesgParser] as ParserDef<unknown>[];
