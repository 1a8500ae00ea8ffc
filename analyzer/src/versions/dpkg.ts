/**
 * Debian version comparison (deb-version(7), Debian Policy §5.6.12), written from the description
 * of dpkg's verrevcmp (lib/dpkg/version.c).
 *
 * A version is `[epoch:]upstream[-revision]`: the epoch is before the first colon, the revision
 * after the last hyphen. Epochs compare numerically, then upstream and revision each with the same
 * algorithm: alternately a non-digit part, compared character by character with letters before
 * non-letters and `~` before everything (even the end), then a digit part compared numerically.
 * So `1.0~rc1` < `1.0` < `1.0+b1` < `1.0.1`, and a missing revision equals an empty one.
 */

export interface DpkgVersion {
  epoch: number;
  upstream: string;
  revision: string;
}

const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';
const isAlpha = (c: string | undefined): boolean => c !== undefined && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'));

/** Sort weight of one character of a non-digit part; undefined is the end of the string. */
function weight(c: string | undefined): number {
  if (c === undefined || isDigit(c)) return 0;
  if (isAlpha(c)) return c.charCodeAt(0);
  if (c === '~') return -1;
  return c.charCodeAt(0) + 256;
}

/** Compares one upstream or revision part: negative, zero or positive. */
export function compareDpkgPart(a: string, b: string): number {
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    while ((i < a.length && !isDigit(a[i])) || (j < b.length && !isDigit(b[j]))) {
      const wa = weight(a[i]);
      const wb = weight(b[j]);
      if (wa !== wb) return wa - wb;
      i++;
      j++;
    }
    while (a[i] === '0') i++;
    while (b[j] === '0') j++;
    let firstDiff = 0;
    while (isDigit(a[i]) && isDigit(b[j])) {
      if (firstDiff === 0) firstDiff = a.charCodeAt(i) - b.charCodeAt(j);
      i++;
      j++;
    }
    if (isDigit(a[i])) return 1;
    if (isDigit(b[j])) return -1;
    if (firstDiff !== 0) return firstDiff;
  }
  return 0;
}

/**
 * Parses `[epoch:]upstream[-revision]` (surrounding blanks ignored). Undefined when the text is
 * empty, holds a blank inside, or the epoch is not a non-negative integer.
 */
export function parseDpkgVersion(text: string): DpkgVersion | undefined {
  const t = text.trim();
  if (t === '' || /\s/.test(t)) return undefined;
  let rest = t;
  let epoch = 0;
  const colon = t.indexOf(':');
  if (colon >= 0) {
    const e = t.slice(0, colon);
    if (!/^\d+$/.test(e) || e.length > 9) return undefined;
    epoch = Number(e);
    rest = t.slice(colon + 1);
  }
  const dash = rest.lastIndexOf('-');
  return dash >= 0 ? { epoch, upstream: rest.slice(0, dash), revision: rest.slice(dash + 1) } : { epoch, upstream: rest, revision: '' };
}

/** dpkg --compare-versions as a comparator: negative, zero or positive. */
export function compareDpkgVersions(a: DpkgVersion, b: DpkgVersion): number {
  if (a.epoch !== b.epoch) return a.epoch > b.epoch ? 1 : -1;
  return compareDpkgPart(a.upstream, b.upstream) || compareDpkgPart(a.revision, b.revision);
}
