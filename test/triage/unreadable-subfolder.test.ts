/**
 * One unreadable subfolder must not fail a whole bundle in batch (issue 12, class 5): before, the
 * batch job's hash walk threw a raw `EACCES … scandir` and the bundle was listed as failed, while
 * `analyze` read the rest. Root reads any folder, so the permission error is injected here: every
 * listing of a folder named `unlistable-by-injection` fails with EACCES, the way a chmod 000 folder
 * fails for a user. test/triage/batch-inputs.test.ts does the same with real permissions.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { runJob } from '../../analyzer/src/triage/job.js';
import { copySampleWithHost } from './batch-fixtures.js';
import { reportFile } from '../helpers/report-files.js';

vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  const denied = (p: unknown) => String(p).split('/').includes('unlistable-by-injection');
  const eacces = (p: unknown) => Object.assign(new Error(`EACCES: permission denied, scandir '${String(p)}'`), { code: 'EACCES', errno: -13, syscall: 'scandir' });
  const readdirSync = ((p: unknown, ...rest: unknown[]) => {
    if (denied(p)) throw eacces(p);
    return (fs.readdirSync as (...a: unknown[]) => unknown)(p, ...rest);
  }) as typeof fs.readdirSync;
  const readdir = (async (p: unknown, ...rest: unknown[]) => {
    if (denied(p)) throw eacces(p);
    return (fs.promises.readdir as (...a: unknown[]) => Promise<unknown>)(p, ...rest);
  }) as typeof fs.promises.readdir;
  const promises = { ...fs.promises, readdir };
  return { ...fs, readdirSync, promises, default: { ...fs, readdirSync, promises } };
});

const tmp = mkdtempSync(join(tmpdir(), 'dpm-unlistable-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('batch job: a bundle with one unreadable subfolder', () => {
  it('is analyzed from the rest and listed as partly read, with the folder named', { timeout: 120_000 }, async () => {
    const bundle = join(tmp, 'bundle');
    copySampleWithHost('nspawn-start-limit-hit', bundle, 'node-unlistable');
    mkdirSync(join(bundle, 'files', 'unlistable-by-injection'), { recursive: true });
    writeFileSync(join(bundle, 'files', 'unlistable-by-injection', 'x.txt'), 'x\n');
    const out = join(tmp, 'out');
    mkdirSync(out);

    const s = await runJob({ name: 'bundle', path: bundle, outRoot: out, reportDir: 'bundle' });

    expect(s.status).toBe('partial');
    expect(s.reason).toMatch(/corrupt-member: cannot list: EACCES.*unlistable-by-injection/);
    expect(s.reason).not.toContain('\n');
    expect(s.host).toBe('node-unlistable'); // the rest of the bundle was read
    const report = JSON.parse(readFileSync(reportFile(out, 'bundle', 'json'), 'utf8'));
    expect(report.inventory.problems.some((p: { path?: string }) => p.path?.includes('unlistable-by-injection'))).toBe(true);
  });
});
