/** The report formats and their file names: a leaf module, so the CLI can parse `--format` without loading the renderers. */
/** The default formats: analyze, batch and diff write these. */
export const REPORT_FORMATS = ['json', 'html', 'md'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];
/** Formats `analyze` writes only when `--format` names them: the ticket text (reports/ticket.ts). */
export const OPT_IN_FORMATS = ['ticket'] as const;
export const ANALYZE_FORMATS = [...REPORT_FORMATS, ...OPT_IN_FORMATS] as const;
export type AnalyzeFormat = (typeof ANALYZE_FORMATS)[number];

export const REPORT_FILE: Record<AnalyzeFormat, string> = { json: 'report.json', html: 'report.html', md: 'report.md', ticket: 'ticket.txt' };

/**
 * Who reads the report. `engineer` (the default) keeps a collapsed technical section: per-rule
 * coverage, reader and parser problems, the artifact inventory and the internal ids. `customer`
 * leaves it out, so nothing but the diagnosis, its evidence and the steps reaches the ticket.
 */
export const AUDIENCES = ['engineer', 'customer'] as const;
export type Audience = (typeof AUDIENCES)[number];

export function parseAudience(v: string | undefined): Audience {
  if (v === undefined) return 'engineer';
  if (!(AUDIENCES as readonly string[]).includes(v)) throw new Error(`unknown audience ${v} (use ${AUDIENCES.join(' or ')})`);
  return v as Audience;
}
