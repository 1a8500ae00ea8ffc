/**
 * Versions as `docker version` prints them for the engine, containerd and runc: Go module / semver
 * style, with the decorations real hosts show.
 *
 * - `v1.7.13`, `1.1.12`: an optional `v`, then dot-separated numbers (any count: openEuler prints
 *   `EulerVersion: 18.09.0.129`); missing trailing parts are 0, so `18.09` = `18.09.0`.
 * - `-rc.1`, `-rc92`, `-beta1`: a pre-release, older than the release itself (semver §11).
 * - `+incompatible`, `+dfsg1`, `+ds1`: build metadata (Go's marker for pre-module majors, Debian's
 *   repack markers), ignored for ordering (semver §10).
 * - `~ds1` (Debian containerd `1.6.20~ds1`) is a repack marker too and ignored; `~rc1`, `~beta1`
 *   are Debian spellings of a pre-release and ordered as `-rc1`.
 * - `1.0.0.rc3` (openEuler's runc): a letter part after the numbers starts the pre-release.
 *
 * One deliberate difference from semver: an alphanumeric pre-release identifier compares its
 * digit runs numerically, so runc's `1.0.0-rc10` is newer than `1.0.0-rc9` (strict semver would
 * order them by ASCII and put rc10 first, which would make every rc1x look older than rc9).
 */

export interface GoVersion {
  core: number[];
  /** Pre-release identifiers; empty for a release. */
  pre: string[];
}

const PRE_TILDE = /^~(rc|beta|alpha|pre|dev)/i;

/** Undefined when the text does not start (after an optional `v`) with a number. */
export function parseGoVersion(text: string): GoVersion | undefined {
  let t = text.trim().replace(/^v/, '');
  const plus = t.indexOf('+');
  if (plus >= 0) t = t.slice(0, plus);
  const tilde = t.indexOf('~');
  if (tilde >= 0) t = PRE_TILDE.test(t.slice(tilde)) ? `${t.slice(0, tilde)}-${t.slice(tilde + 1)}` : t.slice(0, tilde);
  const m = /^(\d+(?:\.\d+)*)(.*)$/.exec(t);
  if (!m) return undefined;
  const core = m[1]!.split('.').map(Number);
  const rest = m[2]!.replace(/^[-.]/, '');
  const pre = rest === '' ? [] : rest.split('.').filter((p) => p !== '');
  return { core, pre };
}

/** Natural order of one pre-release identifier: numbers numerically, numbers before words, digit runs inside words numerically. */
function compareIdentifier(a: string, b: string): number {
  const na = /^\d+$/.test(a);
  const nb = /^\d+$/.test(b);
  if (na && nb) return Math.sign(Number(a) - Number(b));
  if (na !== nb) return na ? -1 : 1;
  const ra = a.match(/\d+|\D+/g) ?? [];
  const rb = b.match(/\d+|\D+/g) ?? [];
  for (let k = 0; k < Math.min(ra.length, rb.length); k++) {
    const x = ra[k]!;
    const y = rb[k]!;
    const dx = /^\d/.test(x);
    const dy = /^\d/.test(y);
    if (dx && dy) {
      const d = Math.sign(Number(x) - Number(y));
      if (d !== 0) return d;
    } else if (x !== y) {
      if (dx !== dy) return dx ? -1 : 1;
      return x < y ? -1 : 1;
    }
  }
  return Math.sign(ra.length - rb.length);
}

export function compareGoVersions(a: GoVersion, b: GoVersion): number {
  const n = Math.max(a.core.length, b.core.length);
  for (let k = 0; k < n; k++) {
    const d = (a.core[k] ?? 0) - (b.core[k] ?? 0);
    if (d !== 0) return Math.sign(d);
  }
  // A release is newer than any of its pre-releases.
  if (a.pre.length === 0 || b.pre.length === 0) return a.pre.length === b.pre.length ? 0 : a.pre.length === 0 ? 1 : -1;
  for (let k = 0; k < Math.min(a.pre.length, b.pre.length); k++) {
    const d = compareIdentifier(a.pre[k]!, b.pre[k]!);
    if (d !== 0) return d;
  }
  return Math.sign(a.pre.length - b.pre.length);
}
