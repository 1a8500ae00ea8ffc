/**
 * The catalog's prefilter: finds which of its literal hints a message contains, every one of them,
 * overlapping ones included. Almost every journal line holds none, so the scan's cost per character
 * is most of the prefilter's cost.
 *
 * Wu–Manber block shifts: with m the shortest literal's length, a window of m characters ends at
 * `pos`; the block of the last two characters (one when m < 3) gives how far the window can move
 * without passing the start of any literal that could begin in it. Only a block that ends the
 * m-prefix of some literal (shift 0) is checked, by comparing those literals in full at the window
 * start. On journal text this reads about one character in three; the Aho–Corasick automaton it
 * replaced read every character (bench/journal-text.ts: 3.5 → 2.4 ns per message character).
 *
 * Blocks are hashed by the low 8 bits of each character: characters that collide only make shifts
 * smaller (never wrong), and the full comparison decides.
 */
export class LiteralScanner {
  readonly literals: readonly string[];
  /** The shortest literal's length (capped: the shift table holds bytes). */
  private readonly m: number;
  /** Block of two characters (m ≥ 3) or of one. */
  private readonly pairs: boolean;
  private readonly shift: Uint8Array;
  /**
   * Per block with shift 0, the literals whose m-prefix ends with it: `lists[listOf[block] - 1]` (32 bits:
   * there can be one list per block, 65,536 of them). A typed index, not an array of 65,536 slots: every source gate builds a scanner, and the garbage collector
   * scans pointer arrays but not typed ones (start-up of a small analyze).
   */
  private readonly listOf: Uint32Array;
  private readonly lists: number[][] = [];

  constructor(literals: readonly string[]) {
    if (literals.some((l) => l.length === 0)) throw new Error('LiteralScanner: empty literal');
    this.literals = literals;
    let m = 255;
    for (const l of literals) if (l.length < m) m = l.length;
    this.m = m;
    this.pairs = m >= 3;
    const size = this.pairs ? 65536 : 256;
    this.shift = new Uint8Array(size).fill(this.pairs ? m - 1 : m);
    this.listOf = new Uint32Array(size);
    literals.forEach((lit, idx) => {
      for (let q = this.pairs ? 1 : 0; q < m; q++) {
        const key = this.pairs ? ((lit.charCodeAt(q - 1) & 255) << 8) | (lit.charCodeAt(q) & 255) : lit.charCodeAt(q) & 255;
        const s = m - 1 - q;
        if (s < this.shift[key]!) this.shift[key] = s;
        if (s === 0) {
          if (this.listOf[key] === 0) this.listOf[key] = this.lists.push([]);
          this.lists[this.listOf[key]! - 1]!.push(idx);
        }
      }
    });
  }

  /**
   * Indexes of the literals found in `text` from `from` on (each once, unordered); undefined when none.
   * A caller that holds the whole line passes it with the message's offset: reading characters of a
   * flat string is faster than reading those of its substring (bench/journal-text.ts).
   */
  scan(text: string, from = 0): Set<number> | undefined {
    const n = text.length;
    const m = this.m;
    if (n - from < m) return undefined;
    const shift = this.shift;
    const pairs = this.pairs;
    let found: Set<number> | undefined;
    let pos = from + m - 1;
    while (pos < n) {
      const key = pairs ? ((text.charCodeAt(pos - 1) & 255) << 8) | (text.charCodeAt(pos) & 255) : text.charCodeAt(pos) & 255;
      const s = shift[key]!;
      if (s !== 0) {
        pos += s;
        continue;
      }
      const start = pos - m + 1;
      for (const k of this.lists[this.listOf[key]! - 1]!) {
        if (text.startsWith(this.literals[k]!, start)) (found ??= new Set()).add(k);
      }
      pos++;
    }
    return found;
  }
}
