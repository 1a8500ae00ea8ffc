/**
 * Report writers. Every writer renders an AnalysisResult; nothing here reads the bundle.
 * Files are written only inside `outDir`, never through a symlink found there (O_NOFOLLOW).
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { AnalysisResult } from '../analyzer/src/analyze.js';
import { writeFileNoFollowAsync } from '../analyzer/src/cli/no-follow.js';
import { renderJson } from './json.js';
import { renderMarkdown } from './markdown.js';
import { renderHtml } from './html.js';

export const REPORT_FORMATS = ['json', 'html', 'md'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

const FILE: Record<ReportFormat, string> = { json: 'report.json', html: 'report.html', md: 'report.md' };

export async function writeReports(result: AnalysisResult, outDir: string, formats: readonly ReportFormat[]): Promise<string[]> {
  await mkdir(outDir, { recursive: true });
  const written: string[] = [];
  for (const f of formats) {
    const body = f === 'json' ? renderJson(result) : f === 'md' ? renderMarkdown(result) : renderHtml(result);
    const path = join(outDir, FILE[f]);
    await writeFileNoFollowAsync(path, body, 0o644);
    written.push(path);
  }
  return written;
}
