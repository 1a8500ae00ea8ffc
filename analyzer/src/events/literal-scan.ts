/**
 * The catalog's prefilter: finds which of its literal hints a message contains, every one of them,
 * overlapping ones included. Almost every journal line holds none, so the scan's cost per character
 * is most of the prefilter's cost.
 *
 * Wu–Manber block shifts: with m the shortest (long) literal's length, a window of m characters ends
 * at `pos`; the block of its last three characters (fewer when m is smaller) gives how far the window
 * can move without passing the start of any literal that could begin in it. Only a block that ends
 * the m-prefix of some literal (shift 0) is checked, by comparing those literals in full at the window
 * start. The longest shift is m − 2, so m decides the speed: a few short literals (`EXDEV`, `panic: `)
 * would hold every scan to steps of 3. Up to MAX_SHORT literals shorter than LONG are therefore found
 * by `indexOf` instead (native, one call each) and m is the shortest of the rest. On the benchmark
 * journal (bench/journal-text.ts) three-character blocks over m = 8 read one character in six; the
 * two-character blocks over m = 5 before read one in three (727 → 187 ns per dockerd message in a
 * micro-benchmark; the Aho–Corasick automaton before those read every character).
 *
 * Blocks are hashed by the low 6 bits of each character: characters that collide only make shifts
 * smaller (never wrong), and the full comparison decides.
 */
/** Literals at least this long go into the shift table. */
const LONG = 8;
/** At most this many shorter literals are found by indexOf; more, and they join the table (m shrinks). */
const MAX_SHORT = 4;

export class LiteralScanner {
  readonly literals: readonly string[];
  /** The shortest tabled literal's length (capped: the shift table holds bytes). */
  private readonly m: number;
  /** Characters per block: 3, or m when m < 3. */
  private readonly b: number;
  private readonly shift: Uint8Array;
  /** Per block with shift 0, the tabled literals whose m-prefix ends with it (few blocks: a Map, not a table). */
  private readonly zero = new Map<number, number[]>();
  /** Indexes of the literals found by indexOf. */
  private readonly short: number[] = [];
  /** No tabled literal at all (every literal is short). */
  private readonly none: boolean;

  constructor(literals: readonly string[]) {
    if (literals.some((l) => l.length === 0)) throw new Error('LiteralScanner: empty literal');
    this.literals = literals;
    const shortOnes = literals.flatMap((l, i) => (l.length < LONG ? [i] : []));
    if (shortOnes.length <= MAX_SHORT) this.short = shortOnes;
    const tabled = literals.flatMap((l, i) => (this.short.includes(i) ? [] : [i]));
    this.none = tabled.length === 0;
    let m = 255;
    for (const i of tabled) if (literals[i]!.length < m) m = literals[i]!.length;
    if (this.none) m = 1;
    this.m = m;
    this.b = Math.min(3, m);
    const b = this.b;
    this.shift = new Uint8Array(1 << (6 * b)).fill(m - b + 1);
    for (const idx of tabled) {
      const lit = literals[idx]!;
      for (let q = b - 1; q < m; q++) {
        let key = 0;
        for (let j = q - b + 1; j <= q; j++) key = (key << 6) | (lit.charCodeAt(j) & 63);
        const s = m - 1 - q;
        if (s < this.shift[key]!) this.shift[key] = s;
        if (s === 0) {
          const list = this.zero.get(key);
          if (list) list.push(idx);
          else this.zero.set(key, [idx]);
        }
      }
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
    let pos = from + m - 1;
    if (this.b === 3) {
      while (pos < n) {
        const key = ((text.charCodeAt(pos - 2) & 63) << 12) | ((text.charCodeAt(pos - 1) & 63) << 6) | (text.charCodeAt(pos) & 63);
        const s = shift[key]!;
        if (s !== 0) {
          pos += s;
          continue;
        }
        found = this.check(text, pos, key, found);
        pos++;
      }
      return found;
    }
    while (pos < n) {
      let key = 0;
      for (let j = pos - this.b + 1; j <= pos; j++) key = (key << 6) | (text.charCodeAt(j) & 63);
      const s = shift[key]!;
      if (s !== 0) {
        pos += s;
        continue;
      }
      found = this.check(text, pos, key, found);
      pos++;
    }
    return found;
  }

  /** The window ending at `pos` has a zero-shift block: compares its literals in full at the window start. */
  private check(text: string, pos: number, key: number, found: Set<number> | undefined): Set<number> | undefined {
    const start = pos - this.m + 1;
    for (const k of this.zero.get(key)!) {
      if (text.startsWith(this.literals[k]!, start)) (found ??= new Set()).add(k);
    }
    return found;
  }
}
