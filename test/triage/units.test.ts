import { afterAll, describe, expect, it } from 'vitest';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { csvCell, renderCsv } from '../../analyzer/src/triage/outputs.js';
import { discoverInputs } from '../../analyzer/src/triage/discover.js';
import { reportDirName, reportHref, reportPath } from '../../analyzer/src/triage/report-names.js';
import { inShard, parseShard } from '../../analyzer/src/triage/shard.js';
import { failedSummary } from '../../analyzer/src/triage/summary.js';
import { workerEnv, workerV8Flags } from '../../analyzer/src/triage/pool.js';
import { makeTempDir, removeTempDirs } from '../helpers/tmp.js';

afterAll(removeTempDirs);

describe('summary.csv cells', () => {
  it('quotes commas, quotes and newlines (RFC 4180)', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
  });
  it('defuses spreadsheet formulas from bundle text', () => {
    for (const v of ['=HYPERLINK("x")', '+1', '-2', '@SUM(A1)']) expect(csvCell(v).replace(/^"/, '').startsWith("'")).toBe(true);
  });
  it('gives a failed bundle exactly one row', () => {
    const csv = renderCsv([failedSummary('sub/broken.tar.gz', '/cases/42/sub/broken.tar.gz', 'not a bundle')]).trimEnd().split('\r\n');
    expect(csv).toHaveLength(2);
    // input, file (the name only, never the path), status, reason; host … os empty; worst, count; root causes … report empty
    expect(csv[1]).toBe(`sub/broken.tar.gz,broken.tar.gz,failed,not a bundle${','.repeat(8)},none,0${','.repeat(6)}`);
  });
});

describe('report folder names', () => {
  it('are file-system safe, drop archive suffixes and stay unique', () => {
    const taken = new Set<string>();
    expect(reportDirName('tickets/42/node1.tar.gz', taken)).toBe('tickets__42__node1');
    expect(reportDirName('../../etc/passwd', taken)).toMatch(/^[A-Za-z0-9._-]+$/);
    expect(reportDirName('../../etc/passwd', taken)).not.toContain('..');
    const a = reportDirName('x y.tar', taken);
    const b = reportDirName('x?y.tar', taken);
    expect(a).not.toBe(b);
    expect(reportDirName('index.html', taken)).not.toBe('index.html');
  });
});

describe('report links', () => {
  it('come from the names written, never an assumed one, and stay inside the output folder', () => {
    const reports = ['docker-postmortem-node1-20260102T0304Z.json', 'docker-postmortem-node1-20260102T0304Z.html'];
    expect(reportPath({ reportDir: 'node1', reports }, 'html')).toBe(`node1/${reports[1]}`);
    expect(reportPath({ reportDir: 'node1', reports }, 'md')).toBeUndefined();
    expect(reportPath({ reportDir: 'node1' }, 'html')).toBeUndefined();
    for (const bad of ['../x.html', 'a/b.html', '..', 'a\\b.html']) expect(reportPath({ reportDir: 'node1', reports: [bad] }, 'html'), bad).toBeUndefined();
    expect(reportPath({ reportDir: '..', reports }, 'html')).toBeUndefined();
    expect(reportHref({ reportDir: 'n', reports: ['r#1 %.html'] }, 'html')).toBe('n/r%231%20%25.html');
  });
});

describe('sharding', () => {
  it('puts every name in exactly one of n shards', () => {
    const names = Array.from({ length: 200 }, (_, i) => `bundle-${i}.tar.gz`);
    const n = 3;
    for (const name of names) {
      const owners = [1, 2, 3].filter((i) => inShard(name, { index: i, count: n }));
      expect(owners).toHaveLength(1);
    }
    // and the split is not degenerate
    const sizes = [1, 2, 3].map((i) => names.filter((x) => inShard(x, { index: i, count: n })).length);
    for (const s of sizes) expect(s).toBeGreaterThan(30);
  });
  it('rejects malformed --shard values', () => {
    for (const v of ['0/2', '3/2', '1', 'a/b', '1/0']) expect(() => parseShard(v)).toThrow();
    expect(parseShard('2/8')).toEqual({ index: 2, count: 8 });
  });
});

describe('input discovery', () => {
  it('takes every entry of a folder, walks grouping folders, and refuses links out of the root', () => {
    const root = makeTempDir('dpm-discover-');
    const outside = makeTempDir('dpm-outside-');
    writeFileSync(join(outside, 'secret.tar.gz'), 'x');
    writeFileSync(join(root, 'a.tar.gz'), 'x');
    writeFileSync(join(root, 'garbage.bin'), 'x');
    mkdirSync(join(root, 'ticket-1'));
    writeFileSync(join(root, 'ticket-1', 'b.tar.xz'), 'x');
    mkdirSync(join(root, 'bundle-dir', 'cmd'), { recursive: true });
    mkdirSync(join(root, 'empty-dir'));
    symlinkSync(join(outside, 'secret.tar.gz'), join(root, 'link-out.tar.gz'));
    const d = discoverInputs([root]);
    expect(d.inputs.map((i) => i.name)).toEqual(['a.tar.gz', 'bundle-dir', 'empty-dir', 'garbage.bin', 'ticket-1/b.tar.xz']);
    expect(d.refused.map((r) => r.name)).toEqual(['link-out.tar.gz']);
    expect(d.refused[0]!.reason).toMatch(/not followed/);
  });
});

describe('batch worker V8 flags', () => {
  it('run V8 single-threaded only when the workers alone fill every core', () => {
    expect(workerV8Flags(2, 2)).toContain('--single-threaded');
    expect(workerV8Flags(8, 4)).toContain('--single-threaded');
    expect(workerV8Flags(1, 2)).not.toContain('--single-threaded');
    expect(workerV8Flags(3, 4)).not.toContain('--single-threaded');
    // The heap limits hold either way (they keep a worker's RSS down).
    for (const f of [workerV8Flags(1, 2), workerV8Flags(2, 2)]) expect(f).toEqual(expect.arrayContaining(['--max-old-space-size=1024', '--max-semi-space-size=2', '--expose-gc']));
  });
  it('add the flags of DPM_WORKER_V8_FLAGS after their own, for measuring a worker', () => {
    const env = { DPM_WORKER_V8_FLAGS: ' --log-code  --logfile=/tmp/v8.log ' };
    expect(workerV8Flags(2, 2, env).slice(-3)).toEqual(['--single-threaded', '--log-code', '--logfile=/tmp/v8.log']);
    expect(workerV8Flags(1, 2, env).slice(-2)).toEqual(['--log-code', '--logfile=/tmp/v8.log']);
    expect(workerV8Flags(1, 2, {})).toEqual(workerV8Flags(1, 2, { DPM_WORKER_V8_FLAGS: '' }));
  });
});

describe('batch worker environment', () => {
  it('drops NODE_EXTRA_CA_CERTS: a worker never connects, and Node would parse the file at every start', () => {
    const mine = { NODE_EXTRA_CA_CERTS: '/etc/ssl/certs/ca-certificates.crt', HOME: '/root', LANG: 'de_DE.UTF-8' };
    const env = workerEnv(mine);
    expect(env).not.toHaveProperty('NODE_EXTRA_CA_CERTS');
    expect(env).toEqual({ HOME: '/root', LANG: 'de_DE.UTF-8' });
    // the batch's own environment is left as it was
    expect(mine.NODE_EXTRA_CA_CERTS).toBe('/etc/ssl/certs/ca-certificates.crt');
  });
});
