/**
 * Bad input is normal input: every log parser takes random and mutated lines (seeded PRNG, so a
 * failure reproduces) without throwing, and keeps bounded state however many lines stream through.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parserFor } from '../../analyzer/src/parsers/index.js';
import type { JournalParse } from '../../analyzer/src/parsers/journal.js';
import { MAX_BOOTS, MAX_PROBLEMS, MAX_UNITS, SIGNAL_KEEP, TAIL_KEEP } from '../../analyzer/src/parsers/journal.js';
import type { AuditLogParse } from '../../analyzer/src/parsers/audit-log.js';
import { EVENT_KEEP } from '../../analyzer/src/parsers/audit-log.js';
import { EVENTS } from '../../analyzer/src/events/catalog.js';
import type { ArtifactId } from '../../analyzer/src/spine/artifacts.js';
import type { ParseResult } from '../../analyzer/src/spine/types.js';
import { mulberry32 } from '../helpers/prng.js';

const FIX = join(import.meta.dirname, '..', 'fixtures');

const prng = mulberry32;

const SPICE = ['"', '\\', '[', ']', '{', '}', ':', '=', ' ', '\t', '\u001d', '\u0001', '\u0000', '░', '—', '-- ', '\\"', 'é', '\ud800', '4294967295', '(null)', 'msg=audit(', 'type=', 'time="', '-- Boot ', 'Dec 31 ', '[ 1.0] '];

function lines(dir: string): string[] {
  const out: string[] = [];
  for (const f of readdirSync(join(FIX, dir)).filter((f) => f.endsWith('.txt'))) out.push(...readFileSync(join(FIX, dir, f), 'utf8').split('\n'));
  return out.filter(Boolean);
}

function mutate(rand: () => number, base: string): string {
  const r = rand();
  const pos = Math.floor(rand() * (base.length + 1));
  if (r < 0.2) return base.slice(0, pos); // cut
  if (r < 0.4) return base.slice(0, pos) + SPICE[Math.floor(rand() * SPICE.length)] + base.slice(pos); // insert
  if (r < 0.55) return base.slice(0, pos) + base.slice(pos + 1 + Math.floor(rand() * 10)); // delete
  if (r < 0.7) {
    let s = '';
    const n = Math.floor(rand() * 120);
    for (let i = 0; i < n; i++) s += String.fromCharCode(Math.floor(rand() * 0x3000));
    return s; // random
  }
  if (r < 0.8) return base + base; // doubled
  if (r < 0.9) return base.replace(/\d/g, () => String(Math.floor(rand() * 10))); // digits shuffled
  return SPICE[Math.floor(rand() * SPICE.length)]! + base;
}

const CASES: { artifact: ArtifactId; dirs: string[] }[] = [
  { artifact: 'journal', dirs: ['journal'] },
  { artifact: 'syslog', dirs: ['syslog'] },
  { artifact: 'dmesg', dirs: ['dmesg'] },
  { artifact: 'journal.boots', dirs: ['journal-boots'] },
  { artifact: 'journal.header', dirs: ['journal-header'] },
  { artifact: 'audit.log', dirs: ['audit-log'] },
  { artifact: 'audit.rules', dirs: ['audit-rules'] },
];

describe('log parsers never throw on random and mutated lines', () => {
  for (const c of CASES) {
    it(`${c.artifact}: 5000 lines, seeded`, () => {
      const rand = prng(0xd0c4e7 + c.artifact.length);
      const base = c.dirs.flatMap(lines);
      expect(base.length).toBeGreaterThan(0);
      const sink = parserFor(c.artifact)!.create({ artifact: c.artifact, path: 'fuzz', events: EVENTS, collectedAt: Date.UTC(2024, 0, 1) });
      const thrown: string[] = [];
      for (let i = 1; i <= 5000; i++) {
        const text = mutate(rand, base[Math.floor(rand() * base.length)]!);
        try {
          sink.push({ no: i, text });
        } catch (e) {
          thrown.push(`line ${i}: ${(e as Error).message}`);
        }
      }
      expect(thrown).toEqual([]);
      let res: ParseResult<unknown> | undefined;
      expect(() => (res = sink.finish())).not.toThrow();
      expect(['ok', 'malformed', 'skipped']).toContain(res!.status);
      expect(res!.problems.length).toBeLessThanOrEqual(MAX_PROBLEMS + 1);
      for (const p of res!.problems) expect(p.line).toBeGreaterThanOrEqual(0);
    });
  }
});

describe('streaming keeps bounded state', () => {
  it('journal: 160k lines of many units, boots and matches stay within every cap', () => {
    const sink = parserFor('journal')!.create({ artifact: 'journal', path: 'stream', events: EVENTS });
    const rand = prng(42);
    let no = 0;
    for (let i = 0; i < 160_000; i++) {
      const k = i % 4;
      let text: string;
      if (k === 0) text = `{"__REALTIME_TIMESTAMP":"${1700000000000000 + i}","_BOOT_ID":"${(Math.floor(i / 100) % 5000).toString(16).padStart(32, '0')}","SYSLOG_IDENTIFIER":"ident${i % 7919}","MESSAGE":"x ${i}"}`;
      else if (k === 1) text = `{"__REALTIME_TIMESTAMP":"${1700000000000000 + i}","SYSLOG_IDENTIFIER":"dockerd","MESSAGE":"level=info msg=\\"Starting up\\""}`;
      else if (k === 2) text = `garbage ${rand()}`;
      else text = `{"__REALTIME_TIMESTAMP":"${1700000000000000 + i}","SYSLOG_IDENTIFIER":"systemd-journald","MESSAGE":"File /x corrupted or uncleanly shut down, renaming and replacing."}`;
      sink.push({ no: ++no, text });
    }
    const r = sink.finish() as ParseResult<JournalParse>;
    if (r.status !== 'ok') throw new Error(r.status);
    const v = r.value;
    expect(v.records).toBe(120_000);
    expect(v.eventCounts['dockerd.starting']).toBe(40_000);
    expect(v.events['dockerd.starting']!.length).toBe(SIGNAL_KEEP);
    expect(v.events['journald.corrupt']!.length).toBe(SIGNAL_KEEP);
    expect(Object.keys(v.byUnit).length).toBeLessThanOrEqual(MAX_UNITS + 1);
    expect(v.boots.length).toBeLessThanOrEqual(MAX_BOOTS);
    expect(Math.max(...v.boots.map((b) => b.tail.length))).toBeLessThanOrEqual(TAIL_KEEP);
    expect(v.journaldCorrupt.length).toBeLessThanOrEqual(50);
    expect(r.problems.length).toBe(MAX_PROBLEMS + 1);
    expect(r.problems.at(-1)!.reason).toBe(`${40_000 - MAX_PROBLEMS} more unreadable lines not listed`);
    expect(v.capped).toBe(true);
  });

  it('journal: a multi-line message cannot grow without bound', () => {
    const sink = parserFor('journal')!.create({ artifact: 'journal', path: 'stream' });
    sink.push({ no: 1, text: 'Nov 15 00:13:20 h dockerd[1]: start' });
    for (let i = 2; i < 50_000; i++) sink.push({ no: i, text: `    continuation ${'y'.repeat(100)}` });
    const r = sink.finish() as ParseResult<JournalParse>;
    if (r.status !== 'ok') throw new Error(r.status);
    expect(r.value.boots[0]!.tail[0]!.message.length).toBeLessThanOrEqual(2000);
  });

  it('audit.log: 50k interleaved events keep at most EVENT_KEEP docker events', () => {
    const sink = parserFor('audit.log')!.create({ artifact: 'audit.log', path: 'stream' });
    let no = 0;
    for (let i = 0; i < 50_000; i++) {
      const id = `${1517656451 + Math.floor(i / 1000)}.${String(i % 1000).padStart(3, '0')}:${i}`;
      sink.push({ no: ++no, text: `type=SYSCALL msg=audit(${id}): syscall=257 success=yes pid=${i} comm="dockerd" exe="/usr/bin/dockerd" key="k${i % 3000}"` });
      sink.push({ no: ++no, text: `type=PATH msg=audit(${id}): item=0 name="/var/lib/docker/x${i}" nametype=NORMAL` });
    }
    const r = sink.finish() as ParseResult<AuditLogParse>;
    if (r.status !== 'ok') throw new Error(r.status);
    expect(r.value.totalEvents).toBe(50_000);
    expect(r.value.dockerEvents).toBe(50_000);
    expect(r.value.events.length).toBe(EVENT_KEEP);
    expect(Object.keys(r.value.keyCounts).length).toBeLessThanOrEqual(1000);
  });
});

describe('long lines do not stay pinned in memory', () => {
  it('kept records of 60 KB lines hold at most MAX_MESSAGE characters', () => {
    const sink = parserFor('journal')!.create({ artifact: 'journal', path: 'long', events: EVENTS });
    const long = 'x'.repeat(60_000);
    for (let i = 1; i <= 100; i++) sink.push({ no: i, text: `Nov 15 00:13:20 h dockerd[1]: level=info msg="Starting up" ${long}` });
    const r = sink.finish() as ParseResult<JournalParse>;
    if (r.status !== 'ok') throw new Error(r.status);
    const tail = r.value.boots[0]!.tail;
    expect(tail).toHaveLength(TAIL_KEEP);
    for (const rec of tail) expect(rec.message.length).toBeLessThanOrEqual(2000);
    expect(r.value.eventCounts['dockerd.starting']).toBe(100); // matched on the whole line first
  });
});
