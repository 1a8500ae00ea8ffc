/**
 * Run-time texts in a localized result and on the page: a finding whose confidence reason is a
 * rule's template with data and the engine's appended clause, a known-defect reason with its own
 * clause, an episode folded into a finding, a rule-written coverage reason, and a reason no catalog
 * holds (kept English, marked lang="en"). Expected texts are built from the catalogs' templates and
 * the fixture's data, not copied from the output.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyzeBundle, type AnalysisResult } from '../../analyzer/src/analyze.js';
import { flatCatalog } from '../../analyzer/src/i18n/catalog.js';
import { formatUtc } from '../../analyzer/src/i18n/dates.js';
import { formatMessage } from '../../analyzer/src/i18n/format.js';
import { localizeResult, type FindingI18n, type LocalizedResult } from '../../analyzer/src/i18n/localize.js';
import { runtimeText } from '../../analyzer/src/i18n/runtime-text.js';
import { t, ui } from '../../analyzer/src/i18n/translate.js';
import { fillTemplate } from '../../analyzer/src/rules/engine.js';
import { RULES } from '../../analyzer/src/rules/index.js';
import type { Finding } from '../../analyzer/src/rules/types.js';
import { renderHtml } from '../../reports/html.js';
import { renderMarkdown } from '../../reports/markdown.js';

const SAMPLE = join(__dirname, '..', '..', 'samples', 'lab-netns-container-id-exists');
const FROM = '2024-03-01T10:00:00.000Z';
const TO = '2024-03-01T11:30:00.000Z';
const runtime = (lang: 'ru' | 'zh-CN', english: string) => flatCatalog(lang).get(`runtime.${english}`)!;
const unescape = (s: string) => s.replace(/&quot;/g, '"').replace(/&#x27;/g, "'").replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>');

/** The localized race finding (the intersection type of LocalizedResult hides `i18n` from `find`). */
const race = (l: LocalizedResult, id: string) => (l.findings as (Finding & { i18n: FindingI18n })[]).find((x) => x.id === id)!;

