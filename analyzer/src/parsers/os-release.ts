/**
 * `/etc/os-release`: `KEY=value` with optional quotes. [cap] Debian 12:
 * ```
 * PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"
 * VERSION_ID="12"
 * ID=debian
 * ```
 * openEuler: `NAME="openEuler"`, `VERSION="22.03 (LTS-SP1)"`, `ID="openEuler"`, `VERSION_ID="22.03"`.
 */
import { lineParser, ok, skipped } from './util/line-parser.js';
import { shellSplit } from './util/shell-words.js';
import { dict } from './util/dict.js';

export interface OsReleaseFacts {
  fields: Record<string, string>;
  id?: string;
  versionId?: string;
  prettyName?: string;
  idLike?: string[];
  lines: Record<string, number>;
}

export const osReleaseParser = lineParser<{ fields: Record<string, string>; lines: Record<string, number> }, OsReleaseFacts>({
  name: 'os-release',
  artifacts: ['os-release'],
  init: () => ({ fields: dict(), lines: dict() }),
  line(s, line, problems) {
    const t = line.text.trim();
    if (t === '' || t.startsWith('#')) return;
    const m = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(t);
    if (!m) {
      problems.add(line, 'not KEY=value');
      return;
    }
    const sp = shellSplit(m[2]!);
    if (sp.error) problems.add(line, sp.error);
    s.fields[m[1]!] = sp.words.join(' ');
    s.lines[m[1]!] = line.no;
  },
  finish(s, problems) {
    if (Object.keys(s.fields).length === 0) return skipped('no fields', problems);
    const f = s.fields;
    return ok({ fields: f, id: f.ID, versionId: f.VERSION_ID, prettyName: f.PRETTY_NAME, idLike: f.ID_LIKE?.split(/\s+/), lines: s.lines }, problems);
  },
});
