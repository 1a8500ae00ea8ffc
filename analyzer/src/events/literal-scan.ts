/**
 * The catalog's prefilter: finds which of its literal hints a message contains, every one of them,
 * overlapping ones included. Almost every journal line holds none, so the scan's cost per character
 * is most of the prefilter's cost.
 *
 * Wu–Manber block shifts: with m the shortest (tabled) literal's length, a window of m characters ends
 * at `pos`; the block of its last two characters gives how far the window can move
 * without passing the start of any literal that could begin in it. Only a block that ends the m-prefix
 * of some literal (shift 0) is checked, by comparing those literals in full at the window start, and
 * only when the window starts like one of them and the character after it can follow (ZeroBlock.next).
 *
 * The longest shift is m − 1, so m decides the speed, and a few short hints (`EXDEV`, `panic: `) would
 * hold every scan to steps of 4. Up to MAX_SHORT literals shorter than LONG are therefore found by
 * `indexOf` instead (native, one call each: about 25 ns on a 200-byte line) and m is the shortest of
 * the rest (8 for the catalog). Measured on the benchmark journal's lines (plain node, flat strings):
 * 613 → 246 ns per message; three-character blocks (a 256 KB table) read fewer characters but missed
 * the cache more (280 ns).
 *
 * Blocks are hashed by the low 8 bits of each character: characters that collide only make shifts
 * smaller (never wrong), and the full comparison decides.
 */
/** Literals at least this long go into the shift table. */
const LONG = 8;
/**
 * At most this many shorter literals are found by indexOf; more, and they join the table (m shrinks).
 * One-character literals are always found by indexOf, so every tabled literal has a two-character block.
 */
const MAX_SHORT = 4;

/** The tabled literals whose m-prefix ends with one zero-shift block. */
interface ZeroBlock {
  literals: number[];
  /**
   * The characters (low 8 bits) the block's literals have just after their m-prefix, when every one is
   * longer than m: a window followed by none of them is rejected without a comparison. Every dockerd line
   * holds `container=`, whose window `container` ends in the block of four literals that go on
   * `containerd …` or `container with …`; four failed `startsWith` calls there were a third of the scan.
   */
  next: Uint8Array | undefined;
}

/** `want` is at `b[at …]` (the caller has checked that it fits). */
export function bytesAt(want: Uint8Array, b: Uint8Array, at: number): boolean {
  for (let i = 0; i < want.length; i++) if (want[i] !== b[at + i]) return false;
  return true;
}

export class LiteralScanner {
  readonly literals: readonly string[];
  /** The shortest tabled literal's length (capped: the shift table holds bytes). */
  private readonly m: number;
  private readonly shift: Uint8Array;
  /** The blocks with shift 0: the tabled literals whose m-prefix ends with each. */
  private readonly zero: ZeroBlock[] = [];
  /** Per block, 1 + its index in `zero` (0: not a zero-shift block). A table, not a Map: a Map's lookup cost as much as the literal comparisons it led to. */
  private readonly zeroAt = new Uint16Array(65536);
  /**
   * The first two characters (low 8 bits each) of every tabled literal: a window
   * whose block has shift 0 is compared only if it also starts like some literal. On the benchmark
   * journal 2.8 windows per line had shift 0 and 0.5 of them started like a literal.
   */
  private readonly prefix = new Uint8Array(65536);
  /** Indexes of the literals found by indexOf. */
  private readonly short: number[] = [];
  /** No tabled literal at all (every literal is short). */
  private readonly none: boolean;
  /** Per literal, its bytes when all its characters are ASCII (scanBytes compares only those). */
  private readonly asciiBytes: (Uint8Array | undefined)[];

  constructor(literals: readonly string[]) {
    if (literals.some((l) => l.length === 0)) throw new Error('LiteralScanner: empty literal');
    this.literals = literals;
    this.asciiBytes = literals.map((l) => (/^[\x00-\x7f]*$/.test(l) ? Buffer.from(l, 'latin1') : undefined));
    const shortOnes = literals.flatMap((l, i) => (l.length < LONG ? [i] : []));
    this.short = shortOnes.length <= MAX_SHORT ? shortOnes : shortOnes.filter((i) => literals[i]!.length === 1);
    const tabled = literals.flatMap((l, i) => (this.short.includes(i) ? [] : [i]));
    this.none = tabled.length === 0;
    let m = 255;
    for (const i of tabled) if (literals[i]!.length < m) m = literals[i]!.length;
    this.m = m;
    this.shift = new Uint8Array(65536).fill(m - 1);
    for (const idx of tabled) {
      const lit = literals[idx]!;
      this.prefix[((lit.charCodeAt(0) & 255) << 8) | (lit.charCodeAt(1) & 255)] = 1;
      for (let q = 1; q < m; q++) {
        const key = ((lit.charCodeAt(q - 1) & 255) << 8) | (lit.charCodeAt(q) & 255);
        const s = m - 1 - q;
        if (s < this.shift[key]!) this.shift[key] = s;
        if (s === 0) {
          if (this.zeroAt[key] === 0) this.zeroAt[key] = this.zero.push({ literals: [], next: undefined });
          this.zero[this.zeroAt[key]! - 1]!.literals.push(idx);
        }
      }
    }
    for (const block of this.zero) {
      if (block.literals.some((k) => literals[k]!.length === m)) continue;
      const next = new Uint8Array(256);
      for (const k of block.literals) next[literals[k]!.charCodeAt(m) & 255] = 1;
      block.next = next;
    }
  }

