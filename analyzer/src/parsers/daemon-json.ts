/**
 * `/etc/docker/daemon.json`. dockerd refuses to start on any JSON error, and its message is Go's
 * decoder text ([lab] dockerd 20.10.24, field guide §1.5), e.g. for a cut file:
 * ```
 * {
 *   "log-level": "info",
 *   "storage-driver": "vfs"
 * ```
 * → `unable to configure the Docker daemon with file /etc/docker/daemon.json: unexpected EOF`.
 *
 * The first error is reproduced exactly (message + line/column), comments and trailing commas are
 * reported as problems that make dockerd fail, and the keys are still recovered tolerantly so
 * that the config model sees what the admin meant. The file is small: it is accumulated (capped).
 */
import { lineParser, ok } from './util/line-parser.js';
import { goJsonDecode, lineIndex, setOwn, tolerantJson } from './util/go-json.js';

/** daemon.json larger than this is not read further (a real one is a few hundred bytes). */
export const DAEMON_JSON_MAX_CHARS = 1_000_000;

/**
 * Levels of a daemon.json value kept for the model and the reports. Real directives nest three
 * deep (`runtimes`, `default-ulimits`); dockerd accepts 10,000, and a value that deep would
 * overflow every recursive walk downstream (key sorting, JSON.stringify of report.json).
 */
export const DAEMON_JSON_KEPT_DEPTH = 32;
const NOT_KEPT = `[nested deeper than ${DAEMON_JSON_KEPT_DEPTH} levels: not kept]`;

/** `v` with everything below `levels` levels replaced by NOT_KEPT; recursion bounded by `levels`. */
function keepLevels(v: unknown, levels: number, cut: { any: boolean }): unknown {
  if (!v || typeof v !== 'object') return v;
  if (levels === 0) {
    cut.any = true;
    return NOT_KEPT;
  }
  if (Array.isArray(v)) return v.map((x) => keepLevels(x, levels - 1, cut));
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v)) setOwn(out, k, keepLevels(x, levels - 1, cut));
  return out;
}

export interface DaemonJsonKey {
  key: string;
  line: number;
  column: number;
  value: unknown;
  /** JSON type of the value: string, number, boolean, null, array, object, or `unreadable`. */
  type: string;
  /** The source line holding the key, for evidence. */
  text: string;
}

export interface DaemonJsonFacts {
  /** True when the file has no non-blank character (dockerd: `EOF`). */
  empty: boolean;
  /** True when dockerd would accept the JSON syntax (types and keys are checked by the config model). */
  valid: boolean;
  /** Top-level object: the strict parse when valid, else what could be recovered. */
  value: Record<string, unknown>;
  recovered: boolean;
  /** dockerd's decoder error, exactly as it would print it after `…daemon.json: `. */
  error?: { message: string; line: number; column: number; text: string };
  keys: DaemonJsonKey[];
  comments: number[];
  trailingCommas: number[];
  /** Keys set twice (Go keeps the last one). */
  duplicates: { key: string; line: number }[];
  /** Input beyond DAEMON_JSON_MAX_CHARS was not read. */
  cut: boolean;
}

interface State {
  lines: string[];
  chars: number;
  cut: boolean;
}

function typeOf(v: unknown): string {
  if (v === undefined) return 'unreadable';
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  return typeof v;
}

export const daemonJsonParser = lineParser<State, DaemonJsonFacts>({
  name: 'daemon-json',
  artifacts: ['docker.daemon-json'],
  // A JSON document, decoded in linear time and capped as a whole: lines reach the decoder unchanged.
  maxLineLength: DAEMON_JSON_MAX_CHARS,
  keepInnerBreaks: true,
  init: () => ({ lines: [], chars: 0, cut: false }),
  line(s, line, problems) {
    if (s.cut) return;
    if (s.chars + line.text.length > DAEMON_JSON_MAX_CHARS) {
      s.cut = true;
      problems.add(line, `daemon.json longer than ${DAEMON_JSON_MAX_CHARS} characters: the rest is not read`);
      return;
    }
    s.lines.push(line.text);
    s.chars += line.text.length + 1;
  },
  finish(s, problems) {
    // Line numbers follow the reader's lines; parseText drops only the final empty line.
    const text = s.lines.join('\n');
    const lineText = (ln: number): string => (s.lines[ln - 1] ?? '').slice(0, 500);
    // An empty daemon.json is not "nothing to parse": dockerd fails on it with `EOF`.
    const lineColumn = (_t: string, off: number) => at(off);
    const at = lineIndex(text);
    const strict = goJsonDecode(text);
    const tol = tolerantJson(text);
    const deep = { any: false };
    const empty = text.trim() === '';
    const facts: DaemonJsonFacts = { empty, valid: false, value: {}, recovered: false, keys: [], comments: [], trailingCommas: [], duplicates: [], cut: s.cut };

    if (strict.ok) {
      const v = strict.value;
      if (v !== null && (typeof v !== 'object' || Array.isArray(v))) {
        const what = Array.isArray(v) ? 'array' : typeof v === 'string' ? 'string' : typeof v;
        const msg = `json: cannot unmarshal ${what} into Go value of type map[string]interface {}`;
        facts.error = { message: msg, line: 1, column: 1, text: lineText(1) };
        problems.add(1, `dockerd would fail: ${msg}`);
      } else {
        facts.valid = true;
        facts.value = keepLevels(v ?? {}, DAEMON_JSON_KEPT_DEPTH, deep) as Record<string, unknown>;
      }
      const rest = text.slice(strict.end);
      if (rest.trim() !== '') {
        const pos = lineColumn(text, strict.end + (rest.length - rest.trimStart().length));
        problems.add(pos.line, 'text after the JSON object (dockerd ignores it)');
      }
    } else {
      const pos = lineColumn(text, strict.error.offset);
      // EOF errors point past the end: report the last line, as an editor would.
      const ln = Math.min(pos.line, Math.max(1, s.lines.length));
      facts.error = { message: strict.error.message, line: ln, column: pos.line === ln ? pos.column : (s.lines[ln - 1]?.length ?? 0) + 1, text: lineText(ln) };
      problems.add(ln, `dockerd would fail: ${strict.error.message} (line ${ln}, column ${facts.error.column})`);
      facts.value = keepLevels(tol.value, DAEMON_JSON_KEPT_DEPTH, deep) as Record<string, unknown>;
      facts.recovered = true;
    }

    for (const c of tol.comments) {
      const p = lineColumn(text, c);
      facts.comments.push(p.line);
      problems.add(p.line, 'comment in daemon.json: dockerd does not accept comments');
    }
    for (const c of tol.trailingCommas) {
      const p = lineColumn(text, c);
      facts.trailingCommas.push(p.line);
      problems.add(p.line, 'trailing comma in daemon.json: dockerd does not accept it');
    }
    const seen = new Set<string>();
    for (const k of tol.keys) {
      const p = lineColumn(text, k.offset);
      const v = facts.valid ? facts.value[k.key] : keepLevels(k.value, DAEMON_JSON_KEPT_DEPTH - 1, deep);
      facts.keys.push({ key: k.key, line: p.line, column: p.column, value: v, type: typeOf(v), text: lineText(p.line) });
      if (seen.has(k.key)) facts.duplicates.push({ key: k.key, line: p.line });
      seen.add(k.key);
    }
    if (deep.any) problems.add(1, `values nested deeper than ${DAEMON_JSON_KEPT_DEPTH} levels are not kept`);
    return ok(facts, problems);
  },
});
