/**
 * The one "collect next" request (analysis/collect-request.ts), per layout. Expected plugins,
 * artifacts and flags are derived from the input: the sosreport's own file list and manifest (which
 * plugins ran), our bundle's manifest.json (which items failed or were skipped and why), the
 * finding times; never from the request itself.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { analyzeBundle, type AnalysisResult } from '../../analyzer/src/analyze.js';
import { computeCollectRequest, journalTime, WINDOW_MARGIN_MS } from '../../analyzer/src/analysis/collect-request.js';
import { ARTIFACTS, artifactSpec, sosPluginOf, type ArtifactId } from '../../analyzer/src/spine/artifacts.js';
import type { ArtifactHealth } from '../../analyzer/src/spine/types.js';
import type { CoverageVerdict } from '../../analyzer/src/rules/types.js';
import { emptyResult, finding } from '../helpers/analysis-fixture.js';
import { REPO_ROOT } from '../helpers/rule-tester.js';
import { makeTempDir, removeTempDirs } from '../helpers/tmp.js';

afterAll(removeTempDirs);

const SAMPLES = resolve(REPO_ROOT, 'samples');
const SOS = join(SAMPLES, 'sosreport-vm-debian12.tar.xz');

/** Artifacts named by a check that did not run fully. */
const blocking = (r: AnalysisResult) => new Set(r.coverage.filter((c) => c.status !== 'evaluated').flatMap((c) => c.artifacts.map((a) => a.artifact)));

describe('the sos plugin of each artifact', () => {
  it('every artifact a sosreport can hold names the plugin that collects it', () => {
    for (const a of ARTIFACTS) if (a.sos.length) expect(sosPluginOf(a), a.id).toMatch(/^[a-z_0-9]+$/);
    // A command's plugin is its sos_commands folder.
    expect(sosPluginOf(artifactSpec('docker.info'))).toBe('docker');
    expect(sosPluginOf(artifactSpec('process.daemons'))).toBeUndefined();
  });
});

