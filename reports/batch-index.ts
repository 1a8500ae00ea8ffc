/**
 * index.html for batch triage: one self-contained page (same rules as report.html: CSP with
 * hashes first in <head>, nothing external, every bundle value escaped by Handlebars `{{ }}`).
 * It ranks bundles, groups those that share a finding signature, and shows a bundle × rule matrix.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Handlebars from 'handlebars';
import type { BatchSummaryFile } from '../analyzer/src/triage/outputs.js';
import { bundleReportPath, type BundleSummary } from '../analyzer/src/triage/summary.js';
import { SEVERITIES, severityRank, type Severity } from '../analyzer/src/rules/types.js';
import { contentSecurityPolicy } from './html.js';
import { repoRoot } from './template-engine.js';

const SAFE_DIR = /^[A-Za-z0-9._-]+$/;
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
  const page = hb.compile(readFileSync(join(root, 'reports/templates/index.hbs'), 'utf8'), { knownHelpersOnly: true, preventIndent: true });
  const css = readFileSync(join(root, 'reports/assets/index.css'), 'utf8');
  const js = readFileSync(join(root, 'reports/assets/index.js'), 'utf8');
  if (/<\/style/i.test(css) || /<\/script|<!--/i.test(js)) throw new Error('index assets must not contain closing tags');
  assets = { page, css, js };
  return assets;
}

export function buildIndexView(file: BatchSummaryFile) {
  const analyzed = file.bundles.filter((b) => b.status !== 'failed');
  const failed = file.bundles.filter((b) => b.status !== 'analyzed');
  const ruleIds = [...new Set(analyzed.flatMap((b) => b.findings.map((f) => f.ruleId)))].sort();
  const link = (b: BundleSummary) => (b.reportDir && SAFE_DIR.test(b.reportDir) ? bundleReportPath(b, 'html') : undefined);
  const ranked = [...analyzed].sort((a, b) => rank(b.worstSeverity) - rank(a.worstSeverity) || b.findingCount - a.findingCount || a.input.localeCompare(b.input));
  const worstPerRule = (b: BundleSummary, r: string): Severity | undefined =>
    b.findings.filter((f) => f.ruleId === r).sort((x, y) => severityRank(y.severity) - severityRank(x.severity))[0]?.severity;

  const groups = new Map<string, BundleSummary[]>();
  for (const b of analyzed) if (b.signature) groups.set(b.signature, [...(groups.get(b.signature) ?? []), b]);
  const groupViews = [...groups.entries()]
    .map(([signature, members]) => {
      const worst = members.reduce<Severity | 'none'>((w, m) => (rank(m.worstSeverity) > rank(w) ? m.worstSeverity : w), 'none');
      const [roots, rules] = signature.split(' | ');
      return {
        rootCauses: roots ?? '',
        rules: (rules ?? '').split(',').join(', '),
        worst,
        count: members.length,
        hosts: members.map((m) => ({ name: m.host ?? m.input, href: link(m) })),
      };
    })
    .sort((a, b) => rank(b.worst) - rank(a.worst) || b.count - a.count || a.rootCauses.localeCompare(b.rootCauses));

  return {
    title: `docker-postmortem batch: ${file.totals.bundles} bundle(s)`,
    totals: file.totals,
    severities: SEVERITIES.map((s) => ({ name: s, count: file.totals.bySeverity[s] ?? 0 })),
    healthy: file.totals.bySeverity['none'] ?? 0,
    bundles: ranked.map((b) => ({
      input: b.input,
      host: b.host ?? '',
      collectedAt: b.collectedAt ?? '',
      worst: b.worstSeverity,
      worstRank: rank(b.worstSeverity),
      findings: b.findingCount,
      rules: [...new Set(b.findings.map((f) => f.ruleId))].join(', '),
      href: link(b),
    })),
    ruleIds,
    matrix: ranked.map((b) => ({ input: b.input, host: b.host ?? b.input, href: link(b), cells: ruleIds.map((r) => ({ severity: worstPerRule(b, r) ?? '' })) })),
    groups: groupViews,
    ruleTotals: Object.entries(file.totals.byRule).map(([rule, count]) => ({ rule, count })).sort((a, b) => b.count - a.count || a.rule.localeCompare(b.rule)),
    failed: failed.map((b) => ({ input: b.input, status: b.status === 'partial' ? 'partly read (analyzed what was readable)' : 'not read', reason: b.reason ?? 'unknown', href: link(b) })),
    tool: file.tool,
  };
}

export function renderBatchIndex(file: BatchSummaryFile): string {
  const { page, css, js } = load();
  const csp = contentSecurityPolicy([js], [css]);
  const body = page(buildIndexView(file));
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    `<meta http-equiv="Content-Security-Policy" content="${csp}">`,
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${Handlebars.escapeExpression(`docker-postmortem batch: ${file.totals.bundles} bundle(s)`)}</title>`,
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
