/**
 * AuditFacts: loaded rules (`auditctl -l`) and rule files, plus the audit.log rotations summed up
 * (rotations are disjoint). The parser keeps events with a docker key or a PATH name containing
 * `/docker`; here they are narrowed to those under the effective data-root / exec-root (or with a
 * key containing "docker"), since a custom data-root need not contain "docker" at all… in which
 * case only keyed events remain, which is what the seed's `-k docker` watches produce anyway.
 */
import type { FactStore } from './fact-store.js';
import type { ModelDraft } from './build.js';
import type { AuditEvent, AuditFacts } from './host-model.js';
import type { AuditLogParse } from '../parsers/audit-log.js';
import type { AuditRules } from '../parsers/audit-rules.js';
import { EVENT_KEEP } from '../parsers/audit-log.js';
import { dict } from '../parsers/util/dict.js';

const under = (p: string, root: string): boolean => {
  const r = root.endsWith('/') ? root.slice(0, -1) : root;
  return r.length > 0 && (p === r || p.startsWith(r + '/'));
};

export function buildAudit(facts: FactStore, d: ModelDraft): AuditFacts {
  const out: AuditFacts = { available: false, rules: [], events: [], keyCounts: dict(), totalEvents: 0 };
  for (const a of ['audit.rules', 'audit.rules-files'] as const) {
    for (const { value } of facts.values<AuditRules>(a)) {
      out.available = true;
      out.rules.push(...value.rules);
    }
  }
  const roots = [d.config?.dataRoot ?? '/var/lib/docker', d.config?.execRoot ?? '/var/run/docker', '/var/run/docker', '/run/docker', '/var/lib/docker'];
  const events: AuditEvent[] = [];
  for (const { value } of facts.values<AuditLogParse>('audit.log')) {
    out.available = true;
    out.totalEvents += value.totalEvents;
    if (value.firstTime !== undefined && (out.firstTime === undefined || value.firstTime < out.firstTime)) out.firstTime = value.firstTime;
    if (value.lastTime !== undefined && (out.lastTime === undefined || value.lastTime > out.lastTime)) out.lastTime = value.lastTime;
    for (const [k, c] of Object.entries(value.keyCounts)) {
      const cur = (out.keyCounts[k] ??= { count: 0 });
      cur.count += c.count;
      if (c.first !== undefined && (cur.first === undefined || c.first < cur.first)) cur.first = c.first;
      if (c.last !== undefined && (cur.last === undefined || c.last > cur.last)) cur.last = c.last;
    }
    for (const e of value.events) {
      if ((e.key ?? '').includes('docker') || e.paths.some((p) => roots.some((r) => under(p.name, r)))) events.push(e);
    }
  }
  events.sort((a, b) => a.time - b.time || a.serial - b.serial);
  out.events = events.length > EVENT_KEEP ? [...events.slice(0, EVENT_KEEP / 2), ...events.slice(-EVENT_KEEP / 2)] : events;
  return out;
}
