import type { ParserDef } from '../spine/types.js';
import { journalParser } from './journal.js';
import { syslogParser } from './syslog.js';
import { dmesgParser } from './dmesg.js';
import { journalBootsParser } from './journal-boots.js';
import { journalHeaderParser } from './journal-header.js';
import { auditLogParser } from './audit-log.js';
import { auditRulesParser } from './audit-rules.js';
import { withForwardedAudit } from './audit-forwarded.js';

/**
 * journal, syslog, journal.boots, journal.header, dmesg, audit.log, audit.rules parsers. The three
 * log parsers also read audit records forwarded into the logs (audispd, kernel printk, journald's
 * audit transport): the audit model falls back on them when no audit.log was collected.
 */
export const LOG_PARSERS: readonly ParserDef<unknown>[] = [
  withForwardedAudit(journalParser),
  withForwardedAudit(syslogParser),
  withForwardedAudit(dmesgParser),
  journalBootsParser,
  journalHeaderParser,
  auditLogParser,
  auditRulesParser,
] as ParserDef<unknown>[];
