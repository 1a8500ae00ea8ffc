/**
 * Installed packages from `rpm -qa` (or sos's installed-rpms) and `dpkg -l`. `byName` keeps the last
 * row of a name (several kernels: the list order is the tool's, so "last" is only a stable choice).
 */
import type { FactStore } from './fact-store.js';
import type { ModelDraft } from './build.js';
import type { PackageFact, PackageFacts } from './host-model.js';
import type { PackagesFacts } from '../parsers/packages.js';
import { lineEvidence } from './source-evidence.js';
import { dict } from '../parsers/util/dict.js';

export function buildPackages(facts: FactStore, _d: ModelDraft): PackageFacts {
  const list: PackageFact[] = [];
  let available = false;
  for (const id of ['rpm.qa', 'dpkg.l'] as const) {
    for (const { value, source } of facts.values<PackagesFacts>(id)) {
      available = true;
      for (const p of value.packages) {
        const f: PackageFact = { name: p.name, version: p.version, manager: value.manager, evidence: lineEvidence(source, p) };
        if (p.release !== undefined) f.release = p.release;
        if (p.arch !== undefined) f.arch = p.arch;
        list.push(f);
      }
    }
  }
  const byName = dict<PackageFact>();
  for (const p of list) byName[p.name] = p;
  return { available, list, byName };
}
