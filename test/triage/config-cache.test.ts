/**
 * Batch jobs apply the team config, and the config's hash is part of the cache key: a changed config
 * is never served a result cached under the old one. Runs jobs in this process on a real sample.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runJob, type Job } from '../../analyzer/src/triage/job.js';
import { makeTempDir, removeTempDirs } from '../helpers/tmp.js';
import { sample } from '../diff/lab-pairs.js';
import { reportFile } from '../helpers/report-files.js';

afterAll(removeTempDirs);

describe('batch job with a team config', { timeout: 120_000 }, () => {
  it('applies it, reuses the result for the same config, and re-analyzes when the config changes', async () => {
    const out = makeTempDir('dpm-config-cache-');
    const cfg = join(out, 'team.json');
    const job = (reportDir: string, configFile?: string): Job => ({ name: 'veth', path: sample('lab-netns-veth-leak'), outRoot: out, reportDir, configFile });

    const plain = await runJob(job('plain'));
    expect(plain.findings.map((f) => f.ruleId)).toContain('veth-leak');

    writeFileSync(cfg, JSON.stringify({ rules: { 'veth-leak': 'off' } }));
    const off = await runJob(job('off', cfg));
    expect(off.cached).toBe(false);
    expect(off.findings.map((f) => f.ruleId)).toEqual(plain.findings.map((f) => f.ruleId).filter((r) => r !== 'veth-leak'));
    expect(JSON.parse(readFileSync(reportFile(out, 'off', 'json'), 'utf8')).configApplied[0].rule).toBe('veth-leak');
    expect((await runJob(job('off', cfg))).cached).toBe(true);

    writeFileSync(cfg, JSON.stringify({ rules: { 'veth-leak': 'info' } }));
    const info = await runJob(job('off', cfg));
    expect(info.cached).toBe(false);
    expect(info.findings.find((f) => f.ruleId === 'veth-leak')?.severity).toBe('info');
  });
});
