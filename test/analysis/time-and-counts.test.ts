/**
 * Issue 11's acceptance checks, over every shipped sample and every real-world fixture:
 * - no cause chain has a cause later than its effect (beginning after the effect's last moment);
 * - every start-limit finding counts the failed starts the journal shows (counted here from the raw
 *   text, independently of the analyzer: `Starting …` lines in the start-limit interval before the
 *   refusal that no `Started …` line followed);
 * - every finding's time lies inside the bundle's time span.
 * And: a bundle with no logs and dockerd down is inconclusive and says why.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeBundle, type AnalysisResult } from '../../analyzer/src/analyze.js';
import { RULES } from '../../analyzer/src/rules/index.js';
import { REPO_ROOT, analyzeCase } from '../helpers/rule-tester.js';

const SAMPLES = readdirSync(join(REPO_ROOT, 'samples'))
  .filter((n) => n !== 'README.md')
  .map((n) => `samples/${n}`);

interface Fixture {
  rel: string;
  artifact: string;
}
const FIXTURE_ROOT = join(REPO_ROOT, 'test/fixtures/real-world');
const FIXTURES: Fixture[] = existsSync(FIXTURE_ROOT)
  ? readdirSync(FIXTURE_ROOT).flatMap((rule) => {
      const cases = join(FIXTURE_ROOT, rule, 'cases.json');
      if (!existsSync(cases)) return [];
      const list = JSON.parse(readFileSync(cases, 'utf8')) as { file: string; artifact: string }[];
      return list.map((c) => ({ rel: `test/fixtures/real-world/${rule}/${c.file}`, artifact: c.artifact }));
    })
  : [];

function checkChains(r: AnalysisResult): void {
  const byId = new Map(r.findings.map((f) => [f.id, f]));
  for (const chain of r.causeChains) {
    for (let i = 0; i + 1 < chain.length; i++) {
      const cause = byId.get(chain[i]!)!;
      const effect = byId.get(chain[i + 1]!)!;
      // A cause is later than its effect when it begins after the effect's last moment.
      if (cause.firstTime && effect.firstTime) expect(cause.firstTime <= (effect.lastTime ?? effect.firstTime), `${cause.id} (${cause.firstTime}) causes ${effect.id} (${effect.firstTime} … ${effect.lastTime})`).toBe(true);
      if (cause.firstTime) expect(effect.firstTime, `${cause.id} has a time, so ${effect.id} must too`).toBeDefined();
      if (cause.bootIndex !== undefined && effect.bootIndex !== undefined) expect(effect.bootIndex - cause.bootIndex).toBeGreaterThanOrEqual(0);
    }
  }
}

function checkSpan(r: AnalysisResult): void {
  const m = r.model;
  const starts = [m.journal.firstTime, ...m.boots.map((b) => b.firstEntry)].filter((t): t is number => t !== undefined);
  const ends = [m.journal.lastTime, m.collection.collectedAt, ...m.boots.map((b) => b.lastEntry)].filter((t): t is number => t !== undefined);
  if (!starts.length || !ends.length) return;
  const lo = Math.min(...starts) - 1000;
  const hi = Math.max(...ends) + 1000;
  for (const f of r.findings) {
    if (!f.firstTime) continue;
    expect(Date.parse(f.firstTime), `${f.id} starts ${f.firstTime}, inside the bundle`).toBeGreaterThanOrEqual(lo);
    expect(Date.parse(f.lastTime ?? f.firstTime), `${f.id} ends ${f.lastTime}, inside the bundle`).toBeLessThanOrEqual(hi);
  }
}

/** The docker.service lines of a journal (json or ISO text), as (time, message), from the raw text. */
function unitLines(text: string): { t: number; msg: string }[] {
  const out: { t: number; msg: string }[] = [];
  for (const line of text.split('\n')) {
    if (line.startsWith('{')) {
      try {
        const o = JSON.parse(line) as Record<string, unknown>;
        if (typeof o.MESSAGE === 'string' && typeof o.__REALTIME_TIMESTAMP === 'string') out.push({ t: Number(o.__REALTIME_TIMESTAMP) / 1000, msg: o.MESSAGE });
      } catch {
        /* not a record */
      }
      continue;
    }
    const iso = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?)([+-]\d\d:?\d\d|Z)? \S+ systemd\[1\]: (.*)$/.exec(line);
    if (iso) out.push({ t: Date.parse(`${iso[1]}${iso[2] ? iso[2].replace(/^([+-]\d\d)(\d\d)$/, '$1:$2') : 'Z'}`), msg: iso[3]! });
  }
  return out;
}