  /**
   * Indexes of the literals found in `text` from `from` on (each once, unordered); undefined when none.
   * A caller that holds the whole line passes it with the message's offset: reading characters of a
   * flat string is faster than reading those of its substring (bench/journal-text.ts).
   */
  scan(text: string, from = 0): Set<number> | undefined {
    let found: Set<number> | undefined;
    for (const k of this.short) if (text.indexOf(this.literals[k]!, from) >= 0) (found ??= new Set()).add(k);
    if (this.none) return found;
    const n = text.length;
    const m = this.m;
    if (n - from < m) return found;
    const shift = this.shift;
    const prefix = this.prefix;
    let pos = from + m - 1;
    for (;;) {
      // Windows are skipped in an inner loop without calls: a call in the loop body (check) made V8 check the
      // string's and tables' maps again at every window (bench/README.md).
      let key = 0;
      while (pos < n) {
        key = ((text.charCodeAt(pos - 1) & 255) << 8) | (text.charCodeAt(pos) & 255);
        const s = shift[key]!;
        if (s === 0) break;
        pos += s;
      }
      if (pos >= n) return found;
      const start = pos - m + 1;
      if (prefix[((text.charCodeAt(start) & 255) << 8) | (text.charCodeAt(start + 1) & 255)] === 1) found = this.check(text, start, key, found);
      pos++;
    }
  }

  /**
   * `scan(text, from)` read from the line's UTF-8 bytes instead of its characters: a byte costs one typed-array
   * load where a character costs a `charCodeAt` that dispatches on the string's representation at every
   * read (a third of the scan's instructions; bench/README.md).
   *
   * Only for a line whose every byte became one character: `text.length === end - base`, with `text[i]` from
   * `bytes[base + i]`. Such a line holds only ASCII bytes and invalid ones (each decoded as U+FFFD), so an ASCII
   * literal is in the text exactly where it is in the bytes, and a literal with any other character is in
   * neither (a literal byte may equal an invalid byte, so those literals are skipped, never compared).
   */
  scanBytes(text: string, from: number, bytes: Uint8Array, base: number): Set<number> | undefined {
    let found: Set<number> | undefined;
    for (const k of this.short) if (text.indexOf(this.literals[k]!, from) >= 0) (found ??= new Set()).add(k);
    if (this.none) return found;
    const n = base + text.length;
    const m = this.m;
    if (text.length - from < m) return found;
    const shift = this.shift;
    const prefix = this.prefix;
    let pos = base + from + m - 1;
    for (;;) {
      // The skip loop holds no call, so V8 keeps the typed arrays' checks out of most of it (as in scan()).
      let key = 0;
      while (pos < n) {
        key = (bytes[pos - 1]! << 8) | bytes[pos]!;
        const s = shift[key]!;
        if (s === 0) break;
        pos += s;
      }
      if (pos >= n) return found;
      const start = pos - m + 1;
      if (prefix[(bytes[start]! << 8) | bytes[start + 1]!] === 1) found = this.checkBytes(bytes, start, n, key, found);
      pos++;
    }
  }

  /** check() on bytes: the literals of the block that are ASCII and whose every character is at `start`. */
  private checkBytes(bytes: Uint8Array, start: number, n: number, key: number, found: Set<number> | undefined): Set<number> | undefined {
    const block = this.zero[this.zeroAt[key]! - 1]!;
    // At the line's end the byte read is the next line's (or undefined): no literal of the block fits there anyway.
    if (block.next !== undefined && block.next[bytes[start + this.m]!] === 0) return found;
    for (const k of block.literals) {
      const lit = this.asciiBytes[k];
      if (lit !== undefined && start + lit.length <= n && bytesAt(lit, bytes, start)) (found ??= new Set()).add(k);
    }
    return found;
  }

  /** The window starting at `start` has a zero-shift block and a literal's prefix: compares its literals in full. */
  private check(text: string, start: number, key: number, found: Set<number> | undefined): Set<number> | undefined {
    const block = this.zero[this.zeroAt[key]! - 1]!;
    // past the end, charCodeAt gives NaN, NaN & 255 is 0, and no literal of the block fits anyway
    if (block.next !== undefined && block.next[text.charCodeAt(start + this.m) & 255] === 0) return found;
    for (const k of block.literals) {
      if (text.startsWith(this.literals[k]!, start)) (found ??= new Set()).add(k);
    }
    return found;
  }
}
