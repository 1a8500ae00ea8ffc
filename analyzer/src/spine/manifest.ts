/**
 * Collection metadata → health per artifact.
 *
 * - Our bundle: `manifest.json` (docs/bundle-format.md): one item per file with exit code,
 *   truncated / timedOut / skipped flags.
 * - sosreport (field guide §4): `version.txt` (`sosreport: X` up to 4.7, `sos report: X` from 4.8),
 *   `sos_reports/manifest.json` (4.0+: commands[] with filepath and return_code, `truncated` from
 *   4.2, per-plugin `timeout_hit`), `sos_logs/ui.log` (`Plugin X timed out`), and `sos_strings/**.tailed`
 *   (a cut copy; the reader flags those sources itself).
 * Parsing never throws: unreadable metadata becomes a problem string and the health falls back to
 * what the archive holds.
 */
import { ARTIFACTS, sosPluginOf, type ArtifactId, type ArtifactSpec } from './artifacts.js';
import type { PathMap } from './path-map.js';
import type { ArtifactHealth, BundleLayout } from './types.js';

export interface ManifestItem {
  id: string;
  kind?: string;
  path?: string;
  exitCode: number | null;
  bytes?: number;
  truncated: boolean;
  timedOut: boolean;
  skipped: boolean;
  skipReason: string | null;
  error: string | null;
}

export interface BundleManifest {
  format?: string;
  formatVersion?: number;
  collectorVersion?: string;
  host?: string;
  collectedAt?: number;
  utcOffsetMinutes?: number;
  asRoot?: boolean;
  /** The support case id and a free label given to the collector (`--case-id`, `--label`). */
  caseId?: string;
  label?: string;
  items: ManifestItem[];
}

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

/** `+0800` / `-0530` / `+05:30` → minutes east of UTC. */
export function parseUtcOffset(s: string | undefined): number | undefined {
  const m = s ? /^([+-])(\d{2}):?(\d{2})$/.exec(s.trim()) : null;
  if (!m) return undefined;
  const v = Number(m[2]) * 60 + Number(m[3]);
  return m[1] === '-' ? -v : v;
}

/** The collector's charset for `--case-id` / `--label`; anything else in a bundle is dropped, never shown. */
const CASE_TAG = /^[A-Za-z0-9._-]{1,64}$/;
const caseTag = (v: unknown): string | undefined => (typeof v === 'string' && CASE_TAG.test(v) ? v : undefined);

export function parseBundleManifest(text: string): { manifest?: BundleManifest; problem?: string } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return { problem: `manifest.json is not valid JSON: ${(e as Error).message}` };
  }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return { problem: 'manifest.json is not a JSON object' };
  const o = raw as Record<string, unknown>;
  const collectedAtText = str(o.collectedAt);
  const collectedAt = collectedAtText ? Date.parse(collectedAtText) : NaN;
  const collector = o.collector && typeof o.collector === 'object' ? (o.collector as Record<string, unknown>) : {};
  const items: ManifestItem[] = [];
  if (Array.isArray(o.items)) {
    for (const it of o.items) {
      if (!it || typeof it !== 'object') continue;
      const i = it as Record<string, unknown>;
      const id = str(i.id);
      if (!id) continue;
      items.push({
        id,
        kind: str(i.kind),
        path: str(i.path),
        exitCode: num(i.exitCode) ?? null,
        bytes: num(i.bytes),
        truncated: i.truncated === true,
        timedOut: i.timedOut === true,
        skipped: i.skipped === true,
        skipReason: str(i.skipReason) ?? null,
        error: str(i.error) ?? null,
      });
    }
  }
  return {
    manifest: {
      format: str(o.format),
      formatVersion: num(o.formatVersion),
      collectorVersion: str(collector.version),
      host: str(o.host),
      collectedAt: Number.isFinite(collectedAt) ? collectedAt : undefined,
      utcOffsetMinutes: parseUtcOffset(str(o.utcOffset)),
      asRoot: typeof o.asRoot === 'boolean' ? o.asRoot : undefined,
      caseId: caseTag(o.caseId),
      label: caseTag(o.label),
      items,
    },
  };
}

// --- sosreport ------------------------------------------------------------------------------------

export interface SosCommand {
  exec?: string;
  filepath?: string;
  plugin: string;
  returnCode?: number;
  truncated: boolean;
}

export interface SosMeta {
  version?: string;
  /** sos manifest start_time (UTC ms). sos writes the host's naive local time; read as UTC. */
  startTime?: number;
  commands: SosCommand[];
  timedOutPlugins: Set<string>;
}

export function emptySosMeta(): SosMeta {
  return { commands: [], timedOutPlugins: new Set() };
}

