/**
 * The journal parser's fast path (analyzer/src/parsers/journal-fast.ts: the common `short` line read by
 * hand, a per-second stamp cache, one reused pending record, per-ident gates) must give exactly what the
 * regex path gives: the same records, events, counts, boots, problems and times, for the same lines —
 * real captures, near misses of the common shape, garbage, locale months, continuation lines, year
 * rollovers, and random mutations of all of these.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { JournalSink, type JournalParse } from '../../analyzer/src/parsers/journal.js';
import { newSyslogHead, readSyslogHead } from '../../analyzer/src/parsers/journal-fast.js';
import { LineSplitter } from '../../analyzer/src/spine/line-splitter.js';
import type { ParseResult } from '../../analyzer/src/spine/types.js';
import { mulberry32 } from '../helpers/prng.js';
import { REPO_ROOT } from '../helpers/rule-tester.js';

const FIX = join(REPO_ROOT, 'test/fixtures');
const textFiles = [
  ...['journal', 'syslog'].flatMap((d) => readdirSync(join(FIX, d)).filter((f) => f.endsWith('.txt') && !f.includes('json')).map((f) => join(FIX, d, f))),
  ...readdirSync(join(FIX, 'real-world/_formats')).filter((f) => f.endsWith('.txt')).map((f) => join(FIX, 'real-world/_formats', f)),
];

function run(lines: readonly string[], fastPath: boolean, path = 'sos_commands/logs/journalctl_--no-pager'): ParseResult<JournalParse> {
  const sink = new JournalSink({ artifact: 'journal', path, collectedAt: Date.UTC(2026, 10, 28, 8, 0), hostUtcOffsetMinutes: 60 }, { fastPath });
  lines.forEach((text, i) => sink.push({ no: i + 1, text }));
  return sink.finish();
}

function expectSame(lines: readonly string[], label: string, path?: string): void {
  expect(run(lines, true, path), label).toEqual(run(lines, false, path));
}

/**
 * The lines as the reader gives them: `bytes` split by the real LineSplitter, each line pushed with its bytes
 * (the fast path reads those) into one sink, and its text alone into a regex-path sink; both must agree.
 */
function expectSameFromBytes(bytes: Buffer, label: string): number {
  const ctx = { artifact: 'journal' as const, path: 'sos_commands/logs/journalctl_--no-pager', collectedAt: Date.UTC(2026, 10, 28, 8, 0), hostUtcOffsetMinutes: 60 };
  const fast = new JournalSink(ctx, { fastPath: true });
  const regex = new JournalSink(ctx, { fastPath: false });
  let no = 0;
  const split = new LineSplitter(64 * 1024, (text, cut, buf, start, end) => {
    no++;
    fast.pushBytes({ no, text, ...(cut ? { cut } : {}) }, buf, start, end);
    regex.push({ no, text, ...(cut ? { cut } : {}) });
  });
  // in uneven chunks, so some lines arrive whole and some are carried across chunks
  for (let at = 0; at < bytes.length; at += 97) split.write(bytes.subarray(at, at + 97));
  split.end();
  expect(fast.finish(), label).toEqual(regex.finish());
  return no;
}

