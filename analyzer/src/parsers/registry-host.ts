import type { ParserDef } from '../spine/types.js';
import { ipLinkParser } from './ip-link.js';
import { ipAddrParser } from './ip-addr.js';
import { bridgeLinkParser } from './bridge-link.js';
import { ipNetnsParser } from './ip-netns.js';
import { iptablesSaveParser } from './iptables-save.js';
import { firewalldStateParser } from './firewalld-state.js';
import { daemonJsonParser } from './daemon-json.js';

/** host parsers: see parsers/index.ts for who owns which list. */
export const HOST_PARSERS: readonly ParserDef<unknown>[] = [
  ipLinkParser,
  ipAddrParser,
  bridgeLinkParser,
  ipNetnsParser,
  iptablesSaveParser,
  firewalldStateParser,
  daemonJsonParser,
] as readonly ParserDef<unknown>[];
