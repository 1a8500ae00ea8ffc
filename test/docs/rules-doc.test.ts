import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { RULES } from '../../analyzer/src/rules/index.js';
import { renderRulesMarkdown } from '../../analyzer/src/rules/catalog.js';
import { isArtifactId } from '../../analyzer/src/spine/artifacts.js';

const root = resolve(import.meta.dirname, '../..');
const rulesDir = resolve(root, 'analyzer/src/rules');
// Infrastructure files in the rules folder that are not rules.
const NOT_RULES = new Set(['index.ts', 'types.ts', 'engine.ts', 'catalog.ts']);
const ruleFiles = readdirSync(rulesDir).filter((f) => f.endsWith('.ts') && !NOT_RULES.has(f) && !f.startsWith('registry-') && !f.startsWith('util-'));

describe('rule catalog', () => {
  it('docs/rules.md is generated from the current rule metadata (run npm run docs:rules)', () => {
    const committed = readFileSync(resolve(root, 'docs/rules.md'), 'utf8');
    expect(committed).toBe(renderRulesMarkdown(RULES));
  });

  it('the registry lists every rule file, and meta.id equals the file name', () => {
    expect(RULES.map((r) => `${r.meta.id}.ts`).sort()).toEqual([...ruleFiles].sort());
  });

  it('every rule has its own test file', () => {
    for (const r of RULES) expect(existsSync(resolve(root, `test/rules/${r.meta.id}.test.ts`)), r.meta.id).toBe(true);
  });

  it('every required artifact exists in the registry and essentials are required', () => {
    for (const r of RULES) {
      for (const a of r.meta.requires) expect(isArtifactId(a), `${r.meta.id} requires ${a}`).toBe(true);
      for (const a of r.meta.essential ?? []) expect(r.meta.requires, `${r.meta.id} essential ${a}`).toContain(a);
    }
  });

  it('rule ids are unique kebab-case and messages are non-empty', () => {
    const ids = RULES.map((r) => r.meta.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of RULES) {
      expect(r.meta.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(Object.keys(r.meta.messages).length).toBeGreaterThan(0);
      expect(r.meta.remediation.length, `${r.meta.id} remediation`).toBeGreaterThan(0);
    }
  });
});
