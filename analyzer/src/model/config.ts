/**
 * The effective dockerd configuration, merged the way dockerd and systemd build it:
 *
 * - daemon.json (`docker.daemon-json`): keys, JSON errors with position, unknown keys and wrong types.
 * - Flags: the running dockerd argv (`cmdline`) when a daemon runs; otherwise the unit's ExecStart
 *   (`unit`), whose `$OPTIONS`-style words expand from the EnvironmentFile(s) (`sysconfig`) and
 *   `Environment=`. With no unit at all, openEuler's ExecStart is assumed for the sysconfig variables
 *   (field guide §0: `$OPTIONS $DOCKER_STORAGE_OPTIONS $DOCKER_NETWORK_OPTIONS $INSECURE_REGISTRY`).
 * - Conflicts: a key set both as a flag and in daemon.json makes dockerd refuse to start
 *   ([lab] `the following directives are specified both as a flag and in the configuration file: hosts: …`).
 * - Environment: process environ > EnvironmentFile > Environment= (systemd: files override Environment=).
 */
import type { FactStore } from './fact-store.js';
import type { ModelDraft } from './build.js';
import type { ConfigSourceKind, ConfigValue, EffectiveConfig } from './host-model.js';
import type { ArtifactSource, Evidence } from '../spine/types.js';
import type { DaemonJsonFacts } from '../parsers/daemon-json.js';
import type { SysconfigFacts } from '../parsers/sysconfig.js';
import type { ShowFacts } from '../parsers/systemctl.js';
import type { DockerInfoFacts } from '../parsers/docker-info.js';
import { daemonJsonKeyType, flagSpec, parseDockerdFlags, type JsonType } from '../parsers/util/dockerd-flags.js';
import { shellSplit } from '../parsers/util/shell-words.js';
import { REDACTED } from '../parsers/processes.js';
import { lineEvidence } from './source-evidence.js';
import { dockerUnit } from './docker-unit.js';
import { dict } from '../parsers/util/dict.js';

export const DEFAULT_DATA_ROOT = '/var/lib/docker';
export const DEFAULT_EXEC_ROOT = '/var/run/docker';
const OPENEULER_EXEC_START = ['/usr/bin/dockerd', '$OPTIONS', '$DOCKER_STORAGE_OPTIONS', '$DOCKER_NETWORK_OPTIONS', '$INSECURE_REGISTRY', '$DOCKER_OPTS'];

function jsonType(v: unknown): JsonType | 'null' {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  const t = typeof v;
  return t === 'string' || t === 'number' || t === 'boolean' ? t : 'object';
}

/** Host path of a bundle/sos file (`files/etc/sysconfig/docker` → `/etc/sysconfig/docker`). */
function hostPath(bundlePath: string): string {
  const m = /(?:^|\/)(etc\/.*)$/.exec(bundlePath);
  return m ? `/${m[1]}` : bundlePath;
}

interface Word {
  word: string;
  source: ConfigSourceKind;
  evidence?: Evidence;
}

interface EnvEntry {
  value: string;
  source: ConfigSourceKind;
  evidence?: Evidence;
}

/** Converts flag values of one source into ConfigValues, lists and maps accumulated per key. */
function flagValues(words: readonly Word[]): ConfigValue[] {
  const argv = words.map((w) => w.word);
  const { flags } = parseDockerdFlags(argv);
  const out = new Map<string, ConfigValue>();
  const order: ConfigValue[] = [];
  for (const f of flags) {
    const w = words[f.index]!;
    const spec = flagSpec(f.flag);
    // Highlight the flag itself in the cited line (`--bip=10.1.0.1/24`, or `--bip` of `--bip 10.1.0.1/24`).
    const ev = w.evidence && w.evidence.excerpt.includes(w.word) ? { ...w.evidence, match: w.word } : w.evidence;
    const base: Omit<ConfigValue, 'value'> = { key: f.key, source: w.source, ...(ev ? { evidence: ev } : {}) };
    if (spec?.type === 'array' || spec?.type === 'object') {
      const prev = out.get(f.key);
      if (spec.type === 'array') {
        const list = prev ? (prev.value as string[]) : [];
        list.push(String(f.value));
        if (!prev) {
          const v = { ...base, value: list };
          out.set(f.key, v);
          order.push(v);
        }
      } else {
        const map = prev ? (prev.value as Record<string, string>) : {};
        const s = String(f.value);
        const eq = s.indexOf('=');
        map[eq > 0 ? s.slice(0, eq) : s] = eq > 0 ? s.slice(eq + 1) : '';
        if (!prev) {
          const v = { ...base, value: map };
          out.set(f.key, v);
          order.push(v);
        }
      }
      continue;
    }
    let value: unknown = f.value;
    if (spec?.type === 'number' && typeof f.value === 'string' && /^-?\d+$/.test(f.value)) value = Number(f.value);
    const v: ConfigValue = { ...base, value };
    const i = order.findIndex((x) => x.key === f.key);
    if (i >= 0) order.splice(i, 1); // the last occurrence of a scalar flag wins, as in pflag
    out.set(f.key, v);
    order.push(v);
  }
  return order;
}

