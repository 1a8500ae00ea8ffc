/**
 * Bad input is normal input: every host parser takes a few thousand seeded random and mutated
 * inputs (fixture lines cut, spliced, shuffled, spiced with quotes/escapes/NULs) and never throws;
 * no internal exception is caught by the frame; problems carry integer line numbers inside the
 * input; ok values are frozen.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HOST_PARSERS } from '../../analyzer/src/parsers/registry-host.js';
import type { ParseResult } from '../../analyzer/src/spine/types.js';
import { mulberry32 } from '../helpers/prng.js';

const FIX = join(import.meta.dirname, '..', 'fixtures');
const PER_ARTIFACT = 150;

const prng = mulberry32;

const SPICE = ['"', "'", '\\', '{', '}', '[', ']', ':', '=', ',', ' ', '\t', '\u0000', '\u00e9', '\ud800', '<', '>', '@', '@if', '\\    ', '# /', '*filter', 'COMMIT', '-A ', 'Id=', '●', '└─', 'Active: ', 'CONTAINER ID', 'env\t', '$OPTIONS', '//', '/*', '-9999999999999999999', 'NaN'];

function seedLines(dir: string): string[] {
  const out: string[] = [];
  for (const f of readdirSync(join(FIX, dir))) {
    if (/\.(err)$/.test(f)) continue;
    out.push(...readFileSync(join(FIX, dir, f), 'utf8').split('\n'));
  }
  return out;
}

function mutateLine(rand: () => number, s: string): string {
  const pos = Math.floor(rand() * (s.length + 1));
  const r = rand();
  if (r < 0.25) return s.slice(0, pos);
  if (r < 0.5) return s.slice(0, pos) + SPICE[Math.floor(rand() * SPICE.length)]! + s.slice(pos);
  if (r < 0.6) return s.slice(pos);
  if (r < 0.7) return s.replace(/\d+/g, () => String(Math.floor(rand() * 1e6)));
  if (r < 0.8) return s.split('').reverse().join('');
  if (r < 0.9) return Array.from({ length: Math.floor(rand() * 80) }, () => String.fromCharCode(Math.floor(rand() * 0x250))).join('');
  return s + s;
}

function input(rand: () => number, pool: string[]): string[] {
  const n = Math.floor(rand() * 40);
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const base = pool.length ? pool[Math.floor(rand() * pool.length)]! : '';
    out.push(rand() < 0.5 ? base : mutateLine(rand, base));
  }
  return out;
}

describe('host parsers never throw on mutated input', () => {
  for (const def of HOST_PARSERS) {
    for (const artifact of def.artifacts) {
      it(`${def.name} (${artifact})`, () => {
        let pool: string[] = [];
        try {
          pool = seedLines(artifact);
        } catch {
          pool = seedLines('ip.link'); // no fixture folder of its own: any text will do
        }
        const rand = prng(artifact.split('').reduce((a, c) => a * 31 + c.charCodeAt(0), 7) | 0);
        const statuses = new Set<string>();
        for (let k = 0; k < PER_ARTIFACT; k++) {
          const lines = input(rand, pool);
          let r: ParseResult<unknown> | undefined;
          expect(() => {
            const sink = def.create({ artifact, path: `cmd/${artifact}.txt` });
            lines.forEach((text, i) => sink.push({ no: i + 1, text }));
            r = sink.finish();
          }).not.toThrow();
          statuses.add(r!.status);
          for (const p of r!.problems) {
            // The frame turns exceptions into "parser error:" problems: none may happen.
            expect(p.reason).not.toMatch(/^parser error/);
            expect(Number.isInteger(p.line)).toBe(true);
            expect(p.line).toBeGreaterThanOrEqual(0);
            expect(p.line).toBeLessThanOrEqual(lines.length + 1);
          }
          if (r!.status === 'ok' && r!.value && typeof r!.value === 'object') expect(Object.isFrozen(r!.value)).toBe(true);
        }
        expect(statuses.size).toBeGreaterThan(0);
      });
    }
  }
});
