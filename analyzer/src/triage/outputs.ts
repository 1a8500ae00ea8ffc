/**
 * summary.json and summary.csv: machine-readable batch results, documented in docs/report-schema.md.
 * Both are deterministic (sorted by input, no run timestamps): two merged shards equal one run.
 */
import { TOOL_NAME, TOOL_VERSION, rulesVersion } from '../analyze.js';
import { SUMMARY_SCHEMA_VERSION, type BundleSummary } from './summary.js';
import { reportPath } from './report-names.js';
import { byCodeUnits } from '../text-order.js';

export interface BatchSummaryFile {
  schemaVersion: number;
  tool: { name: string; version: string; rulesVersion: string };
  totals: { bundles: number; analyzed: number; partial: number; failed: number; bySeverity: Record<string, number>; byRule: Record<string, number> };
  bundles: BundleSummary[];
  /** Entries left out on purpose (hidden ones, files that are plainly not bundles), with the reason; not counted as failed. */
  skipped?: SkippedInput[];
}

export interface SkippedInput {
  input: string;
  /** `hidden`: the name starts with a dot; `not-a-bundle`: a note, document or image found in a folder walk. */
  kind?: 'hidden' | 'not-a-bundle';
  reason: string;
}

export function buildSummaryFile(bundles: readonly BundleSummary[], skipped: readonly SkippedInput[] = []): BatchSummaryFile {
  const sorted = [...bundles].sort((a, b) => byCodeUnits(a.input, b.input));
  const bySeverity: Record<string, number> = {};
  const byRule: Record<string, number> = {};
  for (const b of sorted) {
    bySeverity[b.worstSeverity] = (bySeverity[b.worstSeverity] ?? 0) + 1;
    for (const r of new Set(b.findings.map((f) => f.ruleId))) byRule[r] = (byRule[r] ?? 0) + 1;
  }
  return {
    schemaVersion: SUMMARY_SCHEMA_VERSION,
    tool: { name: TOOL_NAME, version: TOOL_VERSION, rulesVersion: rulesVersion() },
    totals: {
      bundles: sorted.length,
      analyzed: sorted.filter((b) => b.status === 'analyzed').length,
      partial: sorted.filter((b) => b.status === 'partial').length,
      failed: sorted.filter((b) => b.status === 'failed').length,
      bySeverity: sortObj(bySeverity),
      byRule: sortObj(byRule),
    },
    bundles: sorted,
    ...(skipped.length ? { skipped: [...skipped].sort((a, b) => byCodeUnits(a.input, b.input)) } : {}),
  };
}

function sortObj(o: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(o).sort(([a], [b]) => byCodeUnits(a, b)));
}

export const CSV_COLUMNS = [
  'input', 'file', 'status', 'reason', 'host', 'case_id', 'label', 'collected_at', 'coverage', 'docker', 'kernel', 'os',
  'worst_severity', 'finding_count', 'root_causes', 'rule_id', 'finding_severity', 'confidence', 'summary', 'report',
] as const;

/** RFC 4180 quoting; a cell a spreadsheet would run as a formula (=, +, -, @, tab, CR) is prefixed with '. */
export function csvCell(v: string | number | undefined): string {
  let s = v === undefined ? '' : String(v);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function renderCsv(bundles: readonly BundleSummary[]): string {
  const rows: string[] = [CSV_COLUMNS.join(',')];
  for (const b of [...bundles].sort((x, y) => byCodeUnits(x.input, y.input))) {
    const v = b.versions ?? {};
    const base = [b.input, b.file, b.status, b.reason, b.host, b.caseId, b.label, b.collectedAt, b.coverage?.verdict, v.docker, v.kernel, v.os, b.worstSeverity, b.findingCount, b.rootCauses.join(' ')];
    const report = reportPath(b, 'html') ?? '';
    if (b.findings.length === 0) rows.push([...base, '', '', '', '', report].map(csvCell).join(','));
    for (const f of b.findings) rows.push([...base, f.ruleId, f.severity, f.confidence, f.summary, report].map(csvCell).join(','));
  }
  return rows.join('\r\n') + '\r\n';
}
