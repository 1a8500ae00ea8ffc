/**
 * One bundle's result as batch triage sees it: stable fields only (no run timestamps), so two
 * runs, or two merged shards, produce the same summary.json bytes. docs/report-schema.md documents it.
 */
import { rootCauseIds } from '../analysis/root-causes.js';
import { basename } from 'node:path';
import type { AnalysisResult } from '../analyze.js';
import type { VerdictStatus } from '../analysis/verdict.js';
import type { Severity } from '../rules/types.js';
import { severityRank } from '../rules/types.js';

/**
 * 2: `file`, `caseId`, `label`, `coverage`, `versions`, `reports`; `rootCauses` are `ruleId/messageId`
 * and the signature is the root causes only (1 added every rule at warning or above).
 */
export const SUMMARY_SCHEMA_VERSION = 2;

/** The verdict's status and its rule counts: an `inconclusive` bundle is not a healthy one. */
export interface CoverageSummary {
  verdict: VerdictStatus;
  evaluated: number;
  notEvaluated: number;
  insufficient: number;
}

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
  /** The input's own file or folder name (never a path): what a person recognises. */
  file: string;
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
  /** The collector's `--case-id` and `--label` (manifest.json). */
  caseId?: string;
  label?: string;
  collectedAt?: string;
  layout?: string;
  flavor?: string;
  worstSeverity: Severity | 'none';
  findingCount: number;
  findings: FindingSummary[];
  /** Root causes as `ruleId/messageId`: the cause-chain roots, else the verdict's headline finding. */
  rootCauses: string[];
  /** Grouping key: the root causes only, joined by `+`. Empty = no chain and nothing at warning or above. */
  signature: string;
  notEvaluated: string[];
  /** Absent for a failed bundle: nothing was checked. */
  coverage?: CoverageSummary;
  versions?: { docker?: string; kernel?: string; os?: string };
  /** Folder of this bundle's reports, relative to the batch output folder. */
  reportDir?: string;
  /** The report file names written in `reportDir` (link to these; the names are not fixed). */
  reports?: string[];
}

/** Reader problems that mean the bundle was not read whole. */
const DAMAGE = new Set(['truncated-archive', 'corrupt-member', 'entry-too-large', 'total-too-large', 'too-many-entries']);

export function worstOf(severities: readonly Severity[]): Severity | 'none' {
  let worst: Severity | 'none' = 'none';
  for (const s of severities) if (worst === 'none' || severityRank(s) > severityRank(worst)) worst = s;
  return worst;
}

/** The signature parts of a result: its root causes (analysis/root-causes.ts) as `ruleId/messageId`, sorted. */
export function rootCausesOf(result: Pick<AnalysisResult, 'findings' | 'causeChains' | 'verdict'>): string[] {
  const byId = new Map(result.findings.map((f) => [f.id, f]));
  const keys = rootCauseIds(result).flatMap((id) => {
    const f = byId.get(id);
    return f ? [`${f.ruleId}/${f.messageId}`] : [];
  });
  return [...new Set(keys)].sort();
}

export interface SummarizeOptions {
  input: string;
  /** The input's path (only its last component is kept). */
  path: string;
  sha?: string;
  reportDir: string;
  /** Paths or names of the reports written (only the file names are kept). */
  reports: readonly string[];
}

export function summarize(o: SummarizeOptions, result: AnalysisResult): BundleSummary {
  const findings = result.findings.map((f) => ({ id: f.id, ruleId: f.ruleId, severity: f.severity, confidence: f.confidence, summary: f.summary }));
  const rootCauses = rootCausesOf(result);
  const col = result.inventory.collectedAt;
  const damage = result.inventory.problems.filter((p) => DAMAGE.has(p.kind));
  const { identity, collection } = result.model;
  const os = identity.os?.prettyName ?? ([identity.os?.id, identity.os?.versionId].filter(Boolean).join(' ') || undefined);
  const versions = { docker: identity.docker?.version, kernel: identity.kernel, os };
  return {
    input: o.input,
    file: basename(o.path),
    status: damage.length ? 'partial' : 'analyzed',
    reason: damage.length ? `${damage[0]!.kind}: ${damage[0]!.message}${damage.length > 1 ? ` (+${damage.length - 1} more)` : ''}` : undefined,
    sha256: o.sha,
    host: identity.hostname ?? result.inventory.host,
    caseId: collection.caseId,
    label: collection.label,
    collectedAt: col !== undefined && Number.isFinite(col) ? new Date(col).toISOString() : undefined,
    layout: result.inventory.layout,
    flavor: identity.flavor,
    worstSeverity: worstOf(result.findings.map((f) => f.severity)),
    findingCount: findings.length,
    findings,
    rootCauses,
    signature: rootCauses.join('+'),
    notEvaluated: result.coverage.filter((c) => c.status === 'not-evaluated').map((c) => c.ruleId).sort(),
    coverage: { verdict: result.verdict.status, ...result.verdict.rules },
    versions: Object.fromEntries(Object.entries(versions).filter(([, v]) => v)) as BundleSummary['versions'],
    reportDir: o.reportDir,
    reports: o.reports.map((r) => basename(r)),
  };
}

export function failedSummary(input: string, path: string, reason: string, sha?: string): BundleSummary {
  return { input, file: basename(path), status: 'failed', reason, sha256: sha, worstSeverity: 'none', findingCount: 0, findings: [], rootCauses: [], signature: '', notEvaluated: [] };
}
