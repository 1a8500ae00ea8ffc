/**
 * No English sentence in a Russian or Chinese report: every catalog message, and the localized
 * text of every shipped sample's result (findings, verdict, coverage), read word by word. Only
 * identifiers, the glossary's Latin-script terms, code spans, quotations and data values may be
 * in Latin script. The same check over English finds English (the test can fail).
 *
 * The rendered report.md and report.html of every sample are read the same way: the HTML outside
 * <code>, <pre>, evidence excerpts and elements marked lang="en" (html-text.ts); the Markdown
 * outside code spans, allowing the free text a rule composes at run time (rule-written coverage
 * reasons and remediation steps, which Markdown cannot mark as English).
 *
 * Confidence reasons, rule-written coverage reasons and episodes' summaries are translated (the
 * catalogs' run-time texts): every one of a sample must have its translation, and the HTML's
 * confidence line and episodes are read even where marked lang="en".
 * Not covered (see docs/i18n.md): a finding's detail addendum, which stays English (lang="en").
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeBundle } from '../../analyzer/src/analyze.js';
import { flatCatalog } from '../../analyzer/src/i18n/catalog.js';
import { localizeResult, timelineKind, type CoverageI18n, type FindingI18n } from '../../analyzer/src/i18n/localize.js';
import type { CoverageVerdict, Finding } from '../../analyzer/src/rules/types.js';
import { formatUtc } from '../../analyzer/src/i18n/dates.js';
import type { LangTag } from '../../analyzer/src/i18n/registry.js';
import { englishWords } from './english-words.js';
import { readableText } from './html-text.js';
import { renderMarkdown } from '../../reports/markdown.js';
import { renderHtml } from '../../reports/html.js';
import { bundleName } from '../../reports/text.js';

const LANGS: LangTag[] = ['ru', 'zh-CN'];
const SAMPLES = join(__dirname, '..', '..', 'samples');
const samples = readdirSync(SAMPLES).filter((n) => !n.startsWith('.') && !/\.md$/i.test(n)).sort();

/**
 * Bundle facts removed as whole Latin-script words (a host named `vm` is not taken out of "libdevmapper"), and a
 * fact the page cut short ("…" after its first characters) removed by that prefix.
 */
/** Every string value in an object, however deep. */
function strings(x: unknown): string[] {
  if (typeof x === 'string') return [x];
  if (x && typeof x === 'object') return Object.values(x).flatMap(strings);
  return [];
}

function withoutFacts(text: string, facts: readonly string[]): string {
  let s = text;
  const sorted = [...new Set(facts)].sort((a, b) => b.length - a.length);
  if (s.endsWith('…')) {
    const body = s.slice(0, -1);
    for (const f of sorted) {
      for (let k = Math.min(f.length, body.length); k >= 8; k--) {
        if (body.endsWith(f.slice(0, k))) {
          s = `${body.slice(0, -k)} `;
          break;
        }
      }
      if (!s.endsWith('…')) break;
    }
  }
  for (const f of sorted) s = s.replace(new RegExp(`(?<![A-Za-z0-9])${f.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![A-Za-z0-9])`, 'gu'), ' ');
  return s;
}

describe('no English in translated catalogs', () => {
  it('the detector finds English in English', () => {
    const en = flatCatalog('en');
    expect(englishWords(en.get('rule.semaphore-leak.explanation')!)).toEqual(expect.arrayContaining(['creates', 'semaphore']));
    expect(englishWords('«some quoted words» `a code span` docker-proxy SEMMNI', [])).toEqual([]);
    // The page reader keeps headings and drops code, excerpts and declared English.
    const page = '<h2>Host facts</h2><code>left out</code><pre class="excerpt">error text</pre><p lang="en">shown <b>as</b> collected</p><br><p>Сведения</p>';
    expect(readableText(page)).toEqual(['Host facts', 'Сведения']);
    expect(englishWords(readableText(page).join(' '))).toEqual(['Host', 'facts']);
    // A confidence reason or an episode left English is read even though marked lang="en".
    const card = '<p class="meta"><time>t</time> · достоверность: <span lang="en">counted from a snapshot</span></p><li class="episode sev-info"><p><span lang="en">one more</span></p><pre class="excerpt">log</pre></li><p lang="en">detail</p>';
    expect(readableText(card, { readEnglishIn: ['meta', 'episode'] })).toEqual(['t', '· достоверность:', 'counted from a snapshot', 'one more']);
  });
  for (const lang of LANGS) {
    it(`${lang}: every message`, () => {
      const found = [...flatCatalog(lang)].map(([k, v]) => [k, englishWords(v)] as const).filter(([, w]) => w.length > 0);
      expect(Object.fromEntries(found)).toEqual({});
    });
  }
});

