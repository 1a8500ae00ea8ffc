/**
 * rpm version comparison: the segment algorithm of rpm's rpmvercmp (rpmio/rpmvercmp.cc, formerly
 * lib/rpmvercmp.c), written from its description, plus epoch:version-release handling.
 *
 * rpmvercmp splits both strings into runs of ASCII digits or ASCII letters; everything else only
 * separates runs. Runs are compared pairwise: numbers numerically (leading zeros dropped, longer
 * wins, no overflow), letters by byte order, and a number always beats letters. `~` sorts before
 * anything, even the end of the string (`1.0~rc1` < `1.0`); `^` sorts after the end of the string
 * but before any other run (`1.0` < `1.0^git1` < `1.0.1`). When all runs are equal, the string
 * with runs left over is newer.
 *
 * openEuler dist tags are ordinary runs: `129.oe1` vs `233.oe1` is decided by 129 < 233, and
 * `233.oe1` vs `233` by the leftover `oe1` (newer), which is why ranges should name the full
 * release as shipped.
 */
import { byCodeUnits } from '../text-order.js';

const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';
const isAlpha = (c: string | undefined): boolean => c !== undefined && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'));
const isSegmentChar = (c: string | undefined): boolean => isDigit(c) || isAlpha(c) || c === '~' || c === '^';

/** rpm's rpmvercmp: 1 when a is newer, -1 when b is newer, 0 when equal. */
export function rpmvercmp(a: string, b: string): number {
  if (a === b) return 0;
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    while (i < a.length && !isSegmentChar(a[i])) i++;
    while (j < b.length && !isSegmentChar(b[j])) j++;

    // `~` sorts before everything, including the end of the other string.
    if (a[i] === '~' || b[j] === '~') {
      if (a[i] !== '~') return 1;
      if (b[j] !== '~') return -1;
      i++;
      j++;
      continue;
    }
    // `^` sorts after the end of the string but before any other run.
    if (a[i] === '^' || b[j] === '^') {
      if (i >= a.length) return -1;
      if (j >= b.length) return 1;
      if (a[i] !== '^') return 1;
      if (b[j] !== '^') return -1;
      i++;
      j++;
      continue;
    }
    if (i >= a.length || j >= b.length) break;

    const numeric = isDigit(a[i]);
    const inRun = numeric ? isDigit : isAlpha;
    let ei = i;
    while (ei < a.length && inRun(a[ei])) ei++;
    let ej = j;
    while (ej < b.length && inRun(b[ej])) ej++;
    let runA = a.slice(i, ei);
    let runB = b.slice(j, ej);
    // b has a run of the other type here: a number beats letters.
    if (runB === '') return numeric ? 1 : -1;
    if (numeric) {
      runA = runA.replace(/^0+/, '');
      runB = runB.replace(/^0+/, '');
      if (runA.length !== runB.length) return runA.length > runB.length ? 1 : -1;
    }
    const c = byCodeUnits(runA, runB);
    if (c !== 0) return c;
    i = ei;
    j = ej;
  }
  if (i >= a.length && j >= b.length) return 0;
  return i >= a.length ? -1 : 1;
}

export interface RpmEvr {
  /** Undefined when the text had no `epoch:` prefix (rpm -qa's default format never shows it). */
  epoch?: number;
  version: string;
  /** Undefined when the text had no `-release`. */
  release?: string;
}

/** `[epoch:]version[-release]`; the release is after the last dash. Undefined for an empty version or a non-numeric epoch. */
export function parseRpmEvr(text: string): RpmEvr | undefined {
  let rest = text.trim();
  let epoch: number | undefined;
  const colon = rest.indexOf(':');
  if (colon >= 0) {
    const e = rest.slice(0, colon);
    if (!/^\d+$/.test(e)) return undefined;
    epoch = Number(e);
    rest = rest.slice(colon + 1);
  }
  const dash = rest.lastIndexOf('-');
  const version = dash >= 0 ? rest.slice(0, dash) : rest;
  const release = dash >= 0 ? rest.slice(dash + 1) : undefined;
  if (version === '' || release === '') return undefined;
  const out: RpmEvr = { version };
  if (epoch !== undefined) out.epoch = epoch;
  if (release !== undefined) out.release = release;
  return out;
}

/**
 * Compares two EVRs. Epochs are compared only when both sides state one: `rpm -qa` prints
 * NAME-VERSION-RELEASE without the epoch, and openEuler's docker-engine carries Epoch 1 or 2
 * depending on the branch, so treating a missing epoch as 0 (as rpm does for stored headers)
 * would make every installed package look older than any epoch-qualified fixed version.
 * Likewise the release is compared only when both have one (rpm's own rule for dependency
 * ranges without a release).
 */
export function compareRpmEvr(a: RpmEvr, b: RpmEvr): number {
  if (a.epoch !== undefined && b.epoch !== undefined && a.epoch !== b.epoch) return a.epoch > b.epoch ? 1 : -1;
  const v = rpmvercmp(a.version, b.version);
  if (v !== 0) return v;
  if (a.release === undefined || b.release === undefined) return 0;
  return rpmvercmp(a.release, b.release);
}

/** The openEuler dist tag of a release (`129.oe1` → `oe1`, `136.12.0.86.oe2203sp1` → `oe2203sp1`). */
export function openEulerDistTag(release: string | undefined): string | undefined {
  const m = /(?:^|\.)(oe\d[0-9a-z]*)(?:\.|$)/.exec(release ?? '');
  return m?.[1];
}