/** Lines the fast path must either read exactly as the regex path does, or leave to it. */
const NEAR_MISSES = [
  'Nov 28 07:18:12 vm dockerd[1234]: time="2026-11-28T07:18:12Z" level=info msg="Starting up"',
  'Nov 28 07:18:12 vm dockerd[1234]:', // empty message
  'Nov 28 07:18:12 vm dockerd[1234]: ', // one space, then nothing
  'Nov 28 07:18:12 vm dockerd[1234]:  two spaces before the message',
  'Nov 28 07:18:12 vm dockerd[1234]:no space after the colon',
  'Nov 28 07:18:12 vm dockerd[1234] no colon (rsyslog template)',
  'Nov 28 07:18:12 vm dockerd[]: empty pid',
  'Nov 28 07:18:12 vm dockerd[12a]: bad pid',
  'Nov 28 07:18:12 vm dockerd[0000000000000000000123]: long pid',
  'Nov 28 07:18:12 vm dockerd: no pid',
  'Nov 28 07:18:12 vm a:b[1]: colon in the ident',
  'Nov 28 07:18:12 vm a:b: c: colons',
  'Nov 28 07:18:12 dockerd[46867]: no host',
  'Nov 28 07:18:12 vm INFO dockerd[758]: a severity word (SONiC)',
  'Nov 28 07:18:12 vm ERR: severity-like ident',
  'Nov 28 07:18:12  vm  dockerd[1]:  doubled spaces',
  'Nov  8 07:18:12 vm sshd[1]: padded day',
  'Nov 8 07:18:12 vm sshd[1]: one-digit day',
  'Nov 00 07:18:12 vm sshd[1]: day 0',
  'Nov 32 07:18:12 vm sshd[1]: day 32',
  'Nov 123 07:18:12 vm sshd[1]: three-digit day',
  'Nov 28, 07:18:12 vm sshd[1]: comma after the day',
  'Nov 28 7:18:12 vm sshd[1]: one-digit hour',
  'Nov 28 07:18:1 vm sshd[1]: one-digit second',
  'Nov 28 29:99:99 vm sshd[1]: out-of-range clock',
  'Nov 28 07:18:12.5 vm sshd[1]: one fraction digit',
  'Nov 28 07:18:12.123456 vm sshd[1]: microseconds',
  'Nov 28 07:18:12,123456 vm sshd[1]: comma fraction',
  'Nov 28 07:18:12.123456789 vm sshd[1]: nine digits',
  'Nov 28 07:18:12.1234567890 vm sshd[1]: ten digits',
  'Nov 28 07:18:12. vm sshd[1]: dot without digits',
  'Nov 28 07:18:12',
  'Nov 28 07:18:12 vm',
  'Nov 28 07:18:12 vm ',
  'Nov 28 07:18:12 vm sshd[1]',
  'Nov 28 07:18:12 vm\tsshd[1]: tab after the host',
  'Nov 28 07:18:12 vm sshd\t[1]: tab in the ident',
  'Nov 28 07:18:12 vm-ä sshd[1]: non-ASCII host',
  'Nov 28 07:18:12 vm smbd-ü[1]: non-ASCII ident',
  'Nov 28 07:18:12 vm [1]: no ident',
  'Nov 28 07:18:12 v[m] sshd[1]: bracket in the host',
  'Nov 28 07:18:12 v:m sshd[1]: colon in the host',
  'NOV 28 07:18:12 vm sshd[1]: upper-case month',
  'Mär 28 07:18:12 vm sshd[1]: German month',
  'Mrz 28 07:18:12 vm sshd[1]: old German month',
  'Dez 28 07:18:12 vm sshd[1]: German December',
  'Do Dez 27 07:18:12 vm sshd[1]: weekday first',
  'Thu Nov 27 07:18:12 vm sshd[1]: English weekday first',
  'Nov 28 07:18:12 vm kernel: Linux version 6.1.0-13-amd64 (kernel banner)',
  'Nov 28 07:18:13 vm kernel: [    0.000000] Linux version 6.1.0 (banner with a stamp)',
  'Nov 28 07:18:14 vm systemd[1]: docker.service: Start request repeated too quickly.',
  "Nov 28 07:18:14 vm systemd[1]: docker.service: Failed with result 'start-limit-hit'.",
  'Nov 28 07:18:14 vm systemd[1]: Failed to start docker.service - Docker Application Container Engine.',
  'Nov 28 07:18:15 vm dockerd[7001]: failed to start daemon: error initializing graphdriver: driver not supported',
  'Nov 28 07:18:15 vm systemd-journald[300]: File /var/log/journal/x/system.journal corrupted or uncleanly shut down, renaming and replacing.',
  '    continuation line, indented',
  '\tcontinuation line, tab',
  'garbage without a stamp',
  '-- Boot 0123456789abcdef0123456789abcdef --',
  '-- Reboot --',
  '[   12.345678] dmesg line',
  '2026-11-28T07:18:12+0100 vm dockerd[1]: short-iso',
  'Nov 28 07:18:16 vm dockerd[1]: ' + 'x'.repeat(5000),
];

