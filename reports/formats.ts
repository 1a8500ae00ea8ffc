/** The report formats and their file names: a leaf module, so the CLI can parse `--format` without loading the renderers. */
/** The default formats: analyze, batch and diff write these. */
export const REPORT_FORMATS = ['json', 'html', 'md'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];
/** Formats `analyze` writes only when `--format` names them: the ticket text (reports/ticket.ts). */
export const OPT_IN_FORMATS = ['ticket'] as const;
export const ANALYZE_FORMATS = [...REPORT_FORMATS, ...OPT_IN_FORMATS] as const;
export type AnalyzeFormat = (typeof ANALYZE_FORMATS)[number];

/** File extension of each format. */
export const REPORT_EXT: Record<AnalyzeFormat, string> = { json: 'json', html: 'html', md: 'md', ticket: 'txt' };

/** What a report's file name is made of: the host and when its bundle was collected. */
export interface ReportNameSource {
  model: { identity: { hostname?: string }; collection: { collectedAt?: number }; timeline?: readonly { time?: number }[] };
}

/**
 * `docker-postmortem-<host>-<UTC time>`: a file attached to a ticket says which host and which
 * collection it is, and two reports never overwrite each other in a Downloads folder. The time is
 * the bundle's collection time (else its last event), never the time of the analysis, so the same
 * bundle always gives the same names (batch re-runs, `diff`). The host is reduced to safe file-name
 * characters: a bundle names its host, and that text must not steer where the file goes.
 */
export function reportBaseName(r: ReportNameSource): string {
  const host =
    (r.model.identity.hostname ?? '')
      .replace(/[^A-Za-z0-9._-]+/g, '-')
      .replace(/^[-.]+|[-.]+$/g, '')
      .slice(0, 63) || 'unknown-host';
  let at = r.model.collection.collectedAt;
  // The timeline is ordered by boot first, so its last entry is not always its latest time.
  if (at === undefined && r.model.timeline) for (const e of r.model.timeline) if (e.time !== undefined && (at === undefined || e.time > at)) at = e.time;
  return `docker-postmortem-${host}-${at !== undefined && Number.isFinite(at) ? utcStamp(at) : 'undated'}`;
}

/** `20260102T030405Z`: ISO 8601 basic format, sortable and free of `:` (not allowed in Windows file names). */
function utcStamp(ms: number): string {
  const d = new Date(ms);
  if (Number.isNaN(d.getTime())) return 'undated';
  return d.toISOString().replace(/\.\d+Z$/, 'Z').replace(/[-:]/g, '');
}

export function reportFileName(r: ReportNameSource, f: AnalyzeFormat): string {
  return `${reportBaseName(r)}.${REPORT_EXT[f]}`;
}

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
