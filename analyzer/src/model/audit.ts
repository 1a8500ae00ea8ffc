/**
 * AuditFacts: loaded rules (`auditctl -l`) and rule files, plus the audit.log rotations summed up
 * (rotations are disjoint). The parser keeps events with a docker key or a PATH name containing
 * `/docker`; here they are narrowed to those under the effective data-root / exec-root (or with a
 * key containing "docker"), since a custom data-root need not contain "docker" at all… in which
 * case only keyed events remain, which is what the seed's `-k docker` watches produce anyway.
 * Without any audit.log, the records forwarded into a system log stand in (`forwardedFrom`).
 */
import type { FactStore } from './fact-store.js';
import type { ModelDraft } from './build.js';
import type { AuditEvent, AuditFacts } from './host-model.js';
import type { AuditLogParse } from '../parsers/audit-log.js';
import type { AuditRules } from '../parsers/audit-rules.js';
import type { WithForwardedAudit } from '../parsers/audit-forwarded.js';
import type { ArtifactId } from '../spine/artifacts.js';
import { EVENT_KEEP } from '../parsers/audit-log.js';
import { dict } from '../parsers/util/dict.js';
import { underDockerRoot } from './paths.js';

/** Logs that may hold forwarded audit records, in order of preference when they tie. */
const FORWARDING_LOGS: readonly ArtifactId[] = ['syslog', 'journal', 'journal.previous-boot', 'dmesg'];

/**
 * The forwarded audit parses of one log artifact, when no audit.log was collected. One artifact
 * only, the one with the most records: audispd writes through syslog(3), so the same records sit
 * in the journal and in /var/log/messages, and adding both would count every event twice. Syslog
 * rotations are disjoint and all count; of the other logs (sosreport journal dumps overlap: all
 * boots, this boot) the largest file is taken.
 */
function forwardedAudit(facts: FactStore): { artifact: ArtifactId; parses: { value: AuditLogParse; path: string }[] } | undefined {
  let best: { artifact: ArtifactId; parses: { value: AuditLogParse; path: string }[]; records: number } | undefined;
  for (const artifact of FORWARDING_LOGS) {
    let parses = facts
      .values<WithForwardedAudit>(artifact)
      .filter((v) => v.value.auditForwarded)
      .map((v) => ({ value: v.value.auditForwarded!, path: v.source.path }));
    if (artifact !== 'syslog' && parses.length > 1) parses = [parses.reduce((a, b) => (b.value.records > a.value.records ? b : a))];
    const records = parses.reduce((n, p) => n + p.value.records, 0);
    if (records > 0 && (!best || records > best.records)) best = { artifact, parses, records };
  }
  return best;
}

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
  let logs: { value: AuditLogParse }[] = facts.values<AuditLogParse>('audit.log');
  if (logs.length === 0) {
    const fwd = forwardedAudit(facts);
    if (fwd) {
      logs = fwd.parses;
      out.forwardedFrom = { artifact: fwd.artifact, paths: fwd.parses.map((p) => p.path) };
    }
  }
  for (const { value } of logs) {
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
      if ((e.key ?? '').includes('docker') || e.paths.some((p) => underDockerRoot(p.name, roots))) events.push(e);
    }
  }
  events.sort((a, b) => a.time - b.time || a.serial - b.serial);
  out.events = events.length > EVENT_KEEP ? [...events.slice(0, EVENT_KEEP / 2), ...events.slice(-EVENT_KEEP / 2)] : events;
  return out;
}
