import { afterAll, describe, expect, it, beforeAll } from 'vitest';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { runBatch, mergeShards } from '../../analyzer/src/triage/batch.js';
import type { BatchSummaryFile } from '../../analyzer/src/triage/outputs.js';
import { CSV_COLUMNS } from '../../analyzer/src/triage/outputs.js';
import { makeBatchInputs, type Expectation } from './batch-fixtures.js';
import { makeTempDir, removeTempDirs } from '../helpers/tmp.js';
import { reportPath } from '../../analyzer/src/triage/report-names.js';

afterAll(removeTempDirs);

// Small reader limits so the gzip bomb (1 GiB of zeros in ~1 MB) is cut quickly instead of inflated whole.
const LIMITS = { maxEntryBytes: 32 * 1024 * 1024, maxTotalBytes: 96 * 1024 * 1024 };

describe('batch triage over real samples, generated copies and broken inputs', () => {
  let inputs: { dir: string; expect: Record<string, Expectation> };
  let out: string;
  let summary: BatchSummaryFile;

  beforeAll(async () => {
    inputs = await makeBatchInputs({ bombBytes: 1024 * 1024 * 1024 });
    out = makeTempDir('dpm-batch-out-');
    await runBatch({ inputs: [inputs.dir], outDir: out, jobs: 2, progress: false, limits: LIMITS });
    summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
  }, 240_000);

  it('lists every input exactly once in summary.json', () => {
    const names = summary.bundles.map((b) => b.input).sort();
    expect(names).toEqual(Object.keys(inputs.expect).sort());
    expect(summary.totals.bundles).toBe(names.length);
  });

  it('marks unreadable inputs failed with a one-line reason, and analyzes the readable ones', () => {
    for (const [name, want] of Object.entries(inputs.expect)) {
      const b = summary.bundles.find((x) => x.input === name)!;
      if (want.status === 'failed') {
        expect(b.status, name).toBe('failed');
        expect(b.reason, name).toMatch(/\S/);
        expect(b.reason, name).not.toContain('\n');
      } else expect(['analyzed', 'partial'], `${name}: ${b.reason}`).toContain(b.status);
    }
  });

  it('marks the truncated archive and the gzip bomb as partly read, with the reason', () => {
    const trunc = summary.bundles.find((b) => b.input === 'truncated.tar.gz')!;
    expect(trunc.status).toBe('partial');
    expect(trunc.reason).toMatch(/truncated|corrupt|unexpected end/i);
    const bomb = summary.bundles.find((b) => b.input === 'bomb.tar.gz')!;
    expect(bomb.status).toBe('partial');
    expect(bomb.reason).toMatch(/limit/);
  });

  it('gives each bundle the worst severity of its findings, and fires what the inputs show', () => {
    const rank = ['none', 'info', 'warning', 'error', 'critical'];
    for (const b of summary.bundles) {
      const worst = b.findings.reduce((w, f) => (rank.indexOf(f.severity) > rank.indexOf(w) ? f.severity : w), 'none');
      expect(b.worstSeverity, b.input).toBe(worst);
      for (const r of inputs.expect[b.input]!.mustFire ?? []) expect(b.findings.map((f) => f.ruleId), b.input).toContain(r);
    }
  });

  it('groups the fleet incident: the sample and its copies share one signature', () => {
    const sig = summary.bundles.find((b) => b.input === 'lab-netns-veth-leak')!.signature;
    expect(sig).not.toBe('');
    const members = summary.bundles.filter((b) => b.signature === sig).map((b) => b.input).sort();
    expect(members).toEqual(['copy-1', 'copy-2', 'lab-netns-veth-leak']);
    const html = readFileSync(join(out, 'index.html'), 'utf8');
    expect(html).toContain('node-1');
    expect(html).toContain('node-2');
  });

  it('writes per-bundle reports for every readable bundle and none for failed ones', () => {
    for (const b of summary.bundles) {
      if (b.status === 'failed') expect(b.reportDir).toBeUndefined();
      else for (const f of ['html', 'json', 'md'] as const) expect(existsSync(join(out, reportPath(b, f)!)), `${b.input}/${f}`).toBe(true);
    }
  });

  it('writes summary.csv with one row per finding and one row for a bundle without findings', () => {
    const rows = readFileSync(join(out, 'summary.csv'), 'utf8').trimEnd().split('\r\n');
    expect(rows[0]).toBe(CSV_COLUMNS.join(','));
    const expected = summary.bundles.reduce((n, b) => n + Math.max(1, b.findings.length), 0);
    expect(rows.length - 1).toBe(expected);
  });

  it('lists the broken inputs in index.html with their reasons', () => {
    const html = readFileSync(join(out, 'index.html'), 'utf8');
    for (const b of summary.bundles.filter((x) => x.status !== 'analyzed')) {
      expect(html).toContain(b.input);
    }
    expect(html.indexOf('<meta http-equiv="Content-Security-Policy"')).toBeLessThan(html.indexOf('<title>'));
  });

  it('re-running reuses every cached result and produces the same summary bytes', async () => {
    const before = readFileSync(join(out, 'summary.json'), 'utf8');
    const again = await runBatch({ inputs: [inputs.dir], outDir: out, jobs: 2, progress: false, limits: LIMITS });
    expect(again.reused).toBe(summary.bundles.length);
    expect(readFileSync(join(out, 'summary.json'), 'utf8')).toBe(before);
  }, 120_000);

  it('two shards merged equal one unsharded run', async () => {
    const s1 = makeTempDir('dpm-shard1-');
    const s2 = makeTempDir('dpm-shard2-');
    const r1 = await runBatch({ inputs: [inputs.dir], outDir: s1, jobs: 2, progress: false, limits: LIMITS, shard: { index: 1, count: 2 } });
    const r2 = await runBatch({ inputs: [inputs.dir], outDir: s2, jobs: 2, progress: false, limits: LIMITS, shard: { index: 2, count: 2 } });
    expect(r1.bundles.length + r2.bundles.length).toBe(summary.bundles.length);
    expect(r1.bundles.length).toBeGreaterThan(0);
    expect(r2.bundles.length).toBeGreaterThan(0);
    const merged = makeTempDir('dpm-merged-');
    mergeShards([s1, s2], merged);
    expect(readFileSync(join(merged, 'summary.json'), 'utf8')).toBe(readFileSync(join(out, 'summary.json'), 'utf8'));
    expect(readFileSync(join(merged, 'summary.csv'), 'utf8')).toBe(readFileSync(join(out, 'summary.csv'), 'utf8'));
    expect(readdirSync(merged).filter((n) => !n.startsWith('.')).sort()).toEqual(readdirSync(out).filter((n) => !n.startsWith('.')).sort());
  }, 240_000);
});
