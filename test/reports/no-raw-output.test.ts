import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Bundle data must only ever reach the page through escaping `{{ }}`. Raw Handlebars output
 * (`{{{ }}}`, `{{& }}`) or SafeString would let a log line inject markup, so none may exist.
 * The page script must not build HTML either.
 */
const ROOT = join(import.meta.dirname, '..', '..');

function files(dir: string, ext: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...files(p, ext));
    else if (name.endsWith(ext)) out.push(p);
  }
  return out;
}

describe('no raw template output', () => {
  const templates = files(join(ROOT, 'reports', 'templates'), '.hbs');
  const code = readdirSync(join(ROOT, 'reports')).filter((f) => f.endsWith('.ts')).map((f) => join(ROOT, 'reports', f));

  it('finds the files it scans', () => {
    expect(templates.length).toBeGreaterThan(3);
    expect(code.map((f) => f.split('/').pop())).toEqual(expect.arrayContaining(['html.ts', 'view-model.ts', 'markdown.ts']));
  });

  it.each([...templates, ...code].map((f) => [f.slice(ROOT.length + 1), f]))('%s has no {{{, {{& or SafeString', (_name, f) => {
    const text = readFileSync(f, 'utf8');
    expect(text).not.toContain('{{{');
    expect(text).not.toMatch(/\{\{~?\s*&/);
    expect(text).not.toContain('SafeString');
  });

  it('the page script never builds HTML', () => {
    const js = readFileSync(join(ROOT, 'reports', 'assets', 'report.js'), 'utf8');
    expect(js).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write|eval\(|new Function|setTimeout\(\s*['"]/);
  });
});
