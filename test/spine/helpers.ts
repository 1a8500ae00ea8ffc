/**
 * Test helpers for the bundle reader: archives are built IN the test with tar-stream (and zlib),
 * so every hostile shape is explicit in the test that uses it.
 */
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import tarStream from 'tar-stream';
import type { ArtifactSource, Line, LineSink, ParseContext } from '../../analyzer/src/spine/types.js';

export interface TarEntry {
  name: string;
  type?: 'file' | 'directory' | 'symlink' | 'link' | 'fifo' | 'character-device' | 'block-device';
  content?: string | Buffer;
  linkname?: string;
  mtime?: Date;
}

/** A tar archive in memory (tar-stream pack: the writer the reader's library pairs with). */
export async function tarBuffer(entries: readonly TarEntry[]): Promise<Buffer> {
  const pack = tarStream.pack();
  const chunks: Buffer[] = [];
  const done = new Promise<void>((resolve, reject) => {
    pack.on('data', (c: unknown) => void chunks.push(c as Buffer));
    pack.on('end', () => resolve());
    pack.on('error', reject);
  });
  for (const e of entries) {
    const type = e.type ?? 'file';
    const header = { name: e.name, type, linkname: e.linkname, mtime: e.mtime ?? new Date('2026-11-28T07:18:12Z'), mode: type === 'directory' ? 0o755 : 0o644 };
    await new Promise<void>((resolve, reject) => {
      if (type === 'file') pack.entry(header, typeof e.content === 'string' ? Buffer.from(e.content) : e.content ?? Buffer.alloc(0), (err) => (err ? reject(err) : resolve()));
      else pack.entry(header, (err) => (err ? reject(err) : resolve()));
    });
  }
  pack.finalize();
  await done;
  return Buffer.concat(chunks);
}

export async function tgzBuffer(entries: readonly TarEntry[]): Promise<Buffer> {
  return gzipSync(await tarBuffer(entries));
}

/** A fresh temp dir; `cleanup` removes it. */
export function tempDir(prefix = 'dpm-spine-'): { dir: string; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export function writeTemp(dir: string, name: string, data: Buffer | string): string {
  const p = join(dir, name);
  writeFileSync(p, data);
  return p;
}

/** Recursive listing (path + size) to prove the reader wrote nothing. */
export function snapshot(dir: string): string[] {
  const out: string[] = [];
  const walk = (rel: string) => {
    for (const name of readdirSync(join(dir, rel)).sort()) {
      const r = rel ? `${rel}/${name}` : name;
      const st = statSync(join(dir, r), { throwIfNoEntry: false });
      out.push(`${r} ${st?.isDirectory() ? 'd' : st?.size}`);
      if (st?.isDirectory()) walk(r);
    }
  };
  walk('');
  return out;
}

export interface Captured {
  source: ArtifactSource;
  ctx: ParseContext;
  lines: Line[];
  finished: boolean;
}

/** A sinkFor that records every line it is given (keep inputs small) or only counts (`countOnly`). */
export function recordingSinks(countOnly = false): { captured: Captured[]; sinkFor(source: ArtifactSource, ctx: ParseContext): LineSink<number> } {
  const captured: Captured[] = [];
  return {
    captured,
    sinkFor(source, ctx) {
      const c: Captured = { source, ctx, lines: [], finished: false };
      captured.push(c);
      let n = 0;
      return {
        push(line) {
          n++;
          if (!countOnly) c.lines.push(line);
        },
        finish() {
          c.finished = true;
          return { status: 'ok', value: n, problems: [] };
        },
      };
    },
  };
}

/** A 512-byte ustar header, for archives too large to build with tar-stream in a test. */
export function ustarHeader(name: string, size: number): Buffer {
  const h = Buffer.alloc(512);
  h.write(name, 0, 100, 'utf8');
  h.write('0000644\0', 100, 'latin1');
  h.write('0000000\0', 108, 'latin1');
  h.write('0000000\0', 116, 'latin1');
  h.write(size.toString(8).padStart(11, '0') + '\0', 124, 'latin1');
  h.write(Math.floor(Date.parse('2026-11-28T07:18:12Z') / 1000).toString(8).padStart(11, '0') + '\0', 136, 'latin1');
  h.write('        ', 148, 'latin1');
  h.write('0', 156, 'latin1');
  h.write('ustar\0', 257, 'latin1');
  h.write('00', 263, 'latin1');
  let sum = 0;
  for (const b of h) sum += b;
  h.write(sum.toString(8).padStart(6, '0') + '\0 ', 148, 'latin1');
  return h;
}
