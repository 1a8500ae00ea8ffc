/**
 * Limits section: pam_limits entries in pam's reading order (limits.conf, then limits.d/*.conf sorted
 * by name; later entries win), the effective soft/hard per item for `*` and for `root` (pam does not
 * apply `*` or group entries to root, so root has its own keys `root:<item>`), kernel.pid_max and the
 * sysctl map. pam_limits does not govern a systemd-started dockerd (LimitNPROC/TasksMax do):
 * rules must say so (field guide §2).
 */
import type { FactStore } from './fact-store.js';
import type { ModelDraft } from './build.js';
import type { LimitEntry, LimitFacts } from './host-model.js';
import type { ArtifactSource } from '../spine/types.js';
import type { LimitsFile } from '../parsers/limits.js';
import type { SysctlOutput } from '../parsers/sysctl.js';
import { lineEvidence } from './source-evidence.js';
import { dict } from '../parsers/util/dict.js';

const base = (p: string) => p.split('/').pop() ?? p;

/** limits.conf first, then limits.d/*.conf by file name (glob order in pam_limits). */
export function pamOrder(a: ArtifactSource, b: ArtifactSource): number {
  const ad = a.path.includes('limits.d/');
  const bd = b.path.includes('limits.d/');
  if (ad !== bd) return ad ? 1 : -1;
  return base(a.path) < base(b.path) ? -1 : base(a.path) > base(b.path) ? 1 : 0;
}

export function buildLimits(facts: FactStore, _d: ModelDraft): LimitFacts {
  const files = [...facts.values<LimitsFile>('limits')].sort((x, y) => pamOrder(x.source, y.source));
  const entries: LimitEntry[] = [];
  for (const { value, source } of files) {
    for (const r of value.rows) entries.push({ domain: r.domain, type: r.type, item: r.item, value: r.value, file: source.path, evidence: lineEvidence(source, r) });
  }

  const effective: LimitFacts['effective'] = dict();
  for (const e of entries) {
    if (e.domain !== '*' && e.domain !== 'root') continue;
    const key = e.domain === 'root' ? `root:${e.item}` : e.item;
    const cur = effective[key] ?? { evidence: e.evidence };
    if (e.type === 'soft' || e.type === '-') cur.soft = e.value;
    if (e.type === 'hard' || e.type === '-') cur.hard = e.value;
    cur.evidence = e.evidence;
    effective[key] = cur;
  }

  const sysctl: LimitFacts['sysctl'] = dict();
  for (const { value, source } of facts.values<SysctlOutput>('sysctl')) {
    for (const [k, e] of Object.entries(value.values)) sysctl[k] ??= { value: e.value, evidence: lineEvidence(source, e) };
  }
  const out: LimitFacts = { entries, effective, sysctl };
  const pm = sysctl['kernel.pid_max'];
  if (pm && /^\d+$/.test(pm.value)) out.pidMax = { value: Number(pm.value), evidence: pm.evidence };
  return out;
}
