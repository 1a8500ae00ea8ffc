/**
 * `diff` on pairs made from the real lab samples (test/diff/lab-pairs.ts says how each "after" is
 * derived from its real "before": the fix applied to the captured files as the tools print them
 * after it). Expected values come from the before/after files themselves.
 */
import { cpSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeBundle, type AnalysisResult } from '../../analyzer/src/analyze.js';
import { diffAnalyses, newAtOrAbove } from '../../analyzer/src/diff/index.js';
import type { BundleDiff } from '../../analyzer/src/diff/types.js';
import { makeTempDir, removeTempDirs } from '../helpers/tmp.js';
import { copySampleWithHost } from '../triage/batch-fixtures.js';
import { daemonJsonFixedAfter, FIXED_DAEMON_JSON, LEAKED_VETHS, sample, semaphoresCleanedAfter, vethDeletedAfter } from './lab-pairs.js';

afterAll(removeTempDirs);

const keysOf = (d: BundleDiff, change: string) => d.findings.filter((f) => f.change === change).map((f) => f.key).sort();
const section = (d: BundleDiff, id: string) => d.sections.find((s) => s.id === id)!;
const findingKey = (r: AnalysisResult, ruleId: string) => r.findings.filter((f) => f.ruleId === ruleId).map((f) => `${f.ruleId} · ${f.subject ?? `message:${f.messageId}`}`);

describe('diff: a leaked veth pair deleted (lab-netns-veth-leak)', { timeout: 120_000 }, () => {
  let before: AnalysisResult;
  let after: AnalysisResult;
  let d: BundleDiff;
  beforeAll(async () => {
    before = await analyzeBundle(sample('lab-netns-veth-leak'));
    after = await analyzeBundle(vethDeletedAfter(join(makeTempDir('dpm-diff-veth-'), 'after')));
    d = diffAnalyses(before, after);
  });

  it('resolves the veth-leak finding and keeps every other finding as persisting', () => {
    const leak = findingKey(before, 'veth-leak');
    expect(leak).toHaveLength(1);
    expect(keysOf(d, 'resolved')).toEqual(leak);
    expect(keysOf(d, 'new')).toEqual([]);
    expect(keysOf(d, 'persisting')).toEqual(before.findings.filter((f) => f.ruleId !== 'veth-leak').map((f) => `${f.ruleId} · ${f.subject ?? `message:${f.messageId}`}`).sort());
  });

  it('lists exactly the two deleted interfaces as removed, with the ip link lines they came from', () => {
    const s = section(d, 'interfaces');
    expect(s.changes.map((c) => [c.change, c.item])).toEqual(LEAKED_VETHS.map((v) => ['removed', v]).sort());
    const text = readFileSync(join(sample('lab-netns-veth-leak'), 'cmd/ip-d-o-link.txt'), 'utf8').split('\n');
    for (const c of s.changes) expect(text[c.beforeEvidence!.line - 1]).toContain(`${c.item}@`);
    for (const id of ['packages', 'config', 'limits', 'storage', 'containers', 'networks'] as const) expect(section(d, id).changes, id).toEqual([]);
  });

  it('sees one host, in order, and says so: no warning; collected five minutes apart', () => {
    expect(d.warnings).toEqual([]);
    expect(Date.parse(d.after.collectedAt!) - Date.parse(d.before.collectedAt!)).toBe(5 * 60_000);
  });

  it('swapped arguments: warns about the order and turns resolved into new', () => {
    const w = diffAnalyses(after, before);
    expect(w.warnings.map((x) => x.kind)).toEqual(['wrong-order']);
    expect(keysOf(w, 'new')).toEqual(findingKey(before, 'veth-leak'));
    expect(section(w, 'interfaces').changes.map((c) => c.change)).toEqual(['added', 'added']);
    expect(newAtOrAbove(w, 'warning')).toBe(true);
    expect(newAtOrAbove(d, 'info')).toBe(false);
  });

  it('a finding gone because its data was not collected is "unverified", not resolved', async () => {
    const dir = join(makeTempDir('dpm-diff-unverified-'), 'after');
    cpSync(sample('lab-netns-veth-leak'), dir, { recursive: true });
    rmSync(join(dir, 'cmd/ip-d-o-link.txt'));
    const a = await analyzeBundle(dir);
    const cov = a.coverage.find((c) => c.ruleId === 'veth-leak')!;
    expect(cov.status).not.toBe('evaluated');
    const w = diffAnalyses(before, a);
    const leak = w.findings.find((f) => f.ruleId === 'veth-leak')!;
    expect(leak.change).toBe('unverified');
    expect(leak.reason).toBe(`${cov.status}: ${cov.reason}`);
    expect(w.counts.resolved).toBe(0);
  });

  it('another host name in the after bundle: warns that these are two hosts', async () => {
    const other = join(makeTempDir('dpm-diff-host-'), 'b');
    copySampleWithHost('lab-netns-veth-leak', other, 'other-host');
    const w = diffAnalyses(before, await analyzeBundle(other));
    expect(w.warnings.map((x) => x.kind)).toEqual(['different-host']);
    expect(w.warnings[0]!.text).toContain('other-host');
  });
});

