/**
 * seccomp-performance (info only): with seccomp on, every syscall of a container process is filtered
 * (it leaves the fast path for the tracing path), which costs most on syscall-heavy, network-heavy
 * workloads. The bundle cannot show the cost happening, so this is a precaution: info, never more.
 * Field guide §2 "seccomp cost"; openEuler guide "Security Configuration › seccomp".
 */
import { defineRule } from './types.js';
import { dockerProxies, publishedPorts } from './util-host.js';

/** Published mappings (or docker-proxy processes) from which the workload looks network-heavy. */
export const NETWORK_HEAVY = 20;

export default defineRule({
  meta: {
    id: 'seccomp-performance',
    title: 'seccomp filtering on a network-heavy host',
    category: 'performance',
    severity: 'info',
    requires: ['docker.info', 'ps', 'docker.ps'],
    essential: ['docker.info'],
    explanation:
      'With seccomp enabled (Docker default profile), every system call of a container process passes the seccomp filter: the ' +
      'kernel takes the tracing entry path instead of the fast path. For syscall-heavy workloads (many small network reads and ' +
      'writes) this costs measurable CPU. It is a security feature: turn it off only for containers whose performance needs it, ' +
      'knowing that it removes a layer of protection.',
    guideSection: 'Installation and Deployment › Security Configuration › seccomp',
    messages: {
      seccompNetworkHeavy: 'seccomp is enabled ({{profile}}) and the host looks network-heavy ({{reason}}): syscall filtering costs CPU there',
    },
    remediation: [
      {
        kind: 'fix', risk: { restart: true, dataLoss: false, reversible: true }, text: 'If a network-heavy container is CPU-bound in system calls and its threat model allows it, run that container without the seccomp filter.',
        commands: ['docker run -itd --security-opt seccomp=unconfined busybox:latest'],
        source: 'openEuler guide: Security Configuration (seccomp)',
      },
      { kind: 'fix', risk: { restart: true, dataLoss: false, reversible: true }, text: 'Prefer a custom, smaller profile over unconfined where possible.', commands: ['docker run --security-opt seccomp=/path/to/profile.json …'], source: 'general practice' },
    ],
  },

  evaluate(ctx) {
    const { model } = ctx;
    const sec = model.config.securityOptions;
    if (!sec) {
      ctx.insufficient('docker info shows no Security Options (daemon down or not collected)', ['docker info']);
      return;
    }
    if (!sec.names.includes('seccomp')) return;
    const proxies = dockerProxies(model);
    const ports = publishedPorts(model);
    const n = Math.max(proxies.length, ports.count);
    if (n < NETWORK_HEAVY) return;
    const reason = proxies.length >= ports.count ? `${proxies.length} docker-proxy processes` : `${ports.count} published port mappings`;
    ctx.report({
      messageId: 'seccompNetworkHeavy',
      severity: 'info',
      data: { profile: 'docker info Security Options: seccomp', reason, count: n, threshold: NETWORK_HEAVY },
      evidence: [
        { ...sec.evidence, match: 'Security Options' },
        ...(proxies.length >= ports.count ? proxies.slice(0, 10).map((p) => ({ ...p.evidence, match: 'docker-proxy' })) : ports.containers.slice(0, 10).flatMap((c) => c.evidence.filter((e) => e.artifact === 'docker.ps'))),
      ],
      confidence: 'low',
      confidenceReason: 'a precaution: the bundle shows seccomp on and many published ports, not the syscall cost itself',
    });
  },
});
