/**
 * Finds English left in a translated text: Latin-script words that are not identifiers, not in the
 * glossary's "Kept in Latin script" list (docs/glossary.md), and not inside a code span, a
 * quotation (log wording quoted) or a data value. Used by the no-English tests.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const glossary = readFileSync(join(import.meta.dirname ?? __dirname, '..', '..', 'docs', 'glossary.md'), 'utf8');
const listed = /<!-- latin-terms -->([\s\S]*?)<!-- \/latin-terms -->/.exec(glossary)?.[1] ?? '';
export const LATIN_TERMS: ReadonlySet<string> = new Set(listed.split(/\s+/).filter(Boolean).map((w) => w.toLowerCase()));

/** Code spans, quotations (« », “ ”, " ", 「 」), placeholders and the given data values removed. */
export function stripAllowed(text: string, dataValues: readonly string[] = []): string {
  let s = text;
  // Longest first, so a value that contains another is removed whole.
  for (const v of [...dataValues].filter((x) => x.length > 0).sort((a, b) => b.length - a.length)) s = s.split(v).join(' ');
  return s
    .replace(/`[^`]*`/g, ' ')
    .replace(/«[^»]*»/g, ' ')
    .replace(/“[^”]*”/g, ' ')
    .replace(/"[^"]*"/g, ' ')
    .replace(/「[^」]*」/g, ' ')
    .replace(/\{\{\s*[\w.-]+\s*,\s*plural\s*,/g, ' ') // plural syntax: its keywords are not words
    .replace(/\b(?:zero|one|two|few|many|other)\{/g, ' ')
    .replace(/\{\{[^}]*\}\}/g, ' ');
}

/** Latin-script words that read as English: not identifiers and not listed terms. */
export function englishWords(text: string, dataValues: readonly string[] = []): string[] {
  const tokens = stripAllowed(text, dataValues).match(/[A-Za-z0-9_./=:<>@+#§*~-]*[A-Za-z][A-Za-z0-9_./=:<>@+#§*~-]*/g) ?? [];
  return tokens
    .filter((w) => !w.startsWith('-')) // a flag: -p, -g, --bip
    .map((w) => w.replace(/^[.:*]+|[-.:*]+$/g, ''))
    .filter((w) => /[A-Za-z]/.test(w))
    .filter((w) => !/[0-9_./=:<>@+#§*~-]/.test(w)) // identifiers: paths, options, versions, keys, flags
    .filter((w) => !/^[A-Z]{2,}s?$/.test(w)) // abbreviations: SEMMNI, NIC, DB
    .filter((w) => !LATIN_TERMS.has(w.toLowerCase()));
}
