import { toArtifactId } from '../../analyzer/src/spine/artifacts.js';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseText } from '../../analyzer/src/parsers/parse-text.js';
import type { ParseResult } from '../../analyzer/src/spine/types.js';

const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));

/** Text of a fixture under test/fixtures/. */
export function fixture(rel: string): string {
  return readFileSync(FIXTURES + rel, 'utf8');
}

/** Parses text with the registered parser of `artifact`. */
export function parse<T>(artifact: string, text: string, path = `cmd/${artifact}.txt`): ParseResult<T> {
  return parseText<T>(toArtifactId(artifact), text, { path });
}

/** Parses a fixture and returns its value, failing the test unless the status is ok. */
export function okValue<T>(artifact: string, rel: string, path?: string): { value: T; problems: ParseResult<T>['problems'] } {
  const r = parse<T>(artifact, fixture(rel), path);
  if (r.status !== 'ok') throw new Error(`${rel}: expected ok, got ${r.status}: ${r.reason}`);
  return { value: r.value, problems: r.problems };
}
