/**
 * Finds the end of a tar archive in the decompressed stream and cuts everything after it.
 *
 * GNU tar stops at the first all-zero header block; whatever follows (padding from a transfer tool,
 * a second archive, garbage) is ignored. tar-stream instead tries to parse it and fails with
 * "Invalid tar header", which would turn a complete archive into a "truncated" one. This transform
 * walks the block structure (header, then the data rounded up to 512) using only the size field,
 * passes bytes through unchanged up to and including the zero block, then ends its output.
 * Knowing whether the end marker was seen also tells the reader that a decompressor error that
 * came after it (gzip trailing garbage) lost nothing.
 */
import { Transform, type TransformCallback } from 'node:stream';

const BLOCK = 512;

/** Size field (offset 124, 12 bytes): octal text, or GNU base-256 when the high bit is set. */
export function headerSize(h: Uint8Array): number {
  if (h[124]! & 0x80) {
    let n = 0;
    for (let i = 125; i < 136; i++) n = n * 256 + h[i]!;
    return n;
  }
  let n = 0;
  for (let i = 124; i < 136; i++) {
    const c = h[i]!;
    if (c >= 0x30 && c <= 0x37) n = n * 8 + (c - 0x30);
    else if (c === 0 || c === 0x20) {
      if (n > 0) break; // trailing NUL/space ends the number; leading spaces are allowed
    } else break;
  }
  return n;
}

function isZero(b: Uint8Array, from: number): boolean {
  for (let i = from; i < from + BLOCK; i++) if (b[i] !== 0) return false;
  return true;
}

export class TarEofTransform extends Transform {
  /** True once the end-of-archive zero block went through. */
  eofSeen = false;
  /** Bytes still to pass before the next header starts. */
  private skip = 0;
  /** A header split across chunks. */
  private partial: Buffer | null = null;

  constructor() {
    super({ highWaterMark: 1 << 17 });
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, cb: TransformCallback): void {
    if (this.eofSeen) return cb(); // after the end: dropped
    let buf = chunk;
    if (this.partial) {
      buf = Buffer.concat([this.partial, chunk]);
      this.partial = null;
    }
    let pos = 0;
    while (pos < buf.length) {
      if (this.skip > 0) {
        const n = Math.min(this.skip, buf.length - pos);
        this.skip -= n;
        pos += n;
        continue;
      }
      if (buf.length - pos < BLOCK) {
        this.partial = Buffer.from(buf.subarray(pos));
        break;
      }
      if (isZero(buf, pos)) {
        // The end marker: hand tar-stream the archive plus two zero blocks, then end.
        if (pos > 0) this.push(buf.subarray(0, pos));
        this.push(Buffer.alloc(2 * BLOCK));
        this.eofSeen = true;
        this.emit('tar-eof');
        this.push(null);
        return cb();
      }
      const size = headerSize(buf.subarray(pos, pos + BLOCK));
      pos += BLOCK;
      this.skip = Math.ceil(size / BLOCK) * BLOCK;
    }
    const out = this.partial ? buf.subarray(0, buf.length - this.partial.length) : buf;
    if (out.length) this.push(out);
    cb();
  }

  override _flush(cb: TransformCallback): void {
    // No end marker: pass the cut header on so tar-stream reports the archive as ending early.
    if (!this.eofSeen && this.partial) this.push(this.partial);
    this.partial = null;
    cb();
  }
}
