/**
 * Loads the report templates and assets once. Templates live in the repo's reports/templates
 * (the compiled JS runs from dist/reports/, so we walk up to the folder holding package.json).
 *
 * A private Handlebars environment with no custom helpers: only `{{ }}` (escaping) output is used
 * for data; test/reports/no-raw-output.test.ts keeps it that way.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
// The runtime alone runs precompiled templates; the compiler (with its source-map library, twice the
// code) loads only when templates must be compiled: at bundle time, or after a template was edited.
import HandlebarsRuntime from 'handlebars/runtime.js';
import type HandlebarsCompiler from 'handlebars';

/**
 * The runtime's part of the package's API (its own typings export nothing): no compile or precompile here,
 * those go through compiler(). An environment it creates runs precompiled templates only.
 */
const Handlebars = HandlebarsRuntime as unknown as Pick<typeof HandlebarsCompiler, 'create' | 'template' | 'VERSION'>;

/** The full Handlebars, loaded on first need (a plain require the bundler leaves alone). */
let compilerModule: typeof HandlebarsCompiler | undefined;
function compiler(): typeof HandlebarsCompiler {
  compilerModule ??= createRequire(import.meta.url)('handlebars') as typeof HandlebarsCompiler;
  return compilerModule;
}

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
  head: HandlebarsCompiler.TemplateDelegate;
  body: HandlebarsCompiler.TemplateDelegate;
  timelineSvg: HandlebarsCompiler.TemplateDelegate;
  css: string;
  js: string;
}

let cached: Templates | undefined;

const OPTIONS: Readonly<CompileOptions> = Object.freeze({ knownHelpersOnly: true, strict: false, preventIndent: true });
/**
 * A copy of OPTIONS for each compile: Handlebars writes into the options it is given (`data: true`), and
 * the precompiled set's key hashes OPTIONS, so a compile before a key check made every later check fail.
 */
const options = (): CompileOptions => ({ ...OPTIONS });
type CompileOptions = Parameters<typeof HandlebarsCompiler.compile>[1];
type TemplateSpecification = Parameters<typeof Handlebars.template>[0];

/** Set by tools/bundle.mjs: the bundle's precompiled report templates, relative to every chunk. */
declare const DPM_BUNDLED_TEMPLATES: string | undefined;

/** The report templates' text: partials (by name, final newline cut) and the two pages. */
interface TemplateSources {
  partials: [string, string][];
  head: string;
  body: string;
}

function readTemplateSources(tdir: string): TemplateSources {
  const pdir = join(tdir, 'partials');
  // A partial's final newline would land inside the including line (links in a sentence).
  const partials = readdirSync(pdir)
    .filter((f) => f.endsWith('.hbs'))
    .sort()
    .map((f): [string, string] => [f.slice(0, -4), readFileSync(join(pdir, f), 'utf8').replace(/\n$/, '')]);
  return { partials, head: readFileSync(join(tdir, 'head.hbs'), 'utf8'), body: readFileSync(join(tdir, 'report.hbs'), 'utf8') };
}

/** What a precompiled set was made from: the template text, the Handlebars version and the options. */
function sourcesKey(src: TemplateSources): string {
  return createHash('sha256').update(JSON.stringify([Handlebars.VERSION, OPTIONS, src])).digest('hex');
}

/** Precompiled report templates: the same parts as Handlebars.precompile specs, written by tools/bundle.mjs. */
export interface PrecompiledTemplates extends TemplateSources {
  key: string;
}

/**
 * Compiles the report templates to JavaScript ahead of time. Compiling them at run time (parse and code
 * generation) was most of what HTML adds to a small `analyze` (bench/startup.ts).
 */
export function precompileReportTemplates(root: string = repoRoot()): PrecompiledTemplates {
  const src = readTemplateSources(join(root, 'reports', 'templates'));
  const pre = (text: string) => compiler().precompile(text, options()) as string;
  return { key: sourcesKey(src), partials: src.partials.map(([n, t]) => [n, pre(t)]), head: pre(src.head), body: pre(src.body) };
}

/** A precompiled set that matches the templates on disk, or undefined (none, unreadable or stale: compile). */
function readPrecompiled(file: string | undefined, src: TemplateSources): PrecompiledTemplates | undefined {
  if (!file) return undefined;
  try {
    const p = JSON.parse(readFileSync(file, 'utf8')) as PrecompiledTemplates;
    return p.key === sourcesKey(src) ? p : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Loads the report templates: from `precompiled` (a file precompileReportTemplates wrote) when it was made
 * from these very templates, else compiled here. Both give the same output (test/cli/bundle.test.ts).
 */
export function loadTemplates(opts: { precompiled?: string } = {}): Templates {
  const root = repoRoot();
  const tdir = join(root, 'reports', 'templates');
  const adir = join(root, 'reports', 'assets');
  const src = readTemplateSources(tdir);
  const pre = readPrecompiled(opts.precompiled, src);
  const hb = pre ? Handlebars.create() : compiler().create();
  // A spec is the JavaScript source of an object literal that Handlebars generated from our own templates.
  // The precompiled set has the sources' parts, each as a spec: one way to make a template from either.
  const make = pre ? (spec: string) => hb.template(new Function(`return (${spec});`)() as TemplateSpecification) : (text: string) => hb.compile(text, options());
  const parts: TemplateSources = pre ?? src;
  for (const [name, t] of parts.partials) hb.registerPartial(name, make(t));
  const css = readFileSync(join(adir, 'report.css'), 'utf8');
  const js = readFileSync(join(adir, 'report.js'), 'utf8');
  // Inline blocks end at the first `</style` / `</script`: assets must never contain them.
  if (/<\/style/i.test(css) || /<\/script|<!--/i.test(js)) throw new Error('report assets must not contain closing tags');
  return {
    head: make(parts.head),
    body: make(parts.body),
    timelineSvg: hb.partials['timeline-svg'] as HandlebarsCompiler.TemplateDelegate,
    css,
    js,
  };
}

export function templates(): Templates {
  cached ??= loadTemplates({ precompiled: typeof DPM_BUNDLED_TEMPLATES === 'string' ? fileURLToPath(new URL(DPM_BUNDLED_TEMPLATES, import.meta.url)) : undefined });
  return cached;
}