describe('a sosreport: sos with the plugins that did not run, and our collector for what sos never collects', { timeout: 120_000 }, () => {
  it('names the plugins from what the archive lacks', async () => {
    const r = await analyzeBundle(SOS);
    const req = r.collectRequest!;
    expect(req.layout).toBe('sosreport');
    // What the archive holds, read with tar, and which plugins sos says it ran (its manifest).
    const members = execFileSync('tar', ['tJf', SOS], { encoding: 'utf8', maxBuffer: 64 << 20 }).split('\n');
    const commandDirs = new Set(members.map((m) => /^[^/]+\/sos_commands\/([^/]+)\//.exec(m)?.[1]).filter(Boolean));
    const top = members[0]!.split('/')[0]!;
    const sosManifest = JSON.parse(execFileSync('tar', ['xJOf', SOS, `${top}/sos_reports/manifest.json`], { encoding: 'utf8' }));
    const ran = new Set(Object.keys(sosManifest.components.report.plugins));
    // docker left nothing in this report: no sos_commands/docker, no etc/docker.
    expect(commandDirs.has('docker')).toBe(false);
    expect(members.some((m) => m.includes('/etc/docker/'))).toBe(false);
    expect(req.sosPlugins).toContain('docker');
    // Every plugin asked for did not run; every blocking artifact absent from the archive whose plugin did not run is asked for.
    for (const p of req.sosPlugins) {
      expect(ran.has(p), p).toBe(false);
      expect(commandDirs.has(p), p).toBe(false);
    }
    const health = r.model.collection.health;
    const absent = [...blocking(r)].filter((a) => (health[a]?.paths.length ?? 0) === 0 && health[a]?.state !== 'empty');
    const expectedPlugins = new Set(absent.map((a) => sosPluginOf(artifactSpec(a))).filter((p): p is string => !!p && !ran.has(p)));
    expect(new Set(req.sosPlugins)).toEqual(expectedPlugins);
    expect(req.command).toBe(`sos report -o ${[...expectedPlugins].sort().join(',')} --batch`);
    // What sos never collects (the data-root listing …) goes to our collector, as the second step.
    const never = absent.filter((a) => artifactSpec(a).sos.length === 0);
    expect(never.length).toBeGreaterThan(0);
    expect(req.items.filter((i) => i.via === 'collector').map((i) => i.artifact).sort()).toEqual([...never].sort());
    expect(req.collectorCommand).toMatch(/^sudo sh docker-postmortem-collect\.sh/);
    // Each unblocked check names one of the artifacts asked for.
    const asked = new Set(req.items.map((i) => i.artifact));
    for (const rule of req.unblocks) expect(r.coverage.find((c) => c.ruleId === rule)!.artifacts.some((a) => asked.has(a.artifact)), rule).toBe(true);
  });
});

describe('our bundle: the collector again, with the window around the root cause', { timeout: 120_000 }, () => {
  it('asks again for what failed, not for by-design omissions or what the host lacks', async () => {
    const dir = join(SAMPLES, 'nspawn-power-off-db-loss');
    const r = await analyzeBundle(dir);
    const req = r.collectRequest!;
    expect(req.layout).toBe('docker-postmortem');
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { items: { id: string; exitCode: number | null; skipped: boolean; skipReason?: string }[] };
    const failed = new Set(manifest.items.filter((i) => !i.skipped && i.exitCode !== null && i.exitCode !== 0).map((i) => i.id));
    const hostLacks = new Set(manifest.items.filter((i) => i.skipped && /^(not present|tool not found)/.test(i.skipReason ?? '')).map((i) => i.id));
    const block = blocking(r);
    // The docker commands failed (dockerd was down) and block checks: asked for again.
    const expected = [...block].filter((a) => failed.has(a)).sort();
    expect(expected.length).toBeGreaterThan(0);
    expect(req.items.map((i) => i.artifact).sort()).toEqual(expected);
    for (const i of req.items) {
      expect(hostLacks.has(i.artifact), i.artifact).toBe(false);
      expect(artifactSpec(i.artifact).bundle.length, i.artifact).toBeGreaterThan(0); // never journal.docker & co
    }
    // journal.docker is missing here by design (our journal holds docker's records) and blocks a check: still not asked for.
    expect(block.has('journal.docker')).toBe(true);
    expect(req.sosPlugins).toEqual([]);
    // The window: one hour either side of the root cause of the first chain.
    const root = r.findings.find((f) => f.id === r.causeChains[0]![0])!;
    const since = Date.parse(root.firstTime!) - 3_600_000;
    const until = Date.parse(root.lastTime ?? root.firstTime!) + 3_600_000;
    expect(req.window).toEqual({ since: new Date(since).toISOString(), until: new Date(until).toISOString(), finding: root.id });
    const fmt = (ms: number) => `${new Date(ms).toISOString().slice(0, 10)} ${new Date(ms).toISOString().slice(11, 19)} UTC`;
    expect(req.command).toBe(`sudo sh docker-postmortem-collect.sh --since "${fmt(since)}" --until "${fmt(until)}"`);
    expect(req.collectorCommand).toBe('');
  });

  it('mends a spent budget, a time-out and a run without root; leaves out skipped files the host lacks', () => {
    const r = emptyResult();
    const h = (artifact: ArtifactId, state: ArtifactHealth['state'], detail?: string): ArtifactHealth => ({ artifact, state, paths: [], bytes: 0, ...(detail ? { detail } : {}) });
    const list = [
      h('dmsetup.status', 'skipped', 'budget exhausted'),
      h('ipcs.sem', 'timed-out', 'the command timed out'),
      h('dataroot.listing', 'skipped', 'not root'),
      h('lvm.thinpool-profile', 'skipped', 'not present: /etc/lvm/profile/docker-thinpool.profile'),
      h('audit.rules', 'skipped', 'tool not found: auditctl'),
      h('journal.docker', 'missing', 'our collector does not gather it (sosreport only)'),
      h('bridge.link', 'empty', 'the file is empty'),
    ];
    r.model.collection.health = Object.fromEntries(list.map((x) => [x.artifact, x]));
    const gap = (ruleId: string, artifacts: ArtifactHealth[]): CoverageVerdict => ({ ruleId, status: 'not-evaluated', artifacts: artifacts.map((a) => ({ artifact: a.artifact, state: a.state })), reason: 'x', collectNext: [], checks: [] });
    r.coverage = [gap('rule-a', list.slice(0, 3)), gap('rule-b', list.slice(3))];
    const t = '2024-03-05T10:00:00.000Z';
    r.findings = [finding({ id: 'rule-c#1', firstTime: t, lastTime: t })];
    const req = computeCollectRequest(r.model, r.findings, r.coverage, [], r.verdict);
    expect(req.items.map((i) => [i.artifact, i.why])).toEqual([
      ['dataroot.listing', 'not-root'],
      ['dmsetup.status', 'budget'],
      ['ipcs.sem', 'timed-out'],
    ]);
    // rule-b's artifacts are all out of reach: it is not unblocked.
    expect(req.unblocks).toEqual(['rule-a']);
    const from = journalTime(Date.parse(t) - WINDOW_MARGIN_MS);
    expect(from).toBe('2024-03-05 09:00:00 UTC');
    expect(req.command).toBe('sudo sh docker-postmortem-collect.sh --since "2024-03-05 09:00:00 UTC" --until "2024-03-05 11:00:00 UTC" --budget 600 --timeout 60');
  });

  it('asks for nothing when nothing that blocks a check can be collected again', () => {
    const r = emptyResult();
    const req = computeCollectRequest(r.model, r.findings, r.coverage, [], r.verdict);
    expect(req).toMatchObject({ items: [], command: '', collectorCommand: '', unblocks: [] });
    expect(req.window).toBeUndefined();
  });
});

describe('a pasted log and a loose folder: our collector', { timeout: 120_000 }, () => {
  const syslog = [
    'Nov 28 09:06:30 host1 systemd[1]: docker.service: Start request repeated too quickly.',
    'Nov 28 09:06:30 host1 systemd[1]: docker.service: Failed with result \'start-limit-hit\'.',
    'Nov 28 09:06:30 host1 systemd[1]: Failed to start Docker Application Container Engine.',
  ].join('\n');

  it('a folder holding only a log is a pasted log; the key evidence it lacks is asked for', async () => {
    const dir = makeTempDir('dpm-collect-pasted-');
    mkdirSync(join(dir, 'logs'));
    writeFileSync(join(dir, 'logs', 'messages'), `${syslog}\n`);
    const r = await analyzeBundle(dir);
    const req = r.collectRequest!;
    expect(req.layout).toBe('pasted-log');
    expect(req.sosPlugins).toEqual([]);
    expect(req.command).toMatch(/^sudo sh docker-postmortem-collect\.sh/);
    // No state at all: dockerd's state is the verdict's missing key evidence.
    expect(r.verdict.missing.map((m) => m.id)).toContain('missing.daemon-state');
    expect(req.items.map((i) => i.artifact)).toContain('docker.info');
    // Never a sos-only artifact, never the log it has.
    for (const i of req.items) expect(artifactSpec(i.artifact).bundle.length, i.artifact).toBeGreaterThan(0);
    expect(req.items.map((i) => i.artifact)).not.toContain('syslog');
  });

  it('a folder with a snapshot too is a loose folder', async () => {
    const dir = makeTempDir('dpm-collect-folder-');
    cpSync(join(SAMPLES, 'nspawn-start-limit-hit', 'cmd', 'ps.txt'), join(dir, 'cmd', 'ps.txt'), { recursive: true });
    mkdirSync(join(dir, 'logs'));
    writeFileSync(join(dir, 'logs', 'messages'), `${syslog}\n`);
    const r = await analyzeBundle(dir);
    expect(r.inventory.layout).toBe('folder');
    expect(r.collectRequest!.layout).toBe('folder');
    expect(r.collectRequest!.command).toMatch(/^sudo sh docker-postmortem-collect\.sh/);
  });
});