describe('the journal fast path', () => {
  it('reads the common shape itself (so the comparisons below exercise it)', () => {
    const h = newSyslogHead();
    const line = 'Nov  8 07:18:12.250 vm dockerd[1234]: msg';
    expect(readSyslogHead(Buffer.from(line), 0, line.length, h)).toBe(true);
    expect([h.month, h.day, h.h, h.mi, h.s, h.pid]).toEqual([10, 8, 7, 18, 12, 1234]);
    expect(line.slice(h.fracStart, h.fracEnd)).toBe('250');
    expect(line.slice(h.identStart, h.identEnd)).toBe('dockerd');
    expect(line.slice(h.msgStart)).toBe('msg');
    const common = textFiles.flatMap((f) => readFileSync(f, 'utf8').split('\n')).filter((l) => readSyslogHead(Buffer.from(l), 0, Buffer.byteLength(l), h));
    expect(common.length).toBeGreaterThan(500);
  });

  it('gives what the regex path gives on every real text capture', () => {
    for (const f of textFiles) expectSame(readFileSync(f, 'utf8').split('\n').filter((l, i, a) => i < a.length - 1 || l !== ''), f);
  });

  it('gives what the regex path gives on near misses of the common shape, in order and shuffled', () => {
    expectSame(NEAR_MISSES, 'near misses');
    const rnd = mulberry32(4);
    for (let k = 0; k < 20; k++) expectSame([...NEAR_MISSES].sort(() => rnd() - 0.5), `shuffle ${k}`);
    // a daemon's own log file reads unknown lines as stderr instead of problems
    expectSame(NEAR_MISSES, 'bare mode', 'var/log/docker/dockerd.log');
  });

  it('keeps year rollovers when regex-path lines come between cached seconds', () => {
    // The per-second cache must not reuse a time across a fixer state change made by a regex-path line.
    const lines = [
      'Dec 31 23:59:59 vm sshd[1]: last second of the year',
      'Dec 31 23:59:59 vm sshd[1]: same second (cached)',
      'janv. 01 00:00:00 vm sshd[1]: French January: the regex path rolls the year over',
      'Dec 31 23:59:59 vm sshd[1]: a late line from the old year',
      'Jan 01 00:00:00 vm sshd[1]: new year',
      'Jan 01 00:00:00 vm sshd[1]: new year again',
      'Dec 31 23:59:58 vm sshd[1]: out of order',
      'Jan 01 00:00:01 vm sshd[1]: next',
    ];
    expectSame(lines, 'rollover');
    // A cached January second, a December line on the regex path, the same January second again: that
    // one is a rollover (a year later), which only a fresh read of the stamp sees.
    const back = ['Jan 05 10:00:00 vm sshd[1]: a', 'Jan 05 10:00:00 vm sshd[1]: b', 'déc. 31 23:00:00 vm sshd[1]: c', 'Jan 05 10:00:00 vm sshd[1]: d'];
    expectSame(back, 'rollover back');
    const rb = run(back, true);
    if (rb.status !== 'ok') throw new Error(rb.status);
    expect(rb.value.lastTime! - rb.value.firstTime!).toBeGreaterThan(360 * 86_400_000);
    const r = run(lines, true);
    if (r.status !== 'ok') throw new Error(r.status);
    // the stamps span two years: the newest in the reference year (2026), the oldest in 2025 (host time, UTC+1)
    const localYear = (t: number) => new Date(t + 60 * 60_000).getUTCFullYear();
    expect(localYear(r.value.firstTime!)).toBe(2025);
    expect(localYear(r.value.lastTime!)).toBe(2026);
  });

  it('gives what the regex path gives on random mutations of real and near-miss lines', () => {
    const rnd = mulberry32(15);
    const pool = [...NEAR_MISSES, ...textFiles.flatMap((f) => readFileSync(f, 'utf8').split('\n').slice(0, 200))];
    const alphabet = ' \t:[]0123456789.,aZé月-';
    for (let k = 0; k < 60; k++) {
      const lines: string[] = [];
      for (let i = 0; i < 80; i++) {
        let l = pool[Math.floor(rnd() * pool.length)]!;
        const edits = Math.floor(rnd() * 3);
        for (let e = 0; e < edits; e++) {
          const at = Math.floor(rnd() * (Math.min(l.length, 60) + 1));
          const op = rnd();
          const ch = alphabet[Math.floor(rnd() * alphabet.length)]!;
          l = op < 0.4 ? l.slice(0, at) + ch + l.slice(at + 1) : op < 0.7 ? l.slice(0, at) + ch + l.slice(at) : l.slice(0, at) + l.slice(at + 1);
        }
        lines.push(l);
      }
      expectSame(lines, `mutation batch ${k}`);
    }
  });
  it('keeps two idents apart whose hashes collide', () => {
    // `Aa` and `BB` have the same 31-multiplier hash (2112) and length: the interned ident must be compared, not trusted.
    const lines = ['Nov 28 07:18:12 vm Aa[1]: first', 'Nov 28 07:18:13 vm BB[2]: second', 'Nov 28 07:18:14 vm Aa[1]: third'];
    expectSame(lines, 'colliding idents');
    const r = run(lines, true);
    if (r.status !== 'ok') throw new Error(r.status);
    expect(Object.fromEntries(Object.entries(r.value.byUnit).map(([k, u]) => [k, u.count]))).toEqual({ Aa: 2, BB: 1 });
  });

  it('reads a line from its bytes, never the bytes after it', () => {
    const h = newSyslogHead();
    // The line ends where the next one's bytes begin: a `:` or `]` there is not the line's.
    for (const [line, rest] of [
      ['Nov 28 07:18:12 vm dockerd', ': message'],
      ['Nov 28 07:18:12 vm dockerd[1', ']: message'],
      ['Nov 28 07:18:12 vm dockerd[1]', ': message'],
      ['Nov 28 07:18:12', ' vm dockerd[1]: message'],
      ['Nov 28 07:18:12.25', '0 vm dockerd[1]: message'],
      ['Nov' + ' '.repeat(17), '7 07:18:12 vm d: m'],
    ]) {
      const buf = Buffer.from('>>' + line + rest);
      expect(readSyslogHead(buf, 2, 2 + line.length, h), line).toBe(false);
      expect(readSyslogHead(buf, 2, buf.length, h), line + rest).toBe(true);
    }
  });

  it('gives what the regex path gives when it reads the lines from their bytes, as the reader gives them', () => {
    const real = textFiles.map((f) => readFileSync(f));
    for (const [i, b] of real.entries()) expectSameFromBytes(b, textFiles[i]!);
    expectSameFromBytes(Buffer.from(NEAR_MISSES.join('\r\n') + '\n'), 'near misses, CRLF');
    // Bytes that are not UTF-8 anywhere in a line (each becomes U+FFFD), and multibyte characters in the message:
    // the prefilter then reads the text, and every record must still be what the regex path makes of it.
    const rnd = mulberry32(16);
    const pool = [...NEAR_MISSES, ...real.flatMap((b) => b.toString('utf8').split('\n').slice(0, 200))];
    const inserts = [[0xff], [0xe9], [0xc3], [0x80, 0x80], [0xe5, 0xae, 0xb9], [0x20], [0x3a], [0x5b], [0x5d]];
    let lines = 0;
    for (let k = 0; k < 40; k++) {
      const parts: Buffer[] = [];
      for (let i = 0; i < 60; i++) {
        const l = [...Buffer.from(pool[Math.floor(rnd() * pool.length)]!)];
        for (let e = Math.floor(rnd() * 3); e > 0; e--) {
          const at = Math.floor(rnd() * (l.length + 1));
          l.splice(at, rnd() < 0.5 ? 1 : 0, ...inserts[Math.floor(rnd() * inserts.length)]!);
        }
        parts.push(Buffer.from(l), Buffer.from(rnd() < 0.2 ? '\r\n' : '\n'));
      }
      lines += expectSameFromBytes(Buffer.concat(parts), `byte mutation batch ${k}`);
    }
    expect(lines).toBe(40 * 60);
  });
});
