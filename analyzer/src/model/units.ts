/**
 * systemd units by name from `systemctl show` (properties, ExecStart argv), `systemctl status`
 * (the Active: line, drop-in names) and `systemctl cat docker` (drop-in files, ExecStart as written).
 * `show` is what systemd loaded; `cat` is what is on disk (they differ until a daemon-reload).
 */
import type { FactStore } from './fact-store.js';
import type { ModelDraft } from './build.js';
import type { UnitFacts } from './host-model.js';
import type { ShowFacts, StatusFacts } from '../parsers/systemctl.js';
import { lineEvidence } from './source-evidence.js';
import { dockerUnit } from './docker-unit.js';
import type { Evidence } from '../spine/types.js';
import { dict, lookupTable } from '../parsers/util/dict.js';

const DEFAULT_NAME = lookupTable<string>({ 'systemd.docker': 'docker.service', 'systemd.containerd': 'containerd.service', 'systemd.journald': 'systemd-journald.service' });

export function buildUnits(facts: FactStore, _d: ModelDraft): Record<string, UnitFacts> {
  const units = dict<UnitFacts>();
  const unit = (name: string): UnitFacts => (units[name] ??= { name, properties: dict(), dropIns: [] });

  for (const id of ['systemd.docker', 'systemd.containerd', 'systemd.journald'] as const) {
    for (const { value, source } of facts.values<ShowFacts>(id)) {
      for (const s of value.units) {
        const name = s.id ?? s.names[0] ?? DEFAULT_NAME[id]!;
        const u = unit(name);
        if (Object.keys(u.properties).length > 0) continue; // the first file that names the unit wins
        u.properties = { ...s.properties };
        if (s.execStartArgv) u.execStart = s.execStartArgv;
        const at = s.lines['Id'] ?? s.line;
        u.evidence = lineEvidence(source, { line: at, text: s.id !== undefined ? `Id=${s.id}` : Object.entries(s.properties)[0]?.join('=') ?? '' });
        // The line of each property, so findings cite `Result=timeout` or `TimeoutStartUSec=2s` itself.
        const pe = dict<Evidence>();
        for (const [k, line] of Object.entries(s.lines)) pe[k] = lineEvidence(source, { line, text: `${k}=${(s.properties[k] ?? '').split('\n')[0]}` });
        if (Object.keys(pe).length > 0) u.propertyEvidence = pe;
      }
    }
  }

  const status = facts.first<StatusFacts>('systemd.status');
  if (status) {
    for (const s of status.value.units) {
      const u = unit(s.name);
      if (s.active) {
        u.activeLine = s.active.text;
        if (s.active.result) u.activeResult = s.active.result;
        u.evidence ??= lineEvidence(status.source, { line: s.active.line, text: `Active: ${s.active.text}` });
      }
      const mp = s.mainPid;
      if (mp?.code) {
        u.mainPidExit = { code: mp.code, ...(mp.status ? { status: mp.status } : {}), ...(mp.signal ? { signal: mp.signal } : {}), evidence: lineEvidence(status.source, { line: mp.line, text: `Main PID: ${mp.text}` }) };
      }
      for (const d of s.dropIns) {
        for (const f of d.files) {
          const path = `${d.dir.replace(/\/$/, '')}/${f}`;
          if (!u.dropIns.some((x) => x.path === path)) u.dropIns.push({ path, evidence: lineEvidence(status.source, { line: d.line, text: `Drop-In: ${d.dir} ${f}` }) });
        }
      }
    }
  }

  const cat = dockerUnit(facts);
  if (cat) {
    const u = unit('docker.service');
    for (const f of cat.value.files) {
      if (!f.dropIn) continue;
      // A copied drop-in has no header line (line 0): its path stands for the file.
      const ev = cat.evidence({ line: f.line, text: f.line > 0 ? `# ${f.path}` : f.path }, f.path);
      const known = u.dropIns.find((x) => x.path === f.path);
      if (known) known.evidence = ev;
      else u.dropIns.push({ path: f.path, evidence: ev });
    }
    // show's argv is what systemd runs; without show, the file's ExecStart is the best we have.
    if (!u.execStart && cat.value.execStart) u.execStart = cat.value.execStart.argv;
    u.evidence ??= cat.value.execStart ? cat.evidence(cat.value.execStart, cat.value.execStart.path) : undefined;
    if (u.evidence === undefined) delete u.evidence;
  }
  return units;
}
