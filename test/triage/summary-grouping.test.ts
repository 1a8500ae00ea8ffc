/**
 * Batch groups by root cause only: two power-off bundles, one with an extra warning from a config
 * file, are one incident. Expectations come from the inputs: the extra daemon.json key and the
 * rules each result fired.
 */
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeBundle, type AnalysisResult } from '../../analyzer/src/analyze.js';
import { buildSummaryFile } from '../../analyzer/src/triage/outputs.js';
import { summarize, type BundleSummary } from '../../analyzer/src/triage/summary.js';
import { severityRank } from '../../analyzer/src/rules/types.js';
import { buildIndexView } from '../../reports/batch-index.js';
import { SAMPLES } from './batch-fixtures.js';
import { makeTempDir, removeTempDirs } from '../helpers/tmp.js';

afterAll(removeTempDirs);

const serious = (r: AnalysisResult) => [...new Set(r.findings.filter((f) => severityRank(f.severity) >= severityRank('warning')).map((f) => f.ruleId))].sort();

describe('root-cause signature', () => {
  let plain: AnalysisResult;
  let extra: AnalysisResult;
  let a: BundleSummary;
  let b: BundleSummary;

  beforeAll(async () => {
    const dir = makeTempDir('dpm-sig-');
    cpSync(join(SAMPLES, 'nspawn-power-off-db-loss'), join(dir, 'site-a'), { recursive: true });
    cpSync(join(SAMPLES, 'nspawn-power-off-db-loss'), join(dir, 'site-b'), { recursive: true });
    // site-b also sets the data root with the deprecated "graph" key: a warning unrelated to the power-off.
    mkdirSync(join(dir, 'site-b/files/etc/docker'), { recursive: true });
    writeFileSync(join(dir, 'site-b/files/etc/docker/daemon.json'), '{ "graph": "/srv/docker" }\n');
    [plain, extra] = await Promise.all([analyzeBundle(join(dir, 'site-a')), analyzeBundle(join(dir, 'site-b'))]);
    a = summarize({ input: 'site-a', path: join(dir, 'site-a'), reportDir: 'site-a', reports: ['r.html'] }, plain);
    b = summarize({ input: 'site-b', path: join(dir, 'site-b'), reportDir: 'site-b', reports: ['r.html'] }, extra);
  }, 120_000);

  it('the inputs differ in their warnings', () => {
    expect(serious(extra)).toContain('graph-deprecated');
    expect(serious(plain)).not.toContain('graph-deprecated');
    expect(serious(plain)).not.toEqual(serious(extra));
  });

  it('both signatures are the cause-chain root, as ruleId/messageId, and nothing else', () => {
    for (const r of [plain, extra]) expect(r.causeChains.length).toBeGreaterThan(0);
    const roots = (r: AnalysisResult) => [...new Set(r.causeChains.map((c) => r.findings.find((f) => f.id === c[0])!))].map((f) => `${f.ruleId}/${f.messageId}`).sort();
    expect(a.rootCauses).toEqual(roots(plain));
    expect(b.rootCauses).toEqual(roots(extra));
    expect(a.signature).toBe(roots(plain).join('+'));
    expect(b.signature).toBe(a.signature);
    expect(b.signature).not.toContain('graph-deprecated');
  });

  it('the index shows one group holding both bundles', () => {
    const view = buildIndexView(buildSummaryFile([a, b]));
    expect(view.groups).toHaveLength(1);
    expect(view.groups[0]!.members.map((m) => m.file).sort()).toEqual(['site-a', 'site-b']);
  });

  it('without a chain, the signature is the verdict headline finding', () => {
    const noChain = { ...extra, causeChains: [] };
    const headline = extra.findings.find((f) => f.id === extra.verdict.headlineMessage?.data?.['finding'])!;
    expect(summarize({ input: 'x', path: '/x', reportDir: 'x', reports: [] }, noChain).signature).toBe(`${headline.ruleId}/${headline.messageId}`);
  });

  it('records file name only, coverage, versions and report names from the result', () => {
    expect(b.file).toBe('site-b');
    expect(b.coverage).toEqual({ verdict: extra.verdict.status, ...extra.verdict.rules });
    expect(b.versions?.kernel).toBe(extra.model.identity.kernel);
    expect(b.versions?.docker).toBe(extra.model.identity.docker?.version);
    expect(b.reports).toEqual(['r.html']);
  });
});
