/**
 * `docker-postmortem diff`: two analyses of one host, before and after a fix, compared. Pure: takes
 * two AnalysisResults, returns the BundleDiff that diff.json holds (docs/diff.md).
 */
import type { AnalysisResult } from '../analyze.js';
import { severityRank, type Severity } from '../rules/types.js';
import { diffFindings } from './findings.js';
import { diffBoots, side, warnings } from './hosts.js';
import { diffSections } from './sections.js';
import { DIFF_SCHEMA_VERSION, type BundleDiff, type FindingChange } from './types.js';

export function diffAnalyses(before: AnalysisResult, after: AnalysisResult): BundleDiff {
  const findings = diffFindings(before, after);
  const counts: Record<FindingChange, number> = { new: 0, resolved: 0, persisting: 0, unverified: 0 };
  for (const f of findings) counts[f.change]++;
  const b = side(before);
  const a = side(after);
  return {
    schemaVersion: DIFF_SCHEMA_VERSION,
    tool: after.tool,
    before: b,
    after: a,
    warnings: warnings(b, a, before, after),
    findings,
    counts,
    sections: diffSections(before.model, after.model),
    boots: diffBoots(before, after),
  };
}

/**
 * `--fail-on-new`: a new finding at or above the severity. A new finding whose every line predates
 * the before collection (`sinceBefore: false`) is old history the after bundle words differently
 * (a fixed daemon.json leaves its past refusals in the journal): listed, but not a failure.
 */
export function newAtOrAbove(d: BundleDiff, s: Severity): boolean {
  return d.findings.some((f) => f.change === 'new' && f.sinceBefore !== false && severityRank(f.severity) >= severityRank(s));
}
