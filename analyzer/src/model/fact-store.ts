/**
 * Parser output, grouped by artifact id: what combiners read to build the host model.
 */
import type { ArtifactId } from '../spine/artifacts.js';
import type { ArtifactSource, ParseResult } from '../spine/types.js';

export interface ParsedArtifact<T = unknown> {
  source: ArtifactSource;
  result: ParseResult<T>;
}

export class FactStore {
  private readonly byId = new Map<ArtifactId, ParsedArtifact[]>();

  add(p: ParsedArtifact): void {
    const list = this.byId.get(p.source.artifact) ?? [];
    list.push(p);
    this.byId.set(p.source.artifact, list);
  }

  /** Every parsed file of one artifact (several for multi-file artifacts), in bundle order. */
  all<T>(id: ArtifactId): ParsedArtifact<T>[] {
    return (this.byId.get(id) ?? []) as ParsedArtifact<T>[];
  }

  /** Values of the files that parsed (ok, or malformed with a partial value). */
  values<T>(id: ArtifactId): { value: T; source: ArtifactSource }[] {
    const out: { value: T; source: ArtifactSource }[] = [];
    for (const p of this.all<T>(id)) {
      if (p.result.status === 'ok') out.push({ value: p.result.value, source: p.source });
      else if (p.result.status === 'malformed' && p.result.value !== undefined) out.push({ value: p.result.value, source: p.source });
    }
    return out;
  }

  /** The first parsed value, for single-file artifacts. */
  first<T>(id: ArtifactId): { value: T; source: ArtifactSource } | undefined {
    return this.values<T>(id)[0];
  }

  ids(): ArtifactId[] {
    return [...this.byId.keys()];
  }
}
