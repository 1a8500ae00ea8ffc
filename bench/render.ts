/**
 * Report rendering at scale: synthetic AnalysisResults with 20,000 evidence lines (100 findings
 * × 200 excerpts, and 5,000 findings × 4), 20,000 timeline events, 3,000 mounts under the
 * data-root and 1,000 reader problems. Measures view-model + render time, report.html size, and the page's load time in
 * Chromium (playwright-core, Debian's /usr/bin/chromium).
 *
 *   npx tsx bench/render.ts [--evidence N] [--events N]
 *
 * Writes bench/results/render.json (gitignored) and prints the figures.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import type { AnalysisResult } from '../analyzer/src/analyze.js';
import type { Severity } from '../analyzer/src/rules/types.js';
import { renderHtml } from '../reports/html.js';
import { renderMarkdown } from '../reports/markdown.js';
import { renderJson } from '../reports/json.js';
import { buildViewModel } from '../reports/view-model.js';
import { emptyResult, ev, finding } from '../test/helpers/analysis-fixture.js';

function arg(name: string, dflt: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
}

const EVIDENCE = arg('evidence', 20_000);
const EVENTS = arg('events', 20_000);
const SEVS: Severity[] = ['critical', 'error', 'warning', 'info'];
const CATS = ['storage', 'network', 'daemon', 'systemd', 'ipc'] as const;

/** Two shapes of 20,000 evidence lines: few findings with many lines, many findings with few. */
const SCENARIOS = [
  { name: 'deep: 100 findings x 200 lines', findings: 100 },
  { name: 'wide: 5,000 findings x 4 lines', findings: 5_000 },
];

export function syntheticResult(FINDINGS: number): AnalysisResult {
  const r = emptyResult();
  const t0 = Date.parse('2024-03-01T00:00:00Z');
  const per = Math.ceil(EVIDENCE / FINDINGS);
  for (let i = 0; i < FINDINGS; i++) {
    const evidence = Array.from({ length: per }, (_x, j) => {
      const n = i * per + j;
      const filler = 'level=error msg="devmapper: Error mounting: no such device" '.repeat(1 + (n % 6));
      return ev({ line: n + 1, time: new Date(t0 + n * 1000).toISOString(), excerpt: `Mar 01 00:00:00 node dockerd[812]: ${filler}#${n}`, match: 'no such device' });
    });
    r.findings.push(
      finding({
        id: `rule-${i}#1`,
        severity: SEVS[i % 4]!,
        category: CATS[i % CATS.length]!,
        time: evidence[0]!.time,
        evidence,
        evidenceTotal: per,
        remediation: [{ kind: 'fix', risk: { restart: true, dataLoss: false, reversible: true }, text: 'Do the thing.', commands: [`dmsetup remove pool-${i}`, 'systemctl restart docker'], source: 'general practice' }],
      }),
    );
  }
  for (let i = 1; i < Math.min(FINDINGS, 300); i += 3) {
    r.findings[i]!.causedBy.push(r.findings[i - 1]!.id);
    r.findings[i - 1]!.causes.push(r.findings[i]!.id);
    r.causeChains.push([r.findings[i - 1]!.id, r.findings[i]!.id]);
  }
  r.model.timeline = Array.from({ length: EVENTS }, (_x, i) => ({
    time: t0 + i * 7_000,
    category: (['dockerd', 'containerd', 'systemd', 'kernel', 'container'] as const)[i % 5]!,
    kind: (['dockerd.starting', 'containerd.booted', 'unit.start-limit', 'kernel.panic-or-oom', 'container.load-failed'] as const)[i % 5]!,
    label: `event ${i}`,
    evidence: ev({ line: 100_000 + i, time: new Date(t0 + i * 7_000).toISOString(), excerpt: `event ${i} ${'x'.repeat(80)}` }),
  }));
  r.model.mounts = Array.from({ length: 3_000 }, (_x, i) => ({
    mountPoint: `/var/lib/docker/overlay2/${i.toString(16).padStart(64, '0')}/merged`,
    options: ['rw', 'relatime'],
    fsType: 'overlay',
    source: 'overlay',
    superOptions: ['lowerdir=/a:/b', 'upperdir=/c', 'workdir=/d'],
    evidence: ev({ excerpt: 'm' }),
  }));
  r.inventory.problems = Array.from({ length: 1_000 }, (_x, i) => ({ kind: 'symlink' as const, path: `etc/link-${i}`, message: 'recorded, not followed' }));
  r.coverage = Array.from({ length: 60 }, (_x, i) => ({
    ruleId: i < FINDINGS ? `rule-${i}` : `other-${i}`,
    status: i % 10 === 9 ? ('not-evaluated' as const) : ('evaluated' as const),
    artifacts: [],
    reason: 'x',
    collectNext: ['journalctl -o json'],
    checks: [],
  }));
  return r;
}

