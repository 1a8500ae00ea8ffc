import { afterAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { hashAnalysisSources, rulesVersion } from '../../analyzer/src/analyze.js';
import { RULES } from '../../analyzer/src/rules/index.js';

// rulesVersion keys batch's cache: a fix to any rule, parser, model or event source must change it.
describe('rulesVersion is a content hash', () => {
  const root = mkdtempSync(join(tmpdir(), 'dpm-rules-version-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const src = join(root, 'src');
  const write = (rel: string, text: string) => {
    mkdirSync(join(src, rel, '..'), { recursive: true });
    writeFileSync(join(src, rel), text);
  };

  it('changes when a rule, parser, model or event source changes, and not otherwise', () => {
    write('rules/a.ts', 'export const a = 1;\n');
    write('parsers/p.ts', 'export const p = 1;\n');
    write('events/e.ts', 'export const e = 1;\n');
    write('reports/r.ts', 'export const r = 1;\n');
    const before = hashAnalysisSources(src);
    expect(hashAnalysisSources(src)).toBe(before);
    write('reports/r.ts', 'export const r = 2;\n'); // reports only format: not part of the verdict
    expect(hashAnalysisSources(src)).toBe(before);
    for (const f of ['rules/a.ts', 'parsers/p.ts', 'events/e.ts']) {
      const prev = hashAnalysisSources(src);
      write(f, `export const changed = '${f}';\n`);
      expect(hashAnalysisSources(src), f).not.toBe(prev);
    }
  });

  it('names the tool version, the source hash and the rule set', () => {
    expect(rulesVersion()).toMatch(/^\d+\.\d+\.\d+\+[0-9a-f]{16}\.[0-9a-f]{6}$/);
    expect(rulesVersion(RULES.slice(1))).not.toBe(rulesVersion());
  });
});
