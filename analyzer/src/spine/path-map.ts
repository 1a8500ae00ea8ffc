/**
 * Member path → artifact ids, from the registry's `bundle` and `sos` glob lists (picomatch).
 *
 * While streaming the reader does not know the layout for sure (a sosreport's version.txt comes
 * late), so every member is matched against both lists and every candidate is parsed; `pickWinners`
 * resolves the choice after the pass:
 * - `bundle` lists: every pattern applies (a loose folder may hold both mountinfo copies).
 * - `sos` lists of single-file artifacts are ordered fallbacks: the first pattern with a match wins
 *   and only its matches are kept (sos moved files between versions, field guide §4).
 * - `sos` lists of multi-file artifacts (`multi: true`, e.g. limits.conf + limits.d/*.conf, rotated
 *   logs) are unions: all matches of all patterns are kept.
 */
import picomatch from 'picomatch';
import { ARTIFACTS, type ArtifactId, type ArtifactSpec } from './artifacts.js';
import type { BundleLayout } from './types.js';

export type PatternSet = 'bundle' | 'sos';

export interface Candidate {
  artifact: ArtifactId;
  set: PatternSet;
  /** Index of the matching pattern in the artifact's list. */
  pattern: number;
}

interface Compiled extends Candidate {
  test(path: string): boolean;
}

const GLOB_CHARS = /[*?[\]{}()!+@]/;

/** Normalised member name, relative to the archive root, or why it was refused. */
export interface NormalisedName {
  /** Path with `/` separators, no leading `/`, no `.` or empty segments; '' for the root itself. */
  path: string;
  absolute: boolean;
  /** `..` climbed above the archive root: the member must be rejected. */
  escapes: boolean;
}

export function normaliseName(name: string): NormalisedName {
  const absolute = name.startsWith('/');
  const out: string[] = [];
  let escapes = false;
  for (const seg of name.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') {
      if (out.length === 0) escapes = true;
      else out.pop();
      continue;
    }
    out.push(seg);
  }
  return { path: out.join('/'), absolute, escapes };
}

/**
 * Where a symlink points, as a path relative to the archive root, or undefined when it leaves the
 * archive (absolute target or `..` past the root). Nothing is ever followed: this is name arithmetic.
 */
export function resolveLinkTarget(linkPath: string, target: string): string | undefined {
  if (target.startsWith('/')) return undefined;
  const dir = linkPath.split('/').slice(0, -1);
  for (const seg of target.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') {
      if (dir.length === 0) return undefined;
      dir.pop();
    } else dir.push(seg);
  }
  return dir.join('/');
}

export class PathMap {
  /** Patterns bucketed by their literal first segment: most members are rejected by one Map lookup. */
  private readonly byFirst = new Map<string, Compiled[]>();
  private readonly anyFirst: Compiled[] = [];
  /** sos patterns with `/` replaced by `.`, for `sos_strings/<plugin>/<path.dots>.tailed`. */
  private readonly dotted: Compiled[] = [];

  constructor(readonly specs: readonly ArtifactSpec[] = ARTIFACTS) {
    for (const s of specs) {
      for (const set of ['bundle', 'sos'] as const) {
        s[set].forEach((pattern, i) => {
          // Test registries may pass their own specs; the shipped registry's ids are ArtifactIds.
          const c: Compiled = { artifact: s.id as ArtifactId, set, pattern: i, test: compile(pattern) };
          const first = pattern.split('/')[0]!;
          if (GLOB_CHARS.test(first)) this.anyFirst.push(c);
          else {
            const list = this.byFirst.get(first) ?? [];
            list.push(c);
            this.byFirst.set(first, list);
          }
          if (set === 'sos') {
            this.dotted.push({ artifact: s.id as ArtifactId, set, pattern: i, test: compile(pattern.replaceAll('/', '.')) });
          }
        });
      }
    }
  }

  /** Candidates for a regular member at `path` (relative to the bundle's top folder). */
  match(path: string): Candidate[] {
    const out: Candidate[] = [];
    const slash = path.indexOf('/');
    const first = slash === -1 ? path : path.slice(0, slash);
    const bucket = this.byFirst.get(first);
    if (bucket) for (const c of bucket) if (c.test(path)) out.push(strip(c));
    for (const c of this.anyFirst) if (c.test(path)) out.push(strip(c));
    if (first === 'sos_strings') out.push(...this.tailed(path));
    return out;
  }

  /**
   * sos keeps only the tail of an oversized file in `sos_strings/<plugin>/<name>.tailed` and leaves a
   * symlink at the original path (field guide §4). The symlink may come before or after the tailed
   * file in the archive, so the original is reconstructed from the name instead:
   * - command output (4.2+): `sos_commands/<plugin>/<name>` → `sos_strings/<plugin>/<name>.tailed`
   * - copied files: `/var/log/messages` → `sos_strings/<plugin>/var.log.messages.tailed`
   */
  private tailed(path: string): Candidate[] {
    const m = /^sos_strings\/([^/]+)\/([^/]+)\.tailed$/.exec(path);
    if (!m) return [];
    const [, plugin, name] = m as unknown as [string, string, string];
    const out: Candidate[] = [];
    const seen = new Set<string>();
    const add = (c: Candidate) => {
      const k = `${c.artifact}\0${c.pattern}`;
      if (!seen.has(k)) {
        seen.add(k);
        out.push(c);
      }
    };
    for (const c of this.byFirst.get('sos_commands') ?? []) if (c.test(`sos_commands/${plugin}/${name}`)) add(strip(c));
    for (const c of this.dotted) if (c.test(name)) add(strip(c));
    return out;
  }
}

let shipped: PathMap | undefined;

/**
 * The PathMap of the shipped registry, built once per process. A PathMap never changes after its
 * constructor, and building one compiles every glob of the registry (2–5 ms, and the JIT work of
 * picomatch's parser each time): a batch worker would otherwise pay that for every bundle.
 */
export function shippedPathMap(): PathMap {
  return (shipped ??= new PathMap(ARTIFACTS));
}

/** picomatch's RegExp, tested directly: its matcher function does extra work per call (100k members). */
function compile(pattern: string): (path: string) => boolean {
  const re = picomatch.makeRe(pattern, { dot: true });
  return (path) => re.test(path);
}

function strip(c: Compiled): Candidate {
  return { artifact: c.artifact, set: c.set, pattern: c.pattern };
}

export function setForLayout(layout: BundleLayout): PatternSet {
  return layout === 'sosreport' ? 'sos' : 'bundle';
}

/**
 * The candidates that count for `layout` (see the file comment). Keeps the input order (bundle
 * order), so multi-file artifacts stay in archive order.
 */
export function pickWinners<T extends Candidate>(layout: BundleLayout, found: readonly T[], specs: readonly ArtifactSpec[] = ARTIFACTS): T[] {
  const set = setForLayout(layout);
  const multi = new Map(specs.map((s) => [s.id, !!s.multi]));
  const best = new Map<ArtifactId, number>();
  for (const f of found) {
    if (f.set !== set) continue;
    const b = best.get(f.artifact);
    if (b === undefined || f.pattern < b) best.set(f.artifact, f.pattern);
  }
  return found.filter((f) => f.set === set && (set === 'bundle' || multi.get(f.artifact) || f.pattern === best.get(f.artifact)));
}
