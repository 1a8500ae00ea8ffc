/**
 * Builds a host model from log fixtures by running the real parsers (as the reader would) and the
 * real combiners (the real event catalog unless `ctx.events` gives another); used by the boots/lifecycle/journal-facts/timeline/audit tests.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FactStore } from '../../analyzer/src/model/fact-store.js';
import { buildHostModel } from '../../analyzer/src/model/build.js';
import type { HostModel } from '../../analyzer/src/model/host-model.js';
import { parseText } from '../../analyzer/src/parsers/parse-text.js';
import { toArtifactId, type ArtifactId } from '../../analyzer/src/spine/artifacts.js';
import type { ParseContext } from '../../analyzer/src/spine/types.js';

export const FIX = join(import.meta.dirname, '..', 'fixtures');
export const fixture = (rel: string): string => readFileSync(join(FIX, rel), 'utf8');

export interface Input {
  /** A registered artifact id (checked: an unknown id throws). */
  artifact: string;
  /** Fixture path under test/fixtures, or inline text with `text`. */
  fixture?: string;
  text?: string;
  path?: string;
  truncated?: boolean;
}

export function modelFrom(inputs: Input[], opts: { collectedAt?: number; ctx?: Partial<ParseContext> } = {}): HostModel {
  const facts = new FactStore();
  const health: Record<string, { artifact: ArtifactId; state: 'present'; paths: string[]; bytes: number }> = {};
  for (const i of inputs) {
    const text = i.text ?? fixture(i.fixture!);
    const artifact = toArtifactId(i.artifact);
    const path = i.path ?? i.fixture ?? artifact;
    const result = parseText(artifact, text, { path, collectedAt: opts.collectedAt, ...opts.ctx });
    facts.add({ source: { artifact, path, bytes: text.length, truncated: i.truncated ?? false }, result });
    health[artifact] = { artifact, state: 'present', paths: [path], bytes: text.length };
  }
  return buildHostModel(facts, { layout: 'folder', source: 'test', health, parseProblems: {}, collectedAt: opts.collectedAt });
}
