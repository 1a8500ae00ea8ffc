/**
 * Hostile lines for the complexity test and benchmark: real fixture lines (so every parser walks
 * into its sections and headers) each followed by variants that punish super-linear regexes —
 * ~65,000 spaces or tabs between tokens or at the end, long brace runs, and a token repeated to
 * the same length. Nothing is written to disk; the same seed lines give the same input every run.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** Just under the reader's 64 KiB line cut, so the reader hands the whole run to a parser. */
export const HOSTILE_RUN = 65_000;
/** Seed lines taken per artifact (round-robin over its fixture files, from each file's start). */
const MAX_SEEDS = 30;

const FIX = join(import.meta.dirname, '..', 'fixtures');

/** Fixture folder of an artifact: named by artifact id, parser name, or the first part of either. */
function fixtureFolder(artifact: string, parser: string): string | undefined {
  const names = [artifact, parser, artifact.split('.')[0]!, parser.split('-')[0]!];
  return names.map((n) => join(FIX, n)).find((d) => existsSync(d) && readdirSync(d).length > 0);
}

function filesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...filesUnder(p));
    else if (e.isFile() && !/\.(err|md)$/.test(e.name)) out.push(p);
  }
  return out;
}

/** Real lines of the artifact's fixtures, in file order, so stateful parsers reach their sections. */
export function seedLines(artifact: string, parser: string): string[] {
  const dir = fixtureFolder(artifact, parser) ?? join(FIX, 'ip.link');
  const files = filesUnder(dir).map((f) => readFileSync(f, 'utf8').split('\n').filter((l) => l.trim() !== ''));
  const perFile = Math.max(2, Math.ceil(MAX_SEEDS / Math.max(1, files.length)));
  return files.flatMap((lines) => lines.slice(0, perFile)).slice(0, MAX_SEEDS);
}

/** `s` with its n-th whitespace run replaced by `run`; `cut` drops what followed the run. */
function widen(s: string, n: number, run: string, cut = false): string {
  const runs = Array.from(s.matchAll(/\s+/g));
  const m = runs[Math.min(n, runs.length - 1)];
  if (!m) return s + run;
  return s.slice(0, m.index) + run + (cut ? '\u0001' : s.slice(m.index + m[0].length));
}

/**
 * The variants that made parsers quadratic: a run between tokens (whole line, or cut right after
 * the run so that a regex must fail and backtrack), a run at the end, braces, a repeated token.
 */
export function hostileVariants(seed: string): string[] {
  const spaces = ' '.repeat(HOSTILE_RUN);
  const tabs = '\t'.repeat(HOSTILE_RUN);
  const token = seed.trim().split(/\s+/)[0] ?? 'x';
  return [
    ...[0, 1, 2, 3].map((n) => widen(seed, n, n % 2 ? tabs : spaces, true)),
    widen(seed, 1, spaces),
    seed + spaces + 'x',
    seed + spaces + '\u2028',
    seed + tabs,
    seed + ' ' + '}'.repeat(HOSTILE_RUN),
    (token + ' ').repeat(Math.ceil(HOSTILE_RUN / (token.length + 1))),
  ];
}

/** Lines with no fixture behind them: bare runs, braces, `key   = value`, separators. */
export function genericHostileLines(): string[] {
  const sp = ' '.repeat(HOSTILE_RUN);
  const tb = '\t'.repeat(HOSTILE_RUN);
  return [
    'a' + sp + 'b',
    'a' + tb + ':' + tb + 'b',
    'key' + sp + '=' + sp + 'value',
    '{'.repeat(HOSTILE_RUN),
    '}'.repeat(HOSTILE_RUN),
    'a' + ' } '.repeat(HOSTILE_RUN / 3),
    '['.repeat(HOSTILE_RUN),
    '"'.repeat(HOSTILE_RUN),
    sp,
    // Shapes a seed rarely has: old iproute2's `state X` before the flags, systemd's exec tails.
    '7: veth0 state UP' + sp + 'x',
    '7: veth0 state UP :' + sp + '<UP>' + sp + '\u2028',
    'Process: 1 x' + sp + '(code=exited, status=1' + sp,
    'ExecStart={ path=/x ; ' + 'argv[]=a '.repeat(HOSTILE_RUN / 9),
  ];
}

/** The whole hostile input of one artifact: each seed, then its variants; generic lines last. */
export function* hostileInput(artifact: string, parser: string): Generator<string> {
  for (const seed of seedLines(artifact, parser)) {
    yield seed;
    yield* hostileVariants(seed);
  }
  yield* genericHostileLines();
}
