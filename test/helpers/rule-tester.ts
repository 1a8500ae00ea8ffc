/**
 * RuleTester (ESLint style): runs one rule over valid cases (must not fire) and invalid cases
 * (must fire with these findings), through the REAL parsers and model builders.
 *
 * A case names a base bundle (a fixture folder or sample, read by the real bundle reader) and/or
 * overlays inline artifacts by id (hotsos style). Overlaid artifacts replace the base's; `drop`
 * removes artifacts to test coverage verdicts.
 *
 * The tester enforces: ≥1 valid and ≥1 invalid case; unique case names; every reported messageId
 * exists in meta.messages; placeholders are filled; evidence cites only meta.requires; the model
 * is frozen (a rule that mutates it throws).
 */
import { describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { analyzeParsed, type AnalysisResult } from '../../analyzer/src/analyze.js';
import { ARTIFACTS, isArtifactId, type ArtifactId } from '../../analyzer/src/spine/artifacts.js';
import type { ParsedArtifact } from '../../analyzer/src/model/fact-store.js';
import { parserFor } from '../../analyzer/src/parsers/index.js';
import { parseText } from '../../analyzer/src/parsers/parse-text.js';
import type { BundleInventory } from '../../analyzer/src/spine/reader.js';
import { scanBundle } from '../../analyzer/src/spine/reader.js';
import type { ArtifactHealth } from '../../analyzer/src/spine/types.js';
import type { CoverageStatus, Rule, Severity, Confidence } from '../../analyzer/src/rules/types.js';

export const REPO_ROOT = resolve(import.meta.dirname, '../..');

/** Inline artifact text by id; an array gives several files (multi-file artifacts). */
/** Keys are registered artifact ids: a typo does not compile. */
export type ArtifactOverlay = Partial<Record<ArtifactId, string | { path: string; text: string }[]>>;

export interface CaseInput {
  name: string;
  /** Base bundle, relative to the repo root (e.g. 'samples/lab-netns-healthy'). */
  bundle?: string;
  artifacts?: ArtifactOverlay;
  /** Artifact ids to remove from the base (to test not-evaluated verdicts). */
  drop?: ArtifactId[];
  /** Collection time for year inference etc. (ISO); defaults to the base bundle's. */
  collectedAt?: string;
  /** Expected coverage status of the rule, when the case is about coverage. */
  coverage?: CoverageStatus;
}

export interface ExpectedEvidence {
  artifact: string;
  line?: number;
  path?: string;
  /** A substring the excerpt must contain. */
  excerpt?: string;
}

export interface ExpectedFinding<M extends string = string> {
  /** Typed: a messageId the rule does not declare does not compile. */
  messageId: M;
  severity?: Severity;
  confidence?: Confidence;
  /** Subset of finding.data that must match. */
  data?: Record<string, string | number | boolean>;
  /** Each expected item must be matched by some evidence item. */
  evidence?: ExpectedEvidence[];
}

export interface InvalidCase<M extends string = string> extends CaseInput {
  findings: ExpectedFinding<M>[];
}

/** Builds the analysis for one case through the real pipeline. */
export async function analyzeCase(rule: Rule | readonly Rule[], c: CaseInput): Promise<AnalysisResult> {
  const rules = Array.isArray(rule) ? (rule as readonly Rule[]) : [rule as Rule];
  let parsed: ParsedArtifact[] = [];
  let inventory: BundleInventory = {
    input: c.bundle ?? `case:${c.name}`,
    format: 'directory',
    layout: 'folder',
    members: 0,
    bytesRead: 0,
    artifacts: ARTIFACTS.map((a): ArtifactHealth => ({ artifact: a.id, state: 'missing', paths: [], bytes: 0 })),
    problems: [],
  };
  if (c.bundle) {
    const scan = await scanBundle(resolve(REPO_ROOT, c.bundle), {
      sinkFor: (source, ctx) => parserFor(source.artifact)?.create({ ...ctx }),
    });
    parsed = [...scan.parsed];
    inventory = { ...scan.inventory, artifacts: scan.inventory.artifacts.map((a) => ({ ...a })) };
  }
  if (c.collectedAt) inventory.collectedAt = Date.parse(c.collectedAt);
  const replaced = new Set([...Object.keys(c.artifacts ?? {}), ...(c.drop ?? [])]);
  parsed = parsed.filter((p) => !replaced.has(p.source.artifact));
  const health = new Map(inventory.artifacts.map((a) => [a.artifact, a]));
  for (const id of c.drop ?? []) health.set(id, { artifact: id, state: 'missing', paths: [], bytes: 0 });
  for (const [key, v] of Object.entries(c.artifacts ?? {})) {
    if (!isArtifactId(key) || v === undefined) throw new Error(`case ${c.name}: unknown artifact id ${key}`);
    const id = key;
    const files = typeof v === 'string' ? [{ path: `inline/${id}`, text: v }] : v;
    let bytes = 0;
    for (const f of files) {
      const result = parseText(id, f.text, { path: f.path, collectedAt: inventory.collectedAt });
      parsed.push({ source: { artifact: id, path: f.path, bytes: f.text.length, truncated: false }, result });
      bytes += f.text.length;
    }
    health.set(id, { artifact: id, state: bytes === 0 ? 'empty' : 'present', paths: files.map((f) => f.path), bytes });
  }
  inventory.artifacts = [...health.values()];
  return analyzeParsed(parsed, inventory, rules);
}

function checkContract(rule: Rule, result: AnalysisResult): void {
  for (const f of result.findings) {
    expect(Object.keys(rule.meta.messages), `messageId ${f.messageId} is declared`).toContain(f.messageId);
    expect(f.summary, 'placeholders filled').not.toMatch(/\{\{\s*\w+\s*\}\}/);
    for (const e of f.evidence) {
      expect(rule.meta.requires, `evidence cites ${e.artifact}, which meta.requires must list`).toContain(e.artifact);
      expect(e.excerpt.length, 'evidence has an excerpt').toBeGreaterThan(0);
    }
    expect(f.evidence.length, 'a finding names its evidence').toBeGreaterThan(0);
    // The engine filled every command placeholder, from the rule's facts or as a visible <name>.
    for (const s of f.remediation) for (const c of s.commands ?? []) expect(c, 'command placeholders filled').not.toMatch(/\{\{[A-Za-z][\w-]*\}\}/);
  }
}

export const ruleTester = {
  run<M extends string>(rule: Rule<M>, cases: { valid: CaseInput[]; invalid: InvalidCase<NoInfer<M>>[] }): void {
    describe(`rule ${rule.meta.id}`, () => {
      it('has at least one valid and one invalid case, with unique names', () => {
        expect(cases.valid.length).toBeGreaterThan(0);
        expect(cases.invalid.length).toBeGreaterThan(0);
        const names = [...cases.valid, ...cases.invalid].map((c) => c.name);
        expect(new Set(names).size).toBe(names.length);
      });

      for (const c of cases.valid) {
        it(`valid: ${c.name}`, async () => {
          const result = await analyzeCase(rule as Rule, c);
          checkContract(rule as Rule, result);
          expect(result.findings.map((f) => `${f.messageId}: ${f.summary}`)).toEqual([]);
          // A valid case proves "no problem" only when the rule ran: not-evaluated or insufficient must be declared.
          const status = result.coverage.find((v) => v.ruleId === rule.meta.id)?.status;
          expect(status, `coverage of ${rule.meta.id} (declare \`coverage\` in the case when it is not 'evaluated')`).toBe(c.coverage ?? 'evaluated');
        });
      }

      for (const c of cases.invalid) {
        it(`invalid: ${c.name}`, async () => {
          const result = await analyzeCase(rule as Rule, c);
          checkContract(rule as Rule, result);
          const got = result.findings;
          expect(got.map((f) => f.messageId), 'messageIds of the findings').toEqual(c.findings.map((f) => f.messageId));
          c.findings.forEach((want, i) => {
            const f = got[i]!;
            if (want.severity) expect(f.severity).toBe(want.severity);
            if (want.confidence) expect(f.confidence).toBe(want.confidence);
            if (want.data) expect(f.data).toMatchObject(want.data);
            for (const we of want.evidence ?? []) {
              const hit = f.evidence.some(
                (e) =>
                  e.artifact === we.artifact &&
                  (we.line === undefined || e.line === we.line) &&
                  (we.path === undefined || e.path === we.path) &&
                  (we.excerpt === undefined || e.excerpt.includes(we.excerpt)),
              );
              expect(hit, `evidence ${JSON.stringify(we)} in ${JSON.stringify(f.evidence.map((e) => [e.artifact, e.line, e.excerpt.slice(0, 80)]))}`).toBe(true);
            }
          });
          if (c.coverage) expect(result.coverage.find((v) => v.ruleId === rule.meta.id)?.status).toBe(c.coverage);
        });
      }
    });
  },
};
