/**
 * The one routine for terminal output that carries bundle text (member names, symlink targets,
 * host names, reasons): ESC, BEL, C1 CSI (U+009B) and the other controls, bidi overrides and line
 * breaks become visible `⟦U+001B⟧` markers, so a hostile name can neither drive the engineer's
 * terminal nor reorder or split the line it is printed on. reports/text.ts is the home of the
 * character sets; this file adds the line breaks a one-line message must not contain.
 */
import { BIDI_CLASS, marker, visible } from '../../../reports/text.js';

/** Tab, LF, CR and the Unicode line and paragraph separators (NEL is a C1 control: visible() has it). */
const LINE_BREAKS = /[\t\n\r\u2028\u2029]/g;

/** Bundle text as one line that is safe on a terminal. */
export function safe(s: unknown): string {
  return visible(String(s)).replace(LINE_BREAKS, marker);
}

/**
 * JSON for a terminal: JSON.stringify escapes C0 controls but leaves DEL, C1, bidi controls and
 * U+2028/2029 raw. They become `\\uXXXX` escapes, which parse back to the same string.
 */
const JSON_RAW = new RegExp(`[\\u007f-\\u009f${BIDI_CLASS}\\u2028\\u2029]`, 'g');
export function safeJson(json: string): string {
  return json.replace(JSON_RAW, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Each line of a multi-line text made safe on its own (the line structure is ours, the text is not). */
export function safeLines(lines: readonly string[]): string {
  return lines.map(safe).join('\n');
}
