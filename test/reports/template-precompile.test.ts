import { afterAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Handlebars from 'handlebars';
import { loadTemplates, precompileReportTemplates } from '../../reports/template-engine.js';
import { makeTempDir, removeTempDirs } from '../helpers/tmp.js';

afterAll(removeTempDirs);

/** A view that every `{{ }}` of the head template can read: a title with markup that must come out escaped. */
const HEAD_VIEW = { title: '<script>alert(1)</script> host', lang: 'en', css: 'body{}' };

describe('precompiled report templates (tools/bundle.mjs)', () => {
  // Made and compiled once for both tests: each reads every template and asset.
  const made = precompileReportTemplates();
  const compiledHead = loadTemplates().head(HEAD_VIEW);

  it('render as the templates compiled at run time do', () => {
    const file = join(makeTempDir('dpm-precompiled-'), 'report-templates.json');
    writeFileSync(file, JSON.stringify(made));
    const head = loadTemplates({ precompiled: file }).head(HEAD_VIEW);
    expect(head).toBe(compiledHead);
    expect(head).not.toContain('<script>alert(1)</script>');
  });

  it('keep their key after templates were compiled in the same process (Handlebars writes into the options it is given)', () => {
    // `made` was taken before `compiledHead` compiled every template at run time.
    expect(precompileReportTemplates().key).toBe(made.key);
  });

  it('are used when made from these templates, and ignored when the templates changed since (stale)', () => {
    const dir = makeTempDir('dpm-precompiled-');
    // Same key, but a head that says MARKER: seeing MARKER proves the precompiled set was used.
    const marked = { ...made, head: Handlebars.precompile('MARKER {{title}}') as string };
    writeFileSync(join(dir, 'current.json'), JSON.stringify(marked));
    expect(loadTemplates({ precompiled: join(dir, 'current.json') }).head(HEAD_VIEW)).toMatch(/^MARKER /);
    // A key from other template text: compiled from reports/templates instead, as if there were no file.
    writeFileSync(join(dir, 'stale.json'), JSON.stringify({ ...marked, key: 'made-from-older-templates' }));
    expect(loadTemplates({ precompiled: join(dir, 'stale.json') }).head(HEAD_VIEW)).toBe(compiledHead);
    // An unreadable file is no reason to fail a report either.
    writeFileSync(join(dir, 'torn.json'), '{"key":');
    expect(loadTemplates({ precompiled: join(dir, 'torn.json') }).head(HEAD_VIEW)).toBe(compiledHead);
  });
});
