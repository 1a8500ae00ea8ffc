/**
 * Every text a rule writes at run time has a translation: the confidence reasons, the reasons given
 * to ctx.insufficient / ctx.notEvaluated and the clauses appended to a reason, read from the rule
 * sources (rule-run-time-texts.ts, TypeScript's parser, no rule run), are looked up in each
 * translated catalog's `runtime` section by their English, `${…}` matching any `{{name}}`. A rule
 * reworded since the catalog was written fails here with the rule file, the line and the text.
 */
import { describe, expect, it } from 'vitest';
import { flatCatalog } from '../../analyzer/src/i18n/catalog.js';
import { placeholders } from '../../analyzer/src/i18n/format.js';
import { LANG_TAGS, type LangTag } from '../../analyzer/src/i18n/registry.js';
import { ruleRunTimeTexts } from './rule-run-time-texts.js';

const { texts, unreadable } = ruleRunTimeTexts();
/** A catalog key's shape: every `{{name}}` as `{{}}`, as the scanner writes a `${…}`. */
const shapeOf = (key: string) => key.replace(/\{\{\s*[\w.-]+\s*\}\}/g, '{{}}');
const others = LANG_TAGS.filter((l): l is Exclude<LangTag, 'en'> => l !== 'en');

function runtimeKeys(lang: LangTag): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of flatCatalog(lang)) if (k.startsWith('runtime.')) out.set(k.slice('runtime.'.length), v);
  return out;
}

describe('run-time texts of the rules', () => {
  it('the scanner reads the rule sources: texts of every kind, each of them static or with holes', () => {
    // Known call sites (derived from the sources as they are read here, not from the catalog).
    expect(texts.filter((t) => t.kind === 'confidenceReason').length).toBeGreaterThan(60);
    expect(texts.filter((t) => t.kind === 'coverageReason').length).toBeGreaterThan(10);
    expect(texts.some((t) => t.kind === 'appended' && t.file.endsWith('rules/engine.ts'))).toBe(true);
    expect(texts.some((t) => t.shape === 'counted over audit.log from {{}} to {{}}')).toBe(true);
    // A reason forwarded through a variable (daemon-config-invalid's j.reason) is followed to its literal.
    expect(texts.some((t) => t.file.endsWith('daemon-config-invalid.ts') && t.shape.startsWith('dockerd refused this configuration'))).toBe(true);
  });

  it('every text can be read statically', () => {
    expect(unreadable.map((u) => `${u.file}:${u.line} ${u.kind}: cannot read \`${u.expression}\`; write a string or template literal there, or follow it in rule-run-time-texts.ts`)).toEqual([]);
  });

  for (const lang of others) {
    it(`${lang}: translates every text, with the placeholders of its English pattern`, () => {
      const mine = runtimeKeys(lang);
      const byShape = new Map<string, string[]>();
      for (const k of mine.keys()) byShape.set(shapeOf(k), [...(byShape.get(shapeOf(k)) ?? []), k]);
      const problems: string[] = [];
      for (const t of texts) {
        const keys = byShape.get(t.shape);
        if (!keys) problems.push(`${t.file}:${t.line} ${t.kind}: no ${lang} translation of "${t.shape}" (add it to the runtime section of catalogs/${lang}.ts; {{}} marks a \${…})`);
        else
          for (const k of keys) {
            if (placeholders(mine.get(k)!).sort().join() !== placeholders(k).sort().join()) problems.push(`${t.file}:${t.line}: the ${lang} translation of "${k}" has the placeholders ${placeholders(mine.get(k)!).join(', ')}`);
          }
      }
      expect(problems).toEqual([]);
    });

    it(`${lang}: holds no text a rule no longer writes`, () => {
      const shapes = new Set(texts.map((t) => t.shape));
      expect([...runtimeKeys(lang).keys()].filter((k) => !shapes.has(shapeOf(k)))).toEqual([]);
    });
  }

  it('the completeness check fails on a text the catalog lacks (the check can fail)', () => {
    const ru = new Set([...runtimeKeys('ru').keys()].map(shapeOf));
    expect(ru.has('a text no rule writes')).toBe(false);
    expect(ru.has(texts[0]!.shape)).toBe(true);
  });
});
