/**
 * Terminal and Markdown injection (issue 12, class 6): bundle text printed by `inventory`, `analyze`
 * and `batch` never reaches the terminal raw, an "unreadable" error stays on one line, and report.md
 * has nothing GitHub-style Markdown would autolink outside code spans. The bundles are built here
 * from a sample plus hostile names.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { safe, safeJson } from '../../analyzer/src/cli/safe-text.js';
import { mdText } from '../../reports/markdown.js';
import { REPO_ROOT } from '../helpers/rule-tester.js';
import { copySampleWithHost } from '../triage/batch-fixtures.js';
import { reportFile } from '../helpers/report-files.js';

const CLI = resolve(REPO_ROOT, 'analyzer/src/cli/main.ts');
const run = (args: string[]) => {
  const r = spawnSync(process.execPath, ['--import', 'tsx', CLI, ...args], { cwd: REPO_ROOT, encoding: 'utf8', timeout: 120_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
};

/** ESC, BEL, C1 CSI and bidi overrides/isolates: what a hostile name carries to a terminal. */
const HOSTILE = '\u001b]0;pwned\u0007\u001b[2J\u009b31m\u202eexe.txt\u2066x\u2069';
/** Any of them raw in output (newline and tab aside: the output's own line structure). */
const RAW = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/;
const URL_HOST = 'ops@evil.example https://evil.example/x www.evil.example';

const tmp = mkdtempSync(join(tmpdir(), 'dpm-hostile-out-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** A sample bundle with a hostile-named file, a link whose name and target are hostile, and a URL host name. */
function hostileBundle(): string {
  const b = join(tmp, `bundle${HOSTILE}`);
  copySampleWithHost('nspawn-start-limit-hit', b, URL_HOST);
  writeFileSync(join(b, 'cmd', `note${HOSTILE}.txt`), 'x\n');
  symlinkSync(`/etc/${HOSTILE}\nsecond line`, join(b, 'cmd', `link${HOSTILE}\nsecond line`));
  return b;
}

describe('safe(): one routine for bundle text on a terminal', () => {
  it('shows every hidden character as a visible marker and keeps one line', () => {
    const s = safe(`a${HOSTILE}\nb\r\tc\u2028d`);
    expect(s).not.toMatch(RAW);
    expect(s).not.toMatch(/[\n\r\t]/);
    for (const c of ['001B', '0007', '009B', '202E', '2066', '2069', '000A', '000D', '0009', '2028']) expect(s).toContain(`⟦U+${c}⟧`);
  });

  it('safeJson leaves JSON that parses back to the same text', () => {
    const text = JSON.stringify({ name: HOSTILE });
    expect(text).toMatch(RAW); // JSON.stringify alone leaves C1 and bidi raw
    const shown = safeJson(text);
    expect(shown).not.toMatch(RAW);
    expect(JSON.parse(shown)).toEqual({ name: HOSTILE });
  });
});

describe('hostile names through the CLI', { timeout: 300_000 }, () => {
  const bundle = hostileBundle();

  it('inventory (text and --json) prints the names and link targets as visible escapes', () => {
    const text = run(['inventory', bundle]);
    expect(text.code).toBe(0);
    expect(text.out + text.err).not.toMatch(RAW);
    expect(text.out).toContain('link⟦U+001B⟧]0;pwned⟦U+0007⟧');
    // The link's target is shown, cut by nothing and split over no line.
    expect(text.out.split('\n').filter((l) => l.includes('symlink to /etc/⟦U+001B⟧'))).toHaveLength(1);
    const json = run(['inventory', '--json', bundle]);
    expect(json.code).toBe(0);
    expect(json.out).not.toMatch(RAW);
    expect(JSON.parse(json.out).links.map((l: { target: string }) => l.target)).toContain(`/etc/${HOSTILE}\nsecond line`);
  });

  it('analyze: an unreadable input is one escaped line; report.md has no autolinkable text outside code spans', () => {
    // Not a bundle: one hostile-named file and a link out, in a hostile-named folder.
    const junk = join(tmp, `junk${HOSTILE}\nnext`);
    mkdirSync(junk);
    symlinkSync(`/etc/${HOSTILE}`, join(junk, `a${HOSTILE}\nb`));
    const out = join(tmp, 'out-junk');
    const bad = run(['analyze', junk, '-o', out]);
    expect(bad.code).toBe(3);
    expect(bad.err).not.toMatch(RAW);
    expect(bad.err.trimEnd().split('\n')).toHaveLength(1);
    expect(bad.err).toMatch(/^docker-postmortem: cannot read .*junk⟦U\+001B⟧.*⟦U\+000A⟧next: not a bundle/);

    const rep = join(tmp, 'out-report');
    const ok = run(['analyze', bundle, '-o', rep]);
    expect(ok.code).toBe(0);
    expect(ok.out + ok.err).not.toMatch(RAW);
    const md = readFileSync(reportFile(rep, 'md'), 'utf8');
    expect(md).toContain('evil.example'); // the host name is in the report...
    const outside = md
      .split('\n')
      .map((l) => l.replace(/(`+) [\s\S]*? \1/g, ''))
      .join('\n');
    // ...but only inside code spans: no scheme, www. or e-mail address is left for GFM to link.
    expect(outside).not.toMatch(/:\/\/|www\.|@/i);
  });

  it('batch: every failure is one escaped line', () => {
    const inputs = join(tmp, 'batch-in');
    mkdirSync(inputs);
    writeFileSync(join(inputs, `bad${HOSTILE}\nx.tar.gz`), 'not an archive\n');
    writeFileSync(join(inputs, `empty${HOSTILE}.tar.gz`), '');
    const r = run(['batch', inputs, '-o', join(tmp, 'batch-out'), '--jobs', '1', '--no-progress']);
    expect(r.code).toBe(3);
    expect(r.out + r.err).not.toMatch(RAW);
    const lines = r.err.trimEnd().split('\n');
    expect(lines).toHaveLength(2); // one per input, however many newlines its name holds
    for (const l of lines) expect(l).toMatch(/^docker-postmortem: cannot read (bad|empty)⟦U\+001B⟧/);
  });
});

describe('report.md prose', () => {
  it('puts URLs, www. names and e-mail addresses in code spans', () => {
    expect(mdText('see https://evil.example/a now')).toBe('see ` https://evil.example/a ` now');
    expect(mdText('(www.evil.example)')).toBe('` (www.evil.example) `');
    expect(mdText('mail ops@evil.example')).toBe('mail ` ops@evil.example `');
    expect(mdText('ftp://x and WWW.X.ORG')).toBe('` ftp://x ` and ` WWW.X.ORG `');
    expect(mdText('plain [words]')).toBe('plain \\[words\\]');
  });
});
