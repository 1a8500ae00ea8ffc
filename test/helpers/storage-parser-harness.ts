/**
 * Test helpers for the storage/IPC parsers: fixture loading and a seeded fuzzer that checks the
 * parser contract (never throws, problems carry line numbers inside the input).
 */
import { toArtifactId } from '../../analyzer/src/spine/artifacts.js';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { parseText } from '../../analyzer/src/parsers/parse-text.js';
import type { ParseContext, ParseResult } from '../../analyzer/src/spine/types.js';
import { mulberry32 } from './prng.js';

export const FIXTURES = new URL('../fixtures/', import.meta.url).pathname;

export function fixture(rel: string): string {
  return readFileSync(join(FIXTURES, rel), 'utf8');
}

/** Files directly in test/fixtures/<dir> (not sub-folders), optionally filtered by a name prefix. */
export function fixtureFiles(dir: string, prefix = ''): string[] {
  const base = join(FIXTURES, dir);
  return readdirSync(base)
    .filter((f) => f.startsWith(prefix) && statSync(join(base, f)).isFile() && !f.endsWith('.md'))
    .sort();
}

export function parse<T>(artifact: string, text: string, ctx: Partial<ParseContext> = {}): ParseResult<T> {
  return parseText<T>(toArtifactId(artifact), text, ctx);
}

/** The value of an ok result; fails the test otherwise. */
export function okValue<T>(r: ParseResult<T>): T {
  if (r.status !== 'ok') throw new Error(`expected ok, got ${r.status}: ${'reason' in r ? r.reason : ''}`);
  return r.value;
}

/** The shared seeded PRNG (test/helpers/prng.ts). */
export const rng = mulberry32;

const NASTY = ['\0', '\t', ' ', '-', ':', '=', '0x', '%', '/', '\\040', '\u00e9', '\uFFFD', '\r', '# ', '999999999999999999999', '-1', 'NaN', '{', '}', '"', 'Not set', 'Thu Jan  1 00:00:00 1970', '------ Semaphore Arrays --------'];

/** A mutated copy of `seed`: character edits, line shuffles, duplicated/dropped lines, junk tokens. */
export function mutate(seed: string, r: () => number): string {
  const pick = <T>(a: readonly T[]): T => a[Math.floor(r() * a.length)]!;
  let lines = seed.split('\n');
  const ops = 1 + Math.floor(r() * 6);
  for (let i = 0; i < ops; i++) {
    const li = Math.floor(r() * Math.max(1, lines.length));
    const line = lines[li] ?? '';
    const pos = Math.floor(r() * (line.length + 1));
    switch (Math.floor(r() * 9)) {
      case 0:
        lines[li] = line.slice(0, pos) + pick(NASTY) + line.slice(pos);
        break;
      case 1:
        lines[li] = line.slice(0, pos) + line.slice(pos + 1 + Math.floor(r() * 10));
        break;
      case 2:
        lines.splice(li, 1);
        break;
      case 3:
        lines.splice(li, 0, line);
        break;
      case 4:
        lines = lines.sort(() => r() - 0.5);
        break;
      case 5:
        lines[li] = line.split(/(\s+)/).sort(() => r() - 0.5).join('');
        break;
      case 6:
        lines[li] = line.slice(0, pos);
        break;
      case 7:
        lines[li] = line + 'x'.repeat(Math.floor(r() * 5000));
        break;
      default:
        lines[li] = Array.from({ length: Math.floor(r() * 40) }, () => String.fromCharCode(Math.floor(r() * 0x250))).join('');
    }
  }
  return lines.join('\n');
}

/**
 * Runs `count` mutated (and some purely random) inputs through the parser for `artifact` and checks
 * the contract: no exception, a known status, problems with integer line numbers inside the input.
 */
export function fuzzParser(artifact: string, seeds: readonly string[], count: number, seed = 1, ctx: Partial<ParseContext> = {}): void {
  const r = rng(seed);
  for (let i = 0; i < count; i++) {
    const input = i % 10 === 9 ? mutate('', r) : mutate(seeds[i % seeds.length]!, r);
    let result: ParseResult<unknown>;
    try {
      result = parseText(toArtifactId(artifact), input, ctx);
    } catch (e) {
      throw new Error(`parser for ${artifact} threw on fuzz input #${i}: ${String(e)}\n${JSON.stringify(input.slice(0, 500))}`);
    }
    expect(['ok', 'skipped', 'malformed']).toContain(result.status);
    const nLines = input.split('\n').length;
    for (const p of result.problems) {
      expect(Number.isInteger(p.line)).toBe(true);
      expect(p.line).toBeGreaterThanOrEqual(0);
      expect(p.line).toBeLessThanOrEqual(nLines);
      expect(typeof p.reason).toBe('string');
      // The sink frame turns exceptions into 'parser error:' problems; the fuzzer wants none at all.
      if (p.reason.startsWith('parser error')) throw new Error(`${artifact}: ${p.reason} on fuzz input #${i}: ${JSON.stringify(input.slice(0, 500))}`);
    }
  }
}
