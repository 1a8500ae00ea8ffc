/**
 * Loads the report templates and assets once. Templates live in the repo's reports/templates
 * (the compiled JS runs from dist/reports/, so we walk up to the folder holding package.json).
 *
 * A private Handlebars environment with no custom helpers: only `{{ }}` (escaping) output is used
 * for data; test/reports/no-raw-output.test.ts keeps it that way.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Handlebars from 'handlebars';

export function repoRoot(from: string = dirname(fileURLToPath(import.meta.url))): string {
  let dir = resolve(from);
  for (;;) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'reports', 'templates'))) return dir;
    const up = dirname(dir);
    if (up === dir) throw new Error(`docker-postmortem: reports/templates not found above ${from}`);
    dir = up;
  }
}

export interface Templates {
  head: Handlebars.TemplateDelegate;
  body: Handlebars.TemplateDelegate;
  timelineSvg: Handlebars.TemplateDelegate;
  css: string;
  js: string;
}

let cached: Templates | undefined;

const OPTIONS: CompileOptions = { knownHelpersOnly: true, strict: false, preventIndent: true };
type CompileOptions = Parameters<typeof Handlebars.compile>[1];

export function templates(): Templates {
  if (cached) return cached;
  const root = repoRoot();
  const tdir = join(root, 'reports', 'templates');
  const adir = join(root, 'reports', 'assets');
  const hb = Handlebars.create();
  const pdir = join(tdir, 'partials');
  for (const f of readdirSync(pdir)) {
    // A partial's final newline would land inside the including line (links in a sentence).
    if (f.endsWith('.hbs')) hb.registerPartial(f.slice(0, -4), hb.compile(readFileSync(join(pdir, f), 'utf8').replace(/\n$/, ''), OPTIONS));
  }
  const load = (name: string) => hb.compile(readFileSync(join(tdir, name), 'utf8'), OPTIONS);
  const css = readFileSync(join(adir, 'report.css'), 'utf8');
  const js = readFileSync(join(adir, 'report.js'), 'utf8');
  // Inline blocks end at the first `</style` / `</script`: assets must never contain them.
  if (/<\/style/i.test(css) || /<\/script|<!--/i.test(js)) throw new Error('report assets must not contain closing tags');
  cached = { head: load('head.hbs'), body: load('report.hbs'), timelineSvg: hb.partials['timeline-svg'] as Handlebars.TemplateDelegate, css, js };
  return cached;
}
