import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { CATALOG } from '../../analyzer/src/events/catalog.js';
import { EVENT_FAMILIES, renderEventsMarkdown } from '../../analyzer/src/events/doc.js';

const root = resolve(import.meta.dirname, '../..');

describe('event catalog doc', () => {
  it('docs/events.md is generated from the current catalog (run npm run docs:events)', () => {
    expect(readFileSync(resolve(root, 'docs/events.md'), 'utf8')).toBe(renderEventsMarkdown());
  });

  it('the doc covers every kind of the catalog, in one family table each', () => {
    const documented = EVENT_FAMILIES.flatMap((f) => f.decls.map((d) => d.kind));
    expect([...documented].sort()).toEqual(CATALOG.map((d) => d.kind).sort());
    const doc = renderEventsMarkdown();
    for (const d of CATALOG) expect(doc, d.kind).toContain(`| \`${d.kind}\` |`);
  });
});
