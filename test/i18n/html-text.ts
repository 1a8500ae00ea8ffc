/**
 * The text a person reads on a rendered report.html, for the no-English tests: text nodes outside
 * <code>, <pre>, <script>, <style>, evidence excerpts and any element marked lang="en" (the page's
 * declared English: collector details, rule-written free text). A small tag-stack walk over the
 * renderer's own markup (well formed, every value escaped), not a general HTML parser.
 */
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
const SKIP_TAGS = new Set(['code', 'pre', 'script', 'style', 'title', 'head']);

const unescape = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&#x60;/g, '`')
    .replace(/&#x3D;/g, '=')
    .replace(/&amp;/g, '&');

/**
 * Elements marked lang="en" that the tests read anyway: a translated page must not need them (the
 * confidence reason of a finding and an episode's summary are translated by the catalogs' run-time
 * texts). Matched by the class of an enclosing element (`meta`: the confidence line, `episode`).
 */
export interface ReadOptions {
  /** Read lang="en" text inside elements of these classes too. */
  readEnglishIn?: readonly string[];
}

export function readableText(html: string, opts: ReadOptions = {}): string[] {
  const out: string[] = [];
  // Each open element: whether it (or an ancestor) is skipped.
  const stack: { tag: string; skip: boolean; read: boolean }[] = [];
  const readIn = new Set(opts.readEnglishIn ?? []);
  const re = /<!--[\s\S]*?-->|<!doctype[^>]*>|<\/?([a-zA-Z][\w-]*)([^>]*)>|([^<]+)/gi;
  for (let m = re.exec(html); m; m = re.exec(html)) {
    const [token, tag, attrs, text] = m;
    const top = stack[stack.length - 1];
    const skipped = !!top?.skip;
    const inRead = !!top?.read;
    if (text !== undefined) {
      const t = unescape(text).trim();
      if (t && !skipped) out.push(t);
      continue;
    }
    if (!tag) continue;
    const name = tag.toLowerCase();
    if (token.startsWith('</')) {
      const i = stack.map((s) => s.tag).lastIndexOf(name);
      if (i >= 0) stack.length = i;
      continue;
    }
    if (VOID.has(name) || /\/\s*$/.test(attrs ?? '')) continue;
    const classes = (/\bclass="([^"]*)"/.exec(attrs ?? '')?.[1] ?? '').split(/\s+/);
    const read = inRead || classes.some((c) => readIn.has(c));
    const declaredEn = /\blang="en"/.test(attrs ?? '') && !read;
    const skip = skipped || SKIP_TAGS.has(name) || declaredEn || classes.includes('excerpt');
    stack.push({ tag: name, skip, read });
  }
  return out;
}
