/**
 * docker.service as systemd loads it, from `systemd.cat-docker`: the `systemctl cat docker` output
 * when there is one; else the unit files a sosreport copied (etc/systemd/system/docker.service, its
 * docker.service.d/*.conf drop-ins, usr/lib/systemd/system/docker.service), layered the way
 * systemd.unit(5) does: the main file from the first directory that has one (/etc before /run
 * before /usr/lib and /lib), then every drop-in in file-name order, a name in /etc hiding the same
 * name in /usr/lib. Without this, `--graph` in a copied unit's ExecStart was invisible (issue 13).
 */
import type { FactStore } from './fact-store.js';
import type { ArtifactSource, Evidence } from '../spine/types.js';
import { unitSettings, type CatFacts, type CatFile } from '../parsers/systemctl.js';
import { lineEvidence } from './source-evidence.js';
import { byCodeUnits } from '../text-order.js';

export interface DockerUnitView {
  value: CatFacts;
  /** Evidence for a record of one of the unit's files (`path` is the host path of that file). */
  evidence(rec: { line: number; text: string }, path?: string): Evidence;
}

const DIR_ORDER = ['/etc/systemd/system/', '/run/systemd/system/', '/usr/lib/systemd/system/', '/lib/systemd/system/'];
const dirRank = (path: string): number => {
  const i = DIR_ORDER.findIndex((d) => path.startsWith(d));
  return i < 0 ? DIR_ORDER.length : i;
};
const baseName = (path: string): string => path.slice(path.lastIndexOf('/') + 1);

export function dockerUnit(facts: FactStore): DockerUnitView | undefined {
  const all = facts.values<CatFacts>('systemd.cat-docker');
  const cat = all.find((p) => p.value.unitFile === undefined);
  if (cat) return { value: cat.value, evidence: (rec) => lineEvidence(cat.source, rec) };

  const copies = all.filter((p) => p.value.unitFile !== undefined && p.value.files.length === 1);
  if (copies.length === 0) return undefined;
  const byRank = (a: (typeof copies)[number], b: (typeof copies)[number]) => dirRank(a.value.unitFile!) - dirRank(b.value.unitFile!);
  const main = copies.filter((p) => !p.value.files[0]!.dropIn).sort(byRank)[0];
  const dropIns = new Map<string, (typeof copies)[number]>();
  for (const p of copies.filter((x) => x.value.files[0]!.dropIn).sort(byRank)) {
    const name = baseName(p.value.unitFile!);
    if (!dropIns.has(name)) dropIns.set(name, p);
  }
  const layers = [...(main ? [main] : []), ...[...dropIns.entries()].sort(([a], [b]) => byCodeUnits(a, b)).map(([, p]) => p)];
  const files: CatFile[] = layers.map((p) => p.value.files[0]!);
  const sourceOf = new Map<string, ArtifactSource>(layers.map((p) => [p.value.unitFile!, p.source]));
  const first = layers[0]!.source;
  return {
    value: { files, unitFile: layers[0]!.value.unitFile!, ...unitSettings(files) },
    evidence: (rec, path) => lineEvidence((path && sourceOf.get(path)) || first, rec),
  };
}