describe('run-time texts translated', () => {
  let result: AnalysisResult;
  let base: Finding;
  beforeAll(async () => {
    result = await analyzeBundle(SAMPLE);
    base = result.findings.find((f) => f.ruleId === 'container-id-exists-race')!;
  }, 120_000);

  /** The sample with its race finding given `patch`, and a coverage reason of our own. */
  const withFinding = (patch: Partial<Finding>, coverageReason?: string): AnalysisResult => ({
    ...result,
    findings: result.findings.map((f) => (f === base ? { ...f, ...patch } : f)),
    coverage: result.coverage.map((c, i) => (i === 0 && coverageReason ? { ...c, status: 'insufficient-evidence' as const, reason: coverageReason } : c)),
  });

  for (const lang of ['ru', 'zh-CN'] as const) {
    it(`${lang}: a templated reason with the engine's clause: dates in the language, artifact states translated`, () => {
      const english = `counted over audit.log from ${FROM} to ${TO}; seen in the logs only: journal (missing), dmesg (empty) would confirm it`;
      const local = localizeResult(withFinding({ confidenceReason: english }), lang);
      const f = race(local, base.id);
      const head = formatMessage(runtime(lang, 'counted over audit.log from {{from}} to {{to}}'), { from: formatUtc(FROM, lang), to: formatUtc(TO, lang) }, lang);
      const states = ['journal', 'missing', 'dmesg', 'empty'];
      const artifacts = `${ui(lang, 'artifact.with-state', { artifact: states[0], state: ui(lang, 'artifact.state.missing') })}, ${ui(lang, 'artifact.with-state', { artifact: states[2], state: ui(lang, 'artifact.state.empty') })}`;
      const clause = formatMessage(runtime(lang, '; seen in the logs only: {{artifacts}} would confirm it'), { artifacts }, lang);
      expect(f.i18n.confidenceReason).toBe(head + clause);
      // The English stays in the JSON's own field.
      expect(f.confidenceReason).toBe(english);
      // On the page: the translation, without lang="en" on the confidence line.
      const html = renderHtml(local);
      const meta = /<p class="meta">[\s\S]*?<\/p>/.exec(html.slice(html.indexOf(`data-finding-id="${base.id}"`)))![0];
      expect(unescape(meta)).toContain(head + clause);
      expect(meta).not.toContain('lang="en"');
    });

    it(`${lang}: a known-defect reason (variant with distribution and tags) and the matcher's clause`, () => {
      const english = 'rpm -qa lists docker-engine 18.09.0-100.oe2203, inside the affected range for openEuler (oe2203); the logs show dockerd.panic (3)';
      const f = race(localizeResult(withFinding({ confidenceReason: english }), lang), base.id);
      const head = formatMessage(runtime(lang, '{{via}} lists {{package}} {{version}}, inside the affected range for {{distribution}} ({{tags}})'), { via: 'rpm -qa', package: 'docker-engine', version: '18.09.0-100.oe2203', distribution: 'openEuler', tags: 'oe2203' }, lang);
      const clause = formatMessage(runtime(lang, '; the logs show {{events}}'), { events: 'dockerd.panic (3)' }, lang);
      expect(f.i18n.confidenceReason).toBe(head + clause);
    });

    it(`${lang}: a reason no catalog holds stays English, marked lang="en"`, () => {
      const english = 'a reason a team rule wrote';
      const local = localizeResult(withFinding({ confidenceReason: english }), lang);
      expect(race(local, base.id).i18n.confidenceReason).toBeUndefined();
      expect(renderHtml(local)).toContain(`<span lang="en">${english}</span>`);
      // Half a translation is no translation: a known head with an unknown clause stays English too.
      expect(runtimeText(lang, 'dockerd logged the refusal; something else')).toBeUndefined();
    });

    it(`${lang}: an episode's summary is the message in the language, its data read back from the English`, () => {
      const data = { container: 'web-1', error: 'container with id exists: abc', minutes: 2 };
      const template = RULES.find((r) => r.meta.id === 'container-id-exists-race')!.meta.messages.raceAfterContainerdKill;
      const episode = { messageId: 'raceAfterContainerdKill', summary: fillTemplate(template, data), severity: 'error' as const, evidence: [] };
      const unknown = { ...episode, summary: 'text the template cannot produce' };
      const local = localizeResult(withFinding({ episodes: [episode, unknown] }), lang);
      const f = race(local, base.id);
      expect(f.i18n.episodes[0]).toEqual({ summary: t(lang, 'rule.container-id-exists-race.message.raceAfterContainerdKill', data), translated: true });
      expect(f.i18n.episodes[1]).toEqual({ summary: unknown.summary, translated: false });
      const html = unescape(renderHtml(local));
      expect(html).toContain(f.i18n.episodes[0]!.summary);
      expect(html).toContain(`<span lang="en">${unknown.summary}</span>`);
    });

    it(`${lang}: a rule-written coverage reason, nested reasons translated too, in the HTML and the Markdown`, () => {
      const english = 'could not compare: CVE-2024-1: cannot compare rpm version "1:2" of docker-engine with the range';
      const local = localizeResult(withFinding({}, english), lang);
      const inner = formatMessage(runtime(lang, 'cannot compare {{system}} version "{{version}}" of {{package}} with the range'), { system: 'rpm', version: '1:2', package: 'docker-engine' }, lang);
      const expected = formatMessage(runtime(lang, 'could not compare: {{reasons}}'), { reasons: `CVE-2024-1: ${inner}` }, lang);
      expect(local.coverage[0]!.i18n.reason).toBe(expected);
      expect(unescape(renderHtml(local))).toContain(expected);
      expect(renderMarkdown(local).replace(/\\(.)/g, '$1')).toContain(expected);
    });
  }

  it('en: English in, English out; pages byte-identical to the untranslated rendering', () => {
    const english = `counted over audit.log from ${FROM} to ${TO}`;
    expect(runtimeText('en', english)).toBe(english);
    const r = withFinding({ confidenceReason: english });
    expect(race(localizeResult(r, 'en'), base.id).i18n.confidenceReason).toBe(english);
    expect(renderHtml(localizeResult(r, 'en'))).toBe(renderHtml(r));
  });
});