describe('diff: daemon.json fixed and docker started cleanly (nspawn-start-limit-daemon-json)', { timeout: 120_000 }, () => {
  let before: AnalysisResult;
  let after: AnalysisResult;
  let d: BundleDiff;
  beforeAll(async () => {
    before = await analyzeBundle(sample('nspawn-start-limit-daemon-json'));
    after = await analyzeBundle(daemonJsonFixedAfter(join(makeTempDir('dpm-diff-json-'), 'after')));
    d = diffAnalyses(before, after);
  });

  it('the parse error is resolved; the daemon.json state goes from invalid to valid', () => {
    const parse = before.findings.filter((f) => f.ruleId === 'daemon-config-invalid' && f.messageId === 'parseError');
    expect(parse).toHaveLength(1);
    expect(d.findings.find((f) => f.key === 'daemon-config-invalid · message:parseError')?.change).toBe('resolved');
    const state = section(d, 'config').changes.find((c) => c.item === '(daemon.json)')!;
    expect(state.before).toMatch(/^invalid: /);
    expect(state.after).toBe('valid');
    // The fixed file has the same keys, so no effective value changed.
    expect(section(d, 'config').changes).toHaveLength(1);
    expect(Object.keys(JSON.parse(FIXED_DAEMON_JSON)).every((k) => after.model.config.values[k]?.source === 'daemon.json')).toBe(true);
  });

  it('what the journal still holds predates the before collection: history, not a recurrence, and not a --fail-on-new failure', () => {
    const history = d.findings.filter((f) => f.change !== 'resolved');
    expect(history.length).toBeGreaterThan(0);
    for (const f of history) expect(f.sinceBefore, f.key).toBe(false);
    expect(newAtOrAbove(d, 'info')).toBe(false);
  });

  it('same machine, same boot, no new boot; the machine id comes from journalctl --header', () => {
    const header = readFileSync(join(sample('nspawn-start-limit-daemon-json'), 'cmd/journalctl-header.txt'), 'utf8');
    expect(d.before.machineId).toBe(/^Machine ID: (\w+)/m.exec(header)![1]);
    expect(d.after.machineId).toBe(d.before.machineId);
    expect(d.warnings).toEqual([]);
    expect(d.boots).toEqual({ newBoots: [], sameBoot: true });
  });

  it('another nspawn machine with the same hostname is flagged by its machine id', async () => {
    const other = await analyzeBundle(sample('nspawn-start-limit-hit'));
    expect(other.model.identity.hostname).toBe(before.model.identity.hostname);
    const w = diffAnalyses(other, before);
    expect(w.warnings.map((x) => x.kind)).toEqual(['different-host']);
    expect(w.warnings[0]!.text).toContain('machine id');
  });
});

describe('diff: leaked semaphores cleaned (lab-netns-semaphore-leak)', { timeout: 120_000 }, () => {
  let d: BundleDiff;
  let before: AnalysisResult;
  beforeAll(async () => {
    before = await analyzeBundle(sample('lab-netns-semaphore-leak'));
    d = diffAnalyses(before, await analyzeBundle(semaphoresCleanedAfter(join(makeTempDir('dpm-diff-sem-'), 'after'))));
  });

  it('resolves semaphore-leak and shows the arrays in use drop to 0 with SEMMNI unchanged', () => {
    expect(keysOf(d, 'resolved')).toEqual(findingKey(before, 'semaphore-leak'));
    const used = Number(/used arrays = (\d+)/.exec(readFileSync(join(sample('lab-netns-semaphore-leak'), 'cmd/ipcs-u.txt'), 'utf8'))![1]);
    const rows = readFileSync(join(sample('lab-netns-semaphore-leak'), 'cmd/ipcs-s.txt'), 'utf8').split('\n').filter((l) => /^0x0d4d/.test(l)).length;
    const limits = section(d, 'limits').changes;
    expect(limits.map((c) => [c.item, c.before, c.after])).toEqual([
      ['devicemapper udev cookies (0x0d4d…)', String(rows), '0'],
      ['semaphore arrays in use', String(used), '0'],
    ]);
  });
});

describe('diff: boots between the collections', () => {
  it('counts the boots of after that began after before was collected, and how before\'s boot ended', async () => {
    // nspawn-healthy has three boots; "before" is the same analysis as if collected at the end of its first boot.
    const after = await analyzeBundle(sample('nspawn-healthy'));
    const boots = [...after.model.boots].sort((a, b) => a.index - b.index);
    expect(boots.length).toBeGreaterThanOrEqual(2);
    const first = boots[0]!;
    const before = structuredClone(after);
    before.model.boots = [{ ...first, index: 0 }];
    before.inventory.collectedAt = first.lastEntry;
    const d = diffAnalyses(before, after);
    expect(d.boots.newBoots.map((b) => b.bootId)).toEqual(boots.slice(1).map((b) => b.bootId));
    expect(d.boots.sameBoot).toBe(false);
    expect(d.boots.beforeBootEnded).toMatchObject({ bootId: first.bootId, verdict: first.verdict });
  }, 120_000);
});
