import type { ParserDef } from '../spine/types.js';

/** host parsers: see parsers/index.ts for who owns which list. */
export const HOST_PARSERS: readonly ParserDef<unknown>[] = [];
