/**
 * bip-persisted: docker0 keeps its address across dockerd restarts. After `--bip` is removed from the
 * configuration, dockerd reuses whatever address docker0 still carries (even one deleted and re-added),
 * so the old bip silently stays; and a configured bip that differs from docker0's address means the
 * configuration and the bridge disagree. Field guide §2 "--bip persists"; openEuler guide "Daemon
 * Network Configuration".
 */
import type { DaemonRun, LogEvent } from '../model/host-model.js';
import type { Evidence } from '../spine/types.js';
import { defineRule } from './types.js';
import { LOG_ARTIFACTS, iso } from './util-evidence.js';

/** Docker's first default pool for docker0. */
const DOCKER_DEFAULT_NET = '172.17.0.0/16';

function ipv4ToInt(ip: string): number | undefined {
  const p = ip.split('.').map(Number);
  if (p.length !== 4 || p.some((x) => !Number.isInteger(x) || x < 0 || x > 255)) return undefined;
  return ((p[0]! << 24) | (p[1]! << 16) | (p[2]! << 8) | p[3]!) >>> 0;
}

/** `10.213.0.1/24` → `10.213.0.0/24` (undefined for IPv6 or garbage). */
export function networkOf(cidr: string): string | undefined {
  const [ip, len] = cidr.split('/');
  const n = ipv4ToInt(ip ?? '');
  const l = Number(len);
  if (n === undefined || !Number.isInteger(l) || l < 0 || l > 32) return undefined;
  const mask = l === 0 ? 0 : (0xffffffff << (32 - l)) >>> 0;
  const net = (n & mask) >>> 0;
  return `${[net >>> 24, (net >>> 16) & 255, (net >>> 8) & 255, net & 255].join('.')}/${l}`;
}

/**
 * The latest dockerd run before the one that logged at `before` that became ready without logging the "Default
 * bridge" line: dockerd ran with --bip then (the line is logged only without it).
 */
function runWithBipBefore(runs: readonly DaemonRun[], bridgeLogs: readonly LogEvent<'dockerd.default-bridge'>[], before: number | undefined): DaemonRun | undefined {
  if (before === undefined) return undefined;
  const starts = runs.filter((r) => r.daemon === 'dockerd' && r.start !== undefined && r.start < before);
  // The run that logged `before` is the last one started at or before it; look at the ones before that.
  for (let i = starts.length - 2; i >= 0; i--) {
    const from = starts[i]!.start!;
    const to = starts[i + 1]!.start!;
    const logged = bridgeLogs.some((r) => r.time !== undefined && r.time >= from && r.time < to);
    if (starts[i]!.ready !== undefined && !logged) return starts[i];
    if (logged) return undefined; // that run already ran without --bip
  }
  return undefined;
}

