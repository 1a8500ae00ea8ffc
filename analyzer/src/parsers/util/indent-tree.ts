/**
 * `Key: value` text where indentation is the hierarchy (`docker info`, `docker version`): the
 * parent of a line is the nearest earlier line with less indentation. Lines without `: ` are list
 * items of their parent (`Security Options:` → `seccomp`; `Insecure Registries:` → `127.0.0.0/8`).
 */

export interface IndentEntry {
  /** Keys of the enclosing lines, outermost first (`['Server', 'Storage Driver']`). */
  path: string[];
  key: string;
  /** Empty for a parent line (`Plugins:`) or a list item. */
  value: string;
  /** True for a line without `key: value` shape (a list item); `key` is then the whole text. */
  item: boolean;
  indent: number;
  line: number;
  text: string;
}

export class IndentTree {
  readonly entries: IndentEntry[] = [];
  private stack: { indent: number; key: string }[] = [];

  /** Adds one line; returns the entry, or undefined for blank lines. */
  add(text: string, line: number): IndentEntry | undefined {
    if (text.trim() === '') return undefined;
    const indent = text.length - text.trimStart().length;
    const body = text.trim();
    while (this.stack.length > 0 && this.stack[this.stack.length - 1]!.indent >= indent) this.stack.pop();
    const m = /^([^:]+?):(?:\s+(.*))?$/.exec(body);
    const e: IndentEntry = m
      ? { path: this.stack.map((s) => s.key), key: m[1]!.trim(), value: (m[2] ?? '').trim(), item: false, indent, line, text: text.slice(0, 500) }
      : { path: this.stack.map((s) => s.key), key: body, value: '', item: true, indent, line, text: text.slice(0, 500) };
    this.entries.push(e);
    this.stack.push({ indent, key: e.key });
    return e;
  }

  /** Forgets the hierarchy (a blank line or a new top section). */
  reset(): void {
    this.stack = [];
  }
}
