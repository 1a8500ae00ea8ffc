/**
 * The rule contract (ESLint-style: metadata beside logic) and the Finding every report renders.
 */
import type { ArtifactId } from '../spine/artifacts.js';
import type { Evidence, SignalSpec } from '../spine/types.js';
export type { SignalSpec } from '../spine/types.js';
import type { HostModel, LogRecord } from '../model/host-model.js';

export type Severity = 'critical' | 'error' | 'warning' | 'info';
export const SEVERITIES: readonly Severity[] = ['critical', 'error', 'warning', 'info'];
export const severityRank = (s: Severity): number => SEVERITIES.length - SEVERITIES.indexOf(s); // critical=4 … info=1

export type Confidence = 'high' | 'medium' | 'low';

export type RuleCategory = 'storage' | 'network' | 'daemon' | 'systemd' | 'ipc' | 'security' | 'packaging' | 'logging' | 'performance';

export interface RemediationStep {
  /** What to do, in one sentence. */
  text: string;
  /** Commands to copy, one per entry (may be empty). */
  commands?: string[];
  /** Where this step comes from: "openEuler guide: Semaphores May Be Residual", "systemd hint", "general practice". */
  source: string;
}

export interface RuleMeta<M extends string = string> {
  /** kebab-case diagnosis = file name. */
  id: string;
  title: string;
  category: RuleCategory;
  severity: Severity; // default severity
  /** Artifacts the rule reads; evidence may cite only these (the tester enforces it). */
  requires: readonly ArtifactId[];
  /** Subset of `requires` without which the rule cannot say anything: missing → not-evaluated. */
  essential?: readonly ArtifactId[];
  /** One paragraph: the mechanism, for the report and docs/rules.md. */
  explanation: string;
  /** Guide section(s) the rule comes from. */
  guideSection: string;
  /** messageId → summary template with {{placeholders}}. */
  messages: Record<M, string>;
  remediation: readonly RemediationStep[];
  /** Journal signals, named locally; stored as `<rule id>/<name>`. */
  signals?: Record<string, SignalSpec>;
  /** Rule ids whose findings this rule's findings may be caused by (for cause chains). */
  causedBy?: readonly string[];
}

export interface Finding {
  /** Stable id within the report: `<ruleId>#<n>`. */
  id: string;
  ruleId: string;
  messageId: string;
  data: Record<string, string | number | boolean>;
  severity: Severity;
  confidence: Confidence;
  confidenceReason: string;
  category: RuleCategory;
  title: string;
  summary: string; // messages[messageId] with data filled in
  explanation: string;
  evidence: Evidence[];
  /** Total evidence lines before capping (reports show "N more"). */
  evidenceTotal: number;
  remediation: RemediationStep[];
  /** Finding ids this one is caused by / causes. Filled by the cause-chain linker. */
  causedBy: string[];
  causes: string[];
  /** Earliest evidence time (UTC ISO), for the timeline. */
  time?: string;
}

export type CoverageStatus = 'evaluated' | 'not-evaluated' | 'insufficient-evidence';

export interface CoverageVerdict {
  ruleId: string;
  status: CoverageStatus;
  /** Artifacts that were missing, failed, timed out or truncated. */
  artifacts: { artifact: ArtifactId; state: string }[];
  reason: string;
  /** What to collect next time. */
  collectNext: string[];
}

export interface ReportInput<M extends string> {
  messageId: M;
  data?: Record<string, string | number | boolean>;
  evidence: Evidence[];
  /** How many evidence items there were when the rule passed only some (default: evidence.length). */
  evidenceTotal?: number;
  severity?: Severity;
  confidence: Confidence;
  confidenceReason: string;
  /** Extra remediation steps specific to this finding, placed before the generic ones. */
  remediation?: RemediationStep[];
  /** Explanation addendum for this finding (named objects lost, interfaces …). */
  detail?: string;
}

export interface RuleContext<M extends string> {
  model: Readonly<HostModel>;
  report(input: ReportInput<M>): void;
  /** Records matched by one of this rule's signals. */
  signal(name: string): readonly LogRecord[];
  signalCount(name: string): number;
  /** Declare partial coverage: the rule ran but could not conclude. */
  insufficient(reason: string, collectNext?: string[]): void;
  /** Declare that the rule could not run (beyond the automatic essential-artifact check). */
  notEvaluated(reason: string, artifacts: ArtifactId[], collectNext?: string[]): void;
}

export interface Rule<M extends string = string> {
  meta: RuleMeta<M>;
  evaluate(ctx: RuleContext<M>): void;
}

export function defineRule<M extends string>(rule: Rule<M>): Rule<M> {
  return Object.freeze(rule);
}
