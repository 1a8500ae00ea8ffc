/**
 * Parser registry: artifact id → parser. Three lists keep parallel work apart:
 * - registry-logs.ts: journal, syslog, journal.boots, journal.header, dmesg, audit.log, audit.rules(-files)
 * - registry-storage.ts: ipcs.*, proc.sysvipc-sem, kernel.sem, sysctl, dmsetup.*, lvm, deviceset-metadata,
 *   mountinfo, mount.l, df.*, limits, overlay.params, dataroot.*, execroot.listing
 * - registry-host.ts: ip.*, bridge.link, iptables.*, firewalld.state, docker.*, sysconfig.docker,
 *   systemd.*, process.daemons, ps, rpm.qa, dpkg.l, uname, os-release, hostname
 */
import type { ParserDef } from '../spine/types.js';
import { LOG_PARSERS } from './registry-logs.js';
import { STORAGE_PARSERS } from './registry-storage.js';
import { HOST_PARSERS } from './registry-host.js';

export const PARSERS: readonly ParserDef<unknown>[] = [...LOG_PARSERS, ...STORAGE_PARSERS, ...HOST_PARSERS];

const byArtifact = new Map<string, ParserDef<unknown>>();
for (const p of PARSERS) for (const a of p.artifacts) byArtifact.set(a, p);

export function parserFor(artifact: string): ParserDef<unknown> | undefined {
  return byArtifact.get(artifact);
}