/** First line of version.txt: `sosreport: 4.0` (≤ 4.7) or `sos report: 4.8.0` (4.8+). */
export function parseSosVersion(text: string): string | undefined {
  for (const line of text.split('\n').slice(0, 5)) {
    const m = /^sos ?report:\s*(\S+)/.exec(line.trim());
    if (m) return m[1];
  }
  return undefined;
}

/** `2026-11-28 07:28:51.591790` (naive) → UTC ms. */
function parseSosTime(s: string | undefined): number | undefined {
  const m = s ? /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?/.exec(s) : null;
  if (!m) return undefined;
  const ms = m[7] ? Number(m[7].slice(0, 3).padEnd(3, '0')) : 0;
  const t = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6]), ms);
  return Number.isFinite(t) ? t : undefined;
}

export function parseSosManifest(text: string, into: SosMeta): string | undefined {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return `sos_reports/manifest.json is not valid JSON: ${(e as Error).message}`;
  }
  if (!raw || typeof raw !== 'object') return 'sos_reports/manifest.json is not a JSON object';
  const o = raw as Record<string, unknown>;
  into.version ??= str(o.version);
  into.startTime ??= parseSosTime(str(o.start_time));
  const report = (o.components as Record<string, unknown> | undefined)?.report as Record<string, unknown> | undefined;
  const plugins = report?.plugins;
  if (plugins && typeof plugins === 'object') {
    for (const [plugin, p] of Object.entries(plugins as Record<string, unknown>)) {
      if (!p || typeof p !== 'object') continue;
      const pr = p as Record<string, unknown>;
      if (pr.timeout_hit === true) into.timedOutPlugins.add(plugin);
      if (!Array.isArray(pr.commands)) continue;
      for (const c of pr.commands) {
        if (!c || typeof c !== 'object') continue;
        const cr = c as Record<string, unknown>;
        into.commands.push({
          exec: str(cr.exec),
          filepath: str(cr.filepath),
          plugin,
          returnCode: num(cr.return_code),
          truncated: cr.truncated === true,
        });
      }
    }
  }
  return undefined;
}

/** `sos_logs/ui.log`: ` Plugin logs timed out` (sos/report/__init__.py). */
export function parseSosUiLog(text: string, into: SosMeta): void {
  for (const m of text.matchAll(/Plugin (\S+) timed out/g)) into.timedOutPlugins.add(m[1]!);
}

// --- health -----------------------------------------------------------------------------------

/** One file chosen for an artifact (after sos fallbacks). */
export interface ChosenFile {
  artifact: ArtifactId;
  path: string;
  bytes: number;
  /** The reader cut it, or it is a sos `.tailed` copy. */
  truncated: boolean;
  truncatedWhy?: string;
}

export interface HealthInput {
  layout: BundleLayout;
  files: readonly ChosenFile[];
  manifest?: BundleManifest;
  sos?: SosMeta;
  pathMap: PathMap;
  specs?: readonly ArtifactSpec[];
}

const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;

export function computeHealth(inp: HealthInput): ArtifactHealth[] {
  const specs = inp.specs ?? ARTIFACTS;
  const byArtifact = new Map<string, ChosenFile[]>();
  for (const f of inp.files) (byArtifact.get(f.artifact) ?? byArtifact.set(f.artifact, []).get(f.artifact)!).push(f);
  const items = new Map<string, ManifestItem[]>();
  for (const it of inp.manifest?.items ?? []) (items.get(it.id) ?? items.set(it.id, []).get(it.id)!).push(it);
  const sosByPath = new Map<string, SosCommand>();
  for (const c of inp.sos?.commands ?? []) if (c.filepath) sosByPath.set(c.filepath.replace(/^\/+/, ''), c);

  return specs.map((spec): ArtifactHealth => {
    const files = byArtifact.get(spec.id) ?? [];
    const paths = files.map((f) => f.path);
    const bytes = files.reduce((s, f) => s + f.bytes, 0);
    // Test registries may pass their own specs: the id is checked against the registry where it matters.
    const base = { artifact: spec.id as ArtifactId, paths, bytes };
    if (inp.layout === 'sosreport') return sosHealth(spec, files, base, inp, sosByPath);
    const its = items.get(spec.id) ?? [];
    const timedOut = its.find((i) => i.timedOut);
    const failed = its.find((i) => !i.skipped && i.exitCode !== null && !exitedNormally(spec, i.exitCode));
    if (files.length === 0) {
      if (its.length && its.every((i) => i.skipped)) return { ...base, state: 'skipped', detail: its[0]!.skipReason ?? 'skipped by the collector' };
      if (timedOut) return { ...base, state: 'timed-out', detail: timedOut.error ?? 'the command timed out', ...exit(timedOut) };
      if (failed) return { ...base, state: 'failed', detail: failed.error ?? `exit code ${failed.exitCode}`, ...exit(failed) };
      if (its.length) return { ...base, state: 'missing', detail: 'listed in manifest.json but not in the archive' };
      return { ...base, state: 'missing', detail: spec.bundle.length ? 'not in the bundle' : 'our collector does not gather it (sosreport only)' };
    }
    if (timedOut) return { ...base, state: 'timed-out', detail: timedOut.error ?? 'the command timed out; output is partial', ...exit(timedOut) };
    const cut = files.find((f) => f.truncated);
    const cutItem = its.find((i) => i.truncated);
    if (cut) return { ...base, state: 'truncated', detail: cut.truncatedWhy ?? 'cut by the reader' };
    if (cutItem) return { ...base, state: 'truncated', detail: 'the collector kept only the newest part' };
    if (failed) return { ...base, state: 'failed', detail: failed.error ?? `exit code ${failed.exitCode}`, ...exit(failed) };
    if (bytes === 0) return { ...base, state: 'empty', detail: files.length > 1 ? `${plural(files.length, 'file')}, all empty` : 'the file is empty' };
    return { ...base, state: 'present' };
  });
}

