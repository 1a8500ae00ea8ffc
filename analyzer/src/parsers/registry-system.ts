import type { ParserDef } from '../spine/types.js';

/** Every other artifact's parser (ipcs, dmsetup, ip, daemon.json, systemctl, docker CLI, …). */
export const SYSTEM_PARSERS: readonly ParserDef<unknown>[] = [];
