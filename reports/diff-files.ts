/** Writes diff.json / diff.html / diff.md into the output folder only, never through a link found there. */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { BundleDiff } from '../analyzer/src/diff/types.js';
import { writeFileNoFollowAsync } from '../analyzer/src/cli/no-follow.js';
import type { ReportFormat } from './formats.js';

export const DIFF_FILE: Record<ReportFormat, string> = { json: 'diff.json', html: 'diff.html', md: 'diff.md' };

async function render(f: ReportFormat, d: BundleDiff): Promise<string> {
  switch (f) {
    case 'json':
      return (await import('./diff-json.js')).renderDiffJson(d);
    case 'md':
      return (await import('./diff-markdown.js')).renderDiffMarkdown(d);
    case 'html':
      return (await import('./diff-html.js')).renderDiffHtml(d);
  }
}

export async function writeDiffReports(d: BundleDiff, outDir: string, formats: readonly ReportFormat[]): Promise<string[]> {
  await mkdir(outDir, { recursive: true });
  const written: string[] = [];
  for (const f of formats) {
    const path = join(outDir, DIFF_FILE[f]);
    await writeFileNoFollowAsync(path, await render(f, d), 0o644);
    written.push(path);
  }
  return written;
}
