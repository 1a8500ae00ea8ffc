/**
 * Who and when: each side's identity, whether the two bundles are of one host and in order, and the
 * boots that began between the two collections.
 */
import type { AnalysisResult } from '../analyze.js';
import type { Boot } from '../model/host-model.js';
import type { BootInfo, BootsDiff, DiffSide, DiffWarning } from './types.js';

const iso = (t: number | undefined) => (t !== undefined && Number.isFinite(t) ? new Date(t).toISOString() : undefined);

export function side(r: AnalysisResult): DiffSide {
  const id = r.model.identity;
  const s: DiffSide = { input: r.inventory.input, flavor: id.flavor, findings: r.findings.length, verdict: r.verdict.headline };
  const host = id.hostname ?? r.inventory.host;
  if (host) s.hostname = host;
  if (id.machineId) s.machineId = id.machineId;
  const at = iso(r.inventory.collectedAt);
  if (at) s.collectedAt = at;
  if (r.model.collection.caseId) s.caseId = r.model.collection.caseId;
  if (id.docker?.version) s.docker = id.docker.version;
  if (id.kernel) s.kernel = id.kernel;
  return s;
}

export function warnings(before: DiffSide, after: DiffSide, b: AnalysisResult, a: AnalysisResult): DiffWarning[] {
  const out: DiffWarning[] = [];
  const differ: string[] = [];
  if (before.machineId && after.machineId && before.machineId !== after.machineId) differ.push(`machine id ${before.machineId} vs ${after.machineId}`);
  if (before.hostname && after.hostname && before.hostname !== after.hostname) differ.push(`hostname ${before.hostname} vs ${after.hostname}`);
  if (differ.length) out.push({ kind: 'different-host', text: `the bundles look like two hosts: ${differ.join('; ')}` });
  const tb = b.inventory.collectedAt;
  const ta = a.inventory.collectedAt;
  if (tb === undefined || ta === undefined) out.push({ kind: 'collection-time-unknown', text: `the ${tb === undefined ? 'before' : 'after'} bundle has no collection time: order and new boots are decided by boot ids only` });
  else if (ta < tb) out.push({ kind: 'wrong-order', text: `the after bundle was collected ${iso(ta)}, before the before bundle (${iso(tb)}): swap the arguments?` });
  return out;
}

function bootInfo(x: Boot): BootInfo {
  const i: BootInfo = { index: x.index, verdict: x.verdict, reason: x.reason };
  if (x.bootId) i.bootId = x.bootId;
  const f = iso(x.firstEntry);
  const l = iso(x.lastEntry);
  if (f) i.firstEntry = f;
  if (l) i.lastEntry = l;
  return i;
}

/**
 * A boot of "after" is new when "before" did not list its id, and (when both are known) it began
 * after "before" was collected; without ids, its first entry must be after that collection.
 */
export function diffBoots(b: AnalysisResult, a: AnalysisResult): BootsDiff {
  const beforeIds = new Set(b.model.boots.map((x) => x.bootId).filter((x): x is string => !!x));
  const collected = b.inventory.collectedAt;
  const newBoots = a.model.boots
    .filter((x) => {
      if (x.bootId && beforeIds.has(x.bootId)) return false;
      if (x.firstEntry !== undefined && collected !== undefined) return x.firstEntry > collected;
      return !!x.bootId && beforeIds.size > 0;
    })
    .sort((x, y) => x.index - y.index)
    .map(bootInfo);
  const out: BootsDiff = { newBoots };
  const current = b.model.boots.find((x) => x.index === 0)?.bootId;
  if (current) {
    const seen = a.model.boots.find((x) => x.bootId === current);
    if (seen) {
      out.sameBoot = seen.index === 0;
      if (seen.index !== 0) out.beforeBootEnded = bootInfo(seen);
    } else if (a.model.boots.some((x) => x.bootId)) out.sameBoot = false;
  }
  return out;
}
