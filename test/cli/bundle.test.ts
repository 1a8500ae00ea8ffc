import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { REPO_ROOT } from '../helpers/rule-tester.js';
import { makeTempDir, removeTempDirs } from '../helpers/tmp.js';

/**
 * The bundled CLI (tools/bundle.mjs: what `npm start` and the installed bin run) must behave exactly as
 * the sources do: same reports byte for byte, same rulesVersion (fixed at bundle time instead of hashed
 * at run time), and batch workers found from the bundle's chunks. Built here from the sources, into a
 * folder of its own inside the repository (report templates are found by walking up to it): under
 * node_modules/.cache, which always exists, so no test that lists the repository's top level sees it.
 */
const BUNDLE = join(REPO_ROOT, 'node_modules', '.cache', `dpm-test-bundle-${process.pid}`);
const sample = (n: string) => resolve(REPO_ROOT, 'samples', n);
const viaSources = (args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', join(REPO_ROOT, 'analyzer/src/cli/main.ts'), ...args], { cwd: REPO_ROOT, encoding: 'utf8', timeout: 180_000 });
const viaBundle = (args: string[]) => spawnSync(process.execPath, [join(BUNDLE, 'main.js'), ...args], { cwd: REPO_ROOT, encoding: 'utf8', timeout: 180_000 });

beforeAll(() => {
  const r = spawnSync(process.execPath, [join(REPO_ROOT, 'tools/bundle.mjs'), BUNDLE], { cwd: REPO_ROOT, encoding: 'utf8', timeout: 180_000 });
  expect(r.status, r.stderr).toBe(0);
}, 200_000);
afterAll(() => {
  rmSync(BUNDLE, { recursive: true, force: true });
  removeTempDirs();
});

describe('the bundled CLI', () => {
  it('is a few files with an executable entry, not one per module', () => {
    const files = readdirSync(BUNDLE).filter((f) => f.endsWith('.js'));
    expect(files).toContain('main.js');
    expect(files).toContain('worker.js');
    // tsc's output has one file per module (over 200); the bundle's lazy chunks are a few dozen.
    const modules = spawnSync('find', [join(REPO_ROOT, 'analyzer/src'), join(REPO_ROOT, 'reports'), '-name', '*.ts'], { encoding: 'utf8' }).stdout.split('\n').filter(Boolean).length;
    expect(files.length).toBeLessThan(modules / 2);
    expect(readFileSync(join(BUNDLE, 'main.js'), 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
  });

  it('writes the same reports, byte for byte, as the sources (html, json, md; rulesVersion included)', () => {
    const a = makeTempDir('dpm-bundle-a-');
    const b = makeTempDir('dpm-bundle-b-');
    const ra = viaBundle(['analyze', sample('nspawn-power-off-db-loss'), '-o', a]);
    expect(ra.status, ra.stderr).toBe(0);
    const rb = viaSources(['analyze', sample('nspawn-power-off-db-loss'), '-o', b]);
    expect(rb.status, rb.stderr).toBe(0);
    const names = readdirSync(a).sort();
    expect(names.map((n) => n.split('.').pop())).toEqual(['html', 'json', 'md']);
    expect(readdirSync(b).sort()).toEqual(names);
    for (const f of names) expect(readFileSync(join(a, f), 'utf8') === readFileSync(join(b, f), 'utf8'), f).toBe(true);
    const version = JSON.parse(readFileSync(join(a, names.find((n) => n.endsWith('.json'))!), 'utf8')).tool.rulesVersion as string;
    expect(version).toMatch(/\+[0-9a-f]{16}\./);
  }, 200_000);

  it('runs batch workers from its own chunks (--jobs 2)', () => {
    const out = makeTempDir('dpm-bundle-batch-');
    const r = viaBundle(['batch', sample('nspawn-healthy'), sample('nspawn-start-timeout'), '-o', out, '--jobs', '2']);
    expect(r.status, r.stderr).toBe(0);
    expect(existsSync(join(out, 'index.html'))).toBe(true);
    // A worker that could not start would leave the bundles unanalyzed ("analyzer process died").
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')) as { bundles: { status?: string; reports?: string[] }[] };
    expect(summary.bundles.map((b) => b.status)).toEqual(['analyzed', 'analyzed']);
    for (const b of summary.bundles) expect(b.reports?.length).toBeGreaterThan(0);
  }, 200_000);
});
