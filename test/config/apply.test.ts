/**
 * The team config applied to the shipped samples: scoping by flavor, host-name glob and case id,
 * severity changes, the last matching entry winning, and what a removed finding leaves behind.
 * Expectations come from each sample's own analysis (its flavor, host name, findings).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeBundle, type AnalysisResult } from '../../analyzer/src/analyze.js';
import { applyConfig } from '../../analyzer/src/config/apply.js';
import { validateConfig } from '../../analyzer/src/config/load.js';
import type { TeamConfig } from '../../analyzer/src/config/types.js';
import { renderMarkdown } from '../../reports/markdown.js';
import { renderJson } from '../../reports/json.js';
import { makeTempDir, removeTempDirs } from '../helpers/tmp.js';
import { copySampleWithHost } from '../triage/batch-fixtures.js';
import { sample } from '../diff/lab-pairs.js';

afterAll(removeTempDirs);

function config(raw: unknown): TeamConfig {
  const r = validateConfig(raw, '/team/docker-postmortem.config.json', JSON.stringify(raw));
  expect(r.problems).toEqual([]);
  return r.config!;
}
const ids = (r: AnalysisResult) => r.findings.map((f) => f.id).sort();

describe('team config on the shipped samples', { timeout: 120_000 }, () => {
  let veth: AnalysisResult; // lab-netns-veth-leak: host "vm"
  let json: AnalysisResult; // nspawn-start-limit-daemon-json: host "docklab", chain daemon-config-invalid → start-limit-hit
  beforeAll(async () => {
    [veth, json] = await Promise.all([analyzeBundle(sample('lab-netns-veth-leak')), analyzeBundle(sample('nspawn-start-limit-daemon-json'))]);
  });

  it('scopes by flavor: a rule off for the sample\'s own flavor is removed and listed; for the other flavor nothing changes', () => {
    const flavor = veth.model.identity.flavor;
    expect(flavor).toBe('upstream');
    const redirect = veth.findings.filter((f) => f.ruleId === 'overlay2-redirect-dir');
    expect(redirect).toHaveLength(1);
    const on = applyConfig(veth, config({ rules: { 'overlay2-redirect-dir': { severity: 'off', when: { flavor: 'upstream' } } } }));
    expect(ids(on)).toEqual(ids(veth).filter((id) => id !== redirect[0]!.id));
    expect(on.configApplied).toEqual([
      { rule: 'overlay2-redirect-dir', change: 'off', entry: 'docker-postmortem.config.json rules["overlay2-redirect-dir"]', scope: 'flavor upstream', findings: [redirect[0]!.id] },
    ]);
    expect(on.coverage.some((c) => c.ruleId === 'overlay2-redirect-dir')).toBe(false); // never shown as a passed check
    const off = applyConfig(veth, config({ rules: { 'overlay2-redirect-dir': { severity: 'off', when: { flavor: 'openeuler' } } } }));
    expect(ids(off)).toEqual(ids(veth));
    expect(off.configApplied).toEqual([]);
  });

  it('scopes by host-name glob (case-insensitive): "DOCK*" matches docklab, not vm', () => {
    const cfg = config({ rules: { 'start-limit-hit': { severity: 'warning', when: { hosts: ['DOCK*'] } }, 'veth-leak': { severity: 'info', when: { hosts: ['DOCK*'] } } } });
    const j = applyConfig(json, cfg);
    const before = json.findings.find((f) => f.ruleId === 'start-limit-hit')!;
    expect(before.severity).toBe('error');
    expect(j.findings.find((f) => f.ruleId === 'start-limit-hit')!.severity).toBe('warning');
    expect(j.configApplied!.map((a) => [a.rule, a.change, a.findings])).toEqual([
      ['start-limit-hit', 'severity error → warning', [before.id]],
      ['veth-leak', 'severity → info', []],
    ]);
    const v = applyConfig(veth, cfg);
    expect(v.findings.map((f) => f.severity)).toEqual(veth.findings.map((f) => f.severity));
    expect(v.configApplied).toEqual([]);
  });

  it('scopes by case id from the manifest: applies only to the bundle collected with that --case-id', async () => {
    const dir = join(makeTempDir('dpm-config-case-'), 'b');
    copySampleWithHost('lab-netns-veth-leak', dir, 'vm');
    const mf = join(dir, 'manifest.json');
    writeFileSync(mf, JSON.stringify({ ...JSON.parse(readFileSync(mf, 'utf8')), caseId: 'SR-4711' }));
    const tagged = await analyzeBundle(dir);
    expect(tagged.inventory.caseId).toBe('SR-4711');
    const cfg = config({ rules: { 'veth-leak': { severity: 'off', when: { caseIds: ['SR-4711'] } } } });
    expect(applyConfig(tagged, cfg).findings.some((f) => f.ruleId === 'veth-leak')).toBe(false);
    expect(applyConfig(veth, cfg).findings.some((f) => f.ruleId === 'veth-leak')).toBe(true); // the shipped sample has no case id
  });

  it('the last matching entry wins: off everywhere, but kept as warning on docklab', () => {
    const cfg = config({ rules: { 'start-limit-hit': ['off', { severity: 'warning', when: { hosts: ['docklab'] } }] } });
    expect(applyConfig(json, cfg).findings.find((f) => f.ruleId === 'start-limit-hit')?.severity).toBe('warning');
    const other = structuredClone(json);
    other.model.identity.hostname = 'elsewhere';
    expect(applyConfig(other, cfg).findings.some((f) => f.ruleId === 'start-limit-hit')).toBe(false);
  });

  it('a removed cause leaves no dangling link or chain, and the verdict is computed again', () => {
    const cause = json.findings.find((f) => f.ruleId === 'daemon-config-invalid')!;
    expect(json.causeChains.flat()).toContain(cause.id);
    const r = applyConfig(json, config({ rules: { 'daemon-config-invalid': 'off' } }));
    expect(r.findings.some((f) => f.ruleId === 'daemon-config-invalid')).toBe(false);
    for (const f of r.findings) expect([...f.causedBy, ...f.causes]).not.toContain(cause.id);
    expect(r.causeChains.flat()).not.toContain(cause.id);
    expect(r.verdict.headline).toMatch(/^1 problem found/);
    // The input result is not changed.
    expect(json.findings.find((f) => f.ruleId === 'start-limit-hit')!.causedBy).toContain(cause.id);
  });

  it('report.json lists configApplied and the config file; report.md says what was suppressed and where', () => {
    const r = applyConfig(veth, config({ rules: { 'overlay2-redirect-dir': { severity: 'off', when: { flavor: 'upstream' } } } }));
    const j = JSON.parse(renderJson(r));
    expect(j.config).toEqual({ file: 'docker-postmortem.config.json', hash: r.config!.hash });
    expect(j.configApplied[0].rule).toBe('overlay2-redirect-dir');
    expect(renderMarkdown(r)).toContain('- Suppressed by config: ` overlay2-redirect-dir ` on flavor upstream, 1 finding');
    expect(renderMarkdown(veth)).not.toContain('by config');
  });
});
