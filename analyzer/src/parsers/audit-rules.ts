/**
 * Audit rules: `auditctl -l` output and rules.d / audit.rules lines (field guide §2, audit watches):
 *
 *   -w /var/lib/docker/ -p rwxa -k docker
 *   -a always,exit -F arch=b64 -S openat -F dir=/var/lib/docker -F perm=wa -F key=docker
 *
 * Comments and blank lines are skipped; control lines (-D, -b 8192, -f 1, -e 2, --backlog_wait_time)
 * are kept as rules without a watch. `-a`/`-A` rules with `-F dir=` or `-F path=` are read as watches
 * (dir/path, perm, key). `-W` (delete a watch) is kept without a watch. `No rules` means none.
 */
import type { Line, LineSink, ParseContext, ParseProblem, ParseResult, ParserDef } from '../spine/types.js';
import type { AuditRule } from '../model/host-model.js';
import { dict } from './util/dict.js';

export interface AuditRules {
  rules: AuditRule[];
  /** auditctl said `No rules`. */
  none: boolean;
}

const MAX_RULES = 5000;

function tokens(s: string): string[] {
  const out: string[] = [];
  const re = /"([^"]*)"|'([^']*)'|(\S+)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(s)) && out.length < 200) out.push(m[1] ?? m[2] ?? m[3]!);
  return out;
}

/** Reads one rule line; undefined when it is not a rule (comment, blank). */
export function parseAuditRule(text: string): { watch?: AuditRule['watch']; ok: boolean } | undefined {
  const t = text.trim();
  if (t === '' || t.startsWith('#')) return undefined;
  if (!t.startsWith('-')) return { ok: false };
  const a = tokens(t);
  const opt = (names: string[]): string | undefined => {
    for (let i = 0; i < a.length - 1; i++) if (names.includes(a[i]!)) return a[i + 1];
    return undefined;
  };
  if (a[0] === '-w') {
    const path = a[1];
    if (!path) return { ok: false };
    return { ok: true, watch: { path, perms: opt(['-p']), key: opt(['-k']) } };
  }
  if (a[0] === '-a' || a[0] === '-A') {
    const fields = dict<string>();
    for (let i = 0; i < a.length - 1; i++) {
      if (a[i] === '-F') {
        const f = a[i + 1]!;
        const m = /^([a-z_]+)(!=|>=|<=|=|>|<|&=|&)(.*)$/.exec(f);
        if (m && m[2] === '=') fields[m[1]!] = m[3]!;
      }
    }
    const key = fields.key ?? opt(['-k']);
    const path = fields.dir ?? fields.path;
    if (path) return { ok: true, watch: { path, perms: fields.perm, key } };
    return { ok: true };
  }
  return { ok: true };
}

class AuditRulesSink implements LineSink<AuditRules> {
  private readonly rules: AuditRule[] = [];
  private readonly problems: ParseProblem[] = [];
  private none = false;
  private lines = 0;
  constructor(private readonly ctx: ParseContext) {}

  push(line: Line): void {
    const t = line.text;
    if (t.trim() === '') return;
    this.lines++;
    if (t.trim() === 'No rules') {
      this.none = true;
      return;
    }
    let r: ReturnType<typeof parseAuditRule>;
    try {
      r = parseAuditRule(t);
    } catch (e) {
      r = { ok: false };
    }
    if (!r) return;
    if (!r.ok) {
      if (this.problems.length < 100) this.problems.push({ line: line.no, reason: 'not an audit rule', excerpt: t.slice(0, 200) });
      return;
    }
    if (this.rules.length >= MAX_RULES) return;
    const rule: AuditRule = { text: t.trim(), evidence: { artifact: this.ctx.artifact, path: this.ctx.path, line: line.no, excerpt: t.slice(0, 500) } };
    if (r.watch) {
      const w: NonNullable<AuditRule['watch']> = { path: r.watch.path };
      if (r.watch.perms) w.perms = r.watch.perms;
      if (r.watch.key) w.key = r.watch.key;
      rule.watch = w;
    }
    this.rules.push(rule);
  }

  finish(): ParseResult<AuditRules> {
    if (this.lines === 0) return { status: 'skipped', reason: 'empty', problems: this.problems };
    const value = { rules: this.rules, none: this.none };
    if (this.rules.length === 0 && !this.none && this.problems.length > 0) return { status: 'malformed', reason: 'no audit rules recognised', line: this.problems[0]?.line, value, problems: this.problems };
    return { status: 'ok', value, problems: this.problems };
  }
}

export const auditRulesParser: ParserDef<AuditRules> = {
  name: 'audit-rules',
  artifacts: ['audit.rules', 'audit.rules-files'],
  create: (ctx) => new AuditRulesSink(ctx),
};
