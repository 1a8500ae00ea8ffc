import { afterAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { analyzeBundle } from '../../../analyzer/src/analyze.js';
import { defaultOutputDir } from '../../../analyzer/src/cli/commands/analyze.js';
import { buildStory, STORY_TOP_FINDINGS, storyLines } from '../../../reports/story.js';
import { REPO_ROOT } from '../../helpers/rule-tester.js';
import { makeTempDir, removeTempDirs } from '../../helpers/tmp.js';
import { reportFile } from '../../helpers/report-files.js';

afterAll(removeTempDirs);

/** `analyze` tells the story on stdout (issue 14, item 1): verdict, root cause with its time, top findings, what to collect, paths. */
const SAMPLES = resolve(REPO_ROOT, 'samples');
const samples = existsSync(SAMPLES) ? readdirSync(SAMPLES).filter((n) => !n.startsWith('.') && !n.endsWith('.md')) : [];
const CLI = resolve(REPO_ROOT, 'analyzer/src/cli/main.ts');
// tsx by its absolute location: the command may run in a folder with no node_modules.
const TSX = pathToFileURL(resolve(REPO_ROOT, 'node_modules/tsx/dist/loader.mjs')).href;
const run = (args: string[], cwd = REPO_ROOT) => spawnSync(process.execPath, ['--import', TSX, CLI, ...args], { cwd, encoding: 'utf8', timeout: 120_000 });

/** What samples/README.md says each sample shows. */
const EXPECTED: Record<string, { status: string; lines?: RegExp[] }> = {
  'lab-netns-healthy': { status: 'NO PROBLEM FOUND' },
  'nspawn-healthy': { status: 'NO PROBLEM FOUND' },
  'lab-netns-veth-leak': { status: 'PROBLEMS FOUND', lines: [/^ {2}WARNING {2}Leaked veth/] },
  'lab-netns-semaphore-leak': { status: 'PROBLEMS FOUND', lines: [/^ {2}CRITICAL {2}.*semaphore.* \(no time\)$/i] },
  'nspawn-power-off-plain': { status: 'NO PROBLEM FOUND', lines: [/^ {2}! boot -1 ended uncleanly/] },
  'nspawn-power-off-db-loss': {
    status: 'PROBLEMS FOUND',
    lines: [/^ {2}! boot -1 ended uncleanly/, /^ {2}! dockerd was not running/, /^Root cause: Docker state lost after an unclean shutdown \(2026-11-28 \d\d:\d\d:\d\d UTC/, /^ {2}-> docker\.service refused by systemd start limit$/],
  },
  'nspawn-start-limit-hit': { status: 'PROBLEMS FOUND', lines: [/^ {2}ERROR {2}docker\.service refused by systemd start limit \(2026-11-28 /] },
  'nspawn-start-limit-daemon-json': { status: 'PROBLEMS FOUND', lines: [/start limit/, /daemon\.json/] },
  'nspawn-start-timeout': { status: 'PROBLEMS FOUND', lines: [/start timed out/, /start limit/] },
};

describe.skipIf(samples.length === 0)('the story of each sample', { timeout: 120_000 }, () => {
  it.for(samples)('%s', async (name) => {
    const r = await analyzeBundle(join(SAMPLES, name));
    const lines = storyLines(buildStory(r, ['out/report.json', 'out/report.html']));
    const exp = EXPECTED[name];
    if (exp) {
      expect(lines[1]!.startsWith(`${exp.status}: `), lines[1]).toBe(true);
      for (const re of exp.lines ?? []) expect(lines.some((l) => re.test(l)), `${re} in\n${lines.join('\n')}`).toBe(true);
    }
    // First the host and the bundle's file name only, then the analysis's own headline.
    expect(lines[0]).toBe(`${r.model.identity.hostname} (${name})`);
    expect(lines[1]!.endsWith(r.verdict.headline)).toBe(true);
    // One line per serious finding (up to the cap), each with its time or "no time".
    const serious = r.findings.filter((f) => f.severity !== 'info');
    const top = lines.filter((l) => /^ {2}(CRITICAL|ERROR|WARNING) /.test(l));
    expect(top).toHaveLength(Math.min(STORY_TOP_FINDINGS, serious.length));
    for (const l of top) expect(l).toMatch(/\((\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC.*|no time)\)$/);
    // The count of checks not evaluated, and the report paths last.
    const ne = r.coverage.filter((c) => c.status !== 'evaluated').length;
    if (ne) expect(lines).toContain(lines.find((l) => l.startsWith(`${ne} check${ne === 1 ? ' was' : 's were'} not evaluated fully.`)));
    expect(lines.slice(-3)).toEqual(['Reports:', '  out/report.json', '  out/report.html']);
    expect(lines.join('\n')).not.toMatch(/\b1 (checks|findings|problems|more findings)\b/); // no "1 checks"
  });
});

describe('analyze on the command line', { timeout: 180_000 }, () => {
  const name = 'nspawn-power-off-db-loss';

  it('without -o writes into <bundle>-report in the current directory and prints the story, paths last', () => {
    const cwd = makeTempDir('dpm-story-');
    const r = run(['analyze', join(SAMPLES, name)], cwd);
    expect(r.status, r.stderr).toBe(0);
    expect(readdirSync(cwd)).toEqual([`${name}-report`]);
    const out = r.stdout.trimEnd().split('\n');
    expect(out[1]).toMatch(/^PROBLEMS FOUND: /);
    expect(out).toContain('Reports:');
    const paths = out.slice(out.indexOf('Reports:') + 1).map((l) => l.trim());
    expect(paths.map((p) => p.split('/').pop()!.replace(/^docker-postmortem-.+\./, '')).sort()).toEqual(['html', 'json', 'md']);
    for (const p of paths) expect(existsSync(p), p).toBe(true);
    expect(paths.every((p) => p.startsWith(join(cwd, `${name}-report`)))).toBe(true);
  });

  it('--json prints the story as JSON, --quiet only the paths, and both together are a usage error', () => {
    const out = makeTempDir('dpm-story-o-');
    const j = run(['analyze', join(SAMPLES, name), '-o', out, '--json']);
    expect(j.status, j.stderr).toBe(0);
    const story = JSON.parse(j.stdout) as ReturnType<typeof buildStory>;
    const report = JSON.parse(readFileSync(reportFile(out, 'json'), 'utf8'));
    expect(story.status).toBe(report.verdict.status);
    expect(story.headline).toBe(report.verdict.headline);
    expect(story.rootCause?.id).toBe(report.causeChains[0][0]);
    expect(story.reports.sort()).toEqual((['html', 'json', 'md'] as const).map((f) => reportFile(out, f)));
    const q = run(['analyze', join(SAMPLES, name), '-o', out, '--quiet', '--format', 'json']);
    expect(q.status).toBe(0);
    expect(q.stdout).toBe(`${reportFile(out, 'json')}\n`);
    expect(run(['analyze', join(SAMPLES, name), '-o', out, '--quiet', '--json']).status).toBe(2);
  });

  it('names the default folder after the bundle without its archive suffix', () => {
    expect(defaultOutputDir('/x/y/sos-host-2024.tar.xz', '/w')).toBe('/w/sos-host-2024-report');
    expect(defaultOutputDir('bundle.tgz', '/w')).toBe('/w/bundle-report');
    expect(defaultOutputDir('/data/nspawn-healthy/', '/w')).toBe('/w/nspawn-healthy-report');
  });
});
