/**
 * `journalctl --header`: one block per journal file (field guide §3, §5). Kept per file: path,
 * State (ONLINE/OFFLINE/ARCHIVED), boot and machine ids, head/tail realtime. The key case changed
 * between versions (`File Path:` → `File path:`). Real v252 sample:
 *
 *   File path: out/remote.journal
 *   Boot ID: c0ffee00c0ffee00c0ffee00c0ffee00
 *   State: OFFLINE
 *   Head realtime timestamp: Wed 2023-11-15 00:13:20 UTC (60a25c5458800)
 *
 * The hex in parentheses is the exact realtime in µs, used in preference to the printed date.
 * A file still ONLINE that is not the active one, or named `*.journal~`, hints at an unclean stop.
 */
import type { Evidence, Line, LineSink, ParseContext, ParseProblem, ParseResult, ParserDef } from '../spine/types.js';

export interface JournalFileHeader {
  path: string;
  state?: string;
  bootId?: string;
  machineId?: string;
  head?: number;
  tail?: number;
  /** `*.journal~`: a file journald renamed after finding it corrupted or uncleanly closed. */
  dirty: boolean;
  evidence: Evidence;
  stateEvidence?: Evidence;
}

export interface JournalHeaders {
  files: JournalFileHeader[];
}

const MAX_FILES = 10_000;

class HeaderSink implements LineSink<JournalHeaders> {
  private readonly files: JournalFileHeader[] = [];
  private cur?: JournalFileHeader;
  private readonly problems: ParseProblem[] = [];
  private lines = 0;
  constructor(private readonly ctx: ParseContext) {}

  private ev(line: Line): Evidence {
    return { artifact: this.ctx.artifact, path: this.ctx.path, line: line.no, excerpt: line.text.slice(0, 500) };
  }

  push(line: Line): void {
    const t = line.text;
    if (t.trim() === '') return;
    this.lines++;
    const i = t.indexOf(': ');
    const key = (i > 0 ? t.slice(0, i) : t.replace(/:$/, '')).trim().toLowerCase();
    const val = i > 0 ? t.slice(i + 2).trim() : '';
    if (key === 'file path') {
      if (this.files.length >= MAX_FILES) return;
      this.cur = { path: val, dirty: val.endsWith('~'), evidence: this.ev(line) };
      this.files.push(this.cur);
      return;
    }
    if (!this.cur) {
      if (this.problems.length < 100) this.problems.push({ line: line.no, reason: 'line before the first "File path:"', excerpt: t.slice(0, 200) });
      return;
    }
    switch (key) {
      case 'state':
        this.cur.state = val;
        this.cur.stateEvidence = this.ev(line);
        break;
      case 'boot id':
        this.cur.bootId = val;
        break;
      case 'machine id':
        this.cur.machineId = val;
        break;
      case 'head realtime timestamp':
        this.cur.head = realtime(val);
        break;
      case 'tail realtime timestamp':
        this.cur.tail = realtime(val);
        break;
      default:
        if (i < 0 && !/:$/.test(t) && this.problems.length < 100) this.problems.push({ line: line.no, reason: 'unrecognised line', excerpt: t.slice(0, 200) });
    }
  }

  finish(): ParseResult<JournalHeaders> {
    if (this.lines === 0) return { status: 'skipped', reason: 'empty', problems: this.problems };
    if (this.files.length === 0) return { status: 'malformed', reason: 'no "File path:" block', problems: this.problems, value: { files: [] } };
    return { status: 'ok', value: { files: this.files }, problems: this.problems };
  }
}

/** `Wed 2023-11-15 00:13:20 UTC (60a25c5458800)` → UTC ms from the hex µs; `n/a`/`empty` → undefined. */
function realtime(v: string): number | undefined {
  const m = /\(([0-9a-f]+)\)\s*$/.exec(v);
  if (!m) return undefined;
  const us = parseInt(m[1]!, 16);
  return Number.isFinite(us) && us > 0 ? us / 1000 : undefined;
}

export const journalHeaderParser: ParserDef<JournalHeaders> = {
  name: 'journal-header',
  artifacts: ['journal.header'],
  create: (ctx) => new HeaderSink(ctx),
};
