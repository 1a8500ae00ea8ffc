/** The report formats and their file names: a leaf module, so the CLI can parse `--format` without loading the renderers. */
export const REPORT_FORMATS = ['json', 'html', 'md'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export const REPORT_FILE: Record<ReportFormat, string> = { json: 'report.json', html: 'report.html', md: 'report.md' };
