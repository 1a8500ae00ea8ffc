/**
 * Texts rules compose at run time (a finding's confidence reason, a rule-written coverage reason),
 * translated by their exact English: the catalogs' `runtime` section holds each text a rule writes,
 * a text with data as a pattern (`counted over audit.log from {{from}} to {{to}}`: each `{{name}}`
 * matches any text, and the translation uses the same names). A key starting with "; " is a clause
 * appended to another reason (the engine's "; seen in the logs only: …", the known-defect matcher's
 * "; the logs show …"): the head and each clause are translated separately.
 *
 * `runtimeText(lang, english)` is undefined when any part has no translation, so a reason is shown
 * either wholly in the language or wholly in English (marked lang="en"), never half and half.
 */
import { flatCatalog } from './catalog.js';
import { formatUtc } from './dates.js';
import { formatMessage, type MessageData } from './format.js';
import { DEFAULT_LANG, type LangTag } from './registry.js';
import { ui } from './translate.js';
import type { UiKey } from './catalogs/en.js';

const PREFIX = 'runtime.';

interface Pattern {
  english: string;
  names: string[];
  re: RegExp;
  translation: string;
}

interface Compiled {
  exact: Map<string, string>;
  patterns: Pattern[];
  clauses: Pattern[];
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** `from {{from}} to {{to}}` → /^from (.+?) to (.+?)$/ with names [from, to]. */
export function patternOf(english: string): { names: string[]; source: string } {
  const names: string[] = [];
  const source = english
    .split(/(\{\{\s*[\w.-]+\s*\}\})/)
    .map((part, i) => {
      if (i % 2 === 0) return escape(part);
      names.push(/[\w.-]+/.exec(part)![0]);
      return '(.+?)';
    })
    .join('');
  return { names, source };
}

function compile(english: string, translation: string, anchor: 'whole' | 'end'): Pattern {
  const { names, source: any } = patternOf(english);
  // A clause's values never span "; ": the clause before it ends there.
  const source = anchor === 'end' ? any.replace(/\(\.\+\?\)/g, '((?:(?!; ).)+?)') : any;
  return { english, names, translation, re: new RegExp(anchor === 'whole' ? `^${source}$` : `${source}$`, 's') };
}

const cache = new Map<LangTag, Compiled>();
function compiled(lang: LangTag): Compiled {
  let c = cache.get(lang);
  if (c) return c;
  c = { exact: new Map(), patterns: [], clauses: [] };
  for (const [key, value] of flatCatalog(lang)) {
    if (!key.startsWith(PREFIX)) continue;
    const english = key.slice(PREFIX.length);
    if (english.startsWith('; ')) c.clauses.push(compile(english, value, 'end'));
    else if (/\{\{/.test(english)) c.patterns.push(compile(english, value, 'whole'));
    else c.exact.set(english, value);
  }
  // The most literal text first: "a {{x}} b c" before "a {{x}}" when both match.
  const literal = (p: Pattern) => p.english.replace(/\{\{[^}]*\}\}/g, '').length;
  c.patterns.sort((a, b) => literal(b) - literal(a));
  cache.set(lang, c);
  return c;
}

/** `journal (missing), dmesg (empty)` → the artifacts with their states in the language. */
function artifactStates(lang: LangTag, list: string): string | undefined {
  const items = list.split(', ').map((s) => /^(\S+) \(([\w-]+)\)$/.exec(s));
  if (items.some((m) => !m)) return undefined;
  return items.map((m) => ui(lang, 'artifact.with-state', { artifact: m![1], state: ui(lang, `artifact.state.${m![2]}` as UiKey) })).join(', ');
}

/**
 * A captured value in the language: a UTC time as a date, an `artifacts` list with its states,
 * `text` (another reason the rule took over) translated itself, `reasons` ("id: text; id: text")
 * with each text translated; anything else is data, shown as it is.
 */
function localValue(lang: LangTag, name: string, value: string): string | undefined {
  if (/^\d{4}-\d\d-\d\dT[\d:.]+Z$/.test(value)) return formatUtc(value, lang);
  if (name === 'artifacts') return artifactStates(lang, value);
  if (name === 'text') return runtimeText(lang, value);
  if (name === 'reasons') {
    const parts = value.split('; ').map((p) => {
      const m = /^([^:\s]+): (.+)$/s.exec(p);
      const text = m ? runtimeText(lang, m[2]!) : undefined;
      return m && text !== undefined ? `${m[1]}: ${text}` : undefined;
    });
    return parts.every((p) => p !== undefined) ? parts.join('; ') : undefined;
  }
  return value;
}

function fill(lang: LangTag, p: Pattern, m: RegExpExecArray): string | undefined {
  const data: MessageData = {};
  for (const [i, name] of p.names.entries()) {
    const v = localValue(lang, name, m[i + 1]!);
    if (v === undefined) return undefined;
    data[name] = v;
  }
  return formatMessage(p.translation, data, lang);
}

/** One text without appended clauses. */
function whole(lang: LangTag, c: Compiled, english: string): string | undefined {
  const exact = c.exact.get(english);
  if (exact !== undefined) return exact;
  for (const p of c.patterns) {
    const m = p.re.exec(english);
    if (m) {
      const out = fill(lang, p, m);
      if (out !== undefined) return out;
    }
  }
  return undefined;
}

/** The text in `lang`, or undefined when the catalog has no translation for it (or for a part of it). English in, English out. */
export function runtimeText(lang: LangTag, english: string): string | undefined {
  if (lang === DEFAULT_LANG) return english;
  const c = compiled(lang);
  // Clauses come off the end first (the last appended first): a pattern ending in a value would
  // otherwise take the clause into that value.
  for (const p of c.clauses) {
    const m = p.re.exec(english);
    if (!m || m.index === 0) continue;
    const head = runtimeText(lang, english.slice(0, m.index));
    const clause = fill(lang, p, m);
    if (head !== undefined && clause !== undefined) return head + clause;
  }
  return whole(lang, c, english);
}
