/**
 * Parser registry: artifact id → parser. Two owner lists keep parallel work apart:
 * logs (journal, syslog, boots, audit) and system (everything else).
 */
import type { ParserDef } from '../spine/types.js';
import { LOG_PARSERS } from './registry-logs.js';
import { SYSTEM_PARSERS } from './registry-system.js';

export const PARSERS: readonly ParserDef<unknown>[] = [...LOG_PARSERS, ...SYSTEM_PARSERS];

const byArtifact = new Map<string, ParserDef<unknown>>();
for (const p of PARSERS) for (const a of p.artifacts) byArtifact.set(a, p);

export function parserFor(artifact: string): ParserDef<unknown> | undefined {
  return byArtifact.get(artifact);
}
