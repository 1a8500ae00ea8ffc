import type { ParserDef } from '../spine/types.js';
import { journalParser } from './journal.js';
import { syslogParser } from './syslog.js';
import { dmesgParser } from './dmesg.js';
import { journalBootsParser } from './journal-boots.js';
import { journalHeaderParser } from './journal-header.js';
import { auditLogParser } from './audit-log.js';
import { auditRulesParser } from './audit-rules.js';

/** journal, syslog, journal.boots, journal.header, dmesg, audit.log, audit.rules parsers. */
export const LOG_PARSERS: readonly ParserDef<unknown>[] = [
  journalParser,
  syslogParser,
  dmesgParser,
  journalBootsParser,
  journalHeaderParser,
  auditLogParser,
  auditRulesParser,
] as ParserDef<unknown>[];
