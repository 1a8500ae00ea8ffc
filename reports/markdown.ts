// PLACEHOLDER: the reports work (issue 6) implements the ticket summary.
import type { AnalysisResult } from '../analyzer/src/analyze.js';

export function renderMarkdown(result: AnalysisResult): string {
  return `# docker-postmortem: ${result.model.identity.hostname ?? result.inventory.input}\n\n${result.findings.length} finding(s)\n`;
}
