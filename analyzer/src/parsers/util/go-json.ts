/**
 * JSON reading that fails the way dockerd fails. dockerd decodes daemon.json with Go's
 * `json.NewDecoder(r).Decode(&map[string]interface{})` (moby daemon/config/config.go,
 * getConflictFreeConfiguration), so its error texts are Go's encoding/json scanner messages
 * ([lab] dockerd 20.10.24, test/fixtures/docker.daemon-json/*.err):
 *   empty file → `EOF`; cut file → `unexpected EOF`;
 *   `// comment` → `invalid character '/' looking for beginning of object key string`;
 *   trailing comma → `invalid character '}' looking for beginning of object key string`.
 * The Decoder reads one value and ignores what follows it.
 *
 * `goJsonDecode` reproduces the first error and its byte position; `tolerantJson` then recovers
 * what it can (comments, trailing commas, a cut end) so the analyzer still sees the keys.
 */

export interface GoJsonError {
  message: string;
  /** Character offset of the offending character (end of input for EOF errors). */
  offset: number;
}

export type GoJsonResult = { ok: true; value: unknown; end: number } | { ok: false; error: GoJsonError };

/** Go strconv.Quote-style character for scanner messages: `'/'`, `'\n'`, `'\x00'`, `'\''`. */
export function goQuoteChar(ch: string): string {
  if (ch === "'") return "'\\''";
  if (ch === '"') return "'\"'";
  const code = ch.codePointAt(0)!;
  if (code >= 0x80) {
    // The Go scanner works on bytes and quotes the first UTF-8 byte as a rune (U+0080–U+00FF).
    const b = Buffer.from(ch, 'utf8')[0]!;
    const r = String.fromCharCode(b);
    return b < 0xa0 ? `'\\u00${b.toString(16)}'` : `'${r}'`;
  }
  const esc: Record<string, string> = { '\x07': '\\a', '\b': '\\b', '\f': '\\f', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\v': '\\v', '\\': '\\\\' };
  if (esc[ch]) return `'${esc[ch]}'`;
  if (code < 0x20 || code === 0x7f) return `'\\x${code.toString(16).padStart(2, '0')}'`;
  return `'${ch}'`;
}

/**
 * Go's encoding/json scanner refuses a value nested deeper than this (maxNestingDepth, Go ≥ 1.15:
 * `invalid character '{' exceeded max depth` at the 10,001st open bracket).
 */
export const GO_JSON_MAX_DEPTH = 10_000;

/**
 * `obj[key] = v`, except that a key `__proto__` becomes an own key instead of replacing the
 * object's prototype (Go keeps it as a plain map key).
 */
export function setOwn(obj: Record<string, unknown>, key: string, v: unknown): void {
  if (key === '__proto__') Object.defineProperty(obj, key, { value: v, enumerable: true, writable: true, configurable: true });
  else obj[key] = v;
}

class Fail {
  constructor(readonly error: GoJsonError) {}
}

const WS = ' \t\r\n';

/** Strict decode of the first JSON value, with Go's error texts. */
export function goJsonDecode(s: string): GoJsonResult {
  let i = 0;
  const n = s.length;
  const fail = (message: string, at = i): never => {
    throw new Fail({ message, offset: at });
  };
  const eof = (): never => fail('unexpected EOF', n);
  const ws = (): void => {
    while (i < n && WS.includes(s[i]!)) i++;
  };
  const bad = (ctx: string): never => fail(`invalid character ${goQuoteChar(charAt(i))} ${ctx}`);
  const charAt = (k: number): string => String.fromCodePoint(s.codePointAt(k)!);

  const literal = (word: string, value: unknown): unknown => {
    for (let k = 1; k < word.length; k++) {
      if (i + k >= n) eof();
      if (s[i + k] !== word[k]) {
        i += k;
        bad(`in literal ${word} (expecting ${goQuoteChar(word[k]!)})`);
      }
    }
    i += word.length;
    return value;
  };

  const str = (): string => {
    // s[i] === '"'
    i++;
    let out = '';
    for (;;) {
      if (i >= n) eof();
      const c = s[i]!;
      if (c === '"') {
        i++;
        return out;
      }
      if (c === '\\') {
        i++;
        if (i >= n) eof();
        const e = s[i]!;
        const simple: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
        if (simple[e] !== undefined) {
          out += simple[e];
          i++;
          continue;
        }
        if (e === 'u') {
          i++;
          for (let k = 0; k < 4; k++) {
            if (i + k >= n) {
              i = n;
              eof();
            }
            if (!/[0-9a-fA-F]/.test(s[i + k]!)) {
              i += k;
              bad('in \\u hexadecimal character escape');
            }
          }
          out += String.fromCharCode(parseInt(s.slice(i, i + 4), 16));
          i += 4;
          continue;
        }
        bad('in string escape code');
      }
      if (c.charCodeAt(0) < 0x20) bad('in string literal');
      out += c;
      i++;
    }
  };

  const num = (): number => {
    const start = i;
    if (s[i] === '-') {
      i++;
      if (i >= n) eof();
      if (!/[0-9]/.test(s[i]!)) bad('in numeric literal');
    }
    if (s[i] === '0') i++;
    else while (i < n && /[0-9]/.test(s[i]!)) i++;
    if (s[i] === '.') {
      i++;
      if (i >= n) eof();
      if (!/[0-9]/.test(s[i]!)) bad('after decimal point in numeric literal');
      while (i < n && /[0-9]/.test(s[i]!)) i++;
    }
    if (s[i] === 'e' || s[i] === 'E') {
      i++;
      if (s[i] === '+' || s[i] === '-') i++;
      if (i >= n) eof();
      if (!/[0-9]/.test(s[i]!)) bad('in exponent of numeric literal');
      while (i < n && /[0-9]/.test(s[i]!)) i++;
    }
    // A number at the very end of a nested value is still unterminated input.
    if (i >= n) eof();
    return Number(s.slice(start, i));
  };

  const scalar = (c: string): unknown => {
    if (c === '"') return str();
    if (c === '-' || (c >= '0' && c <= '9')) return num();
    if (c === 't') return literal('true', true);
    if (c === 'f') return literal('false', false);
    if (c === 'n') return literal('null', null);
    return bad('looking for beginning of value');
  };

  /** `"key":` after `{` or `,`, with Go's errors. */
  const objectKey = (): string => {
    ws();
    if (i >= n) eof();
    if (s[i] !== '"') bad('looking for beginning of object key string');
    const k = str();
    ws();
    if (i >= n) eof();
    if (s[i] !== ':') bad('after object key');
    i++;
    return k;
  };

  /**
   * One value, nested objects and arrays kept on an explicit stack rather than the call stack
   * (recursion overflowed near 3,000 levels), with Go's limit of GO_JSON_MAX_DEPTH open levels.
   */
  const value = (): unknown => {
    const open: ({ obj: Record<string, unknown>; key: string } | { arr: unknown[] })[] = [];
    for (;;) {
      ws();
      if (i >= n) eof();
      const c = s[i]!;
      let v: unknown;
      if (c === '{' || c === '[') {
        if (open.length >= GO_JSON_MAX_DEPTH) bad('exceeded max depth');
        i++;
        ws();
        if (i >= n) eof();
        if (c === '{' && s[i] === '}') {
          i++;
          v = {};
        } else if (c === '[' && s[i] === ']') {
          i++;
          v = [];
        } else {
          open.push(c === '{' ? { obj: {}, key: objectKey() } : { arr: [] });
          continue;
        }
      } else v = scalar(c);
      // Store v in its parent; close every container that ends here; stop at the next element.
      for (;;) {
        const top = open[open.length - 1];
        if (!top) return v;
        if ('arr' in top) top.arr.push(v);
        else setOwn(top.obj, top.key, v);
        ws();
        if (i >= n) eof();
        if (s[i] === ',') {
          i++;
          if ('obj' in top) top.key = objectKey();
          break;
        }
        if (s[i] === ('arr' in top ? ']' : '}')) {
          i++;
          open.pop();
          v = 'arr' in top ? top.arr : top.obj;
          continue;
        }
        bad('arr' in top ? 'after array element' : 'after object key:value pair');
      }
    }
  };

  try {
    ws();
    if (i >= n) return { ok: false, error: { message: 'EOF', offset: n } };
    const c = s[i]!;
    let v: unknown;
    // A top-level number is complete at end of input (Decoder accepts `1`); handle it apart.
    if (c === '-' || (c >= '0' && c <= '9')) {
      const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(s.slice(i));
      if (!m || m[0] === '-') return { ok: false, error: { message: i + 1 >= n ? 'unexpected EOF' : `invalid character ${goQuoteChar(s[i + 1]!)} in numeric literal`, offset: i + 1 } };
      v = Number(m[0]);
      i += m[0].length;
    } else v = value();
    return { ok: true, value: v, end: i };
  } catch (e) {
    if (e instanceof Fail) return { ok: false, error: e.error };
    // Our own failure is not dockerd's verdict: let the parser frame report it as a parser error.
    throw e;
  }
}

export interface TolerantKey {
  key: string;
  offset: number;
  value: unknown;
}

export interface TolerantResult {
  value: Record<string, unknown>;
  /** Top-level keys in file order, with the offset of their opening quote (duplicates kept). */
  keys: TolerantKey[];
  comments: number[];
  trailingCommas: number[];
  /** Offsets where input was skipped to recover. */
  skipped: number[];
  truncated: boolean;
}

/**
 * Best-effort reading of a top-level object: skips `//`, `#` and `/* *\/` comments, ignores
 * trailing commas, closes what a cut file left open, and skips characters it cannot read.
 * Never throws.
 */
export function tolerantJson(s: string): TolerantResult {
  const n = s.length;
  let i = 0;
  const res: TolerantResult = { value: {}, keys: [], comments: [], trailingCommas: [], skipped: [], truncated: false };
  let budget = n * 4 + 100; // hard stop against any loop bug

  const ws = (): void => {
    while (i < n && budget-- > 0) {
      const c = s[i]!;
      if (WS.includes(c)) i++;
      else if (c === '/' && s[i + 1] === '/') {
        res.comments.push(i);
        while (i < n && s[i] !== '\n') i++;
      } else if (c === '/' && s[i + 1] === '*') {
        res.comments.push(i);
        const e = s.indexOf('*/', i + 2);
        i = e < 0 ? n : e + 2;
      } else if (c === '#') {
        res.comments.push(i);
        while (i < n && s[i] !== '\n') i++;
      } else break;
    }
  };

  const str = (): string => {
    i++;
    let out = '';
    while (i < n) {
      const c = s[i]!;
      if (c === '"') {
        i++;
        return out;
      }
      if (c === '\\' && i + 1 < n) {
        const e = s[i + 1]!;
        const simple: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
        if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(s.slice(i + 2, i + 6))) {
          out += String.fromCharCode(parseInt(s.slice(i + 2, i + 6), 16));
          i += 6;
        } else {
          out += simple[e] ?? e;
          i += 2;
        }
        continue;
      }
      if (c === '\n') {
        // An unterminated string: stop at the line end.
        res.skipped.push(i);
        return out;
      }
      out += c;
      i++;
    }
    res.truncated = true;
    return out;
  };

  const value = (depth: number): unknown => {
    ws();
    if (i >= n) {
      res.truncated = true;
      return undefined;
    }
    const c = s[i]!;
    if (depth > 200) {
      res.skipped.push(i);
      i = n;
      return undefined;
    }
    if (c === '{') return obj(depth + 1, false);
    if (c === '[') return arr(depth + 1);
    if (c === '"') return str();
    const m = /^(-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null)/.exec(s.slice(i, i + 64));
    if (m) {
      i += m[0].length;
      return m[1] === 'true' ? true : m[1] === 'false' ? false : m[1] === 'null' ? null : Number(m[1]);
    }
    // Unreadable value: skip to the next separator at this level.
    res.skipped.push(i);
    while (i < n && !',}]\n'.includes(s[i]!)) i++;
    return undefined;
  };

  const obj = (depth: number, top: boolean): Record<string, unknown> => {
    i++;
    const out: Record<string, unknown> = {};
    let lastComma = -1;
    while (budget-- > 0) {
      ws();
      if (i >= n) {
        res.truncated = true;
        return out;
      }
      const c = s[i]!;
      if (c === '}') {
        if (lastComma >= 0) res.trailingCommas.push(lastComma);
        i++;
        return out;
      }
      if (c === ',') {
        lastComma = i;
        i++;
        continue;
      }
      if (c !== '"') {
        res.skipped.push(i);
        i++;
        continue;
      }
      lastComma = -1;
      const at = i;
      const k = str();
      ws();
      if (s[i] === ':') i++;
      else res.skipped.push(i);
      const v = value(depth);
      if (v !== undefined) setOwn(out, k, v);
      if (top) res.keys.push({ key: k, offset: at, value: v });
    }
    return out;
  };

  const arr = (depth: number): unknown[] => {
    i++;
    const out: unknown[] = [];
    let lastComma = -1;
    while (budget-- > 0) {
      ws();
      if (i >= n) {
        res.truncated = true;
        return out;
      }
      const c = s[i]!;
      if (c === ']') {
        if (lastComma >= 0) res.trailingCommas.push(lastComma);
        i++;
        return out;
      }
      if (c === ',') {
        lastComma = i;
        i++;
        continue;
      }
      if (c === '}') {
        // A `}` where `]` belongs: give up on this array, let the object see it.
        res.skipped.push(i);
        return out;
      }
      lastComma = -1;
      const before = i;
      const v = value(depth);
      if (v !== undefined) out.push(v);
      if (i === before) i++;
    }
    return out;
  };

  ws();
  if (i < n && s[i] === '{') res.value = obj(1, true);
  else if (i < n) res.skipped.push(i);
  return res;
}

/** 1-based line and column (in characters) of an offset. */
export function lineColumn(s: string, offset: number): { line: number; column: number } {
  return lineIndex(s)(offset);
}

/**
 * A reusable offset → line/column lookup: line starts are found once, each lookup is a binary
 * search (a daemon.json with thousands of keys would be quadratic otherwise).
 */
export function lineIndex(s: string): (offset: number) => { line: number; column: number } {
  const starts = [0];
  for (let k = 0; k < s.length; k++) if (s.charCodeAt(k) === 10) starts.push(k + 1);
  return (offset: number) => {
    const off = Math.max(0, Math.min(offset, s.length));
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= off) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: off - starts[lo]! + 1 };
  };
}
