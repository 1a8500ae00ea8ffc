/**
 * icc-icmp-exception: with `icc=false` Docker isolates containers on a bridge by appending
 * `-A FORWARD -i docker0 -o docker0 -j DROP`. A host rule that accepts ICMP earlier in FORWARD (or in
 * DOCKER-USER, which FORWARD jumps to first) lets ping between containers through while TCP and UDP
 * are dropped, which looks like a broken network or a broken isolation. Field guide §2 "icc=false
 * bypass"; openEuler guide "Iptables Component".
 */
import type { IptablesRule } from '../model/host-model.js';
import { defineRule } from './types.js';
import { boolOption } from './util-host.js';

/** docker's inter-container DROP: `-A FORWARD -i docker0 -o docker0 -j DROP` (the bridge may be another name with --bridge). */
const ICC_DROP = /^-A FORWARD -i (\S+) -o \1 -j DROP$/;
/** An ICMP accept: `-p icmp` (or protocol number 1 / ipv6-icmp) jumping to ACCEPT. */
const ICMP_ACCEPT = /(?:^| )-p (?:icmp|1|ipv6-icmp|icmpv6)(?: |$).*-j ACCEPT\b/;

/** Does the rule's -i/-o restriction still match traffic between two ports of `bridge`? */
function coversBridge(text: string, bridge: string): boolean {
  for (const m of text.matchAll(/(!\s+)?-([io]) (\S+)/g)) {
    const neg = Boolean(m[1]);
    const name = m[3]!;
    const matches = name === bridge || (name.endsWith('+') && bridge.startsWith(name.slice(0, -1)));
    if (neg === matches) return false;
  }
  return true;
}

export default defineRule({
  meta: {
    id: 'icc-icmp-exception',
    title: 'icc=false undermined by an ICMP ACCEPT rule before Docker\'s DROP',
    category: 'network',
    severity: 'warning',
    requires: ['iptables.filter', 'docker.daemon-json', 'sysconfig.docker', 'systemd.docker', 'systemd.cat-docker', 'process.daemons', 'ps'],
    essential: ['iptables.filter'],
    explanation:
      'With --icc=false (or "icc": false) Docker blocks traffic between containers on the same bridge by appending ' +
      '"-A FORWARD -i docker0 -o docker0 -j DROP". iptables stops at the first matching rule, so a host rule that accepts ICMP ' +
      'earlier in FORWARD (or in DOCKER-USER, which FORWARD jumps to first) lets ping between containers through while TCP and ' +
      'UDP are still dropped: ping works, connections time out.',
    guideSection: 'Installation and Deployment › Iptables Component',
    messages: {
      icmpBeforeDrop: 'icc=false, but FORWARD accepts ICMP ({{icmpRule}}) before Docker\'s DROP for {{bridge}}: ping between containers works, TCP/UDP do not',
    },
    remediation: [
      { kind: 'fix', risk: { restart: true, dataLoss: false, reversible: true }, text: 'Clear the host iptables rules that precede Docker\'s (or delete the ICMP accept) before using --icc=false, then restart Docker so it re-creates its rules in order.', commands: ['iptables -S FORWARD', 'iptables -D FORWARD -p icmp -j ACCEPT', 'systemctl restart docker'], source: 'openEuler guide: Iptables Component' },
      { kind: 'fix', risk: { restart: false, dataLoss: false, reversible: true }, text: 'If containers must talk to each other, use a user-defined network or --link instead of relying on ICMP.', source: 'general practice' },
    ],
  },

  evaluate(ctx) {
    const { model } = ctx;
    const icc = boolOption(model, 'icc');
    if (!icc || icc.value) return;
    if (!model.iptables.available || !model.iptables.chains['filter']) {
      ctx.insufficient('icc=false is set but the filter table was not collected', ['iptables-save -t filter']);
      return;
    }
    const forward = model.iptables.rules.filter((r) => r.table === 'filter' && r.chain === 'FORWARD').sort((a, b) => a.position - b.position);
    for (const drop of forward) {
      const m = ICC_DROP.exec(drop.text);
      if (!m) continue;
      const bridge = m[1]!;
      const before: IptablesRule[] = [];
      for (const r of forward) {
        if (r.position >= drop.position) break;
        if (ICMP_ACCEPT.test(r.text) && coversBridge(r.text, bridge)) before.push(r);
        // DOCKER-USER (and any user chain jumped to first) is evaluated at the jump's position.
        const jump = /-j (\S+)$/.exec(r.text)?.[1];
        if (jump && !['ACCEPT', 'DROP', 'REJECT', 'RETURN', 'LOG'].includes(jump) && !jump.startsWith('DOCKER-ISOLATION') && jump !== 'DOCKER' && coversBridge(r.text, bridge)) {
          for (const u of model.iptables.rules) if (u.table === 'filter' && u.chain === jump && ICMP_ACCEPT.test(u.text) && coversBridge(u.text, bridge)) before.push(u);
        }
      }
      if (before.length === 0) continue;
      ctx.report({
        messageId: 'icmpBeforeDrop',
        data: { icmpRule: before[0]!.text, bridge, iccSource: icc.source.source },
        evidence: [...(icc.source.evidence ? [{ ...icc.source.evidence, match: 'icc' }] : []), ...before.map((r) => ({ ...r.evidence, match: r.text })), { ...drop.evidence, match: drop.text }],
        confidence: 'high',
        confidenceReason: 'the rule order in iptables-save shows the ICMP accept ahead of the inter-container DROP',
      });
    }
  },
});
