/**
 * Start-up cost is mostly module loading (bench/startup.ts). Registering the commands must not load what
 * only a running command needs: the analyzer, the rules and known-defect machinery, the reader, the
 * renderers, nor date-fns' root entry points, which import every locale (500+ modules) for the three
 * the catalogs use. Counted deterministically with a loader hook, not timed.
 *
 * Measured: `--version` loaded 647 modules before the subpath imports and lazy command imports, 54 after.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/rule-tester.js';

const CLI = resolve(REPO_ROOT, 'analyzer/src/cli/main.ts');
const HOOK = resolve(REPO_ROOT, 'test/helpers/module-log.mjs');
const dir = mkdtempSync(join(tmpdir(), 'dpm-startup-imports-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let n = 0;
function modulesLoadedBy(...args: string[]): string[] {
  const log = join(dir, `modules-${n++}.txt`);
  const r = spawnSync(process.execPath, ['--import', 'tsx', '--import', HOOK, CLI, ...args], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    timeout: 120_000,
    env: { ...process.env, DPM_MODULE_LOG: log },
  });
  expect(r.status, r.stderr).toBe(0);
  return [...new Set(readFileSync(log, 'utf8').split('\n').filter(Boolean))];
}

/** 54 measured, with room for a few new leaf modules; the old graph (647) is far above. */
const VERSION_BOUND = 90;

describe('start-up imports', () => {
  it('--version loads a small module graph: no analyzer, rules, reader, renderers or every date-fns locale', () => {
    const mods = modulesLoadedBy('--version');
    const rel = mods.map((u) => u.replace(/^file:\/\/\/?/, '/').replace(`${REPO_ROOT}/`, ''));
    expect(rel.some((m) => m.startsWith('analyzer/src/cli/main'))).toBe(true); // the hook sees the CLI itself
    expect(mods.length).toBeLessThan(VERSION_BOUND);
    const heavy = rel.filter((m) =>
      /^analyzer\/src\/(?:rules\/(?!types\.)|known-defects|model|spine\/reader|parsers\/(?!util)|analyze)\b|^reports\/(?:index|html|markdown|json)|handlebars|date-fns\/(?:index|locale)\.[cm]?js$/.test(m),
    );
    expect(heavy).toEqual([]);
  });

  it('the date-fns modules loaded are the three catalog locales and format, not the packages root', () => {
    const mods = modulesLoadedBy('--version').filter((u) => u.includes('/date-fns/locale/'));
    const locales = new Set(mods.map((u) => /\/date-fns\/locale\/([^/.]+)/.exec(u)?.[1]).filter((x) => x && x !== '_lib'));
    expect([...locales].sort()).toEqual(['en-US', 'ru', 'zh-CN']);
  });
});
