/**
 * The single-bundle pipeline: read (streaming) → parse → host model → rules → AnalysisResult.
 * Reports (reports/*.ts) render an AnalysisResult; batch triage calls analyzeBundle per bundle.
 */
import { FactStore } from './model/fact-store.js';
import { buildHostModel } from './model/build.js';
import type { HostModel } from './model/host-model.js';
import { MODEL_SIGNALS } from './model/signals.js';
import { parserFor } from './parsers/index.js';
import { RULES } from './rules/index.js';
import { causeChains, ruleSignals, runRules } from './rules/engine.js';
import type { CoverageVerdict, Finding, Rule } from './rules/types.js';
import type { BundleInventory } from './spine/reader.js';
import { scanBundle } from './spine/reader.js';
import type { NamedSignal, ParseContext, ParseProblem, ReaderLimits } from './spine/types.js';
import { TOOL_NAME, TOOL_VERSION } from './version.js';
import type { ParsedArtifact } from './model/fact-store.js';

/** Bump on any incompatible change to report.json; docs/report-schema.md documents each version. */
export const REPORT_SCHEMA_VERSION = 1;
export { TOOL_NAME, TOOL_VERSION } from './version.js';

export interface AnalysisResult {
  schemaVersion: number;
  tool: { name: string; version: string; rulesVersion: string };
  inventory: BundleInventory;
  model: HostModel;
  findings: Finding[];
  coverage: CoverageVerdict[];
  /** Finding-id chains, root cause first. */
  causeChains: string[][];
}

export interface AnalyzeOptions {
  limits?: Partial<ReaderLimits>;
  rules?: readonly Rule[];
  /** Called with the archive's sha256, hashed in the reader's pass (batch records it; folders: not called). */
  onInputSha256?(sha256: string): void;
}

/** A fingerprint of the rule catalog: batch results are cached per bundle sha256 + this. */
export function rulesVersion(rules: readonly Rule[] = RULES): string {
  return `${TOOL_VERSION}+${rules.length}r`;
}

export async function analyzeBundle(input: string, opts: AnalyzeOptions = {}): Promise<AnalysisResult> {
  const rules = opts.rules ?? RULES;
  const signals = allSignals(rules);
  const scan = await scanBundle(input, {
    limits: opts.limits,
    hashInput: opts.onInputSha256 !== undefined,
    sinkFor(source, ctx: ParseContext) {
      return parserFor(source.artifact)?.create({ sourceMtime: source.mtime, ...ctx, signals });
    },
  });
  if (scan.sha256) opts.onInputSha256?.(scan.sha256);
  return analyzeParsed(scan.parsed, scan.inventory, rules);
}

/** Model signals plus every rule's own, as the journal parsers need them. */
export function allSignals(rules: readonly Rule[] = RULES): NamedSignal[] {
  return [...MODEL_SIGNALS, ...ruleSignals(rules)];
}

/** The second half of the pipeline, shared with the rule tester (which overlays artifacts). */
export function analyzeParsed(parsed: readonly ParsedArtifact[], inv: BundleInventory, rules: readonly Rule[] = RULES): AnalysisResult {
  const facts = new FactStore();
  for (const p of parsed) facts.add(p);
  const parseProblems: Record<string, ParseProblem[]> = {};
  for (const p of parsed) {
    if (p.result.problems.length) (parseProblems[p.source.artifact] ??= []).push(...p.result.problems.slice(0, 100));
  }
  const model = buildHostModel(facts, {
    layout: inv.layout,
    source: inv.input,
    collectedAt: inv.collectedAt,
    hostUtcOffsetMinutes: inv.hostUtcOffsetMinutes,
    collectorVersion: inv.collectorVersion,
    asRoot: inv.asRoot,
    health: Object.fromEntries(inv.artifacts.map((a) => [a.artifact, a])),
    parseProblems,
  });
  const { findings, coverage } = runRules(model, rules);
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    tool: { name: TOOL_NAME, version: TOOL_VERSION, rulesVersion: rulesVersion(rules) },
    inventory: inv,
    model,
    findings,
    coverage,
    causeChains: causeChains(findings),
  };
}
