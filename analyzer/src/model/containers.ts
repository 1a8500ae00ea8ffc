/**
 * Containers from `docker ps -a` joined with the data-root listing (`containers/<id>/`, built just
 * before by data-root.ts) and the config JSON health listing. Short ids from a truncated `ps` are
 * matched to the full ids of the listing by prefix. STATUS text → state (field guide §3).
 */
import type { FactStore } from './fact-store.js';
import type { ModelDraft } from './build.js';
import type { ContainerFact } from './host-model.js';
import type { DockerPsFacts } from '../parsers/docker-ps.js';
import type { JsonHealthRow } from '../parsers/json-health.js';
import { lineEvidence } from './source-evidence.js';

/** `Up 3 minutes (Paused)` → paused, `Exited (137) …` → exited, `Created` → created, … */
export function stateFromStatus(status: string | undefined): ContainerFact['state'] {
  if (status === undefined) return undefined;
  const s = status.trim();
  if (/^Up\b.*\(Paused\)/.test(s)) return 'paused';
  if (/^Up\b/.test(s)) return 'running';
  if (/^Exited\b/.test(s)) return 'exited';
  if (/^Created\b/.test(s)) return 'created';
  if (/^Restarting\b/.test(s)) return 'restarting';
  if (/^Dead\b/.test(s)) return 'dead';
  if (/^Removal In Progress\b/i.test(s)) return 'removing';
  return 'unknown';
}

const STATES = new Set(['running', 'created', 'exited', 'paused', 'restarting', 'dead', 'removing']);

export function buildContainers(facts: FactStore, d: ModelDraft): ContainerFact[] {
  const out: ContainerFact[] = [];
  const byId = new Map<string, ContainerFact>();
  const ps = facts.first<DockerPsFacts>('docker.ps');
  const dirIds = d.dataRoot?.containerIds ?? [];
  for (const c of ps?.value.containers ?? []) {
    const full = c.id.length === 64 ? c.id : dirIds.find((x) => x.startsWith(c.id)) ?? c.id;
    const f: ContainerFact = { id: full, inDataRoot: false, inDockerPs: true, evidence: [lineEvidence(ps!.source, c)] };
    if (c.names[0] !== undefined) f.name = c.names[0];
    if (c.image !== undefined && c.image !== '') f.image = c.image;
    if (c.status !== undefined) f.status = c.status;
    if (c.ports !== undefined) f.ports = c.ports;
    // Only the JSON form has a Networks column; a single network is the container's network mode.
    if (c.networks !== undefined && c.networks !== '' && !c.networks.includes(',')) f.networkMode = c.networks;
    const st = c.state !== undefined && STATES.has(c.state) ? (c.state as ContainerFact['state']) : stateFromStatus(c.status);
    if (st !== undefined) f.state = st;
    out.push(f);
    byId.set(full, f);
  }
  const entries = d.dataRoot?.entries ?? [];
  for (const id of dirIds) {
    let f = byId.get(id);
    if (!f) {
      f = { id, inDataRoot: true, inDockerPs: false, evidence: [] };
      out.push(f);
      byId.set(id, f);
    }
    f.inDataRoot = true;
    const dir = entries.find((e) => e.path.endsWith(`/containers/${id}`));
    if (dir) f.evidence.push(dir.evidence);
  }
  for (const { value, source } of facts.values<JsonHealthRow[]>('dataroot.json-health')) {
    for (const row of value) {
      if (!row.containerId) continue;
      let f = byId.get(row.containerId);
      if (!f) {
        f = { id: row.containerId, inDataRoot: true, inDockerPs: false, evidence: [] };
        out.push(f);
        byId.set(row.containerId, f);
      }
      f.inDataRoot = true;
      (f.configHealth ??= []).push({ file: row.file, state: row.state, size: row.size, evidence: lineEvidence(source, row) });
    }
  }
  return out;
}
