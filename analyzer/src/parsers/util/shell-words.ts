/**
 * POSIX-shell-like word splitting for the config sources that hold command lines as text:
 * `/etc/sysconfig/docker` values, systemd `ExecStart=` and `Environment=`, `ps` args.
 * No globbing and no command substitution: we read text, we never run it.
 */

export interface SplitResult {
  words: string[];
  /** Set when a quote was left open; `words` still holds what was read. */
  error?: string;
}

/** Splits `s` into words, honouring '…', "…" (with \\ \" \$ \` escapes) and backslash escapes. */
export function shellSplit(s: string): SplitResult {
  const words: string[] = [];
  let cur = '';
  let inWord = false;
  let i = 0;
  while (i < s.length) {
    const c = s[i]!;
    if (c === "'") {
      const end = s.indexOf("'", i + 1);
      inWord = true;
      if (end < 0) {
        cur += s.slice(i + 1);
        words.push(cur);
        return { words, error: `unterminated ' quote at column ${i + 1}` };
      }
      cur += s.slice(i + 1, end);
      i = end + 1;
      continue;
    }
    if (c === '"') {
      inWord = true;
      let j = i + 1;
      for (;;) {
        if (j >= s.length) {
          words.push(cur);
          return { words, error: `unterminated " quote at column ${i + 1}` };
        }
        const d = s[j]!;
        if (d === '"') break;
        if (d === '\\' && j + 1 < s.length && '\\"$`\n'.includes(s[j + 1]!)) {
          cur += s[j + 1];
          j += 2;
          continue;
        }
        cur += d;
        j++;
      }
      i = j + 1;
      continue;
    }
    if (c === '\\') {
      inWord = true;
      if (i + 1 < s.length) cur += s[i + 1];
      i += 2;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      if (inWord) words.push(cur);
      cur = '';
      inWord = false;
      i++;
      continue;
    }
    cur += c;
    inWord = true;
    i++;
  }
  if (inWord) words.push(cur);
  return { words };
}

/**
 * systemd's ExecStart variable expansion (systemd.service(5) "Command lines"): a word that is
 * exactly `$NAME` becomes the value split at whitespace (zero or more words); `${NAME}` inside a
 * word is replaced in place. Unset variables expand to nothing.
 */
export function expandSystemdWords(words: readonly string[], env: Readonly<Record<string, string>>): string[] {
  const out: string[] = [];
  for (const w of words) {
    const bare = /^\$([A-Za-z_][A-Za-z0-9_]*)$/.exec(w);
    if (bare) {
      const v = env[bare[1]!] ?? '';
      for (const p of v.split(/\s+/)) if (p !== '') out.push(p);
      continue;
    }
    out.push(w.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g, (_m, n: string) => env[n] ?? ''));
  }
  return out;
}
