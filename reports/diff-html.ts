/**
 * diff.html: one self-contained page under the same rules as report.html (reports/html.ts): a CSP
 * first in <head> allowing only the inline style by its sha256 (this page has no script at all),
 * nothing external, every bundle value through Handlebars `{{ }}` (escaped), no helpers.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Handlebars from 'handlebars';
import type { BundleDiff } from '../analyzer/src/diff/types.js';
import { contentSecurityPolicy } from './html.js';
import { repoRoot } from './template-engine.js';
import { CHANGE_LABEL, changeLine, findingNote, findingSummary, headline, sectionNote, sideName, valueCell, when, where } from './diff-view.js';
import { visible } from './text.js';

interface DiffAssets {
  page: Handlebars.TemplateDelegate;
  head: Handlebars.TemplateDelegate;
  css: string;
}
let assets: DiffAssets | undefined;

function load(): DiffAssets {
  if (assets) return assets;
  const root = repoRoot();
  const hb = Handlebars.create();
  const opts = { knownHelpersOnly: true, preventIndent: true };
  const page = hb.compile(readFileSync(join(root, 'reports/templates/diff.hbs'), 'utf8'), opts);
  const head = hb.compile(readFileSync(join(root, 'reports/templates/head.hbs'), 'utf8'), opts);
  const css = readFileSync(join(root, 'reports/assets/diff.css'), 'utf8');
  if (/<\/style/i.test(css)) throw new Error('diff assets must not contain closing tags');
  assets = { page, head, css };
  return assets;
}

/** report.html's policy with no script source at all. */
export function diffContentSecurityPolicy(css: string): string {
  return contentSecurityPolicy([], [css]);
}

export function buildDiffView(d: BundleDiff) {
  const side = (s: BundleDiff['before']) => ({
    name: sideName(s),
    input: visible(s.input),
    collected: when(s),
    machineId: visible(s.machineId ?? 'unknown'),
    caseId: visible(s.caseId ?? ''),
    flavor: s.flavor,
    docker: visible(s.docker ?? 'unknown'),
    kernel: visible(s.kernel ?? 'unknown'),
    findings: s.findings,
    verdict: visible(s.verdict),
  });
  const boot = (b: BundleDiff['boots']['newBoots'][number]) => ({ id: visible(b.bootId ?? '(no id)'), first: b.firstEntry ?? '', last: b.lastEntry ?? '', verdict: b.verdict, reason: visible(b.reason) });
  return {
    title: `docker-postmortem diff: ${sideName(d.before)} → ${sideName(d.after)}`,
    before: side(d.before),
    after: side(d.after),
    warnings: d.warnings.map((w) => ({ kind: w.kind, text: visible(w.text) })),
    headline: headline(d),
    counts: (['new', 'resolved', 'persisting', 'unverified'] as const).map((c) => ({ change: c, label: CHANGE_LABEL[c], n: d.counts[c] })),
    findings: d.findings.map((f) => ({
      change: f.change,
      label: CHANGE_LABEL[f.change],
      severity: f.severity,
      ruleId: f.ruleId,
      subject: visible(f.subject),
      title: visible(f.title),
      summary: findingSummary(f),
      note: findingNote(f),
      beforeWhere: where(f.before?.evidence),
      afterWhere: where(f.after?.evidence),
    })),
    sections: d.sections.map((s) => ({
      id: s.id,
      title: s.title,
      note: sectionNote(s),
      rows: s.changes.map((c) => ({ change: c.change, item: visible(c.item), before: valueCell(c.before, c.beforeSource), after: valueCell(c.after, c.afterSource), line: changeLine(c), beforeWhere: where(c.beforeEvidence), afterWhere: where(c.afterEvidence) })),
    })),
    boots: { newBoots: d.boots.newBoots.map(boot), ended: d.boots.beforeBootEnded ? boot(d.boots.beforeBootEnded) : undefined, sameBoot: d.boots.sameBoot === true },
    tool: `${d.tool.name} ${d.tool.version} (rules ${d.tool.rulesVersion})`,
  };
}

export function renderDiffHtml(d: BundleDiff): string {
  const { page, head, css } = load();
  const view = buildDiffView(d);
  const csp = diffContentSecurityPolicy(css);
  if (!/^[A-Za-z0-9+/=' ;:-]+$/.test(csp)) throw new Error('unexpected character in CSP');
  return ['<!doctype html>', '<html lang="en">', '<head>', `<meta http-equiv="Content-Security-Policy" content="${csp}">`, head({ title: view.title }).trimEnd(), `<style>${css}</style>`, '</head>', '<body>', page(view).trimEnd(), '</body>', '</html>', ''].join('\n');
}