export function buildConfig(facts: FactStore, d: ModelDraft): EffectiveConfig {
  const all: ConfigValue[] = [];
  const cfg: EffectiveConfig = { values: dict(), all, conflicts: [], daemonJson: { present: false, unknownKeys: [], wrongTypes: [] }, env: dict(), dataRoot: DEFAULT_DATA_ROOT, execRoot: DEFAULT_EXEC_ROOT };

  // --- daemon.json ---------------------------------------------------------------------------
  const dj = facts.first<DaemonJsonFacts>('docker.daemon-json');
  const fileValues: ConfigValue[] = [];
  if (dj) {
    const v = dj.value;
    cfg.daemonJson.present = true;
    if (v.valid) cfg.daemonJson.parsed = v.value;
    if (v.error) cfg.daemonJson.error = { message: v.error.message, line: v.error.line, column: v.error.column, evidence: lineEvidence(dj.source, { line: v.error.line, text: v.error.text }) };
    for (const k of v.keys) {
      const evidence = lineEvidence(dj.source, k);
      const expected = daemonJsonKeyType(k.key);
      if (expected === undefined) cfg.daemonJson.unknownKeys.push({ key: k.key, evidence });
      else if (k.type !== 'unreadable' && k.type !== 'null' && jsonType(k.value) !== expected) cfg.daemonJson.wrongTypes.push({ key: k.key, expected, evidence });
      if (k.type === 'unreadable') continue;
      const cv: ConfigValue = { key: k.key, value: k.value, source: 'daemon.json', evidence };
      const dup = fileValues.findIndex((x) => x.key === k.key);
      if (dup >= 0) fileValues.splice(dup, 1); // Go keeps the last duplicate
      fileValues.push(cv);
    }
  }

  // --- environment for the unit -------------------------------------------------------------
  const unit = d.units?.['docker.service'];
  const cat = dockerUnit(facts);
  let show: { unit: ShowFacts['units'][number]; source: ArtifactSource } | undefined;
  for (const s of facts.values<ShowFacts>('systemd.docker')) {
    const u = s.value.units.find((x) => x.id === 'docker.service' || x.names.includes('docker.service'));
    if (u) {
      show = { unit: u, source: s.source };
      break;
    }
  }
  const referenced = new Set<string>();
  for (const f of cat?.value.environmentFiles ?? []) referenced.add(f.path);
  for (const line of (show?.unit.properties['EnvironmentFiles'] ?? '').split('\n')) {
    const m = /^(\S+)/.exec(line.trim());
    if (m) referenced.add(m[1]!);
  }
  const unitEnv = new Map<string, EnvEntry>();
  for (const e of cat?.value.environment ?? []) unitEnv.set(e.name, { value: e.value, source: 'unit', evidence: cat!.evidence(e, e.path) });
  if (unitEnv.size === 0 && show?.unit.properties['Environment']) {
    const at = show.unit.lines['Environment'] ?? show.unit.line;
    for (const w of shellSplit(show.unit.properties['Environment'].replace(/\n/g, ' ')).words) {
      const eq = w.indexOf('=');
      if (eq > 0) unitEnv.set(w.slice(0, eq), { value: w.slice(eq + 1), source: 'unit', evidence: lineEvidence(show.source, { line: at, text: `Environment=${show.unit.properties['Environment']}` }) });
    }
  }
  const sysEnv = new Map<string, EnvEntry>();
  for (const { value, source } of facts.values<SysconfigFacts>('sysconfig.docker')) {
    if (referenced.size > 0 && !referenced.has(hostPath(source.path))) continue;
    for (const a of value.assignments) sysEnv.set(a.name, { value: a.value, source: 'sysconfig', evidence: lineEvidence(source, a) });
  }
  const expandEnv = new Map<string, EnvEntry>([...unitEnv, ...sysEnv]);

  // --- flags ----------------------------------------------------------------------------------
  const expand = (argv: readonly string[], src: ConfigSourceKind, ev: Evidence | undefined): Word[] => {
    const out: Word[] = [];
    for (const w of argv) {
      const m = /^\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?$/.exec(w);
      if (m) {
        const e = expandEnv.get(m[1]!);
        // An unquoted $VAR splits at blanks; ${VAR} stays one word (systemd.service(5)).
        const parts = e ? (w.startsWith('${') ? [e.value] : e.value.split(/\s+/).filter((p) => p !== '')) : [];
        for (const p of parts) out.push({ word: p, source: e!.source, ...(e!.evidence ? { evidence: e!.evidence } : {}) });
        continue;
      }
      out.push({ word: w.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g, (_x, n: string) => expandEnv.get(n)?.value ?? ''), source: src, ...(ev ? { evidence: ev } : {}) });
    }
    return out;
  };

  let unitWords: Word[] | undefined;
  if (show?.unit.execStartArgv) {
    const at = show.unit.lines['ExecStart'] ?? show.unit.line;
    unitWords = expand(show.unit.execStartArgv, 'unit', lineEvidence(show.source, { line: at, text: `ExecStart=${show.unit.properties['ExecStart']?.split('\n')[0] ?? ''}` }));
  } else if (cat?.value.execStart) {
    unitWords = expand(cat.value.execStart.argv, 'unit', cat.evidence(cat.value.execStart, cat.value.execStart.path));
  } else if (unit?.execStart) {
    unitWords = expand(unit.execStart, 'unit', unit.evidence);
  } else if (sysEnv.size > 0) {
    unitWords = expand(OPENEULER_EXEC_START, 'sysconfig', undefined);
  }
  const unitValues = unitWords ? flagValues(unitWords) : [];
  const dockerd = d.processes?.dockerd;
  const cmdValues = dockerd ? flagValues(dockerd.argv.map((w) => ({ word: w, source: 'cmdline' as const, evidence: dockerd.evidence }))) : [];
  const effectiveFlags = dockerd ? cmdValues : unitValues;

  all.push(...fileValues, ...unitValues, ...cmdValues);
  for (const v of fileValues) cfg.values[v.key] = v;
  for (const v of effectiveFlags) {
    if (v.key === 'config-file') continue;
    cfg.values[v.key] = v;
  }

  // --- conflicts --------------------------------------------------------------------------------
  for (const f of effectiveFlags) {
    if (daemonJsonKeyType(f.key) === undefined) continue; // not a config directive (--config-file, unknown flags)
    const inFile = fileValues.find((x) => x.key === f.key);
    if (inFile) cfg.conflicts.push({ key: f.key, values: [f, inFile], kind: 'flag-and-file' });
  }
  if (dockerd && unitWords) {
    for (const u of unitValues) {
      const c = cmdValues.find((x) => x.key === u.key);
      if (u.key !== 'config-file' && c && JSON.stringify(c.value) !== JSON.stringify(u.value)) cfg.conflicts.push({ key: u.key, values: [c, u], kind: 'flag-sources-differ' });
    }
  }

  // --- environment ------------------------------------------------------------------------------
  for (const [k, e] of unitEnv) cfg.env[k] = e;
  for (const [k, e] of sysEnv) cfg.env[k] = e;
  if (dockerd) {
    for (const [k, v] of Object.entries(dockerd.env)) {
      // The collector keeps only DISABLE_*/DOCKER_* values: a redacted one must not hide a known value.
      if (v === REDACTED && cfg.env[k] !== undefined) continue;
      cfg.env[k] = { value: v, source: 'cmdline', evidence: dockerd.evidence };
    }
  }

  // --- derived ----------------------------------------------------------------------------------
  const infoFacts = facts.first<DockerInfoFacts>('docker.info');
  const info = infoFacts?.value.server;
  // Security Options of the running daemon: evidence is the `Security Options:` line (or the first item).
  const secNames = infoFacts?.value.lists['Security Options'];
  if (infoFacts && secNames?.length) {
    const at = infoFacts.value.serverLines['Security Options'] ?? infoFacts.value.entries.find((e) => e.item && e.path[e.path.length - 1] === 'Security Options');
    if (at) cfg.securityOptions = { names: [...secNames], evidence: lineEvidence(infoFacts.source, { line: at.line, text: at.text }) };
  }
  const str = (k: string): string | undefined => {
    const v = cfg.values[k]?.value;
    return typeof v === 'string' && v !== '' ? v : undefined;
  };
  cfg.dataRoot = str('data-root') ?? str('graph') ?? info?.['Docker Root Dir'] ?? DEFAULT_DATA_ROOT;
  cfg.execRoot = str('exec-root') ?? DEFAULT_EXEC_ROOT;
  const driver = str('storage-driver') ?? info?.['Storage Driver'];
  if (driver) cfg.storageDriver = driver;
  return cfg;
}
