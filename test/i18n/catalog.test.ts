/**
 * Completeness of the catalogs: every key of English (the UI catalog plus what the rule metadata
 * and the event catalog hold) exists in every language, with the same placeholders, and every
 * plural part has the branches the language's Intl.PluralRules can select. Extra keys (left over
 * from a removed rule or message) fail too.
 */
import { describe, expect, it } from 'vitest';
import { flatCatalog } from '../../analyzer/src/i18n/catalog.js';
import { placeholders, pluralCategories, pluralParts } from '../../analyzer/src/i18n/format.js';
import { LANG_TAGS, LANGUAGES } from '../../analyzer/src/i18n/registry.js';
import { RULES } from '../../analyzer/src/rules/index.js';
import { CATALOG } from '../../analyzer/src/events/catalog.js';

const en = flatCatalog('en');
const others = LANG_TAGS.filter((l) => l !== 'en');

describe('catalogs', () => {
  it('English holds every rule text, guide section, source and event kind from the metadata', () => {
    // Derived from the sources, not from the catalog code: one key per rule text.
    const expected = RULES.reduce((n, r) => n + 2 + Object.keys(r.meta.messages).length + r.meta.remediation.length, 0);
    expect([...en.keys()].filter((k) => k.startsWith('rule.')).length).toBe(expected);
    for (const d of CATALOG) expect(en.get(`event.${d.kind}`)).toBe(d.title);
    expect(en.get('rule.semaphore-leak.title')).toBe(RULES.find((r) => r.meta.id === 'semaphore-leak')!.meta.title);
    expect(en.has('section.Semaphores May Be Residual')).toBe(true);
  });

  for (const lang of others) {
    describe(lang, () => {
      const cat = flatCatalog(lang);
      it('has every English key and no other', () => {
        expect([...en.keys()].filter((k) => !cat.has(k))).toEqual([]);
        expect([...cat.keys()].filter((k) => !en.has(k))).toEqual([]);
      });
      it('keeps the placeholders of every English message', () => {
        const wrong = [...en].filter(([k, v]) => cat.has(k) && placeholders(cat.get(k)!).join() !== placeholders(v).join()).map(([k]) => k);
        expect(wrong).toEqual([]);
      });
      it('gives every plural the categories the language needs', () => {
        const needed = pluralCategories(lang);
        const missing: string[] = [];
        for (const [k, v] of cat) for (const p of pluralParts(v)) for (const c of needed) if (!(c in p.branches)) missing.push(`${k}: ${p.name} lacks ${c}`);
        expect(missing).toEqual([]);
      });
      it('translates the texts (no message identical to a long English one)', () => {
        // Identifiers may stay (a title like "Docker" alone); a sentence copied over is a missed translation.
        const copied = [...en].filter(([k, v]) => v.split(' ').length > 3 && cat.get(k) === v).map(([k]) => k);
        expect(copied).toEqual([]);
      });
    });
  }

  it('Russian counted nouns decline: one, few and many differ where the number is shown', () => {
    expect(pluralCategories('ru')).toEqual(expect.arrayContaining(['one', 'few', 'many', 'other']));
    expect(pluralCategories('zh-CN')).toEqual(['other']);
    const ru = flatCatalog('ru');
    // A verb agreeing with a count (отсутствуют) may have one plural form; a noun after "#" has at
    // least two (1 раз / 2 раза / 5 раз; 1 контейнер / 2 контейнера / 5 контейнеров).
    for (const [k, v] of ru) for (const p of pluralParts(v)) if (p.branches.one?.includes('#')) expect(new Set([p.branches.one, p.branches.few, p.branches.many]).size, k).toBeGreaterThan(1);
  });

  it('every language is registered once, with a date locale', () => {
    expect(new Set(LANG_TAGS).size).toBe(LANGUAGES.length);
    for (const l of LANGUAGES) expect(l.dateLocale.code).toBeTruthy();
  });
});
