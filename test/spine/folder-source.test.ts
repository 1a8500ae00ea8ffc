/**
 * The folder source reads small files with synchronous calls and bigger ones asynchronously
 * (folder-source.ts, SYNC_MAX). Both paths must give every byte, hand over cleanly when a file grew
 * after the listing, and refuse a file swapped for a symlink after the listing.
 */
import { appendFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openFolder } from '../../analyzer/src/spine/folder-source.js';
import type { MemberEntry } from '../../analyzer/src/spine/member-source.js';
import { mulberry32 } from '../helpers/prng.js';
import { tempDir } from './helpers.js';

/** Bytes that are not all alike, so a chunk read twice or skipped changes the result. */
function bytes(n: number, seed: number): Buffer {
  const rnd = mulberry32(seed);
  const b = Buffer.allocUnsafe(n);
  for (let i = 0; i < n; i++) b[i] = Math.floor(rnd() * 256);
  return b;
}

async function entries(dir: string): Promise<MemberEntry[]> {
  const out: MemberEntry[] = [];
  for await (const e of openFolder(dir).entries()) out.push(e);
  return out;
}

/** Reads a body the way the reader does: each chunk consumed (copied) before the next is asked for. */
async function drain(e: MemberEntry): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const c of e.body!) parts.push(Buffer.from(c));
  return Buffer.concat(parts);
}

describe('folder source reads', () => {
  let dir: string;
  let cleanup: () => void;
  beforeEach(() => ({ dir, cleanup } = tempDir('dpm-folder-')));
  afterEach(() => cleanup());

  it('gives every byte of files around the synchronous-read bound, and an empty file as nothing', async () => {
    const sizes = [0, 1, 65_535, 65_536, 65_537, 262_144, 700_001];
    const want = new Map(sizes.map((n, i) => [`f${String(i).padStart(2, '0')}`, bytes(n, i + 1)]));
    for (const [name, b] of want) writeFileSync(join(dir, name), b);
    const got = new Map<string, Buffer>();
    // Bodies are walked in order, each drained before the next entry (one read buffer serves the folder).
    for await (const e of openFolder(dir).entries()) if (e.body) got.set(e.member.name, await drain(e));
    expect([...got.keys()].sort()).toEqual([...want.keys()].sort());
    for (const [name, b] of want) expect(got.get(name)!.equals(b), name).toBe(true);
  });

  it('reads on asynchronously when a file listed as small grew past the bound before it was read', async () => {
    const first = bytes(100, 7);
    const more = bytes(400_000, 8);
    writeFileSync(join(dir, 'growing.log'), first);
    const [e] = await entries(dir);
    expect(e!.member.size).toBe(100);
    appendFileSync(join(dir, 'growing.log'), more);
    expect((await drain(e!)).equals(Buffer.concat([first, more]))).toBe(true);
  });

  it('goes on reading the file it opened when the path is replaced mid-read (rotation), never the new file', async () => {
    const first = bytes(100, 9);
    const grown = bytes(500_000, 10);
    writeFileSync(join(dir, 'app.log'), first);
    const [e] = await entries(dir);
    appendFileSync(join(dir, 'app.log'), grown);
    const parts: Buffer[] = [];
    for await (const c of e!.body!) {
      parts.push(Buffer.from(c));
      if (parts.length === 1) {
        // Rotated after the first (synchronous) chunk: the rest must still come from the renamed file.
        renameSync(join(dir, 'app.log'), join(dir, 'app.log.1'));
        writeFileSync(join(dir, 'app.log'), bytes(700_000, 11));
      }
    }
    expect(parts.length).toBeGreaterThan(1);
    expect(Buffer.concat(parts).equals(Buffer.concat([first, grown]))).toBe(true);
  });

  it('refuses a small file swapped for a symlink after the listing, on the synchronous path', async () => {
    writeFileSync(join(dir, 'secret'), 'outside');
    writeFileSync(join(dir, 'a.txt'), 'inside');
    const list = await entries(dir);
    const a = list.find((x) => x.member.name === 'a.txt')!;
    rmSync(join(dir, 'a.txt'));
    symlinkSync(join(dir, 'secret'), join(dir, 'a.txt'));
    await expect(drain(a)).rejects.toThrow(/cannot open/);
  });
});
