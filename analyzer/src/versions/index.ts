/**
 * One entry point for "is version A older than B" in each package system the known-defect data
 * uses: `rpm` (rpm -qa), `dpkg` (dpkg -l) and `golang` (versions printed by `docker version`).
 */
import { compareRpmEvr, parseRpmEvr } from './rpm.js';
import { compareDpkgVersions, parseDpkgVersion } from './dpkg.js';
import { compareGoVersions, parseGoVersion } from './golang.js';

export type VersionSystem = 'rpm' | 'dpkg' | 'golang';
export const VERSION_SYSTEMS: readonly VersionSystem[] = ['rpm', 'dpkg', 'golang'];

/** True when the text parses as a version of that system. */
export function isValidVersion(system: VersionSystem, text: string): boolean {
  return parseFor(system, text) !== undefined;
}

function parseFor(system: VersionSystem, text: string): unknown {
  if (system === 'rpm') return parseRpmEvr(text);
  if (system === 'dpkg') return parseDpkgVersion(text);
  return parseGoVersion(text);
}

/** -1, 0 or 1; undefined when either side does not parse (the caller says "cannot compare", never guesses). */
export function compareVersions(system: VersionSystem, a: string, b: string): -1 | 0 | 1 | undefined {
  let c: number;
  if (system === 'rpm') {
    const x = parseRpmEvr(a);
    const y = parseRpmEvr(b);
    if (!x || !y) return undefined;
    c = compareRpmEvr(x, y);
  } else if (system === 'dpkg') {
    const x = parseDpkgVersion(a);
    const y = parseDpkgVersion(b);
    if (!x || !y) return undefined;
    c = compareDpkgVersions(x, y);
  } else {
    const x = parseGoVersion(a);
    const y = parseGoVersion(b);
    if (!x || !y) return undefined;
    c = compareGoVersions(x, y);
  }
  return c < 0 ? -1 : c > 0 ? 1 : 0;
}
