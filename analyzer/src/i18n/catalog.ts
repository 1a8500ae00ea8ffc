/**
 * One language's messages as flat keys, the shape tests and renderers look things up by:
 *
 * - `ui.<key>`                       report UI, verdict, severities, coverage, batch index
 * - `section.<English section>`      openEuler guide section names (split from meta.guideSection)
 * - `source.<English source>`        remediation sources other than a guide section
 * - `event.<kind>`                   the event catalog's kinds, for the timeline
 * - `rule.<id>.title|explanation`    `rule.<id>.message.<messageId>`, `rule.<id>.remediation.<i>`
 * - `runtime.<English>`              texts rules compose at run time, by their English (runtime-text.ts)
 *
 * English rule, section, source and event texts are read from the rule metadata and the event
 * catalog here, at run time: they have one home, and a new rule is in the English catalog at once
 * (and missing from the others until translated, which the catalog test reports).
 */
import { CATALOG } from '../events/catalog.js';
import { RULES } from '../rules/index.js';
import type { Rule, RuleMeta } from '../rules/types.js';
import type { Catalog } from './types.js';
import { DEFAULT_LANG, LANGUAGES, languageOf, type LangTag } from './registry.js';

const GUIDE_PREFIX = 'openEuler guide: ';

/** `Installation and Deployment › Daemon Parameter Configuration; Failed to Restart …` → its section names. */
export function guideSegments(guideSection: string): string[][] {
  return guideSection.split(/\s*;\s*/).map((part) => part.split(/\s*›\s*/));
}

/** A remediation source: a guide section (translated as one) or any other source, by its English text. */
export function sourceKey(source: string): { section: string } | { source: string } {
  return source.startsWith(GUIDE_PREFIX) ? { section: source.slice(GUIDE_PREFIX.length) } : { source };
}

/** The English texts the rule metadata and the event catalog hold, as catalog keys. */
function englishFromMeta(rules: readonly Rule[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const d of CATALOG) out.set(`event.${d.kind}`, d.title);
  for (const { meta } of rules) {
    for (const [k, v] of Object.entries(ruleKeys(meta))) out.set(k, v);
    for (const seg of guideSegments(meta.guideSection).flat()) out.set(`section.${seg}`, seg);
    for (const step of meta.remediation) {
      const s = sourceKey(step.source);
      if ('section' in s) out.set(`section.${s.section}`, s.section);
      else out.set(`source.${s.source}`, s.source);
    }
  }
  return out;
}

/** A rule's own keys with their English texts. */
export function ruleKeys(meta: RuleMeta): Record<string, string> {
  const out: Record<string, string> = { [`rule.${meta.id}.title`]: meta.title, [`rule.${meta.id}.explanation`]: meta.explanation };
  for (const [m, t] of Object.entries(meta.messages)) out[`rule.${meta.id}.message.${m}`] = t;
  meta.remediation.forEach((s, i) => (out[`rule.${meta.id}.remediation.${i}`] = s.text));
  return out;
}

/** Every message of a language as flat keys; English also carries the meta-derived texts of `rules`. */
export function flatCatalog(lang: LangTag, rules: readonly Rule[] = RULES): Map<string, string> {
  const c = languageOf(lang);
  const out = lang === DEFAULT_LANG ? englishFromMeta(rules) : new Map<string, string>();
  for (const [k, v] of Object.entries(c.ui)) out.set(`ui.${k}`, v);
  for (const [k, v] of Object.entries(c.sections)) out.set(`section.${k}`, v);
  for (const [k, v] of Object.entries(c.sources)) out.set(`source.${k}`, v);
  for (const [k, v] of Object.entries(c.events)) out.set(`event.${k}`, v);
  for (const [id, r] of Object.entries(c.rules)) {
    out.set(`rule.${id}.title`, r.title);
    out.set(`rule.${id}.explanation`, r.explanation);
    for (const [m, t] of Object.entries(r.messages)) out.set(`rule.${id}.message.${m}`, t);
    r.remediation.forEach((t, i) => out.set(`rule.${id}.remediation.${i}`, t));
  }
  // English run-time texts are their own keys: every text some language translates, so the
  // completeness test also says when one translated language has a text another lacks.
  if (lang === DEFAULT_LANG) for (const l of LANGUAGES as readonly Catalog[]) for (const k of Object.keys(l.runtime ?? {})) out.set(`runtime.${k}`, k);
  else for (const [k, v] of Object.entries(c.runtime ?? {})) out.set(`runtime.${k}`, v);
  return out;
}
