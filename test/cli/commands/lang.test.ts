/**
 * `--lang` on analyze: the report.json keeps ids, data and English and adds the translation
 * beside it; DOCKER_POSTMORTEM_LANG and the locale choose it when the option is absent; an
 * unknown language is a usage error.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { REPO_ROOT } from '../../helpers/rule-tester.js';
import { makeTempDir, removeTempDirs } from '../../helpers/tmp.js';
import { reportFile } from '../../helpers/report-files.js';

afterAll(removeTempDirs);

const CLI = resolve(REPO_ROOT, 'analyzer/src/cli/main.ts');
// A clean environment: the caller's own locale must not choose the language of these runs.
const baseEnv = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(LANG|LC_ALL|LC_MESSAGES|DOCKER_POSTMORTEM_LANG)$/.test(k)));
const run = (args: string[], env: Record<string, string> = {}) =>
  spawnSync(process.execPath, ['--import', 'tsx', CLI, ...args], { cwd: REPO_ROOT, encoding: 'utf8', timeout: 120_000, env: { ...baseEnv, ...env } });
const SAMPLE = resolve(REPO_ROOT, 'samples', 'lab-netns-semaphore-leak');
const report = (dir: string) => JSON.parse(readFileSync(reportFile(dir, 'json'), 'utf8'));

describe('analyze --lang', () => {
  it('adds the Russian text beside the English and keeps ids and data', () => {
    const en = makeTempDir('dpm-lang-en-');
    const ru = makeTempDir('dpm-lang-ru-');
    expect(run(['analyze', SAMPLE, '-o', en, '--format', 'json']).status).toBe(0);
    expect(run(['analyze', SAMPLE, '-o', ru, '--format', 'json', '--lang', 'ru']).status).toBe(0);
    const a = report(en);
    const b = report(ru);
    expect(a.findings[0].i18n).toBeUndefined();
    expect(b.findings.map((f: { id: string; data: unknown; summary: string }) => [f.id, f.data, f.summary])).toEqual(a.findings.map((f: { id: string; data: unknown; summary: string }) => [f.id, f.data, f.summary]));
    expect(b.verdict.headline).toBe(a.verdict.headline);
    expect(b.lang).toBe('ru');
    // The sample leaks semaphores (samples/README.md): its finding is about семафоры, in Cyrillic.
    const leak = b.findings.find((f: { ruleId: string }) => f.ruleId === 'semaphore-leak');
    expect(leak.i18n.title).toMatch(/семафор/);
    expect(b.verdict.i18n.status).toBe('Обнаружены проблемы');
    // Data values appear as they are in the translated summary.
    for (const v of Object.values(leak.data as Record<string, number>)) expect(leak.i18n.summary).toContain(String(v));
  }, 180_000);

  it('DOCKER_POSTMORTEM_LANG, then the locale, choose the language; an unknown one exits 2', () => {
    const zh = makeTempDir('dpm-lang-zh-');
    expect(run(['analyze', SAMPLE, '-o', zh, '--format', 'json'], { DOCKER_POSTMORTEM_LANG: 'zh-CN', LANG: 'ru_RU.UTF-8' }).status).toBe(0);
    expect(report(zh).lang).toBe('zh-CN');
    const loc = makeTempDir('dpm-lang-loc-');
    expect(run(['analyze', SAMPLE, '-o', loc, '--format', 'json'], { LANG: 'ru_RU.UTF-8' }).status).toBe(0);
    expect(report(loc).lang).toBe('ru');
    const bad = run(['analyze', SAMPLE, '-o', makeTempDir('dpm-lang-bad-'), '--lang', 'fr']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/unknown language fr/);
  }, 180_000);
});
