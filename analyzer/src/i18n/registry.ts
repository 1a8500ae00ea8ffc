/**
 * The languages reports can be written in. Adding one is one catalog file in catalogs/ and one
 * line here (docs/i18n.md); test/i18n/catalog.test.ts then says what the new catalog still lacks.
 */
import en from './catalogs/en.js';
import ru from './catalogs/ru.js';
import zhCN from './catalogs/zh-CN.js';
import type { Catalog } from './types.js';

export const LANGUAGES = [
  en,
  ru,
  zhCN,
] as const;

export type LangTag = (typeof LANGUAGES)[number]['tag'];
export const LANG_TAGS: readonly LangTag[] = LANGUAGES.map((l) => l.tag);
export const DEFAULT_LANG: LangTag = 'en';

export function isLangTag(v: string): v is LangTag {
  return (LANG_TAGS as readonly string[]).includes(v);
}

export function languageOf(tag: LangTag): Catalog<LangTag> {
  return LANGUAGES.find((l) => l.tag === tag)!;
}

/** The language a tag or alias names, compared case-insensitively (`ZH-cn`, `zh-Hans`), or undefined. */
export function findLanguage(tag: string): LangTag | undefined {
  const t = tag.toLowerCase();
  return LANGUAGES.find((l) => l.tag.toLowerCase() === t || (l as Catalog).aliases?.some((a) => a.toLowerCase() === t))?.tag;
}
