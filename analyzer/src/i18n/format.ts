/**
 * The message formatter: `{{name}}` placeholders and one plural form,
 * `{{count, plural, one{# container} few{# контейнера} many{# контейнеров} other{# контейнера}}}`,
 * whose branches are chosen by `Intl.PluralRules` for the language (`#` is the number; branches may
 * hold `{{other}}` placeholders). A value missing from `data` stays visible as `{{name}}`, as the
 * rule engine's fillTemplate does, so a wrong key shows in the report instead of vanishing.
 * Never throws: a malformed plural is printed as written.
 */

export interface PluralPart {
  name: string;
  branches: Record<string, string>;
}

const rulesCache = new Map<string, Intl.PluralRules>();
function pluralRules(lang: string): Intl.PluralRules {
  let r = rulesCache.get(lang);
  if (!r) rulesCache.set(lang, (r = new Intl.PluralRules(lang)));
  return r;
}

/** The plural categories a language needs (ru: one, few, many, other; zh-CN: other; en: one, other). */
export function pluralCategories(lang: string): string[] {
  return [...pluralRules(lang).resolvedOptions().pluralCategories];
}

/** Index just past the `}` that closes the `{` at `open`, or -1. */
function closeBrace(s: string, open: number): number {
  let depth = 0;
  for (let i = open; i < s.length; i++) {
    if (s[i] === '{') depth++;
    else if (s[i] === '}' && --depth === 0) return i + 1;
  }
  return -1;
}

/** `one{…} few{…} other{…}` → { one: '…', few: '…', other: '…' }, or undefined when malformed. */
function parseBranches(body: string): Record<string, string> | undefined {
  const out: Record<string, string> = {};
  let i = 0;
  while (i < body.length) {
    const m = /^\s*(zero|one|two|few|many|other|=\d+)\s*\{/.exec(body.slice(i));
    if (!m) return /^\s*$/.test(body.slice(i)) ? out : undefined;
    const open = i + m[0].length - 1;
    const end = closeBrace(body, open);
    if (end < 0) return undefined;
    out[m[1]!] = body.slice(open + 1, end - 1);
    i = end;
  }
  return out;
}

type Token = { text: string } | { name: string } | PluralPart;

/** Splits a template into text, placeholders and plural parts. */
export function tokenize(template: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  let text = '';
  while (i < template.length) {
    if (template.startsWith('{{', i)) {
      const simple = /^\{\{\s*([\w.-]+)\s*\}\}/.exec(template.slice(i));
      if (simple) {
        if (text) out.push({ text }), (text = '');
        out.push({ name: simple[1]! });
        i += simple[0].length;
        continue;
      }
      const plural = /^\{\{\s*([\w.-]+)\s*,\s*plural\s*,/.exec(template.slice(i));
      if (plural) {
        // The plural part ends at the `}}` that closes its outer `{{`.
        const end = closeBrace(template, i + 1);
        if (end > 0 && template[end] === '}') {
          const branches = parseBranches(template.slice(i + plural[0].length, end - 1));
          if (branches && branches.other !== undefined) {
            if (text) out.push({ text }), (text = '');
            out.push({ name: plural[1]!, branches });
            i = end + 1;
            continue;
          }
        }
      }
    }
    text += template[i];
    i++;
  }
  if (text) out.push({ text });
  return out;
}

/** Placeholder names a template uses, plural parts included, sorted (for the catalog tests). */
export function placeholders(template: string): string[] {
  const names = new Set<string>();
  const walk = (t: string) => {
    for (const tok of tokenize(t)) {
      if ('name' in tok) names.add(tok.name);
      if ('branches' in tok) Object.values(tok.branches).forEach(walk);
    }
  };
  walk(template);
  return [...names].sort();
}

/** The plural parts of a template (for the tests: every category of the language present). */
export function pluralParts(template: string): PluralPart[] {
  return tokenize(template).filter((t): t is PluralPart => 'branches' in t);
}

export type MessageData = Record<string, string | number | boolean | undefined>;

export function formatMessage(template: string, data: MessageData, lang: string): string {
  let out = '';
  for (const tok of tokenize(template)) {
    if ('text' in tok) out += tok.text;
    else if ('branches' in tok) {
      const v = data[tok.name];
      const n = typeof v === 'number' ? v : Number(v);
      if (v === undefined || !Number.isFinite(n)) {
        out += `{{${tok.name}}}`;
        continue;
      }
      const branch = tok.branches[`=${n}`] ?? tok.branches[pluralRules(lang).select(n)] ?? tok.branches.other!;
      out += formatMessage(branch.replace(/#/g, String(n)), data, lang);
    } else {
      const v = data[tok.name];
      out += v === undefined ? `{{${tok.name}}}` : String(v);
    }
  }
  return out;
}
