import { describe, expect, it } from 'vitest';
import { LiteralScanner } from '../../analyzer/src/events/literal-scan.js';
import { CATALOG } from '../../analyzer/src/events/catalog.js';
import { mulberry32 } from '../helpers/prng.js';

/** The literals found must be exactly those `includes` finds: overlapping, nested, non-ASCII and repeated. */
const naive = (lits: readonly string[], text: string) => new Set(lits.flatMap((l, i) => (text.includes(l) ? [i] : [])));
const scanned = (s: LiteralScanner, text: string) => s.scan(text) ?? new Set<number>();

describe('LiteralScanner (block-shift prefilter over catalog hints)', () => {
  it('finds nested and overlapping literals', () => {
    const lits = ['already exists', 'container with given ID already exists', 'exists', 'he', 'she', 'his', 'hers', 'Starting ', 'Start'];
    const s = new LiteralScanner(lits);
    for (const t of ['OCI runtime create failed: container with given ID already exists: unknown', 'ushers', 'Starting up', 'xx', '', '月 exists 한']) {
      expect(scanned(s, t), t).toEqual(naive(lits, t));
    }
  });

  it('agrees with includes on every catalog hint over random text built from hint fragments', () => {
    const lits = [...new Set(CATALOG.flatMap((d) => d.wordings.flatMap((w) => (typeof w.hint === 'string' ? [w.hint] : [...w.hint]))).filter((h) => h.length > 0))];
    const s = new LiteralScanner(lits);
    const rnd = mulberry32(20261202);
    const pieces = [...lits.flatMap((l) => [l, l.slice(0, Math.ceil(l.length / 2)), l.slice(Math.floor(l.length / 2))]), ' ', 'é', '容器', '\t'];
    for (let n = 0; n < 2000; n++) {
      let t = '';
      const k = Math.floor(rnd() * 12);
      for (let i = 0; i < k; i++) t += pieces[Math.floor(rnd() * pieces.length)];
      expect(scanned(s, t), JSON.stringify(t)).toEqual(naive(lits, t));
    }
  });

  it('agrees with includes for random literal sets of every shortest length, with characters whose low bytes collide', () => {
    const rnd = mulberry32(20261203);
    // 'a' (0x61) and 'š' (0x161) share their low byte, as do ' ' and 'Ġ' (0x120): blocks collide, matches must not.
    const alphabet = ['a', 'b', 'c', ' ', 'š', 'Ġ', '容', 'x'];
    const word = (len: number) => Array.from({ length: len }, () => alphabet[Math.floor(rnd() * alphabet.length)]).join('');
    for (let set = 0; set < 200; set++) {
      const shortest = 1 + (set % 7);
      const lits = [...new Set(Array.from({ length: 1 + Math.floor(rnd() * 6) }, (_, i) => word(i === 0 ? shortest : shortest + Math.floor(rnd() * 5))))];
      const s = new LiteralScanner(lits);
      for (let n = 0; n < 40; n++) {
        const t = rnd() < 0.5 ? word(Math.floor(rnd() * 30)) : word(Math.floor(rnd() * 5)) + lits[Math.floor(rnd() * lits.length)] + word(Math.floor(rnd() * 5));
        expect(scanned(s, t), `${JSON.stringify(lits)} in ${JSON.stringify(t)}`).toEqual(naive(lits, t));
      }
    }
  });

  it('finds short literals by indexOf and long ones by the table, from any offset, with more short ones than indexOf takes', () => {
    const rnd = mulberry32(20261204);
    const sets = [
      ['EXDEV', 'panic: ', 'Started docker', 'already exists'], // two short (indexOf), two tabled
      ['ab', 'bc', 'cd', 'de', 'ef', 'long literal here'], // five short: all tabled, m = 2
      ['EXDEV', 'panic: '], // only short ones: no table
    ];
    for (const lits of sets) {
      const s = new LiteralScanner(lits);
      const pieces = [...lits, ...lits.map((l) => l.slice(1)), ' ', 'x', 'é'];
      for (let n = 0; n < 500; n++) {
        let t = '';
        for (let i = Math.floor(rnd() * 10); i > 0; i--) t += pieces[Math.floor(rnd() * pieces.length)];
        const from = Math.floor(rnd() * (t.length + 1));
        expect(s.scan(t, from) ?? new Set<number>(), `${JSON.stringify(lits)} in ${JSON.stringify(t)} from ${from}`).toEqual(naive(lits, t.slice(from)));
      }
    }
  });

  it('reads a line from its bytes as from its characters when every byte is one character (ASCII and invalid bytes)', () => {
    const rnd = mulberry32(20261205);
    // 'é' is U+00E9 and 'Ġ' U+0120: their low bytes are 0xE9 and 0x20, so an invalid byte 0xE9 in a line collides
    // with 'é' in the tables and must still never match it; ' ' (0x20) collides with 'Ġ' the same way.
    const litAlphabet = ['a', 'b', 'c', ' ', 'é', 'Ġ', 'x'];
    const byteAlphabet = [0x61, 0x62, 0x63, 0x20, 0x78, 0xe9, 0x80, 0xff, 0xc3];
    const word = (len: number) => Array.from({ length: len }, () => litAlphabet[Math.floor(rnd() * litAlphabet.length)]).join('');
    const decoder = new TextDecoder('utf-8', { fatal: false });
    let compared = 0;
    for (let set = 0; set < 200; set++) {
      const shortest = 1 + (set % 9);
      const lits = [...new Set(Array.from({ length: 1 + Math.floor(rnd() * 6) }, (_, i) => word(i === 0 ? shortest : shortest + Math.floor(rnd() * 5))))];
      const s = new LiteralScanner(lits);
      for (let n = 0; n < 60; n++) {
        // The line sits inside a larger buffer: what follows it must never be read as part of it.
        const piece = (len: number) => Array.from({ length: len }, () => byteAlphabet[Math.floor(rnd() * byteAlphabet.length)]!);
        const asciiLit = lits.filter((l) => /^[\x00-\x7f]*$/.test(l));
        const line: number[] = rnd() < 0.5 || asciiLit.length === 0 ? piece(Math.floor(rnd() * 30)) : [...piece(Math.floor(rnd() * 5)), ...Buffer.from(asciiLit[Math.floor(rnd() * asciiLit.length)]!), ...piece(Math.floor(rnd() * 5))];
        const before = piece(Math.floor(rnd() * 4));
        // After the line: often the rest of a literal whose start ends the line (found only if read past the end).
        let after: number[] = [...Buffer.from(lits[Math.floor(rnd() * lits.length)]!, 'utf8')];
        if (asciiLit.length > 0 && rnd() < 0.5) {
          const l = Buffer.from(asciiLit[Math.floor(rnd() * asciiLit.length)]!);
          const cut = 1 + Math.floor(rnd() * l.length);
          line.push(...l.subarray(0, cut));
          after = [...l.subarray(cut)];
        }
        const buf = Buffer.from([...before, ...line, ...after]);
        const text = decoder.decode(Buffer.from(line));
        if (text.length !== line.length) continue; // a valid multibyte sequence: the caller scans the text instead
        const from = Math.floor(rnd() * (text.length + 1));
        const got = s.scanBytes(text, from, buf, before.length) ?? new Set<number>();
        expect(got, `${JSON.stringify(lits)} in ${JSON.stringify(text)} from ${from}`).toEqual(naive(lits, text.slice(from)));
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(5000);
  });

  it('refuses an empty literal (it would match everywhere)', () => {
    expect(() => new LiteralScanner(['ok', ''])).toThrow(/empty literal/);
  });
});
