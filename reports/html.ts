// PLACEHOLDER: the reports work (issue 6) implements the self-contained HTML report.
import type { AnalysisResult } from '../analyzer/src/analyze.js';

export function renderHtml(result: AnalysisResult): string {
  const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  return `<!doctype html><meta charset="utf-8"><title>docker-postmortem</title><p>${esc(String(result.findings.length))} finding(s)</p>\n`;
}