/** 0, or a code the artifact's command uses for a normal answer (`systemctl status` 3: a unit is not active). */
function exitedNormally(spec: ArtifactSpec, code: number): boolean {
  return code === 0 || (spec.normalExitCodes?.includes(code) ?? false);
}

function exit(i: ManifestItem): { exitCode?: number } {
  return i.exitCode === null ? {} : { exitCode: i.exitCode };
}

function sosHealth(
  spec: ArtifactSpec,
  files: ChosenFile[],
  base: { artifact: ArtifactId; paths: string[]; bytes: number },
  inp: HealthInput,
  sosByPath: Map<string, SosCommand>,
): ArtifactHealth {
  if (spec.sos.length === 0) return { ...base, state: 'missing', detail: 'sosreport does not collect it' };
  // sos records commands by their output path; a `.tailed` copy is recorded under the original path.
  const cmdFor = (p: string) => sosByPath.get(p) ?? sosByPath.get(tailedOriginal(p) ?? '');
  if (files.length === 0) {
    // A command that ran but left no file (126/127: not found), or a plugin that timed out.
    const ran = (inp.sos?.commands ?? []).filter((c) => c.filepath && inp.pathMap.match(c.filepath.replace(/^\/+/, '')).some((m) => m.set === 'sos' && m.artifact === spec.id));
    const to = ran.find((c) => c.returnCode === 124);
    if (to) return { ...base, state: 'timed-out', detail: `sos: ${to.exec ?? to.filepath} timed out`, exitCode: 124 };
    const bad = ran.find((c) => c.returnCode !== undefined && !exitedNormally(spec, c.returnCode));
    if (bad) return { ...base, state: 'failed', detail: `sos: ${bad.exec ?? bad.filepath} exited ${bad.returnCode}${bad.returnCode === 127 || bad.returnCode === 126 ? ' (command not found)' : ''}`, exitCode: bad.returnCode };
    const plugin = sosPluginOf(spec);
    if (plugin && inp.sos?.timedOutPlugins.has(plugin)) return { ...base, state: 'timed-out', detail: `sos plugin ${plugin} timed out` };
    return { ...base, state: 'missing', detail: 'not in the sosreport' };
  }
  const cmds = files.map((f) => cmdFor(f.path)).filter((c): c is SosCommand => !!c);
  const to = cmds.find((c) => c.returnCode === 124);
  if (to) return { ...base, state: 'timed-out', detail: `sos: ${to.exec ?? to.filepath} timed out; output is partial`, exitCode: 124 };
  const cut = files.find((f) => f.truncated);
  if (cut) return { ...base, state: 'truncated', detail: cut.truncatedWhy ?? 'cut by the reader' };
  const cutCmd = cmds.find((c) => c.truncated);
  if (cutCmd) return { ...base, state: 'truncated', detail: 'sos kept only the tail (manifest truncated: true)' };
  const bad = cmds.find((c) => c.returnCode !== undefined && !exitedNormally(spec, c.returnCode));
  if (bad) return { ...base, state: 'failed', detail: `sos: ${bad.exec ?? bad.filepath} exited ${bad.returnCode}`, exitCode: bad.returnCode };
  if (base.bytes === 0) return { ...base, state: 'empty', detail: 'the file is empty' };
  return { ...base, state: 'present' };
}

/** `sos_strings/<plugin>/<name>.tailed` → `sos_commands/<plugin>/<name>` (4.2+ command output). */
export function tailedOriginal(path: string): string | undefined {
  const m = /^sos_strings\/([^/]+)\/([^/]+)\.tailed$/.exec(path);
  return m ? `sos_commands/${m[1]}/${m[2]}` : undefined;
}