describe('no English in the localized results of the shipped samples', () => {
  it('samples are there', () => expect(samples.length).toBeGreaterThan(5));
  for (const name of samples) {
    it(name, { timeout: 120_000 }, async () => {
      const result = await analyzeBundle(join(SAMPLES, name));
      for (const lang of LANGS) {
        const l = localizeResult(result, lang);
        const leaks: Record<string, string[]> = {};
        const check = (where: string, text: string, data: readonly string[] = []) => {
          const w = englishWords(text, data);
          if (w.length) leaks[`${lang} ${where}: ${text}`] = w;
        };
        for (const f of l.findings) {
          // Data values are bundle facts (names, causes dockerd logged): shown as they are, also as dates.
          const data = Object.values(f.data).flatMap((v) => [String(v), ...(/^\d{4}-\d\d-\d\dT/.test(String(v)) ? [formatUtc(String(v), lang)] : [])]);
          for (const [k, v] of Object.entries({ title: f.i18n.title, summary: f.i18n.summary, explanation: f.i18n.explanation, severity: f.i18n.severity, confidence: f.i18n.confidence, category: f.i18n.category, guide: f.i18n.guideSection })) check(`${f.id} ${k}`, v, data);
          // The run-time texts: every confidence reason and episode of a shipped sample has its translation.
          if (f.i18n.confidenceReason === undefined) leaks[`${lang} ${f.id} confidenceReason untranslated: ${f.confidenceReason}`] = [];
          else check(`${f.id} confidenceReason`, f.i18n.confidenceReason, data);
          for (const e of f.i18n.episodes) {
            if (!e.translated) leaks[`${lang} ${f.id} episode untranslated: ${e.summary}`] = [];
            else check(`${f.id} episode`, e.summary, data);
          }
          for (const s of f.i18n.remediation) {
            if (s.translated) check(`${f.id} step`, s.text);
            check(`${f.id} source`, s.source);
          }
        }
        const v = l.verdict.i18n;
        const worst = l.findings.find((f) => f.id === result.verdict.headlineMessage?.data?.finding);
        for (const s of [v.status, v.headline, ...v.checked, ...v.missing, ...v.facts]) check('verdict', s, worst ? Object.values(worst.data).map(String) : []);
        for (const c of l.coverage) for (const s of [c.i18n.status, c.i18n.reason ?? '', ...c.i18n.checks.flatMap((k) => [k.title, k.status])]) check(`coverage ${c.ruleId}`, s, c.artifacts.map((a) => a.artifact));
        for (const e of result.model.timeline ?? []) check(`timeline ${e.kind}`, timelineKind(lang, e.kind));
        // The rendered reports. Bundle facts shown as they are: finding data (also as dates), host and bundle names.
        const id = result.model.identity;
        const facts = [
          ...l.findings.flatMap((f) => Object.values(f.data).flatMap((x) => [String(x), ...(/^\d{4}-\d\d-\d\dT/.test(String(x)) ? [formatUtc(String(x), lang)] : [])])),
          id?.hostname ?? '',
          result.inventory.host ?? '',
          bundleName(result.inventory.input ?? ''),
          result.inventory.format ?? '',
          result.inventory.layout ?? '',
          ...(result.inventory.sosVersion ? [`sos ${result.inventory.sosVersion}`] : []),
          ...(result.inventory.artifacts ?? []).map((a) => a.artifact),
          ...strings(id), // OS name, Docker and component versions, packages
          // Host facts tables: package names, mount types, docker info's own keys, where a setting came from.
          ...result.model.summary.packagesOfInterest.map((p) => p.name),
          ...result.model.summary.dockerMounts.list.map((x) => x.fsType),
          ...Object.keys(result.model.storage?.driverStatus ?? {}),
          ...(result.model.config?.all ?? []).map((c) => c.source),
        ].filter((x) => x.length > 0);
        // Free text a rule wrote for this bundle: English by design (no key), unmarkable in Markdown.
        const coverage = l.coverage as (CoverageVerdict & { i18n: CoverageI18n })[];
        const findings = l.findings as (Finding & { i18n: FindingI18n })[];
        const ruleWritten = [...coverage.filter((c) => c.i18n.reason === undefined).map((c) => c.reason), ...findings.flatMap((f) => f.i18n.remediation.filter((s) => !s.translated).map((s) => s.text))];
        const md = renderMarkdown(l);
        for (const line of md.split('\n')) check('report.md', withoutFacts(withoutFacts(line.replace(/\\(.)/g, '$1'), ruleWritten), facts));
        // Confidence reasons (p.meta) and episodes are read even where marked lang="en": they must be translated.
        for (const text of readableText(renderHtml(l), { readEnglishIn: ['meta', 'episode'] })) check('report.html', withoutFacts(text, facts));
        expect(leaks).toEqual({});
        // And it is really translated: the verdict status is not the English one.
        expect(v.status).not.toBe(localizeResult(result, 'en').verdict.i18n.status);
      }
    });
  }
});
