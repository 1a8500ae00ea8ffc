/**
 * LVM profile (`/etc/lvm/profile/docker-thinpool.profile`): `section { key = value }` in LVM's config
 * syntax. Docker's direct-lvm guide writes:
 * ```
 * activation {
 *   thin_pool_autoextend_threshold=80
 *   thin_pool_autoextend_percent=20
 * }
 * ```
 * Both at `100` disable autoextension (field guide §2, devicemapper). Comments start with `#`;
 * values are numbers, quoted strings or `[ … ]` lists (kept as text).
 * (fixture test/fixtures/lvm-profile/docker-docs-thinpool.txt: the docker docs sample; no LVM here to capture)
 */
import { lineParser, malformed, ok, skipped } from './util/line-parser.js';
import type { SourceLine } from './ipcs.js';

export interface LvmSetting extends SourceLine {
  /** Enclosing sections joined with `/` (`activation`). */
  section: string;
  key: string;
  /** Value text without quotes. */
  value: string;
  /** The value as a number when it is one. */
  number?: number;
}

export interface LvmProfile {
  settings: LvmSetting[];
}

/**
 * Section levels kept: lvm.conf nests two deep (`allocation { thin_pool_... }`). Deeper opens are
 * counted, so their closing braces still match, but not named (a million nested sections made
 * every setting join a million names).
 */
export const MAX_SECTION_DEPTH = 32;

interface State {
  stack: string[];
  /** Open sections beyond MAX_SECTION_DEPTH. */
  unnamed: number;
  settings: LvmSetting[];
  sawContent: boolean;
  openLine?: number;
}

/**
 * `key = 1 } }` → `key = 1` and 2 closing braces, read from the end in one pass (a loop of
 * `/\}\s*$/` tests rescanned the line once per brace: quadratic on a line of braces).
 */
function closingBraces(text: string): { rest: string; closes: number } {
  let closes = 0;
  let end = text.length;
  for (let i = text.length - 1; i >= 0; i--) {
    const c = text[i]!;
    if (c === '}') {
      closes++;
      end = i;
    } else if (c.trim() !== '') break;
  }
  return { rest: text.slice(0, end).trim(), closes };
}

export const lvmProfileParser = lineParser<State, LvmProfile>({
  name: 'lvm-profile',
  artifacts: ['lvm.thinpool-profile'],
  init: () => ({ stack: [], unnamed: 0, settings: [], sawContent: false }),
  line(s, line, problems) {
    const hash = line.text.indexOf('#');
    const t = (hash < 0 ? line.text : line.text.slice(0, hash)).trim();
    if (t === '') return;
    s.sawContent = true;
    // `activation {`, `activation{`, and one-line `activation { key = 1 }` are all valid LVM syntax.
    let rest = t;
    const open = /^([A-Za-z_][\w]*)\s*\{\s*(.*)$/.exec(rest);
    if (open) {
      if (s.stack.length < MAX_SECTION_DEPTH) s.stack.push(open[1]!);
      else if (s.unnamed++ === 0) problems.add(line, `sections nested deeper than ${MAX_SECTION_DEPTH}: deeper names are not kept`);
      s.openLine ??= line.no;
      rest = open[2]!;
    }
    const tail = closingBraces(rest);
    rest = tail.rest;
    const closes = tail.closes;
    if (rest !== '') {
      const kv = /^([A-Za-z_]\w*)\s*=\s*(.+)$/.exec(rest);
      if (!kv) problems.add(line, 'expected "key = value", "section {" or "}"');
      else {
        const raw = kv[2]!.trim();
        const value = /^".*"$/.test(raw) ? raw.slice(1, -1) : raw;
        const num = /^-?\d+(?:\.\d+)?$/.test(value) ? Number(value) : undefined;
        if (s.stack.length === 0) problems.add(line, 'setting outside any section');
        s.settings.push({ section: s.stack.join('/'), key: kv[1]!, value, number: num, line: line.no, text: line.text });
      }
    }
    for (let i = 0; i < closes; i++) {
      if (s.unnamed > 0) s.unnamed--;
      else if (s.stack.length === 0) problems.add(line, 'unmatched "}"');
      else s.stack.pop();
    }
  },
  finish(s, problems) {
    if (!s.sawContent) return skipped('empty file', problems);
    if (s.stack.length + s.unnamed > 0) problems.add(s.openLine ?? 0, `section "${s.stack.join('/')}" is never closed`);
    if (s.settings.length === 0) return malformed('no settings', problems, problems.list[0]?.line, { settings: [] });
    return ok({ settings: s.settings }, problems);
  },
});
