/**
 * `journalctl --list-boots` (field guide §3). Two table forms:
 *
 * v251+ (header line, one row per boot):
 *   IDX BOOT ID                          FIRST ENTRY                 LAST ENTRY
 *    -1 8e1f2a3b4c5d4e6f8a9b0c1d2e3f4a5b Wed 2023-11-15 00:13:20 UTC Wed 2023-11-15 02:43:22 UTC
 * ≤ v250 (no header, em-dash between the times, weekday localised before v232):
 *   -1 43f6209bfc284a7d9ef1e1f24d7721c9 Fr 2016-06-24 23:08:57 CEST—Fr 2016-06-24 23:13:18 CEST
 *
 * Times are in the zone journalctl ran in (v252 ignores --utc here). UTC/GMT and numeric zones are
 * exact; an abbreviation is converted with the host's offset when the bundle gives it, else with
 * the table in journal-time.ts; anything else leaves the time unknown and records a problem.
 * Boots keep list order: positions, not clocks, order boots (systemd/systemd#27422).
 */
import type { Evidence, Line, LineSink, ParseContext, ParseProblem, ParseResult, ParserDef } from '../spine/types.js';
import { ZONE_OFFSETS, zoneOffset } from './journal-time.js';

export interface ListedBoot {
  index: number;
  bootId: string;
  first?: number;
  last?: number;
  /** The times as printed, for display when the zone was unknown. */
  firstText: string;
  lastText: string;
  evidence: Evidence;
}

export interface BootList {
  boots: ListedBoot[];
  form: 'v251' | 'v250' | 'unknown';
}

const RE_STAMP = String.raw`(\S+) (\d{4}-\d\d-\d\d \d\d:\d\d:\d\d) (\S+)`;
const RE_V251 = new RegExp(String.raw`^\s*(-?\d+) ([0-9a-f]{32}) ${RE_STAMP} ${RE_STAMP}\s*$`);
const RE_V250 = new RegExp(String.raw`^\s*(-?\d+) ([0-9a-f]{32}) ${RE_STAMP}\s*(?:—|–|-{1,2})\s*${RE_STAMP}\s*$`);
const RE_ROW_START = /^\s*-?\d+ [0-9a-f]{32}\b/;
const MAX_BOOTS = 5000;

class BootsSink implements LineSink<BootList> {
  private readonly boots: ListedBoot[] = [];
  private readonly problems: ParseProblem[] = [];
  private form: BootList['form'] = 'unknown';
  private lines = 0;
  private unknownZones = new Set<string>();
  constructor(private readonly ctx: ParseContext) {}

  push(line: Line): void {
    try {
      this.row(line);
    } catch (e) {
      this.problems.push({ line: line.no, reason: `internal: ${(e as Error).message}` });
    }
  }

  private toTime(date: string, zone: string, line: Line): number | undefined {
    let off: number | undefined;
    if (zone === 'UTC' || zone === 'GMT' || /^[+-]\d/.test(zone)) off = zoneOffset(zone);
    else if (this.ctx.hostUtcOffsetMinutes !== undefined) off = this.ctx.hostUtcOffsetMinutes;
    else if (zone in ZONE_OFFSETS) off = ZONE_OFFSETS[zone];
    if (off === undefined) {
      if (!this.unknownZones.has(zone) && this.problems.length < 100) {
        this.unknownZones.add(zone);
        this.problems.push({ line: line.no, reason: `unknown time zone ${zone}: boot times left unknown`, excerpt: line.text.slice(0, 200) });
      }
      return undefined;
    }
    const [d, t] = date.split(' ');
    const [y, mo, da] = d!.split('-').map(Number);
    const [h, mi, s] = t!.split(':').map(Number);
    const v = Date.UTC(y!, mo! - 1, da!, h!, mi!, s!) - off * 60_000;
    return Number.isFinite(v) ? v : undefined;
  }

  private row(line: Line): void {
    const t = line.text;
    if (t.trim() === '') return;
    this.lines++;
    if (/^\s*IDX\s+BOOT ID/.test(t)) {
      this.form = 'v251';
      return;
    }
    if (/^No journal files were found\.|^-- No entries --|^Hint: /.test(t)) return;
    let m = RE_V251.exec(t);
    let form: BootList['form'] = 'v251';
    if (!m || t.includes('—')) {
      m = RE_V250.exec(t);
      form = 'v250';
    }
    if (!m) {
      if (this.problems.length < 100) this.problems.push({ line: line.no, reason: RE_ROW_START.test(t) ? 'boot row with unreadable times' : 'unrecognised line', excerpt: t.slice(0, 200) });
      if (RE_ROW_START.test(t)) {
        const r = /^\s*(-?\d+) ([0-9a-f]{32})/.exec(t)!;
        this.add(Number(r[1]), r[2]!, '', '', undefined, undefined, line);
      }
      return;
    }
    if (this.form === 'unknown') this.form = form;
    const first = this.toTime(m[4]!, m[5]!, line);
    const last = this.toTime(m[7]!, m[8]!, line);
    this.add(Number(m[1]), m[2]!, `${m[3]} ${m[4]} ${m[5]}`, `${m[6]} ${m[7]} ${m[8]}`, first, last, line);
  }

  private add(index: number, bootId: string, firstText: string, lastText: string, first: number | undefined, last: number | undefined, line: Line): void {
    if (this.boots.length >= MAX_BOOTS) return;
    const b: ListedBoot = {
      index,
      bootId,
      firstText,
      lastText,
      evidence: { artifact: this.ctx.artifact, path: this.ctx.path, line: line.no, excerpt: line.text.slice(0, 500) },
    };
    if (first !== undefined) {
      b.first = first;
      b.evidence.time = new Date(first).toISOString();
    }
    if (last !== undefined) b.last = last;
    this.boots.push(b);
  }

  finish(): ParseResult<BootList> {
    if (this.lines === 0) return { status: 'skipped', reason: 'empty', problems: this.problems };
    const value = { boots: this.boots, form: this.form };
    if (this.boots.length === 0) return { status: 'malformed', reason: 'no boot rows', line: this.problems[0]?.line, value, problems: this.problems };
    return { status: 'ok', value, problems: this.problems };
  }
}

export const journalBootsParser: ParserDef<BootList> = {
  name: 'journal-boots',
  artifacts: ['journal.boots'],
  create: (ctx) => new BootsSink(ctx),
};
