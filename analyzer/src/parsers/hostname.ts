/**
 * `hostname`: one line, e.g. [cap] `vm`. A second non-blank line is a problem (not hostname output).
 * A sosreport's copy of /etc/hostname reads the same; `#` comment lines there are skipped (hostname(5)).
 */
import { lineParser, ok, skipped } from './util/line-parser.js';

export interface HostnameFacts {
  hostname: string;
  line: number;
}

export const hostnameParser = lineParser<{ first?: HostnameFacts; extra: boolean }, HostnameFacts>({
  name: 'hostname',
  artifacts: ['hostname'],
  init: () => ({ extra: false }),
  line(s, line, problems) {
    const t = line.text.trim();
    if (t === '' || t.startsWith('#')) return;
    if (s.first) {
      if (!s.extra) problems.add(line, 'more than one line: not hostname output');
      s.extra = true;
      return;
    }
    if (/\s/.test(t)) problems.add(line, 'hostname with whitespace');
    s.first = { hostname: t.split(/\s+/)[0]!, line: line.no };
  },
  finish(s, problems) {
    if (!s.first) return skipped('empty output', problems);
    return ok(s.first, problems);
  },
});
