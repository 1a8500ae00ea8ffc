/**
 * Which layout a bundle has, from its member names (never from the archive's file name):
 * - docker-postmortem: our `manifest.json` (format "docker-postmortem-bundle"), or a top folder
 *   `docker-postmortem-*` holding `cmd/` or `files/`.
 * - sosreport: `sos_commands/`, `sos_reports/`, `sos_logs/`, or `version.txt` saying `sosreport:` /
 *   `sos report:`; or a top folder `sosreport-*`.
 * - folder: anything else (files at our bundle paths with or without a manifest).
 */
import type { BundleLayout } from './types.js';

/** First path segments that live INSIDE a bundle: a member starting with one has no top folder. */
const INNER_ROOTS = new Set([
  'cmd', 'files', 'logs', 'manifest.json',
  'sos_commands', 'sos_reports', 'sos_logs', 'sos_strings', 'version.txt', 'environment',
  'etc', 'proc', 'sys', 'var', 'usr', 'run', 'lib', 'boot', 'dev', 'opt', 'root', 'home', 'tmp',
]);

/**
 * The bundle's top folder, guessed from the first member: `sosreport-x/…` → `sosreport-x`.
 * A first member at the root (a file, or a known inner folder like `cmd/`) means: no top folder.
 */
export function guessTopFolder(firstPath: string, isDirectory: boolean): string | undefined {
  const slash = firstPath.indexOf('/');
  const first = slash === -1 ? firstPath : firstPath.slice(0, slash);
  if (!first || INNER_ROOTS.has(first)) return undefined;
  if (slash === -1 && !isDirectory) return undefined;
  return first;
}

export class LayoutEvidence {
  ourManifest = false;
  manifestFormat?: string;
  sosMarkers = 0;
  sosVersionTxt = false;
  bundleDirs = 0;

  constructor(readonly topFolder?: string) {}

  /** Look at one member path (relative to the top folder). */
  observe(rel: string): void {
    const slash = rel.indexOf('/');
    const first = slash === -1 ? rel : rel.slice(0, slash);
    if (first === 'sos_commands' || first === 'sos_reports' || first === 'sos_logs' || first === 'sos_strings') this.sosMarkers++;
    else if ((first === 'cmd' || first === 'files') && slash !== -1) this.bundleDirs++;
  }

  layout(): BundleLayout {
    if (this.manifestFormat === 'docker-postmortem-bundle') return 'docker-postmortem';
    if (this.sosMarkers > 0 || this.sosVersionTxt) return 'sosreport';
    if (this.topFolder?.startsWith('sosreport-')) return 'sosreport';
    if (this.topFolder?.startsWith('docker-postmortem-') && this.bundleDirs > 0) return 'docker-postmortem';
    return 'folder';
  }
}
