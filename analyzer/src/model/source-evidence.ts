/**
 * Evidence from a parser record's source line: the combiners for IPC, storage, mounts, limits and
 * data-root all cite `{ line, text }` records of one bundle file.
 */
import type { ArtifactSource, Evidence } from '../spine/types.js';

export function lineEvidence(source: ArtifactSource, rec: { line: number; text: string }, extra: { time?: number; match?: string } = {}): Evidence {
  const e: Evidence = { artifact: source.artifact, path: source.path, line: rec.line, excerpt: rec.text.slice(0, 500) };
  if (extra.time !== undefined && Number.isFinite(extra.time)) e.time = new Date(extra.time).toISOString();
  if (extra.match !== undefined && rec.text.includes(extra.match)) e.match = extra.match;
  return e;
}

/** Evidence for a file as a whole (line 0), e.g. "the deviceset-metadata file is not JSON". */
export function fileEvidence(source: ArtifactSource, excerpt: string): Evidence {
  return { artifact: source.artifact, path: source.path, line: 0, excerpt: excerpt.slice(0, 500) };
}
