import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { analyzeBundle } from '../../analyzer/src/analyze.js';
import { diffAnalyses } from '../../analyzer/src/diff/index.js';
import { MAX_MARKDOWN_ROWS, renderDiffMarkdown } from '../../reports/diff-markdown.js';
import { renderDiffJson } from '../../reports/diff-json.js';
import { makeTempDir, removeTempDirs } from '../helpers/tmp.js';
import { copySampleWithHost } from '../triage/batch-fixtures.js';
import { sample } from '../diff/lab-pairs.js';

afterAll(removeTempDirs);

describe('diff.md and diff.json', { timeout: 120_000 }, () => {
  it('two different lab hosts: warns, caps long lists with a count, and keeps a hostile host name inert', async () => {
    const evil = '[x](https://evil.example)<b>#';
    const dir = join(makeTempDir('dpm-diff-md-'), 'b');
    copySampleWithHost('nspawn-healthy', dir, evil);
    const before = await analyzeBundle(sample('lab-netns-veth-leak'));
    const after = await analyzeBundle(dir);
    const d = diffAnalyses(before, after);
    const md = renderDiffMarkdown(d);
    expect(md).toContain('- **Warning:** the bundles look like two hosts');
    const pk = d.sections.find((s) => s.id === 'packages')!;
    expect(pk.changes.length).toBeGreaterThan(MAX_MARKDOWN_ROWS); // dpkg lists of two different machines
    expect(md).toContain(`  - …and ${pk.changes.length - MAX_MARKDOWN_ROWS} more in diff.html`);
    // The host name never becomes a link, tag or heading: outside code spans nothing unescaped remains.
    const outside = md.replace(/(`+) [^`]*? \1/g, '');
    expect(outside).not.toMatch(/\]\(|<b>|https:\/\//);
    expect(renderDiffJson(d)).toBe(renderDiffJson(diffAnalyses(before, after))); // same pair, same bytes
  });
});
