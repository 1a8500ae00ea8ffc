/**
 * Mounts: from /proc/self/mountinfo when present; otherwise from `mount -l` (field guide §3: mount -l
 * unescapes paths and prints control characters as `?`, so it is only a fallback; its rows carry no
 * ids and may be `ambiguous`).
 */
import type { FactStore } from './fact-store.js';
import type { ModelDraft } from './build.js';
import type { MountFact } from './host-model.js';
import type { MountinfoRow } from '../parsers/mountinfo.js';
import type { MountLRow } from '../parsers/mount-l.js';
import { lineEvidence } from './source-evidence.js';

export function buildMounts(facts: FactStore, _d: ModelDraft): MountFact[] {
  const mi = facts.first<MountinfoRow[]>('mountinfo');
  if (mi && mi.value.length > 0) {
    return mi.value.map((r) => ({
      id: r.id,
      parentId: r.parentId,
      majMin: r.majMin,
      root: r.root,
      mountPoint: r.mountPoint,
      options: [...r.options],
      fsType: r.fsType,
      source: r.source,
      superOptions: [...r.superOptions],
      evidence: lineEvidence(mi.source, r),
    }));
  }
  const ml = facts.first<MountLRow[]>('mount.l');
  if (!ml) return [];
  return ml.value.map((r) => {
    const m: MountFact = { mountPoint: r.mountPoint, options: [...r.options], fsType: r.fsType, source: r.source, superOptions: [], evidence: lineEvidence(ml.source, r) };
    if (r.ambiguous) m.ambiguous = true;
    return m;
  });
}
