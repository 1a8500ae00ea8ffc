/**
 * Bytes → lines, the reader's hot path (a 2 GB journal goes through here).
 *
 * - Splits on LF with Buffer.indexOf (native memchr), never per character.
 * - A line's bytes are decoded only once the whole line is known, so a multibyte UTF-8 character
 *   cut by a chunk boundary is decoded whole. LF never occurs inside a UTF-8 sequence, so decoding
 *   line by line gives exactly what a streaming `TextDecoder('utf-8', { fatal: false })` would:
 *   invalid bytes become U+FFFD, nothing throws (test/spine/line-splitter.test.ts checks both agree).
 * - CRLF: one trailing CR is dropped. A lone CR inside a line is kept.
 * - Memory is bounded: at most `maxLineBytes` bytes of a partial line are kept. Past that the rest of
 *   the line is skipped up to the next LF and the line is emitted with `cut = true`. The cut backs off
 *   to a character boundary, so a cut line never ends in a broken character.
 * - A final line without LF is emitted by `end()`; a trailing LF does not make an extra empty line.
 */

/**
 * One line: its text, whether it was cut, and the bytes it was decoded from, `bytes[start, end)`. The bytes
 * are the stream's: valid only during the call (the stream may reuse them once the call returns).
 */
export type OnLine = (text: string, cut: boolean, bytes: Buffer, start: number, end: number) => void;

import type { Line, LineSink } from './types.js';

/** Hands a line to a sink: with its bytes when the sink reads them (LineSink.pushBytes), else its text alone. */
export function pushLine(sink: LineSink<unknown>, line: Line, bytes: Uint8Array, start: number, end: number): void {
  if (sink.pushBytes !== undefined) sink.pushBytes(line, bytes, start, end);
  else sink.push(line);
}

const LF = 0x0a;
const CR = 0x0d;

/**
 * Buffer's own UTF-8 decoder: what `toString('utf8', from, to)` calls (node's lib/buffer.js), after checking
 * its arguments and looking up the encoding. Called directly it costs 290 fewer instructions a line (a sixth
 * of decoding a 200-byte line; bench/README.md). Undocumented, but toString itself depends on it. Same bytes
 * in, same string out (invalid bytes become U+FFFD; an empty range gives '').
 */
const decode = (buf: Buffer, from: number, to: number): string => (buf as Buffer & { utf8Slice(start: number, end: number): string }).utf8Slice(from, to);

export class LineSplitter {
  private carry: Buffer[] = [];
  private carryLen = 0;
  /** The current line passed maxLineBytes: drop bytes until the next LF. */
  private overflow = false;
  /** Lines emitted so far. */
  lines = 0;
  /** Lines that were cut at maxLineBytes. */
  cutLines = 0;

  constructor(
    private readonly maxLineBytes: number,
    private readonly onLine: OnLine,
  ) {
    if (!(maxLineBytes > 0)) throw new RangeError('maxLineBytes must be positive');
  }

  write(chunk: Buffer): void {
    let start = 0;
    const len = chunk.length;
    while (start < len) {
      const nl = chunk.indexOf(LF, start);
      if (nl === -1) {
        this.keep(chunk, start, len);
        return;
      }
      if (this.carryLen === 0 && !this.overflow) {
        // The common case: the whole line is inside this chunk.
        if (nl - start > this.maxLineBytes) this.emitCut(chunk.subarray(start, start + this.maxLineBytes));
        else this.emit(chunk, start, nl);
      } else {
        this.keep(chunk, start, nl);
        this.flushCarry();
      }
      start = nl + 1;
    }
  }

  /** The input ended: emit the last line if it had no LF. */
  end(): void {
    if (this.carryLen > 0 || this.overflow) this.flushCarry();
  }

  private keep(chunk: Buffer, from: number, to: number): void {
    if (this.overflow || to <= from) return;
    const room = this.maxLineBytes - this.carryLen;
    if (to - from > room) {
      // copy: the chunk's memory is reused by the stream once we return
      if (room > 0) this.carry.push(Buffer.from(chunk.subarray(from, from + room)));
      this.carryLen += Math.max(0, room);
      this.overflow = true;
      return;
    }
    this.carry.push(Buffer.from(chunk.subarray(from, to)));
    this.carryLen += to - from;
  }

  private flushCarry(): void {
    const buf = this.carry.length === 1 ? this.carry[0]! : Buffer.concat(this.carry, this.carryLen);
    const wasCut = this.overflow;
    this.carry = [];
    this.carryLen = 0;
    this.overflow = false;
    if (wasCut) this.emitCut(buf);
    else this.emit(buf, 0, buf.length);
  }

  private emit(buf: Buffer, from: number, to: number): void {
    if (to > from && buf[to - 1] === CR) to--;
    this.lines++;
    this.onLine(decode(buf, from, to), false, buf, from, to);
  }

  private emitCut(buf: Buffer): void {
    const end = charBoundary(buf, buf.length);
    this.lines++;
    this.cutLines++;
    this.onLine(decode(buf, 0, end), true, buf, 0, end);
  }
}

/** Largest n' ≤ n such that buf[0..n') does not end inside a multibyte UTF-8 sequence. */
export function charBoundary(buf: Uint8Array, n: number): number {
  // Look back at most 3 bytes for the lead byte of the last sequence.
  for (let i = n - 1, k = 0; i >= 0 && k < 4; i--, k++) {
    const b = buf[i]!;
    if (b < 0x80) return n; // ASCII: complete
    if (b >= 0xc0) {
      const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2;
      return n - i >= need ? n : i;
    }
    // continuation byte: keep looking
  }
  return n;
}
