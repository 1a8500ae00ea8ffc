/**
 * `t(lang, key, data)`: a message in a language, falling back to English for a key the language
 * lacks (a rule added since the translation, or a team rule), so a report is never missing text.
 * `has(lang, key)` says whether the language itself holds the key (the report can mark a fallback).
 */
import { flatCatalog } from './catalog.js';
import { formatMessage, type MessageData } from './format.js';
import { DEFAULT_LANG, type LangTag } from './registry.js';
import type { UiKey } from './catalogs/en.js';

const cache = new Map<LangTag, Map<string, string>>();
function messages(lang: LangTag): Map<string, string> {
  let m = cache.get(lang);
  if (!m) cache.set(lang, (m = flatCatalog(lang)));
  return m;
}

export function has(lang: LangTag, key: string): boolean {
  return messages(lang).has(key);
}

/** The template of a key in a language (English when the language lacks it), or undefined. */
export function template(lang: LangTag, key: string): string | undefined {
  return messages(lang).get(key) ?? messages(DEFAULT_LANG).get(key);
}

export function t(lang: LangTag, key: string, data: MessageData = {}): string {
  const tpl = template(lang, key);
  return tpl === undefined ? key : formatMessage(tpl, data, has(lang, key) ? lang : DEFAULT_LANG);
}

/** A UI string (typed keys). */
export function ui(lang: LangTag, key: UiKey, data: MessageData = {}): string {
  return t(lang, `ui.${key}`, data);
}

/** Items joined as the language joins a list ("a and b", "a、b"). */
export function joinAnd(lang: LangTag, items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(ui(lang, 'list.separator'))}${ui(lang, 'list.and')}${items[items.length - 1]}`;
}
