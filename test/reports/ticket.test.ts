/**
 * The ticket text (`--format ticket`, reports/ticket.ts): 10 to 15 plain lines with the verdict, the
 * root cause and its time, the filled-in commands and the data still needed, in en, ru and zh-CN.
 * Expected values come from the analysis result (finding times, remediation commands, the collect
 * request's items) and the catalogs, never from the rendered ticket.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeBundle, type AnalysisResult } from '../../analyzer/src/analyze.js';
import { localizeResult, type FindingI18n } from '../../analyzer/src/i18n/localize.js';
import type { LangTag } from '../../analyzer/src/i18n/registry.js';
import type { Finding } from '../../analyzer/src/rules/types.js';
import { ui } from '../../analyzer/src/i18n/translate.js';
import { reportFileName } from '../../reports/formats.js';
import { renderTicket, ticketLines } from '../../reports/ticket.js';
import { englishWords } from '../i18n/english-words.js';
import { REPO_ROOT } from '../helpers/rule-tester.js';
import { makeTempDir, removeTempDirs } from '../helpers/tmp.js';

afterAll(removeTempDirs);

const SAMPLES = resolve(REPO_ROOT, 'samples');
const NAME = 'nspawn-power-off-db-loss';
const LANGS: LangTag[] = ['en', 'ru', 'zh-CN'];
/** `2026-11-28 08:53:26 UTC`, written from the ISO time by hand. */
const utcText = (iso: string) => `${iso.slice(0, 10)} ${iso.slice(11, 19)} UTC`;
const inLang = (r: AnalysisResult, lang: LangTag) => (lang === 'en' ? r : localizeResult(r, lang));

let r: AnalysisResult;
beforeAll(async () => {
  r = await analyzeBundle(join(SAMPLES, NAME));
}, 120_000);

describe('the ticket text', () => {
  for (const lang of LANGS) {
    it(`${lang}: 10-15 plain lines with the verdict, the root cause and its time, the commands and what is still needed`, () => {
      const text = renderTicket(inLang(r, lang));
      expect(text.endsWith('\n')).toBe(true);
      const lines = text.trimEnd().split('\n');
      expect(lines.length).toBeGreaterThanOrEqual(10);
      expect(lines.length).toBeLessThanOrEqual(15);
      // Plain text: no Markdown or HTML, no control characters.
      for (const l of lines) {
        expect(l).not.toMatch(/^#|\*\*|<[a-z/]|\]\(/i);
        expect(l).not.toMatch(/[\u0000-\u001f\u007f]/);
      }
      const loc = localizeResult(r, lang);
      // The verdict: its status and headline in the language.
      expect(lines.some((l) => l.includes(loc.verdict.i18n.status) && l.includes(loc.verdict.i18n.headline))).toBe(true);
      // The root cause with its time: the first chain's first finding.
      const rootId = r.causeChains[0]![0]!;
      const root = r.findings.find((f) => f.id === rootId)!;
      const title = (loc.findings as (Finding & { i18n: FindingI18n })[]).find((f) => f.id === rootId)!.i18n.title;
      expect(lines.some((l) => l.startsWith(ui(lang, 'ticket.root-cause')) && l.includes(title) && l.includes(utcText(root.firstTime!)))).toBe(true);
      // The filled-in commands: the root cause's remediation commands and the collect command with its window.
      const fixes = root.remediation.flatMap((s) => s.commands ?? []);
      expect(fixes.length).toBeGreaterThan(0);
      expect(text).toContain(fixes[0]!);
      const since = new Date(Date.parse(root.firstTime!) - 3_600_000).toISOString();
      expect(text).toContain(`--since "${utcText(since)}"`);
      expect(text).toContain(r.collectRequest!.command);
      // The data still needed: every artifact the request asks for.
      expect(r.collectRequest!.items.length).toBeGreaterThan(0);
      const needed = lines.find((l) => l.startsWith(ui(lang, 'ticket.still-needed')))!;
      for (const i of r.collectRequest!.items) expect(needed).toContain(i.artifact);
    });
  }

  for (const lang of ['ru', 'zh-CN'] as LangTag[]) {
    it(`${lang}: no English sentence (commands, ids, names and times aside)`, () => {
      const lines = ticketLines(inLang(r, lang));
      const data = [
        ...r.findings.flatMap((f) => f.remediation.flatMap((s) => s.commands ?? [])),
        r.collectRequest!.command,
        ...r.collectRequest!.items.map((i) => i.artifact),
        r.model.identity.hostname ?? '',
        NAME,
        r.tool.name,
        r.tool.rulesVersion,
      ];
      const found = lines.map((l) => englishWords(l, data)).filter((w) => w.length > 0);
      expect(found).toEqual([]);
      // The check can fail: the English ticket has English words.
      expect(ticketLines(r).flatMap((l) => englishWords(l, data)).length).toBeGreaterThan(0);
    });
  }

  it('has the same shape with nothing found and nothing to collect', () => {
    const healthy = { ...r, findings: [], causeChains: [], collectRequest: { ...r.collectRequest!, items: [], command: '', collectorCommand: '', unblocks: [], sosPlugins: [], collectorFlags: [] } };
    delete (healthy.collectRequest as { window?: unknown }).window;
    const lines = ticketLines(healthy);
    expect(lines.length).toBeGreaterThanOrEqual(10);
    expect(lines).toContain(`${ui('en', 'ticket.collect-next')}: ${ui('en', 'ticket.nothing-to-collect')}`);
    expect(lines).toContain(`${ui('en', 'ticket.root-cause')}: ${ui('en', 'ticket.none')}`);
  });

  it('keeps bundle text on its line, with hidden characters made visible', () => {
    const hostile = structuredClone(r);
    hostile.model.identity.hostname = 'evil\u001b[31m\nInjected: line\u202e';
    const lines = ticketLines(hostile);
    expect(lines).toHaveLength(ticketLines(r).length);
    expect(lines[0]).toContain('⟦U+001B⟧');
    expect(lines[0]).toContain('⟦U+202E⟧');
    expect(lines.some((l) => l.startsWith('Injected'))).toBe(false);
  });
});

describe('analyze --format ticket', { timeout: 180_000 }, () => {
  const CLI = resolve(REPO_ROOT, 'analyzer/src/cli/main.ts');
  const TSX = pathToFileURL(resolve(REPO_ROOT, 'node_modules/tsx/dist/loader.mjs')).href;

  it('writes only the ticket file when asked for, in the language asked for', () => {
    const out = makeTempDir('dpm-ticket-');
    const run = spawnSync(process.execPath, ['--import', TSX, CLI, 'analyze', join(SAMPLES, NAME), '-o', out, '--format', 'ticket', '--lang', 'ru', '--quiet'], { cwd: REPO_ROOT, encoding: 'utf8', timeout: 120_000 });
    expect(run.status, run.stderr).toBe(0);
    const name = `docker-postmortem-${r.model.identity.hostname}-${new Date(r.model.collection.collectedAt!).toISOString().replace(/\.\d+Z$/, 'Z').replace(/[-:]/g, '')}.txt`;
    expect(reportFileName(r, 'ticket')).toBe(name);
    expect(readdirSync(out)).toEqual([name]);
    expect(run.stdout).toBe(`${join(out, name)}\n`);
    expect(readFileSync(join(out, name), 'utf8')).toBe(renderTicket(localizeResult(r, 'ru')));
  });
});
