import type { ParserDef } from '../spine/types.js';
import { ipLinkParser } from './ip-link.js';
import { ipAddrParser } from './ip-addr.js';
import { bridgeLinkParser } from './bridge-link.js';
import { ipNetnsParser } from './ip-netns.js';
import { iptablesSaveParser } from './iptables-save.js';
import { firewalldStateParser } from './firewalld-state.js';
import { daemonJsonParser } from './daemon-json.js';
import { sysconfigParser } from './sysconfig.js';
import { systemctlCatParser, systemctlShowParser, systemctlStatusParser } from './systemctl.js';
import { processesParser } from './processes.js';
import { psParser } from './ps.js';
import { dockerInfoParser } from './docker-info.js';
import { dockerPsParser } from './docker-ps.js';
import { dockerNetworkLsParser } from './docker-network-ls.js';
import { dockerVersionParser } from './docker-version.js';
import { packagesParser } from './packages.js';
import { unameParser } from './uname.js';
import { osReleaseParser } from './os-release.js';
import { hostnameParser } from './hostname.js';

/** host parsers: see parsers/index.ts for who owns which list. */
export const HOST_PARSERS: readonly ParserDef<unknown>[] = [
  ipLinkParser,
  ipAddrParser,
  bridgeLinkParser,
  ipNetnsParser,
  iptablesSaveParser,
  firewalldStateParser,
  daemonJsonParser,
  sysconfigParser,
  systemctlShowParser,
  systemctlStatusParser,
  systemctlCatParser,
  processesParser,
  psParser,
  dockerInfoParser,
  dockerPsParser,
  dockerNetworkLsParser,
  dockerVersionParser,
  packagesParser,
  unameParser,
  osReleaseParser,
  hostnameParser,
] as readonly ParserDef<unknown>[];
