/**
 * index.html for batch triage: one self-contained page (same rules as report.html: CSP with
 * hashes first in <head>, nothing external, every bundle value escaped by Handlebars `{{ }}`).
 * It ranks bundles (each told apart by file name, host and case id), groups those that share a
 * root-cause signature, and shows a bundle × rule matrix, in the batch's language (`--lang`).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Handlebars from 'handlebars';
import type { BatchSummaryFile, SkippedInput } from '../analyzer/src/triage/outputs.js';
import type { BundleSummary } from '../analyzer/src/triage/summary.js';
import { reportHref } from '../analyzer/src/triage/report-names.js';
import { t, ui } from '../analyzer/src/i18n/translate.js';
import type { LangTag } from '../analyzer/src/i18n/registry.js';
import type { UiKey } from '../analyzer/src/i18n/catalogs/en.js';
import { utcMinutes } from './text.js';
import { SEVERITIES, severityRank, type Severity } from '../analyzer/src/rules/types.js';
import { contentSecurityPolicy } from './html.js';
import { repoRoot } from './template-engine.js';
import { byCodeUnits } from '../analyzer/src/text-order.js';

const rank = (s: Severity | 'none') => (s === 'none' ? 0 : severityRank(s));

interface IndexAssets {
  page: Handlebars.TemplateDelegate;
  css: string;
  js: string;
}
let assets: IndexAssets | undefined;

function load(): IndexAssets {
  if (assets) return assets;
  const root = repoRoot();
  const hb = Handlebars.create();
  // A bundle as people tell bundles apart: its file name (linked to its report), host and case id.
  hb.registerPartial(
    'who',
    '{{#if href}}<a href="{{href}}"><code lang="en">{{file}}</code></a>{{else}}<code lang="en">{{file}}</code>{{/if}}' +
      ' <span class="who">{{host}}{{#if caseId}} · <code lang="en">{{caseId}}</code>{{/if}}</span>',
  );
  const page = hb.compile(readFileSync(join(root, 'reports/templates/index.hbs'), 'utf8'), { knownHelpersOnly: true, preventIndent: true });
  const css = readFileSync(join(root, 'reports/assets/index.css'), 'utf8');
  const js = readFileSync(join(root, 'reports/assets/index.js'), 'utf8');
  if (/<\/style/i.test(css) || /<\/script|<!--/i.test(js)) throw new Error('index assets must not contain closing tags');
  assets = { page, css, js };
  return assets;
}

/** A severity as the page shows it: the language's word, `none` for a bundle without findings. */
function severityLabel(lang: LangTag, s: Severity | 'none' | ''): string {
  if (s === '') return '';
  return s === 'none' ? ui(lang, 'batch.severity-none') : ui(lang, `severity.${s}` as UiKey);
}

/** `power-off-db-loss/stateLost` → the rule's title in the language, and the id kept as code. */
function rootCauseView(lang: LangTag, key: string): { title: string; id: string } {
  const ruleId = key.split('/')[0] ?? key;
  const title = t(lang, `rule.${ruleId}.title`);
  return { title: title === `rule.${ruleId}.title` ? ruleId : title, id: key };
}

function coverageView(lang: LangTag, b: BundleSummary) {
  const c = b.coverage;
  if (!c) return { status: '', label: '', detail: '', title: '' };
  const total = c.evaluated + c.notEvaluated + c.insufficient;
  return {
    status: c.verdict,
    label: ui(lang, `verdict.status.${c.verdict}` as UiKey),
    detail: ui(lang, 'batch.coverage-rules', { evaluated: c.evaluated, total }),
    title: ui(lang, 'verdict.rules', { evaluated: c.evaluated, notEvaluated: c.notEvaluated, insufficient: c.insufficient }),
  };
}

/** Who a bundle is, as a person tells bundles apart: file name, host, case id and label. */
function identityView(b: BundleSummary) {
  return { file: b.file || b.input, host: b.host ?? '', caseId: b.caseId ?? '', label: b.label ?? '', href: reportHref(b, 'html') };
}

