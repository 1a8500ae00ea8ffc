/**
 * Aho–Corasick over the catalog's literal hints: one pass over a message finds every hint it contains,
 * overlapping ones included, in time linear in the message length. It replaces a combined regex
 * alternation, which V8 retries alternative by alternative at every position.
 *
 * Characters below 128 use a dense transition table (one array read per character); other characters
 * follow sparse maps, falling back along failure links.
 */
export class LiteralScanner {
  private readonly dense: Int32Array;
  private readonly sparse: Map<number, number>[];
  /** Per state, the indexes of the literals that end here (via output links), or undefined. */
  private readonly outputs: (number[] | undefined)[];
  readonly literals: readonly string[];

  constructor(literals: readonly string[]) {
    this.literals = literals;
    // Build the trie.
    const goto: Map<number, number>[] = [new Map()];
    const out: (number[] | undefined)[] = [undefined];
    literals.forEach((lit, idx) => {
      let s = 0;
      for (let i = 0; i < lit.length; i++) {
        const c = lit.charCodeAt(i);
        let n = goto[s]!.get(c);
        if (n === undefined) {
          n = goto.length;
          goto.push(new Map());
          out.push(undefined);
          goto[s]!.set(c, n);
        }
        s = n;
      }
      (out[s] ??= []).push(idx);
    });
    // Failure links, breadth first; outputs inherit their failure state's outputs.
    const fail = new Int32Array(goto.length);
    const queue: number[] = [];
    for (const n of goto[0]!.values()) queue.push(n);
    for (let qi = 0; qi < queue.length; qi++) {
      const r = queue[qi]!;
      for (const [c, u] of goto[r]!) {
        queue.push(u);
        let f = fail[r]!;
        while (f !== 0 && !goto[f]!.has(c)) f = fail[f]!;
        const v = goto[f]!.get(c);
        fail[u] = v !== undefined && v !== u ? v : 0;
        const inherited = out[fail[u]!];
        if (inherited) out[u] = [...(out[u] ?? []), ...inherited];
      }
    }
    // Dense table for ASCII: the full transition function (goto with failures resolved).
    const dense = new Int32Array(goto.length * 128);
    for (const s of [0, ...queue]) {
      for (let c = 0; c < 128; c++) {
        const g = goto[s]!.get(c);
        if (g !== undefined) dense[s * 128 + c] = g;
        else dense[s * 128 + c] = s === 0 ? 0 : dense[fail[s]! * 128 + c]!;
      }
    }
    this.dense = dense;
    this.outputs = out;
    // Non-ASCII: sparse goto plus failure links at scan time.
    this.sparse = goto.map((m) => {
      const only = new Map<number, number>();
      for (const [c, n] of m) if (c >= 128) only.set(c, n);
      return only;
    });
    this.fail = fail;
  }

  private readonly fail: Int32Array;

  /** Indexes of the literals found in `text` (each once, unordered); undefined when none. */
  scan(text: string): Set<number> | undefined {
    let found: Set<number> | undefined;
    let s = 0;
    const dense = this.dense;
    const outputs = this.outputs;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c < 128) s = dense[s * 128 + c]!;
      else {
        let n = this.sparse[s]!.get(c);
        while (n === undefined && s !== 0) {
          s = this.fail[s]!;
          n = this.sparse[s]!.get(c);
        }
        s = n ?? 0;
      }
      const o = outputs[s];
      if (o !== undefined) {
        found ??= new Set();
        for (const k of o) found.add(k);
      }
    }
    return found;
  }
}
