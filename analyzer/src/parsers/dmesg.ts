/**
 * Kernel ring buffer: `[   12.345678] msg` (seconds since boot: no wall time, the records count but
 * carry no time) and `dmesg -T`: `[Wed Nov 15 00:13:20 2023] msg` (local time of the collector).
 * The journal sink reads both.
 */
import type { ParserDef } from '../spine/types.js';
import { JournalSink, type JournalParse } from './journal.js';

export const dmesgParser: ParserDef<JournalParse> = {
  name: 'dmesg',
  artifacts: ['dmesg'],
  create: (ctx) => new JournalSink(ctx),
};
