/**
 * A remediation step's labels in words, shared by report.html and report.md so both say the same:
 * "check" or "fix", and a fix's cost (restart, data loss, undo).
 */
import type { RemediationStep } from '../analyzer/src/rules/types.js';
import type { LangTag } from '../analyzer/src/i18n/registry.js';
import { ui } from '../analyzer/src/i18n/translate.js';

/** A fix's risk in words, in the page's language: every one of the three, so "no restart" is said too. */
export function riskWords(lang: LangTag, s: RemediationStep): string[] {
  if (s.kind !== 'fix' || !s.risk) return [];
  return [
    ui(lang, s.risk.restart ? 'remediation.restart' : 'remediation.no-restart'),
    ui(lang, s.risk.dataLoss ? 'remediation.data-loss' : 'remediation.no-data-loss'),
    ui(lang, s.risk.reversible ? 'remediation.reversible' : 'remediation.irreversible'),
  ];
}
