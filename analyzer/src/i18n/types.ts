/**
 * A language's catalog: everything a person reads, as data. English rule texts are not written
 * here: they come from the rule modules' meta at run time (catalog.ts), so a rule's wording has
 * one home. Other languages give every rule's texts by rule id.
 */
import type { Locale } from 'date-fns';
import type { UiKey } from './catalogs/en.js';

/** One rule's texts in a language. `remediation[i]` translates meta.remediation[i].text (commands are never translated). */
export interface RuleText {
  title: string;
  explanation: string;
  messages: Record<string, string>;
  remediation: string[];
}

export interface Catalog<Tag extends string = string> {
  /** BCP 47 tag: `en`, `ru`, `zh-CN`. */
  tag: Tag;
  /** The language's own name, for a language picker. */
  name: string;
  /** Other tags that select this language from a locale (`zh` and `zh-Hans` select zh-CN). */
  aliases?: readonly string[];
  dateLocale: Locale;
  /** Report UI, verdict, severities, coverage, timeline kinds, collect-next, batch index. */
  ui: Record<UiKey, string>;
  /** openEuler guide section names, keyed by the English name the rule metadata uses (empty for en). */
  sections: Record<string, string>;
  /** Remediation sources other than a guide section ("general practice", "field guide §1.4 [lab]"), keyed by the English (empty for en). */
  sources: Record<string, string>;
  /** Timeline titles of the event catalog's kinds (analyzer/src/events/), by kind (empty for en: taken from the catalog). */
  events: Record<string, string>;
  /** Rule texts by rule id (empty for en: taken from meta). */
  rules: Record<string, RuleText>;
  /**
   * Texts rules compose at run time (confidence reasons, rule-written coverage reasons), keyed by
   * their exact English; `{{name}}` in a key matches any text there, and the value uses the same
   * names. A key starting with "; " is a clause the engine appends to another reason. None for en
   * (the key is the English). runtime-text.ts matches them; test/i18n/run-time-texts.test.ts reads
   * the rule sources and says which texts a language lacks.
   */
  runtime?: Record<string, string>;
}

export function defineCatalog<const Tag extends string>(c: Catalog<Tag>): Catalog<Tag> {
  return Object.freeze(c);
}
