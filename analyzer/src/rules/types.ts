/**
 * The rule contract (ESLint-style: metadata beside logic) and the Finding every report renders.
 */
import type { ArtifactId } from '../spine/artifacts.js';
import type { Evidence } from '../spine/types.js';
import type { HostModel, LogEvent } from '../model/host-model.js';
import type { EventKind } from '../events/types.js';

export type Severity = 'critical' | 'error' | 'warning' | 'info';
export const SEVERITIES: readonly Severity[] = ['critical', 'error', 'warning', 'info'];
export const severityRank = (s: Severity): number => SEVERITIES.length - SEVERITIES.indexOf(s); // critical=4 … info=1

export type Confidence = 'high' | 'medium' | 'low';

export type RuleCategory = 'storage' | 'network' | 'daemon' | 'systemd' | 'ipc' | 'security' | 'packaging' | 'logging' | 'performance';

/** What a fix costs: read by whoever decides whether to run it now, in a maintenance window or not at all. */
export interface StepRisk {
  /** It restarts dockerd, containers, a service or the host, or takes effect only after one. */
  restart: boolean;
  /** It deletes or replaces data (containers, images, volumes, networks, database files) that may not come back. */
  dataLoss: boolean;
  /** It can be undone (the old state is kept or can be set again). */
  reversible: boolean;
}

interface StepBase {
  /** What to do, in one sentence. */
  text: string;
  /**
   * Commands to copy, one per entry (may be empty). `{{name}}` is filled from the finding's facts
   * (util-remediation-fill.ts); a value the rule does not know stays visible as `<name>`.
   */
  commands?: string[];
  /**
   * Where this step comes from, a public document: "openEuler guide: Semaphores May Be Residual",
   * an upstream issue ("moby/moby#43072"), a man page, "systemd hint", "general practice".
   */
  source: string;
  /** Only for openEuler's docker-engine (its own options and files): hidden on upstream Docker hosts. */
  flavour?: 'openeuler';
  /** Set by the engine: an openEuler-only step kept because the host's flavour is unknown (shown with a mark). */
  flavourUnconfirmed?: true;
  /** Set by the engine: how many filled commands were left out after the first few. */
  commandsMore?: number;
}

/** A diagnostic: reads state, changes nothing. */
export interface CheckStep extends StepBase {
  kind: 'check';
}

/** A change to the host: always says what it costs. */
export interface FixStep extends StepBase {
  kind: 'fix';
  risk: StepRisk;
}

export type RemediationStep = CheckStep | FixStep;

/** Placeholder values: a string, or a list that expands the commands naming it. */
export type RemediationFill = Record<string, string | readonly string[] | undefined>;

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
  /** Event kinds (analyzer/src/events/) the rule reads: the wordings live in the catalog, never here. */
  events?: readonly EventKind[];
  /**
   * Snapshots (state artifacts) that confirm what the logs show: when a finding stands on logs and
   * one of these is missing, the engine lowers its confidence and asks for it (collect next).
   */
  confirmedBy?: readonly ArtifactId[];
  /** Rule ids whose findings this rule's findings may be caused by (for cause chains). */
  causedBy?: readonly string[];
  /**
   * Rule ids whose findings this rule's finding replaces when they overlap in time (a start-limit
   * episode is the end of a restart storm, not a second problem). Enforced by the engine.
   */
  supersedes?: readonly string[];
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
  /** Earliest evidence time (UTC ISO), for the timeline; same as `firstTime`. */
  time?: string;
  /** When it happened: first and last evidence time (UTC ISO). Both absent: a config or state finding with no time. */
  firstTime?: string;
  lastTime?: string;
  /** Boot position of the first timed evidence, when known. */
  bootIndex?: number;
  /** The rule's further occurrences, folded into this one finding (one card per rule and subject). */
  episodes: FindingEpisode[];
  /** Snapshots that would have confirmed a log-only finding, with the command to collect each. */
  unconfirmed?: { artifact: ArtifactId; state: string; collectNext: string }[];
  /** What the finding is about (container, interface, semaphore key, unit): matched across bundles by `diff`. */
  subject?: string;
}

/** One more occurrence of a rule's finding: its own summary, time and evidence. */
export interface FindingEpisode {
  messageId: string;
  summary: string;
  severity: Severity;
  firstTime?: string;
  lastTime?: string;
  evidence: Evidence[];
}

export type CoverageStatus = 'evaluated' | 'not-evaluated' | 'insufficient-evidence';

/** One check of a rule: the logs, or the snapshot, it can look at. */
export interface CheckCoverage {
  id: 'logs' | 'state';
  title: string;
  status: 'evaluated' | 'not-evaluated';
  /** Artifacts of this check that were missing, failed, timed out or truncated. */
  missing: { artifact: ArtifactId; state: string }[];
  collectNext: string[];
}

export interface CoverageVerdict {
  ruleId: string;
  status: CoverageStatus;
  /** Artifacts that were missing, failed, timed out or truncated. */
  artifacts: { artifact: ArtifactId; state: string }[];
  reason: string;
  /** What to collect next time. */
  collectNext: string[];
  /** Coverage per check (the rule's log check and its snapshot check). */
  checks: CheckCoverage[];
  /** Set when another rule's finding replaced this rule's (meta.supersedes). */
  supersededBy?: string;
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
  /**
   * Values for the `{{name}}` placeholders of the remediation commands, from the facts the finding
   * stands on (interface names, container names, a journald restart time). A list expands a command
   * into one per value.
   */
  fill?: RemediationFill;
  /** Explanation addendum for this finding (named objects lost, interfaces …). */
  detail?: string;
  /** What it is about (container id, interface, semaphore key, unit): one finding per rule and subject. */
  subject?: string;
}

export interface RuleContext<M extends string> {
  model: Readonly<HostModel>;
  report(input: ReportInput<M>): void;
  /** Events of one kind (the rule lists the kinds it reads in meta.events), ordered by time. */
  events<K extends EventKind>(kind: K): readonly LogEvent<K>[];
  /** The true number of events of a kind (the model keeps a capped list). */
  eventCount(kind: EventKind): number;
  /** Declare partial coverage: the rule ran but could not conclude. */
  insufficient(reason: string, collectNext?: string[]): void;
  /** Declare that the rule could not run (beyond the automatic essential-artifact check). */
  notEvaluated(reason: string, artifacts: ArtifactId[], collectNext?: string[]): void;
}

export interface Rule<M extends string = string> {
  meta: RuleMeta<M>;
  evaluate(ctx: RuleContext<M>): void;
}

/** Message ids of a rule, for typed tests (`MessageIdOf<typeof rule>`). */
export type MessageIdOf<R> = R extends Rule<infer M> ? M : never;

export function defineRule<M extends string>(rule: Rule<M>): Rule<M> {
  return Object.freeze(rule);
}