export default defineRule({
  meta: {
    id: 'bip-persisted',
    title: 'docker0 address differs from the configured --bip (or an old --bip persists)',
    category: 'network',
    severity: 'warning',
    requires: ['ip.addr', 'ip.link', 'docker.daemon-json', 'sysconfig.docker', 'systemd.docker', 'systemd.cat-docker', 'process.daemons', 'ps', ...LOG_ARTIFACTS],
    essential: ['ip.addr', ...LOG_ARTIFACTS],
    explanation:
      'dockerd sets docker0\'s address from --bip ("bip" in daemon.json, or DOCKER_NETWORK_OPTIONS in /etc/sysconfig/docker-network). ' +
      'Without --bip it keeps whatever address docker0 already has: after --bip is removed, docker0 comes back with the old address ' +
      '(even if the address was deleted by hand while the bridge stayed), and containers keep getting addresses from the old subnet. ' +
      'A configured bip that differs from docker0\'s address means the running bridge does not match the configuration.',
    guideSection: 'Installation and Deployment › Daemon Network Configuration',
    messages: {
      bipMismatch: 'bip is configured as {{bip}} ({{source}}) but docker0 carries {{address}}',
      bridgeRefused: 'dockerd refused to start {{count, plural, one{# time} other{# times}}}: docker0 still carries {{address}}, which does not match the requested bip {{requested}}',
      bipDropped: '--bip was dropped after the dockerd start at {{earlierStart}}, yet docker0 kept {{address}} (logged as {{logged}}) instead of Docker\'s default {{defaultNet}}',
      oldAddressKept: 'no --bip is configured, yet docker0 carries {{address}} rather than Docker\'s default {{defaultNet}}: probably a removed --bip that persisted',
    },
    remediation: [
      { kind: 'fix', risk: { restart: true, dataLoss: false, reversible: true }, text: 'To drop an old bip, stop Docker, delete the docker0 bridge (not just its address), then start Docker so it creates docker0 afresh.', commands: ['systemctl stop docker', 'ip link delete docker0', 'systemctl start docker'], source: 'general practice (the guide gives no remedy)' },
      { kind: 'fix', risk: { restart: true, dataLoss: false, reversible: true }, text: 'Or set the address you want explicitly with --bip (daemon.json "bip" or DOCKER_NETWORK_OPTIONS) and restart Docker.', commands: ['systemctl restart docker'], source: 'openEuler guide: Daemon Network Configuration' },
    ],
    // dockerd logs the default-bridge address (event dockerd.default-bridge) at every start without --bip.
    events: ['dockerd.default-bridge', 'dockerd.bridge-mismatch'],
  },

  evaluate(ctx) {
    const { model } = ctx;
    const docker0 = model.links.find((l) => l.name === 'docker0');
    const v4 = (docker0?.addresses ?? []).filter((a) => networkOf(a) !== undefined);
    const bip = model.config.values['bip'];
    const bipText = typeof bip?.value === 'string' && bip.value !== '' ? bip.value : undefined;
    const logs = ctx.events('dockerd.default-bridge').filter((e) => e.fields.bridge === 'docker0');
    const lastLog = logs[logs.length - 1];
    const logNet = lastLog?.fields.address;

    // docker 1.7–1.9 refuse to start when docker0 keeps another address than the requested --bip.
    const refusals = ctx.events('dockerd.bridge-mismatch');
    const lastRefusal = refusals[refusals.length - 1];
    if (lastRefusal) {
      ctx.report({
        messageId: 'bridgeRefused',
        severity: 'error',
        data: { count: refusals.length, address: lastRefusal.fields.address ?? '?', requested: lastRefusal.fields.requested ?? '?' },
        evidence: [...refusals.slice(-5).map((e) => e.evidence), ...(bip?.evidence ? [{ ...bip.evidence, match: 'bip' }] : [])],
        confidence: 'high',
        confidenceReason: 'dockerd logged the mismatch when it refused to start',
        detail: 'docker0 kept the address of an earlier configuration; dockerd of these versions does not replace it.',
      });
      return;
    }

    if (bipText) {
      if (!docker0) return; // daemon down or bridge gone: nothing to compare
      if (v4.length === 0) return;
      if (v4.some((a) => a === bipText)) return;
      const addrEv: Evidence = docker0.addressEvidence?.[v4[0]!] ?? { ...docker0.evidence, match: 'docker0' };
      ctx.report({
        messageId: 'bipMismatch',
        data: { bip: bipText, source: bip!.source, address: v4.join(', ') },
        evidence: [...(bip!.evidence ? [{ ...bip!.evidence, match: 'bip' }] : []), addrEv],
        confidence: networkOf(bipText) === networkOf(v4[0]!) ? 'medium' : 'high',
        confidenceReason: 'the configured value and the ip addr output disagree',
        detail: 'If dockerd was not restarted since the configuration changed, the running bridge still has the old address; otherwise an address left on docker0 survived.',
      });
      return;
    }

    // No bip configured: docker0's address (or the one dockerd logged) should be the default pool's.
    const addrNet = v4.map((a) => networkOf(a)!).find((n) => n !== DOCKER_DEFAULT_NET);
    const kept = addrNet ?? (logNet && logNet !== DOCKER_DEFAULT_NET ? logNet : undefined);
    if (!kept) {
      if (!docker0 && logs.length === 0) ctx.insufficient('no docker0 address and no default-bridge log line from dockerd', ['ip -o addr', 'journalctl -u docker']);
      return;
    }
    const evidence: Evidence[] = [];
    const address0 = addrNet ? v4.find((a) => networkOf(a) === addrNet) : undefined;
    if (docker0 && address0) evidence.push(docker0.addressEvidence?.[address0] ?? { ...docker0.evidence, match: 'docker0' });
    if (lastLog) evidence.push(lastLog.evidence);
    const address = address0 ?? kept;
    // The journal can show the drop itself: an earlier dockerd start that came up without the "Default bridge" line
    // (it had --bip then) and a later one with it, logging the same non-default subnet.
    const dropped = lastLog ? runWithBipBefore(model.daemons.runs, logs, lastLog.time) : undefined;
    ctx.report({
      messageId: dropped ? 'bipDropped' : 'oldAddressKept',
      severity: dropped ? 'warning' : 'info',
      data: { address, defaultNet: DOCKER_DEFAULT_NET, logged: logNet ?? '', ...(dropped ? { earlierStart: iso(dropped.start) ?? '?' } : {}) },
      evidence: [...(dropped?.evidence ?? []), ...evidence],
      confidence: dropped ? 'high' : 'medium',
      confidenceReason: dropped
        ? 'an earlier dockerd start came up without the "Default bridge" line (so with --bip), the last one logs it with the old subnet'
        : 'no bip in any configuration source; dockerd also picks another pool when 172.17.0.0/16 overlaps a host route',
      detail: lastLog ? `dockerd logged at its last start that docker0 is assigned ${logNet}, without --bip.` : undefined,
    });
  },
});
