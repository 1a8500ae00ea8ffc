/**
 * Static and option-level checks of collector/docker-postmortem-collect.sh: shellcheck, the
 * json string escaper (jstr) with hostile values under every shell we support, --help, bad
 * options and the free-space refusal. No collection run is needed here.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { removeTmpDirs, runCollector, SCRIPT, tmpDir, tree, which } from './helpers.js';

afterAll(removeTmpDirs);

const shellcheck = which('shellcheck');
const dash = which('dash');
const busybox = which('busybox');

describe('collector script', () => {
  it.skipIf(!shellcheck)('is shellcheck -s sh clean (needs shellcheck)', () => {
    const r = spawnSync(shellcheck!, ['-s', 'sh', SCRIPT], { encoding: 'utf8' });
    expect(r.stdout + r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it('is POSIX sh: no bash-only syntax the shells would reject (dash -n, busybox sh -n)', () => {
    for (const sh of [dash, busybox ? `${busybox} sh` : null].filter(Boolean) as string[]) {
      const [bin, ...pre] = sh.split(' ');
      const r = spawnSync(bin!, [...pre, '-n', SCRIPT], { encoding: 'utf8' });
      expect(r.stderr, sh).toBe('');
      expect(r.status, sh).toBe(0);
    }
  });
});

// jstr is exercised as the script defines it: its text is cut out of the script and run alone.
const scriptText = fs.readFileSync(SCRIPT, 'utf8');
function fnText(name: string): string {
  const m = new RegExp(`^${name}\\(\\) \\{\\n[\\s\\S]*?^\\}\\n`, 'm').exec(scriptText);
  if (!m) throw new Error(`function ${name} not found in the script`);
  return m[0];
}

const hostile: [string, string][] = [
  ['plain', 'hello world'],
  ['quote and backslash', 'say "hi" \\ C:\\path\\'],
  ['newlines', 'line1\nline2\n'],
  ['trailing newlines kept', 'x\n\n'],
  ['tab and CR', 'a\tb\rc'],
  ['all C0 controls', Array.from({ length: 31 }, (_, i) => String.fromCharCode(i + 1)).join('')],
  ['DEL', 'a\x7fb'],
  ['printf format chars', '%s %d %n %% \\n'],
  ['leading dash', '-n'],
  ['shell syntax', '$(touch /tmp/pwned) `id` ${HOME} \'single\''],
  ['json-looking', '{"a":[1,2,"\\u0000"]}'],
  ['utf-8', 'grüße 日本 🐳'],
  ['backslash-u literal', '\\u0041'],
];

describe.each([
  ['dash', dash ? [dash] : null],
  ['busybox sh', busybox ? [busybox, 'sh'] : null],
])('jstr under %s', (name, shell) => {
  it.skipIf(!shell).each(hostile)(`escapes %s into a JSON string that parses back exactly (needs ${name})`, (_label, value) => {
    const prog = `${fnText('jstr')}HAVE_AWK=1\nLC_ALL=C; export LC_ALL\njstr "$1"\nprintf '%s' "$JS"\n`;
    const r = spawnSync(shell![0]!, [...shell!.slice(1), '-c', prog, 'sh', value], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toBe(value);
  });

  it.skipIf(!shell)(`without awk it still emits valid JSON, dropping control characters (needs ${name})`, () => {
    const value = 'a"b\\c\x01d\ne';
    const prog = `${fnText('jstr')}HAVE_AWK=0\nLC_ALL=C; export LC_ALL\njstr "$1"\nprintf '%s' "$JS"\n`;
    const r = spawnSync(shell![0]!, [...shell!.slice(1), '-c', prog, 'sh', value], { encoding: 'utf8' });
    expect(JSON.parse(r.stdout)).toBe('a"b\\cde');
  });
});

describe('options', () => {
  it('--help documents every option the parser accepts', async () => {
    const r = await runCollector(['--help']);
    expect(r.code).toBe(0);
    // the option names the parser knows, taken from its case labels
    const parser = /--output \| --since[^)]*\)/.exec(scriptText)![0];
    const known = [...parser.matchAll(/--[a-z-]+/g)].map((m) => m[0]).concat(['--redact', '--help']);
    expect(known.length).toBeGreaterThan(10);
    for (const o of known) expect(r.stdout, o).toContain(o);
  });

  it('rejects an unknown option and a bad number with exit 1 and a reason', async () => {
    const a = await runCollector(['--frobnicate']);
    expect(a.code).toBe(1);
    expect(a.stderr).toContain('unknown option: --frobnicate');
    const b = await runCollector(['--timeout', 'soon']);
    expect(b.code).toBe(1);
    expect(b.stderr).toContain('--timeout needs a positive integer');
  });

  it('refuses clearly when the output folder lacks free space, writing nothing', async () => {
    const out = tmpDir('nospace');
    const r = await runCollector(['--output', out, '--min-free', '999999999']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/not enough free space in .*need 999999999 MB/);
    expect(tree(out)).toEqual([]);
  });

  it('refuses a missing output folder', async () => {
    const r = await runCollector(['--output', '/nonexistent/dpm-out']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('output folder does not exist');
  });
});
