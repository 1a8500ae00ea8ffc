/**
 * `iptables-save` (our collector: `-t filter`, `-t nat`; sos: all tables) and, as a fallback, sos's
 * `iptables -t <table> -nvL` listing.
 *
 * [cap] iptables 1.8.9 (nf_tables), the icc bypass layout of field guide §2:
 * ```
 * *filter
 * :INPUT ACCEPT [0:0]
 * :FORWARD DROP [0:0]
 * :DOCKER - [0:0]
 * -A FORWARD -p icmp -j ACCEPT
 * -A FORWARD -i docker0 -o docker0 -j DROP
 * COMMIT
 * ```
 * Listing form: `Chain DOCKER (1 references)` / `Chain PREROUTING (policy ACCEPT 0 packets, 0 bytes)`,
 * a ` pkts bytes target prot opt in out source destination` header, then one row per rule. The
 * listing does not name its table: it comes from the sos file name (`iptables_-t_nat_-nvL`) or the artifact id.
 */
import type { ParseContext } from '../spine/types.js';
import { lineParser, malformed, ok, skipped } from './util/line-parser.js';

export interface IptablesChainDecl {
  table: string;
  name: string;
  /** ACCEPT/DROP for built-in chains, `-` for user chains (listing: undefined for user chains). */
  policy?: string;
  /** Listing form: `(N references)` of a user chain. */
  references?: number;
  line: number;
}

export interface IptablesRuleLine {
  table: string;
  chain: string;
  /** 1-based position within its chain, in file order. */
  position: number;
  /** `-A CHAIN …` (save form) or the listing row, trimmed. */
  text: string;
  /** `-j TARGET` / listing target column. */
  target?: string;
  line: number;
}

export interface IptablesFacts {
  format: 'save' | 'list';
  tables: string[];
  chains: IptablesChainDecl[];
  rules: IptablesRuleLine[];
}

interface State {
  format?: 'save' | 'list';
  table?: string;
  tableLine: number;
  inTable: boolean;
  tables: string[];
  chains: IptablesChainDecl[];
  rules: IptablesRuleLine[];
  positions: Map<string, number>;
  listChain?: string;
  sawText: boolean;
}

function tableFromContext(ctx: ParseContext): string {
  const m = /-t_([a-z]+)_/.exec(ctx.path);
  if (m) return m[1]!;
  return ctx.artifact === 'iptables.nat' ? 'nat' : 'filter';
}

function nextPos(s: State, table: string, chain: string): number {
  const k = `${table}\0${chain}`;
  const n = (s.positions.get(k) ?? 0) + 1;
  s.positions.set(k, n);
  return n;
}

export const iptablesSaveParser = lineParser<State, IptablesFacts>({
  name: 'iptables-save',
  artifacts: ['iptables.filter', 'iptables.nat'],
  init: () => ({ tableLine: 0, inTable: false, tables: [], chains: [], rules: [], positions: new Map(), sawText: false }),
  line(s, line, problems, ctx) {
    const t = line.text.trimEnd();
    if (t.trim() === '') {
      if (s.format === 'list') s.listChain = undefined;
      return;
    }
    s.sawText = true;
    if (t.startsWith('#')) return;
    // --- save form ---
    if (t.startsWith('*')) {
      if (s.inTable) problems.add(line, `table ${s.table} has no COMMIT before the next table`);
      s.format = 'save';
      s.table = t.slice(1).trim();
      s.tableLine = line.no;
      s.inTable = true;
      if (!s.tables.includes(s.table)) s.tables.push(s.table);
      return;
    }
    if (t === 'COMMIT') {
      if (!s.inTable) problems.add(line, 'COMMIT outside a table');
      s.inTable = false;
      return;
    }
    if (t.startsWith(':')) {
      const m = /^:(\S+)\s+(\S+)(?:\s+\[(\d+):(\d+)\])?$/.exec(t);
      if (!m || !s.inTable) {
        problems.add(line, s.inTable ? 'chain declaration not understood' : 'chain declaration outside a table');
        return;
      }
      s.chains.push({ table: s.table!, name: m[1]!, policy: m[2]!, line: line.no });
      return;
    }
    if (t.startsWith('-A ') || t.startsWith('-I ')) {
      const m = /^-[AI]\s+(\S+)(.*)$/.exec(t)!;
      if (!s.inTable) {
        problems.add(line, 'rule outside a table');
        return;
      }
      const j = /\s-[jg]\s+(\S+)/.exec(m[2]!);
      s.rules.push({ table: s.table!, chain: m[1]!, position: nextPos(s, s.table!, m[1]!), text: t, ...(j ? { target: j[1] } : {}), line: line.no });
      return;
    }
    // --- listing form ---
    const c = /^Chain\s+(\S+)\s+\((?:policy\s+(\S+)(?:\s+\d+\s+packets,\s+\d+\s+bytes)?|(\d+)\s+references)\)/.exec(t);
    if (c) {
      if (s.format === 'save') {
        problems.add(line, 'listing line inside iptables-save output');
        return;
      }
      s.format = 'list';
      const table = tableFromContext(ctx);
      if (!s.tables.includes(table)) s.tables.push(table);
      s.table = table;
      s.listChain = c[1]!;
      s.chains.push({ table, name: c[1]!, ...(c[2] !== undefined ? { policy: c[2] } : {}), ...(c[3] !== undefined ? { references: Number(c[3]) } : {}), line: line.no });
      return;
    }
    if (s.format === 'list' && s.listChain !== undefined) {
      if (/^\s*pkts\s+bytes\s+target/.test(t) || /^\s*target\s+prot\s+opt/.test(t)) return;
      const cols = t.trim().split(/\s+/);
      // -v rows start with two counters (possibly 1K, 2M suffixed); without -v the target comes first.
      const target = /^\d+[KMGT]?$/.test(cols[0]!) && /^\d+[KMGT]?$/.test(cols[1] ?? '') ? cols[2] : cols[0];
      s.rules.push({ table: s.table!, chain: s.listChain, position: nextPos(s, s.table!, s.listChain), text: t.trim(), ...(target !== undefined ? { target } : {}), line: line.no });
      return;
    }
    problems.add(line, 'not an iptables-save or listing line');
  },
  finish(s, problems) {
    if (s.inTable) problems.add(s.tableLine, `table ${s.table} has no COMMIT (output cut?)`);
    if (!s.sawText) return skipped('empty output', problems);
    const value: IptablesFacts = { format: s.format ?? 'save', tables: s.tables, chains: s.chains, rules: s.rules };
    if (s.format === undefined) return malformed('neither iptables-save nor an iptables listing', problems, problems.list[0]?.line, value);
    return ok(value, problems);
  },
});
