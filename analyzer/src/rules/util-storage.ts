/**
 * Helpers shared by the storage-hazard rules (field guide §2): which storage driver runs, where the
 * data-root and exec-root are, and storage-opts lookup (path tests: model/paths.ts). Not a rule (the catalog test
 * skips `util-*` files).
 */
import { trimSlash } from '../model/paths.js';
import type { ConfigValue, HostModel } from '../model/host-model.js';
import type { Evidence } from '../spine/types.js';

/** The storage driver in use, lower-case: docker info first, then the configured one; undefined when unknown. */
export function storageDriver(model: Readonly<HostModel>): string | undefined {
  const d = model.storage.driver ?? model.config.storageDriver;
  return d ? d.trim().toLowerCase() : undefined;
}

/**
 * True when the rule for `drivers` may run: the driver is one of them, or unknown and `unknownOk`.
 * A rule about devicemapper never fires on an overlay2 host and vice versa.
 */
export function driverIs(model: Readonly<HostModel>, drivers: readonly string[], unknownOk = false): boolean {
  const d = storageDriver(model);
  return d === undefined ? unknownOk : drivers.includes(d);
}

/** Evidence for the driver (docker info `Storage Driver:` line, else the config line), if any. */
export function driverEvidence(model: Readonly<HostModel>): Evidence[] {
  return model.storage.driverEvidence ? [{ ...model.storage.driverEvidence, match: model.storage.driver ?? undefined }] : [];
}

/** The effective data-root: the collector's listing root when it listed one, else the configuration's. */
export function dataRootPath(model: Readonly<HostModel>): string {
  return trimSlash(model.dataRoot.available ? model.dataRoot.root : model.config.dataRoot);
}

export function execRootPath(model: Readonly<HostModel>): string {
  return trimSlash(model.config.execRoot);
}


/** Every storage-opts value (`dm.thinpooldev=…`) from every source, with its ConfigValue. */
export function storageOpts(model: Readonly<HostModel>): { opt: string; name: string; value: string; from: ConfigValue }[] {
  const out: { opt: string; name: string; value: string; from: ConfigValue }[] = [];
  const v = model.config.values['storage-opts'];
  if (!v) return out;
  const list = Array.isArray(v.value) ? v.value : typeof v.value === 'string' ? [v.value] : [];
  for (const o of list) {
    if (typeof o !== 'string') continue;
    const eq = o.indexOf('=');
    out.push({ opt: o, name: (eq > 0 ? o.slice(0, eq) : o).trim().toLowerCase(), value: eq > 0 ? o.slice(eq + 1).trim() : '', from: v });
  }
  return out;
}

/** `4.19.90-2102…` → [4, 19]; undefined when the release does not start with two numbers. */
export function kernelVersion(release: string | undefined): [number, number] | undefined {
  const m = /^(\d+)\.(\d+)/.exec(release ?? '');
  return m ? [Number(m[1]), Number(m[2])] : undefined;
}

/** Evidence of a config value, with `match` set to the given text when it occurs in the excerpt. */
export function configEvidence(v: ConfigValue, match?: string): Evidence[] {
  if (!v.evidence) return [];
  return [match && v.evidence.excerpt.includes(match) ? { ...v.evidence, match } : v.evidence];
}

/** `12.3%` style percentage with one decimal. */
export function pct(used: number, total: number): number {
  return total > 0 ? Math.round((used / total) * 1000) / 10 : 0;
}


/** Where the storage driver and its options come from: docker info, then every configuration source. */
export const STORAGE_CONFIG_ARTIFACTS = ['docker.info', 'docker.daemon-json', 'sysconfig.docker', 'systemd.docker', 'systemd.cat-docker', 'process.daemons'] as const;
/** The same minus `systemctl cat`, which only adds drop-ins: any one of these lets a storage rule conclude. */
export const STORAGE_CONFIG_ESSENTIAL = ['docker.info', 'docker.daemon-json', 'sysconfig.docker', 'systemd.docker', 'process.daemons'] as const;
