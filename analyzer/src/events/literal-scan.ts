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

export class LiteralScanner {
  readonly literals: readonly string[];
  /** The shortest tabled literal's length (capped: the shift table holds bytes). */
  private readonly m: number;
  private readonly shift: Uint8Array;
  /** Per block with shift 0, the tabled literals whose m-prefix ends with it (few blocks: a Map, not a table). */
  private readonly zero = new Map<number, ZeroBlock>();
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

  constructor(literals: readonly string[]) {
    if (literals.some((l) => l.length === 0)) throw new Error('LiteralScanner: empty literal');
    this.literals = literals;
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
          const block = this.zero.get(key);
          if (block) block.literals.push(idx);
          else this.zero.set(key, { literals: [idx], next: undefined });
        }
      }
    }
    for (const block of this.zero.values()) {
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
    while (pos < n) {
      const key = ((text.charCodeAt(pos - 1) & 255) << 8) | (text.charCodeAt(pos) & 255);
      const s = shift[key]!;
      if (s !== 0) {
        pos += s;
        continue;
      }
      const start = pos - m + 1;
      if (prefix[((text.charCodeAt(start) & 255) << 8) | (text.charCodeAt(start + 1) & 255)] === 1) found = this.check(text, start, key, found);
      pos++;
    }
    return found;
  }

  /** The window starting at `start` has a zero-shift block and a literal's prefix: compares its literals in full. */
  private check(text: string, start: number, key: number, found: Set<number> | undefined): Set<number> | undefined {
    const block = this.zero.get(key)!;
    // past the end, charCodeAt gives NaN, NaN & 255 is 0, and no literal of the block fits anyway
    if (block.next !== undefined && block.next[text.charCodeAt(start + this.m) & 255] === 0) return found;
    for (const k of block.literals) {
      if (text.startsWith(this.literals[k]!, start)) (found ??= new Set()).add(k);
    }
    return found;
  }
}
