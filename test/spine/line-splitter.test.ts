import { describe, expect, it } from 'vitest';
import { charBoundary, LineSplitter } from '../../analyzer/src/spine/line-splitter.js';

function split(chunks: Buffer[], max = 1 << 20): { text: string; cut: boolean }[] {
  const out: { text: string; cut: boolean }[] = [];
  const s = new LineSplitter(max, (text, cut) => out.push({ text, cut }));
  for (const c of chunks) s.write(c);
  s.end();
  return out;
}

/** Every way of cutting `buf` into two chunks, plus one byte per chunk. */
function chunkings(buf: Buffer): Buffer[][] {
  const out: Buffer[][] = [[buf]];
  for (let i = 1; i < buf.length; i++) out.push([buf.subarray(0, i), buf.subarray(i)]);
  out.push([...buf].map((b) => Buffer.from([b])));
  return out;
}

/** The reference: one streaming TextDecoder over the whole input, then split on LF / CRLF. */
function reference(buf: Buffer): string[] {
  const text = new TextDecoder('utf-8', { fatal: false }).decode(buf, { stream: false });
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  return lines.map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
}

describe('LineSplitter', () => {
  it('keeps multibyte characters whole across every chunk boundary', () => {
    const input = Buffer.from('é ü 中文 🐳 docker\nsecond 🐳 line\nlast without newline ß');
    for (const chunks of chunkings(input)) {
      expect(split(chunks).map((l) => l.text)).toEqual(['é ü 中文 🐳 docker', 'second 🐳 line', 'last without newline ß']);
    }
  });

  it('drops the CR of CRLF even when CR and LF are in different chunks, keeps a lone CR', () => {
    const input = Buffer.from('a\r\nb\r\n\r\nc\rd\r\n');
    for (const chunks of chunkings(input)) {
      expect(split(chunks).map((l) => l.text)).toEqual(['a', 'b', '', 'c\rd']);
    }
  });

  it('decodes invalid UTF-8 like a non-fatal streaming TextDecoder, at every chunk boundary', () => {
    // 0xff never valid; 0xe9 is latin-1 é; e2 82 is a cut 3-byte sequence; c3 before LF is incomplete;
    // f0 9f 90 b3 is 🐳; ed a0 80 is a UTF-16 surrogate (invalid in UTF-8).
    const input = Buffer.from([
      0x61, 0xff, 0x62, 0x0a, 0x63, 0x61, 0x66, 0xe9, 0x0a, 0xe2, 0x82, 0x20, 0x78, 0x0a, 0x7a, 0xc3, 0x0a, 0xf0, 0x9f, 0x90, 0xb3, 0x0a, 0xed, 0xa0, 0x80, 0x0a, 0xe9,
    ]);
    const want = reference(input);
    expect(want).toEqual(['a\ufffdb', 'caf\ufffd', '\ufffd x', 'z\ufffd', '🐳', '\ufffd\ufffd\ufffd', '\ufffd']);
    for (const chunks of chunkings(input)) expect(split(chunks).map((l) => l.text)).toEqual(want);
  });

  it('emits nothing for empty input, one empty line for a lone LF, no extra line after a final LF', () => {
    expect(split([])).toEqual([]);
    expect(split([Buffer.alloc(0)])).toEqual([]);
    expect(split([Buffer.from('\n')])).toEqual([{ text: '', cut: false }]);
    expect(split([Buffer.from('x\n')])).toEqual([{ text: 'x', cut: false }]);
    expect(split([Buffer.from('\n\n')]).length).toBe(2);
  });

  it('cuts a line at maxLineBytes, flags it, and resumes at the next line', () => {
    const long = 'x'.repeat(100);
    for (const chunks of chunkings(Buffer.from(`${long}\nshort\n${long}`))) {
      const got = split(chunks, 10);
      expect(got).toEqual([
        { text: 'x'.repeat(10), cut: true },
        { text: 'short', cut: false },
        { text: 'x'.repeat(10), cut: true },
      ]);
    }
  });

  it('a cut never ends inside a multibyte character', () => {
    // 'aé' = 61 c3 a9; with a 2-byte limit the cut lands inside é and backs off to 'a'.
    for (const chunks of chunkings(Buffer.from('aéé\nok\n'))) {
      expect(split(chunks, 2)).toEqual([
        { text: 'a', cut: true },
        { text: 'ok', cut: false },
      ]);
    }
    // a line of exactly maxLineBytes is not cut
    expect(split([Buffer.from('abcd\n')], 4)).toEqual([{ text: 'abcd', cut: false }]);
  });

  it('counts lines and cut lines', () => {
    const s = new LineSplitter(3, () => undefined);
    s.write(Buffer.from('a\nbbbbbb\nc'));
    s.end();
    expect(s.lines).toBe(3);
    expect(s.cutLines).toBe(1);
  });

  it('charBoundary backs off only from incomplete sequences', () => {
    const b = Buffer.from('a🐳');
    expect(charBoundary(b, b.length)).toBe(b.length);
    expect(charBoundary(b, 3)).toBe(1);
    expect(charBoundary(Buffer.from('abc'), 3)).toBe(3);
  });
});
