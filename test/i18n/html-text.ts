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

export function readableText(html: string): string[] {
  const out: string[] = [];
  // Each open element: whether it (or an ancestor) is skipped.
  const stack: { tag: string; skip: boolean }[] = [];
  const re = /<!--[\s\S]*?-->|<!doctype[^>]*>|<\/?([a-zA-Z][\w-]*)([^>]*)>|([^<]+)/gi;
  for (let m = re.exec(html); m; m = re.exec(html)) {
    const [token, tag, attrs, text] = m;
    const skipped = stack.length > 0 && stack[stack.length - 1]!.skip;
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
    const skip = skipped || SKIP_TAGS.has(name) || /\blang="en"/.test(attrs ?? '') || /\bclass="[^"]*\bexcerpt\b/.test(attrs ?? '');
    stack.push({ tag: name, skip });
  }
  return out;
}
