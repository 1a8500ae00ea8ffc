import { describe, expect, it } from 'vitest';
import { headerSize, TarEofTransform } from '../../analyzer/src/spine/tar-eof.js';
import { tarBuffer, ustarHeader } from './helpers.js';

async function through(chunks: Buffer[]): Promise<{ out: Buffer; eof: boolean }> {
  const t = new TarEofTransform();
  const parts: Buffer[] = [];
  t.on('data', (c: Buffer) => parts.push(c));
  const ended = new Promise<void>((r) => t.on('end', () => r()));
  for (const c of chunks) t.write(c);
  t.end();
  await ended;
  return { out: Buffer.concat(parts), eof: t.eofSeen };
}

describe('TarEofTransform', () => {
  it('reads octal and GNU base-256 sizes', () => {
    expect(headerSize(ustarHeader('x', 12345))).toBe(12345);
    const h = ustarHeader('x', 0);
    h.fill(0, 124, 136);
    h[124] = 0x80;
    h.writeUIntBE(9 * 1024 ** 3, 130, 6); // 9 GiB: too big for 11 octal digits
    expect(headerSize(h)).toBe(9 * 1024 ** 3);
  });

  it('passes the archive unchanged up to its end marker, at any chunking, and drops what follows', async () => {
    const tar = await tarBuffer([
      { name: 'a/one.txt', content: 'x'.repeat(700) },
      { name: 'a/two.txt', content: '' },
      { name: 'a/three.txt', content: 'y'.repeat(1024) },
    ]);
    const payloadEnd = 512 + 1024 + 512 + 512 + 1024; // three headers + padded data
    const input = Buffer.concat([tar, Buffer.from('GARBAGE'.repeat(300))]);
    for (const size of [1, 100, 511, 512, 513, 4096, input.length]) {
      const chunks: Buffer[] = [];
      for (let i = 0; i < input.length; i += size) chunks.push(input.subarray(i, i + size));
      const { out, eof } = await through(chunks);
      expect(eof).toBe(true);
      expect(out.subarray(0, payloadEnd).equals(tar.subarray(0, payloadEnd))).toBe(true);
      expect(out.length).toBe(payloadEnd + 1024);
      expect(out.subarray(payloadEnd).every((b) => b === 0)).toBe(true);
    }
  });

  it('without an end marker passes everything, including a cut header', async () => {
    const tar = await tarBuffer([{ name: 'a/one.txt', content: 'x' }]);
    const cut = tar.subarray(0, 1024 + 100);
    const { out, eof } = await through([cut]);
    expect(eof).toBe(false);
    expect(out.equals(cut)).toBe(true);
  });
});
