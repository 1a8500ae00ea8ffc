/**
 * report.html: one self-contained file that opens from file:// with no network. A strict CSP
 * (first in <head>) allows only the inline style and script whose sha256 we compute here over
 * their exact text. All bundle data reaches the page through Handlebars `{{ }}` (escaped) or the
 * JSON data block (escaped for a script context below).
 */
import { createHash } from 'node:crypto';
import type { AnalysisResult } from '../analyzer/src/analyze.js';
import { templates } from './template-engine.js';
import type { ViewLimits, ViewOptions, ReportView } from './view-model.js';
import { buildViewModel } from './view-model.js';
import { renderTicket } from './ticket.js';

export const sha256 = (text: string): string => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

export function contentSecurityPolicy(scripts: readonly string[], styles: readonly string[]): string {
  return [
    "default-src 'none'",
    // A page with no script (the diff report) allows none.
    `script-src ${scripts.length ? scripts.map(sha256).join(' ') : "'none'"}`,
    `style-src ${styles.map(sha256).join(' ')}`,
    'img-src data:',
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

/**
 * JSON safe inside <script type="application/json">: `<` can never open `</script` or `<!--`,
 * and U+2028/2029 are escaped so the text is also a valid JS string literal if ever evaluated.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

export function renderView(view: ReportView): string {
  const t = templates();
  const css = t.css;
  const js = t.js;
  const csp = contentSecurityPolicy([js], [css]);
  // Only our own tokens and base64 digests: safe in a double-quoted attribute as is.
  if (!/^[A-Za-z0-9+/=' ;:-]+$/.test(csp)) throw new Error('unexpected character in CSP');
  const head = t.head({ title: view.title });
  const body = t.body(view);
  return [
    '<!doctype html>',
    // The view's own tag from the registry (en, ru, zh-CN): safe in the attribute as is.
    `<html lang="${view.lang}">`,
    '<head>',
    `<meta http-equiv="Content-Security-Policy" content="${csp}">`,
    head.trimEnd(),
    `<style>${css}</style>`,
    '</head>',
    '<body>',
    body.trimEnd(),
    `<script type="application/json" id="report-data">${jsonForScript(view.data)}</script>`,
    // The ticket text as data (a JSON string, escaped like the data block): the copy button reads it.
    ...(view.ticket !== undefined ? [`<script type="application/json" id="ticket-data">${jsonForScript(view.ticket)}</script>`] : []),
    `<script>${js}</script>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

export function renderHtml(result: AnalysisResult, limits: Partial<ViewLimits> = {}, options: ViewOptions = {}): string {
  // The same text `--format ticket` writes, so the button and ticket.txt never differ.
  return renderView({ ...buildViewModel(result, limits, options), ticket: renderTicket(result) });
}
