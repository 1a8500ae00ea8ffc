import { execFileSync } from 'node:child_process';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { looksLikeTarHeader, sniff } from '../../analyzer/src/spine/magic.js';
import { tarBuffer, ustarHeader } from './helpers.js';

const haveXz = (() => {
  try {
    execFileSync('xz', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

describe('magic sniffing', () => {
  it('recognises gzip, tar, bzip2 by their bytes, whatever the name', async () => {
    const tar = await tarBuffer([{ name: 'a/cmd/x.txt', content: 'x' }]);
    expect(sniff(gzipSync(tar))).toEqual({ format: 'tar.gz' });
    expect(sniff(tar)).toEqual({ format: 'tar' });
    expect(sniff(Buffer.from('BZh91AY&SY', 'latin1'))).toEqual({ format: 'tar.bz2' });
  });
  it.skipIf(!haveXz)('recognises xz (needs xz)', () => {
    expect(sniff(execFileSync('xz', ['-c'], { input: Buffer.from('hello') }))).toEqual({ format: 'tar.xz' });
  });
  it('accepts a v7 tar header (no ustar magic) by its checksum, refuses a damaged one', () => {
    const h = ustarHeader('a/b.txt', 3);
    h.fill(0, 257, 265); // drop the magic and version: a v7 header
    let sum = 0;
    for (let i = 0; i < 512; i++) sum += i >= 148 && i < 156 ? 0x20 : h[i]!;
    h.write(sum.toString(8).padStart(6, '0') + '\0 ', 148, 'latin1');
    expect(looksLikeTarHeader(h)).toBe(true);
    h[0] = h[0]! + 1;
    expect(looksLikeTarHeader(h)).toBe(false);
  });
  it('says why it refuses: empty, zstd, zip, text', () => {
    expect(sniff(Buffer.alloc(0))).toEqual({ unreadable: 'empty file' });
    expect(sniff(Buffer.from([0x28, 0xb5, 0x2f, 0xfd, 0]))).toMatchObject({ unreadable: expect.stringMatching(/zstd/) });
    expect(sniff(Buffer.from('PK\x03\x04', 'latin1'))).toMatchObject({ unreadable: expect.stringMatching(/zip/) });
    expect(sniff(Buffer.from('{"not":"a bundle"}'))).toMatchObject({ unreadable: expect.stringMatching(/not a bundle/) });
  });
});
