/**
 * One bundle's result as batch triage sees it: stable fields only (no run timestamps), so two
 * runs, or two merged shards, produce the same summary.json bytes. docs/report-schema.md documents it.
 */
import { REPORT_BASE_RE, REPORT_EXT, reportBaseName, type ReportFormat } from '../../../reports/formats.js';
import type { AnalysisResult } from '../analyze.js';
import type { Severity } from '../rules/types.js';
import { severityRank } from '../rules/types.js';

export const SUMMARY_SCHEMA_VERSION = 1;

export interface FindingSummary {
  id: string;
  ruleId: string;
  severity: Severity;
  confidence: string;
  summary: string;
}

export interface BundleSummary {
  /** Input name, relative to the folder it was found in (unique in the run). */
  input: string;
  /**
   * analyzed: read whole; partial: analyzed, but the input was damaged or cut by a reader limit
   * (truncated archive, corrupt member, size limits): the findings cover only what was readable;
   * failed: nothing usable could be read.
   */
  status: 'analyzed' | 'partial' | 'failed';
  /** Why it failed or is partial, in one line. */
  reason?: string;
  sha256?: string;
  host?: string;
  collectedAt?: string;
  layout?: string;
  flavor?: string;
  worstSeverity: Severity | 'none';
  findingCount: number;
  findings: FindingSummary[];
  /** Rule ids of root causes (cause-chain roots; else the worst finding's rule). */
  rootCauses: string[];
  /** Grouping key: root causes + every rule at warning or above. Empty = nothing at warning or above. */
  signature: string;
  notEvaluated: string[];
  /** Folder of this bundle's reports, relative to the batch output folder. */
  reportDir?: string;
  /** The reports' file name without extension (reports/formats.ts reportBaseName): `docker-postmortem-<host>-<UTC>`. */
  reportBase?: string;
}

/**
 * A bundle's report of one format, relative to the batch output folder, or undefined when it has
 * none or when summary.json (which a batch may read back from a shard) names a folder or file that
 * is not one plain name: the index links only to files inside the batch folder.
 */
export function bundleReportPath(b: Pick<BundleSummary, 'reportDir' | 'reportBase'>, f: ReportFormat): string | undefined {
  if (!b.reportDir || !b.reportBase) return undefined;
  if (!/^[A-Za-z0-9._-]+$/.test(b.reportDir) || /^\.\.?$/.test(b.reportDir) || !REPORT_BASE_RE.test(b.reportBase)) return undefined;
  return `${b.reportDir}/${b.reportBase}.${REPORT_EXT[f]}`;
}

/** Reader problems that mean the bundle was not read whole. */
const DAMAGE = new Set(['truncated-archive', 'corrupt-member', 'entry-too-large', 'total-too-large', 'too-many-entries']);

export function worstOf(severities: readonly Severity[]): Severity | 'none' {
  let worst: Severity | 'none' = 'none';
  for (const s of severities) if (worst === 'none' || severityRank(s) > severityRank(worst)) worst = s;
  return worst;
}

export function summarize(input: string, sha: string | undefined, result: AnalysisResult, reportDir: string): BundleSummary {
  const findings = result.findings.map((f) => ({ id: f.id, ruleId: f.ruleId, severity: f.severity, confidence: f.confidence, summary: f.summary }));
  const byId = new Map(result.findings.map((f) => [f.id, f]));
  let rootCauses = [...new Set(result.causeChains.map((c) => byId.get(c[0]!)?.ruleId).filter((x): x is string => !!x))].sort();
  const serious = [...new Set(result.findings.filter((f) => severityRank(f.severity) >= severityRank('warning')).map((f) => f.ruleId))].sort();
  if (rootCauses.length === 0 && serious.length > 0) rootCauses = [result.findings[0]!.ruleId];
  const col = result.inventory.collectedAt;
  const damage = result.inventory.problems.filter((p) => DAMAGE.has(p.kind));
  return {
    input,
    status: damage.length ? 'partial' : 'analyzed',
    reason: damage.length ? `${damage[0]!.kind}: ${damage[0]!.message}${damage.length > 1 ? ` (+${damage.length - 1} more)` : ''}` : undefined,
    sha256: sha,
    host: result.model.identity.hostname ?? result.inventory.host,
    collectedAt: col !== undefined && Number.isFinite(col) ? new Date(col).toISOString() : undefined,
    layout: result.inventory.layout,
    flavor: result.model.identity.flavor,
    worstSeverity: worstOf(result.findings.map((f) => f.severity)),
    findingCount: findings.length,
    findings,
    rootCauses,
    signature: serious.length ? `${rootCauses.join('+')} | ${serious.join(',')}` : '',
    notEvaluated: result.coverage.filter((c) => c.status === 'not-evaluated').map((c) => c.ruleId).sort(),
    reportDir,
    reportBase: reportBaseName(result),
  };
}

export function failedSummary(input: string, reason: string, sha?: string): BundleSummary {
  return { input, status: 'failed', reason, sha256: sha, worstSeverity: 'none', findingCount: 0, findings: [], rootCauses: [], signature: '', notEvaluated: [] };
}