export function buildIndexView(file: BatchSummaryFile, lang: LangTag = 'en') {
  const L = (key: UiKey, data: Record<string, string | number> = {}) => ui(lang, key, data);
  const analyzed = file.bundles.filter((b) => b.status !== 'failed');
  const failed = file.bundles.filter((b) => b.status !== 'analyzed');
  const ruleIds = [...new Set(analyzed.flatMap((b) => b.findings.map((f) => f.ruleId)))].sort();
  const ranked = [...analyzed].sort((a, b) => rank(b.worstSeverity) - rank(a.worstSeverity) || b.findingCount - a.findingCount || byCodeUnits(a.input, b.input));
  const worstPerRule = (b: BundleSummary, r: string): Severity | undefined =>
    b.findings.filter((f) => f.ruleId === r).sort((x, y) => severityRank(y.severity) - severityRank(x.severity))[0]?.severity;

  // One group per root-cause signature: the same incident on many hosts is one line, whatever else each host shows.
  const groups = new Map<string, BundleSummary[]>();
  for (const b of ranked) if (b.signature) groups.set(b.signature, [...(groups.get(b.signature) ?? []), b]);
  const groupViews = [...groups.entries()]
    .map(([signature, members]) => {
      const worst = members.reduce<Severity | 'none'>((w, m) => (rank(m.worstSeverity) > rank(w) ? m.worstSeverity : w), 'none');
      return {
        signature,
        rootCauses: (members[0]!.rootCauses.length ? members[0]!.rootCauses : signature.split('+')).map((k) => rootCauseView(lang, k)),
        worst,
        worstLabel: severityLabel(lang, worst),
        count: members.length,
        members: members.map(identityView),
      };
    })
    .sort((a, b) => rank(b.worst) - rank(a.worst) || b.count - a.count || byCodeUnits(a.signature, b.signature));

  const skippedText = (s: SkippedInput) => (s.kind === 'not-a-bundle' ? L('batch.skipped.not-a-bundle') : s.kind === 'hidden' ? L('batch.skipped.hidden') : undefined);
  return {
    lang,
    foreign: lang !== 'en',
    L: {
      title: L('batch.title'),
      groups: L('batch.shared-root-causes'),
      bundles: L('batch.bundles'),
      worst: L('batch.column.worst'),
      rootCause: L('batch.column.root-cause'),
      count: L('batch.column.count'),
      bundle: L('batch.column.bundle'),
      host: L('batch.column.host'),
      caseId: L('batch.column.case'),
      collected: L('batch.column.collected'),
      coverage: L('batch.column.coverage'),
      docker: L('batch.column.docker'),
      kernel: L('batch.column.kernel'),
      os: L('batch.column.os'),
      findings: L('batch.column.findings'),
      rules: L('batch.column.rules'),
      report: L('batch.column.report'),
      openReport: L('batch.open-report'),
      noGroups: L('batch.none-at-warning'),
      minSeverity: L('batch.filter.min-severity'),
      any: L('batch.filter.any'),
      filter: L('batch.filter.text'),
      filterPlaceholder: L('batch.filter.placeholder'),
      // The page script fills {shown} and {total} in (index.js).
      shown: L('batch.shown', { shown: '{shown}', total: '{total}' }),
      matrix: L('batch.matrix'),
      noFindings: L('batch.no-findings'),
      ruleTotals: L('batch.rule-totals'),
      rule: L('batch.column.rule'),
      unreadable: L('batch.unreadable'),
      status: L('batch.column.status'),
      reason: L('batch.column.reason'),
      none: L('batch.none'),
      skipped: L('batch.skipped'),
      entry: L('batch.column.entry'),
    },
    title: L('batch.page-title', { count: file.totals.bundles }),
    totalsText: L('batch.totals', { analyzed: file.totals.analyzed, partial: file.totals.partial, failed: file.totals.failed, healthy: file.totals.bySeverity['none'] ?? 0 }),
    severities: SEVERITIES.map((s) => ({ name: s, label: severityLabel(lang, s), count: file.totals.bySeverity[s] ?? 0 })),
    severityOptions: [...SEVERITIES].sort((a, b) => severityRank(a) - severityRank(b)).map((s) => ({ rank: rank(s), label: severityLabel(lang, s) })),
    bundles: ranked.map((b) => ({
      ...identityView(b),
      input: b.input,
      collectedAt: b.collectedAt ?? '',
      collected: utcMinutes(b.collectedAt),
      coverage: coverageView(lang, b),
      docker: b.versions?.docker ?? '',
      kernel: b.versions?.kernel ?? '',
      os: b.versions?.os ?? '',
      worst: b.worstSeverity,
      worstLabel: severityLabel(lang, b.worstSeverity),
      worstRank: rank(b.worstSeverity),
      findings: b.findingCount,
      rules: [...new Set(b.findings.map((f) => f.ruleId))].join(', '),
    })),
    ruleIds,
    matrix: ranked.map((b) => ({ ...identityView(b), cells: ruleIds.map((r) => ({ severity: worstPerRule(b, r) ?? '', label: severityLabel(lang, worstPerRule(b, r) ?? '') })) })),
    groups: groupViews,
    ruleTotals: Object.entries(file.totals.byRule).map(([rule, count]) => ({ rule, count })).sort((a, b) => b.count - a.count || byCodeUnits(a.rule, b.rule)),
    failed: failed.map((b) => ({ ...identityView(b), input: b.input, status: L(b.status === 'partial' ? 'batch.status.partial' : 'batch.status.failed'), reason: b.reason ?? '?' })),
    skipped: (file.skipped ?? []).map((s) => ({ input: s.input, text: skippedText(s) ?? s.reason, english: !skippedText(s) })),
    tool: L('batch.tool', { name: file.tool.name, version: file.tool.version, rules: file.tool.rulesVersion }),
  };
}

export function renderBatchIndex(file: BatchSummaryFile, lang: LangTag = 'en'): string {
  const { page, css, js } = load();
  const csp = contentSecurityPolicy([js], [css]);
  const view = buildIndexView(file, lang);
  const body = page(view);
  return [
    '<!doctype html>',
    `<html lang="${Handlebars.escapeExpression(lang)}">`,
    '<head>',
    `<meta http-equiv="Content-Security-Policy" content="${csp}">`,
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${Handlebars.escapeExpression(view.title)}</title>`,
    `<style>${css}</style>`,
    '</head>',
    '<body>',
    body.trimEnd(),
    `<script>${js}</script>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
