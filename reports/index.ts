/**
 * Report writers. Every writer renders an AnalysisResult; nothing here reads the bundle.
 * Files are written only inside `outDir`.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AnalysisResult } from '../analyzer/src/analyze.js';
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
    await writeFile(path, body, { mode: 0o644 });
    written.push(path);
  }
  return written;
}
