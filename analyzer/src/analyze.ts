/**
 * The single-bundle pipeline: read (streaming) → parse → host model → rules → AnalysisResult.
 * Reports (reports/*.ts) render an AnalysisResult; batch triage calls analyzeBundle per bundle.
 */
import { createHash } from 'node:crypto';
import { lstatSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FactStore } from './model/fact-store.js';
import { buildHostModel } from './model/build.js';
import type { HostModel } from './model/host-model.js';
import { parserFor } from './parsers/index.js';
import { RULES } from './rules/index.js';
import { causeChains, runRules } from './rules/engine.js';
import type { CoverageVerdict, Finding, Rule } from './rules/types.js';
import type { BundleInventory } from './spine/reader.js';
import { scanBundle } from './spine/reader.js';
import { computeVerdict, type Verdict } from './analysis/verdict.js';
import { computeCollectRequest, type CollectRequest } from './analysis/collect-request.js';
import type { ParseContext, ParseProblem, ReaderLimits } from './spine/types.js';
import { TOOL_NAME, TOOL_VERSION } from './version.js';
import type { ParsedArtifact } from './model/fact-store.js';
import type { ConfigApplied } from './config/types.js';

/** Bump on any incompatible change to report.json; docs/report-schema.md documents each version. */
export const REPORT_SCHEMA_VERSION = 2;
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
  /** Problems found / no problem found in what could be checked / inconclusive, with the facts that matter. */
  verdict: Verdict;
  /**
   * The one request for what to collect next, for the input's layout (analysis/collect-request.ts).
   * Optional only because report.json files written before it lack it.
   */
  collectRequest?: CollectRequest;
  /** The team config applied (analyzer/src/config/, docs/config.md), and each of its entries that changed this report. */
  config?: { file: string; hash: string };
  configApplied?: ConfigApplied[];
}

export interface AnalyzeOptions {
  limits?: Partial<ReaderLimits>;
  rules?: readonly Rule[];
  /** Called with the archive's sha256, hashed in the reader's pass (batch records it; folders: not called). */
  onInputSha256?(sha256: string): void;
}

/** The source folders whose content decides an analysis: a change to any file in them is a new rulesVersion. */
const ANALYSIS_SOURCES = ['rules', 'parsers', 'model', 'events', 'analysis', 'known-defects', 'versions'];
let sourceHash: string | undefined;
/** Set by tools/bundle.mjs: the bundle has no source folders beside it to hash. */
declare const DPM_ANALYSIS_SOURCES_HASH: string | undefined;

function analysisSourceHash(): string {
  sourceHash ??= typeof DPM_ANALYSIS_SOURCES_HASH === 'string' ? DPM_ANALYSIS_SOURCES_HASH : hashAnalysisSources(dirname(fileURLToPath(import.meta.url)));
  return sourceHash;
}

/** Content hash of the analysis sources under `here` (.ts in a clone, .js in dist), in a stable order. */
export function hashAnalysisSources(here: string): string {
  const h = createHash('sha256');
  h.update(`schema ${REPORT_SCHEMA_VERSION}\n`);
  const walk = (dir: string, rel: string) => {
    let names: string[];
    try {
      names = readdirSync(dir).sort();
    } catch {
      return;
    }
    for (const n of names) {
      const p = join(dir, n);
      const st = lstatSync(p);
      if (st.isDirectory()) walk(p, `${rel}/${n}`);
      else if (st.isFile() && /\.(?:ts|js|json)$/.test(n) && !n.endsWith('.d.ts')) {
        h.update(`${rel}/${n}\n`);
        h.update(readFileSync(p));
      }
    }
  };
  for (const d of ANALYSIS_SOURCES) walk(join(here, d), d);
  walk(join(here, '..', 'data'), 'data');
  return h.digest('hex').slice(0, 16);
}

/**
 * A fingerprint of what decides a verdict: the rule ids and the content of the rule, parser, model and
 * event sources plus the report schema version. Batch caches results per bundle sha256 + this, so a
 * rule fix never serves a stale cached verdict.
 */
export function rulesVersion(rules: readonly Rule[] = RULES): string {
  const ids = createHash('sha256').update(rules.map((r) => r.meta.id).join(',')).digest('hex').slice(0, 6);
  return `${TOOL_VERSION}+${analysisSourceHash()}.${ids}`;
}

export async function analyzeBundle(input: string, opts: AnalyzeOptions = {}): Promise<AnalysisResult> {
  const rules = opts.rules ?? RULES;
  const scan = await scanBundle(input, {
    limits: opts.limits,
    hashInput: opts.onInputSha256 !== undefined,
    sinkFor(source, ctx: ParseContext) {
      return parserFor(source.artifact)?.create({ sourceMtime: source.mtime, ...ctx });
    },
  });
  if (scan.sha256) opts.onInputSha256?.(scan.sha256);
  return analyzeParsed(scan.parsed, scan.inventory, rules);
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
    ...(inv.caseId ? { caseId: inv.caseId } : {}),
    ...(inv.label ? { label: inv.label } : {}),
    asRoot: inv.asRoot,
    health: Object.fromEntries(inv.artifacts.map((a) => [a.artifact, a])),
    parseProblems,
  });
  const { findings, coverage } = runRules(model, rules);
  const chains = causeChains(findings);
  const verdict = computeVerdict(model, findings, coverage, chains);
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    tool: { name: TOOL_NAME, version: TOOL_VERSION, rulesVersion: rulesVersion(rules) },
    inventory: inv,
    model,
    findings,
    coverage,
    causeChains: chains,
    verdict,
    collectRequest: computeCollectRequest(model, findings, coverage, chains, verdict),
  };
}
