/**
 * iptables chains and rules per table. `iptables.filter` holds `iptables-save -t filter` (ours) or
 * the full `iptables-save` (sos); `iptables.nat` holds `-t nat` or sos's `-t nat -nvL` listing. A
 * table already read in save form is not read again from a listing.
 */
import type { FactStore } from './fact-store.js';
import type { ModelDraft } from './build.js';
import type { IptablesFacts as ModelIptables, IptablesRule } from './host-model.js';
import type { IptablesFacts } from '../parsers/iptables-save.js';
import { lineEvidence } from './source-evidence.js';

export function buildIptables(facts: FactStore, _d: ModelDraft): ModelIptables {
  const out: ModelIptables = { available: false, chains: {}, rules: [] };
  const parsed = [...facts.values<IptablesFacts>('iptables.filter'), ...facts.values<IptablesFacts>('iptables.nat')];
  // Save form first: it is exact; a listing only fills tables the save form lacks.
  parsed.sort((a, b) => (a.value.format === b.value.format ? 0 : a.value.format === 'save' ? -1 : 1));
  const seen = new Set<string>();
  for (const { value, source } of parsed) {
    out.available = true;
    const tables = value.tables.filter((t) => !seen.has(t));
    for (const t of tables) {
      seen.add(t);
      out.chains[t] = value.chains.filter((c) => c.table === t).map((c) => c.name);
      for (const r of value.rules) {
        if (r.table !== t) continue;
        const rule: IptablesRule = { table: t, chain: r.chain, position: r.position, text: r.text, evidence: lineEvidence(source, r) };
        out.rules.push(rule);
      }
    }
  }
  return out;
}