/** Failed starts before each start-limit episode: attempts inside the interval that no `Started` line followed. */
function failedStartsBeforeRefusals(text: string, intervalMs: number): number[] {
  const lines = unitLines(text);
  const isStarting = (m: string) => /^Starting (?:docker\.service - )?Docker Application Container Engine\.\.\.$/.test(m);
  const isStarted = (m: string) => /^Started (?:docker\.service - )?Docker Application Container Engine\.$/.test(m);
  const isRefusal = (m: string) => /^docker\.service: Start request repeated too quickly\.|^start request repeated too quickly for docker\.service/.test(m);
  const out: number[] = [];
  let prev = -1; // index of the previous refusal
  lines.forEach((l, i) => {
    if (!isRefusal(l.msg)) return;
    // A refusal with no start attempt since the previous one belongs to the same episode.
    const since = lines.slice(prev + 1, i);
    if (prev >= 0 && !since.some((x) => isStarting(x.msg))) {
      prev = i;
      return;
    }
    let failed = 0;
    since.forEach((s, k) => {
      if (!isStarting(s.msg) || s.t < l.t - intervalMs - 1000) return;
      const next = since.slice(k + 1).find((x) => isStarting(x.msg) || isStarted(x.msg));
      if (!next || isStarting(next.msg)) failed++;
    });
    out.push(failed);
    prev = i;
  });
  return out;
}

function journalText(bundle: string): string | undefined {
  const p = join(REPO_ROOT, bundle, 'cmd/journal.json');
  return existsSync(p) ? readFileSync(p, 'utf8') : undefined;
}

describe('time and counts over every shipped sample', () => {
  let counted = 0;
  afterAll(() => {
    // The failed-start check must have had something to check.
    expect(counted).toBeGreaterThan(0);
  });
  for (const s of SAMPLES) {
    it(s, async () => {
      const r = await analyzeBundle(join(REPO_ROOT, s));
      checkChains(r);
      checkSpan(r);
      const text = statSync(join(REPO_ROOT, s)).isDirectory() ? journalText(s) : undefined;
      const unit = r.model.units['docker.service']?.properties ?? {};
      const interval = /^(\d+)s$/.exec(unit['StartLimitIntervalUSec'] ?? '')?.[1] ? Number(/^(\d+)s$/.exec(unit['StartLimitIntervalUSec']!)![1]) * 1000 : /^(\d+)min$/.test(unit['StartLimitIntervalUSec'] ?? '') ? Number(/^(\d+)min$/.exec(unit['StartLimitIntervalUSec']!)![1]) * 60_000 : 60_000;
      const hits = r.findings.filter((f) => f.ruleId === 'start-limit-hit' && f.messageId === 'startLimitHit');
      if (text && hits.length) {
        const expected = failedStartsBeforeRefusals(text, interval);
        expect(hits[0]!.data['failedStarts'], `failed starts in ${s}`).toBe(expected[0]);
        counted++;
      }
    });
  }
});

describe('time and counts over every real-world fixture', () => {
  for (const fx of FIXTURES) {
    it(fx.rel, async () => {
      const r = await analyzeCase(RULES, { name: fx.rel, artifacts: { [fx.artifact]: readFileSync(join(REPO_ROOT, fx.rel), 'utf8') } });
      checkChains(r);
      checkSpan(r);
    });
  }
});

describe('the verdict is honest', () => {
  it('no logs and dockerd down: inconclusive, saying why', async () => {
    const r = await analyzeCase(RULES, {
      name: 'no logs, dockerd down',
      bundle: 'samples/nspawn-healthy',
      drop: ['journal', 'journal.boot-tails', 'journal.docker', 'journal.containerd', 'journal.previous-boot', 'syslog', 'dmesg', 'docker.ps', 'docker.info', 'docker.version', 'docker.network-ls'],
      artifacts: { 'process.daemons': '' },
    });
    expect(r.verdict.status).toBe('inconclusive');
    expect(r.verdict.headline).toMatch(/logs/);
    expect(r.verdict.facts.map((f) => f.kind)).toContain('no-logs');
    expect(r.verdict.missing.length).toBeGreaterThan(0);
    for (const m of r.verdict.missing) expect(m.collectNext.length).toBeGreaterThan(0);
  });

  it('a healthy sample: no problem found in what could be checked, naming what that was', async () => {
    const r = await analyzeBundle(join(REPO_ROOT, 'samples/nspawn-healthy'));
    expect(r.verdict.status).toBe('no-problem-found');
    expect(r.verdict.checked.some((c) => c.startsWith('logs from'))).toBe(true);
  });

  it('a start-limit sample: problems found', async () => {
    const r = await analyzeBundle(join(REPO_ROOT, 'samples/nspawn-start-limit-daemon-json'));
    expect(r.verdict.status).toBe('problems-found');
  });
});
