import type { ParserDef } from '../spine/types.js';

/** storage parsers: see parsers/index.ts for who owns which list. */
export const STORAGE_PARSERS: readonly ParserDef<unknown>[] = [];