function time<T>(f: () => T): [T, number] {
  const t = performance.now();
  const v = f();
  return [v, Math.round(performance.now() - t)];
}

async function scenario(name: string, findings: number): Promise<Record<string, unknown>> {
  const [r, buildMs] = time(() => syntheticResult(findings));
  const evidenceLines = r.findings.reduce((n, f) => n + f.evidence.length, 0);
  const [view, viewMs] = time(() => buildViewModel(r));
  const [html, htmlMs] = time(() => renderHtml(r));
  const [md, mdMs] = time(() => renderMarkdown(r));
  const [json, jsonMs] = time(() => renderJson(r));
  const dir = mkdtempSync(join(tmpdir(), 'dpm-bench-'));
  const file = join(dir, 'report.html');
  writeFileSync(file, html);
  const figures: Record<string, unknown> = {
    scenario: name,
    evidenceLines,
    timelineEvents: r.model.timeline.length,
    findings: r.findings.length,
    evidenceShown: view.findings.reduce((n, f) => n + f.evidence.length, 0),
    timelineMarks: view.timeline.chart.marks.length,
    timelineRows: view.timeline.rows.length,
    buildResultMs: buildMs,
    viewModelMs: viewMs,
    renderHtmlMs: htmlMs,
    renderMarkdownMs: mdMs,
    renderJsonMs: jsonMs,
    htmlBytes: statSync(file).size,
    markdownLines: md.trimEnd().split('\n').length,
    jsonBytes: Buffer.byteLength(json),
  };
  if (existsSync('/usr/bin/chromium')) {
    const { chromium } = await import('playwright-core');
    const profile = mkdtempSync(join(tmpdir(), 'dpm-bench-chromium-'));
    const ctx = await chromium.launchPersistentContext(profile, {
      executablePath: '/usr/bin/chromium',
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    try {
      const page = await ctx.newPage();
      const requests: string[] = [];
      const errors: string[] = [];
      page.on('request', (q) => requests.push(q.url()));
      page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
      const t = performance.now();
      await page.goto(`file://${file}`, { waitUntil: 'load' });
      figures.chromiumLoadMs = Math.round(performance.now() - t);
      figures.chromiumNav = await page.evaluate(() => {
        const n = window.performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
        return { domContentLoadedMs: Math.round(n.domContentLoadedEventEnd), loadMs: Math.round(n.loadEventEnd) };
      });
      // In-page time from the filter change to the next painted frame (what the reader waits for).
      figures.filterToggleMs = await page.evaluate(
        () =>
          new Promise<number>((res) => {
            const box = document.querySelector('input[data-filter="severity"][value="info"]') as HTMLInputElement;
            const t = window.performance.now();
            box.checked = true;
            box.dispatchEvent(new Event('change', { bubbles: true }));
            requestAnimationFrame(() => setTimeout(() => res(Math.round(window.performance.now() - t)), 0));
          }),
      );
      figures.chromiumRequests = requests.length;
      figures.chromiumConsoleErrors = errors.length;
    } finally {
      await ctx.close();
      rmSync(profile, { recursive: true, force: true });
    }
  } else {
    figures.chromium = 'skipped: /usr/bin/chromium missing';
  }
  rmSync(dir, { recursive: true, force: true });
  return figures;
}

async function main() {
  const all: Record<string, unknown>[] = [];
  for (const s of SCENARIOS) {
    const f = await scenario(s.name, s.findings);
    console.log(JSON.stringify(f, null, 2));
    all.push(f);
    if ((f.htmlBytes as number) >= 5 * 1024 * 1024) {
      console.error(`${s.name}: report.html is 5 MB or more`);
      process.exitCode = 1;
    }
  }
  const out = join(dirname(fileURLToPath(import.meta.url)), 'results');
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'render.json'), JSON.stringify(all, null, 2) + '\n');
}

// Run when executed (npx tsx bench/render.ts), not when imported for its synthetic result.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
