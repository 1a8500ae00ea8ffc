/**
 * syslog files (/var/log/messages*, /var/log/syslog*, dockerd --log-file): the journal sink reads
 * them (traditional `May  9 10:00:00 host tag[pid]: msg` and rsyslog RFC 3339 forms); boots are
 * split at the kernel banner (`kernel: Linux version …`) since syslog has no boot markers.
 */
import type { ParserDef } from '../spine/types.js';
import { JournalSink, type JournalParse } from './journal.js';

export const syslogParser: ParserDef<JournalParse> = {
  name: 'syslog',
  artifacts: ['syslog'],
  create: (ctx) => new JournalSink(ctx),
};
