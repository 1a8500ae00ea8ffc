/**
 * `firewall-cmd --state`: prints `running` (exit 0) or `not running` (exit 252); when the D-Bus
 * service is absent it prints `FirewallD is not running`. Anything else is kept as text.
 */
import { lineParser, ok, skipped } from './util/line-parser.js';

export interface FirewalldState {
  running: boolean | undefined;
  text: string;
  line: number;
}

export const firewalldStateParser = lineParser<{ first?: { text: string; line: number } }, FirewalldState>({
  name: 'firewalld-state',
  artifacts: ['firewalld.state'],
  init: () => ({}),
  line(s, line) {
    const t = line.text.trim();
    if (t !== '' && s.first === undefined) s.first = { text: t, line: line.no };
  },
  finish(s, problems) {
    if (!s.first) return skipped('empty output', problems);
    const t = s.first.text;
    let running: boolean | undefined;
    if (t === 'running') running = true;
    else if (/not running/i.test(t)) running = false;
    else problems.add(s.first.line, 'unknown firewalld state text');
    return ok({ running, text: t, line: s.first.line }, problems);
  },
});
