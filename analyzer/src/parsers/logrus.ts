/**
 * logrus text lines as dockerd and containerd write them to stderr (and so to the journal):
 *
 *   time="2021-03-01T12:55:55.546134668+08:00" level=error msg="failed to load container" container=1f0c… error=EOF
 *
 * Values are bare words or Go-quoted strings (`\"`, `\\`, `\n`, `\t`, `\r`, `\uXXXX`). Extra keys come
 * sorted after `msg`. Parsing is only done for records that are kept (signal matches, boot tails),
 * never on the hot path.
 */

export interface LogrusLine {
  time?: string;
  level?: string;
  msg?: string;
  /** Every key other than time, level, msg. */
  fields: Record<string, string>;
}

/** Cheap test used before parsing: a logrus line starts with `time="` or `level=`. */
export function looksLikeLogrus(s: string): boolean {
  return s.startsWith('time="') || s.startsWith('level=');
}

const MAX_FIELDS = 64;

/**
 * Parses one logrus line. Returns undefined when the text is not key=value shaped (the first token
 * must be `time=` or `level=`). Never throws.
 */
export function parseLogrus(s: string): LogrusLine | undefined {
  if (!looksLikeLogrus(s)) return undefined;
  const out: LogrusLine = { fields: {} };
  let i = 0;
  const n = s.length;
  let count = 0;
  while (i < n && count < MAX_FIELDS) {
    while (i < n && s.charCodeAt(i) === 32) i++;
    if (i >= n) break;
    const eq = s.indexOf('=', i);
    if (eq < 0) break;
    const key = s.slice(i, eq);
    if (key.length === 0 || /\s/.test(key)) {
      // Not a key: the rest is free text (e.g. a value that contained spaces without quotes).
      break;
    }
    i = eq + 1;
    let value: string;
    if (s.charCodeAt(i) === 34 /* " */) {
      const r = readQuoted(s, i);
      value = r.value;
      i = r.end;
    } else {
      let j = s.indexOf(' ', i);
      if (j < 0) j = n;
      value = s.slice(i, j);
      i = j;
    }
    count++;
    if (key === 'time') out.time = value;
    else if (key === 'level') out.level = value;
    else if (key === 'msg') out.msg = value;
    else out.fields[key] = value;
  }
  return out;
}

/** Reads a Go-quoted string starting at the opening quote; tolerates a missing closing quote. */
function readQuoted(s: string, start: number): { value: string; end: number } {
  let i = start + 1;
  let out = '';
  let chunkStart = i;
  const n = s.length;
  while (i < n) {
    const c = s.charCodeAt(i);
    if (c === 34) {
      out += s.slice(chunkStart, i);
      return { value: out, end: i + 1 };
    }
    if (c === 92 /* \ */ && i + 1 < n) {
      out += s.slice(chunkStart, i);
      const e = s[i + 1];
      let adv = 2;
      switch (e) {
        case 'n':
          out += '\n';
          break;
        case 't':
          out += '\t';
          break;
        case 'r':
          out += '\r';
          break;
        case '"':
          out += '"';
          break;
        case '\\':
          out += '\\';
          break;
        case 'u': {
          const hex = s.slice(i + 2, i + 6);
          if (/^[0-9a-fA-F]{4}$/.test(hex)) {
            out += String.fromCharCode(parseInt(hex, 16));
            adv = 6;
          } else out += '\\u';
          break;
        }
        case 'x': {
          const hex = s.slice(i + 2, i + 4);
          if (/^[0-9a-fA-F]{2}$/.test(hex)) {
            out += String.fromCharCode(parseInt(hex, 16));
            adv = 4;
          } else out += '\\x';
          break;
        }
        default:
          out += '\\' + e;
      }
      i += adv;
      chunkStart = i;
      continue;
    }
    i++;
  }
  out += s.slice(chunkStart, n);
  return { value: out, end: n };
}
