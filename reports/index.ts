/**
 * Report writers. Every writer renders an AnalysisResult; nothing here reads the bundle.
 * Files are written only inside `outDir`, never through a symlink found there (O_NOFOLLOW).
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { AnalysisResult } from '../analyzer/src/analyze.js';
import { writeFileNoFollowAsync } from '../analyzer/src/cli/no-follow.js';
import { reportFileName, type AnalyzeFormat, type Audience } from './formats.js';
import type { LangTag } from '../analyzer/src/i18n/registry.js';

export interface WriteOptions {
  /**
   * The language people read (default English). Other than English, every report gets the result
   * with its `i18n` blocks beside the English (analyzer/src/i18n/localize.ts): report.json carries
   * them; the HTML and Markdown renderers show them (docs/i18n.md "What is wired").
   */
  lang?: LangTag;
  /** `customer` leaves the technical section out of the HTML (formats.ts AUDIENCES); default `engineer`. */
  audience?: Audience;
}

export { REPORT_FORMATS, ANALYZE_FORMATS, AUDIENCES, reportFileName, type AnalyzeFormat, type Audience, type ReportFormat } from './formats.js';

/** Each renderer is loaded when its format is asked for: html brings Handlebars and the templates. */
async function render(f: AnalyzeFormat, result: AnalysisResult, audience: Audience): Promise<string> {
  switch (f) {
    case 'json':
      return (await import('./json.js')).renderJson(result);
    case 'md':
      return (await import('./markdown.js')).renderMarkdown(result);
    case 'html':
      return (await import('./html.js')).renderHtml(result, {}, { audience });
    case 'ticket':
      return (await import('./ticket.js')).renderTicket(result);
  }
}

export async function writeReports(result: AnalysisResult, outDir: string, formats: readonly AnalyzeFormat[], options: WriteOptions = {}): Promise<string[]> {
  await mkdir(outDir, { recursive: true });
  if (options.lang && options.lang !== 'en') result = (await import('../analyzer/src/i18n/localize.js')).localizeResult(result, options.lang);
  const written: string[] = [];
  for (const f of formats) {
    const body = await render(f, result, options.audience ?? 'engineer');
    const path = join(outDir, reportFileName(result, f));
    await writeFileNoFollowAsync(path, body, 0o644);
    written.push(path);
  }
  return written;
}
