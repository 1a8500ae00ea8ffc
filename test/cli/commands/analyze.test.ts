import { afterAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { REPO_ROOT } from '../../helpers/rule-tester.js';
import { makeTempDir, removeTempDirs } from '../../helpers/tmp.js';
import { reportFile } from '../../helpers/report-files.js';

afterAll(removeTempDirs);

const CLI = resolve(REPO_ROOT, 'analyzer/src/cli/main.ts');
const run = (args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', CLI, ...args], { cwd: REPO_ROOT, encoding: 'utf8', timeout: 120_000 });
const sample = (n: string) => resolve(REPO_ROOT, 'samples', n);

describe('docker-postmortem analyze', () => {
  it('writes the three reports into -o and nowhere else, and the same bundle gives the same bytes', () => {
    const a = makeTempDir('dpm-analyze-a-');
    const b = makeTempDir('dpm-analyze-b-');
    const cwdBefore = readdirSync(REPO_ROOT).sort();
    for (const out of [a, b]) expect(run(['analyze', sample('nspawn-power-off-db-loss'), '-o', out]).status).toBe(0);
    // Named after the host and the collection time the bundle's manifest records (not the clock of the run).
    const manifest = readFileSync(join(sample('nspawn-power-off-db-loss'), 'manifest.json'), 'utf8');
    const m = JSON.parse(manifest) as { host: string; collectedAt: string };
    const base = `docker-postmortem-${m.host}-${m.collectedAt.replace(/[-:]/g, '')}`;
    const names = readdirSync(a).sort();
    expect(names).toEqual(['html', 'json', 'md'].map((e) => `${base}.${e}`));
    expect(readdirSync(b).sort()).toEqual(names);
    for (const f of names) expect(readFileSync(join(a, f), 'utf8'), f).toBe(readFileSync(join(b, f), 'utf8'));
    expect(readdirSync(REPO_ROOT).sort()).toEqual(cwdBefore);
  }, 180_000);

  it('--fail-on exits 1 only when a finding is at or above the severity the bundle shows', () => {
    const out = makeTempDir('dpm-analyze-f-');
    // The power-off sample lost a container (samples/README.md): that is critical.
    const r0 = run(['analyze', sample('nspawn-power-off-db-loss'), '-o', out, '--format', 'json']);
    expect(r0.status).toBe(0);
    const sev = JSON.parse(readFileSync(reportFile(out, 'json'), 'utf8')).findings.map((f: { severity: string }) => f.severity);
    expect(sev).toContain('critical');
    expect(run(['analyze', sample('nspawn-power-off-db-loss'), '-o', out, '--format', 'json', '--fail-on', 'critical']).status).toBe(1);
    const outHealthy = makeTempDir('dpm-analyze-h-');
    const healthy = run(['analyze', sample('nspawn-healthy'), '-o', outHealthy, '--format', 'json', '--fail-on', 'warning']);
    // The healthy sample is a clean lab host (samples/README.md): nothing at warning or above, so exit 0.
    const hs = JSON.parse(readFileSync(reportFile(outHealthy, 'json'), 'utf8')).findings.map((f: { severity: string }) => f.severity);
    expect(hs.filter((s: string) => s !== 'info')).toEqual([]);
    expect(healthy.status).toBe(0);
  }, 180_000);

  it('exits 2 on usage errors and 3 with one line on an unreadable input', () => {
    const out = makeTempDir('dpm-analyze-u-');
    expect(run(['analyze', sample('nspawn-healthy'), '-o', out, '--format', 'pdf']).status).toBe(2);
    expect(run(['analyze', sample('nspawn-healthy'), '-o', out, '--fail-on', 'fatal']).status).toBe(2);
    const junk = join(out, 'junk.tar.gz');
    writeFileSync(junk, 'not an archive\n');
    const r = run(['analyze', junk, '-o', out]);
    expect(r.status).toBe(3);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('cannot read');
  }, 180_000);
});
