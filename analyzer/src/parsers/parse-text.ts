/**
 * Runs a registered parser over in-memory text. For tests, the rule tester and small files;
 * the bundle reader streams instead.
 */
import type { ArtifactId } from '../spine/artifacts.js';
import type { ParseContext, ParseResult } from '../spine/types.js';
import { parserFor } from './index.js';

export function parseText<T = unknown>(artifact: ArtifactId, text: string, ctx: Partial<ParseContext> = {}): ParseResult<T> {
  const parser = parserFor(artifact);
  if (!parser) return { status: 'skipped', reason: `no parser for ${artifact}`, problems: [] };
  const sink = parser.create({ artifact, path: ctx.path ?? artifact, ...ctx });
  const lines = text.split('\n');
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  lines.forEach((t, i) => sink.push({ no: i + 1, text: t.endsWith('\r') ? t.slice(0, -1) : t }));
  return sink.finish() as ParseResult<T>;
}
