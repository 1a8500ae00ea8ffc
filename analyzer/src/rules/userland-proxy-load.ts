/**
 * userland-proxy-load: with userland-proxy on (the default), dockerd starts one `docker-proxy` process per
 * published port and address family. Hundreds of them cost memory, file descriptors and PIDs, and every
 * proxied connection is copied in user space. Field guide §2 "docker-proxy"; openEuler guide "Daemon
 * Network Configuration".
 */
import { defineRule } from './types.js';
import { boolOption, dockerProxies, publishedPorts } from './util-host.js';

/** Above this many docker-proxy processes the cost is worth a warning (each is a Go process of ~5–10 MB RSS). */
export const PROXY_WARN = 100;

export default defineRule({
  meta: {
    id: 'userland-proxy-load',
    title: 'Many docker-proxy processes (userland-proxy)',
    category: 'performance',
    severity: 'warning',
    requires: ['ps', 'docker.ps', 'docker.daemon-json', 'sysconfig.docker', 'systemd.docker', 'systemd.cat-docker', 'process.daemons'],
    essential: ['ps', 'docker.ps'],
    explanation:
      'With userland-proxy enabled (the default), Docker starts one docker-proxy process for every published port and address ' +
      'family, even when iptables DNAT already forwards the traffic. Each is a separate Go process holding memory, file descriptors ' +
      `and a PID, and connections it proxies are copied in user space. Above ${PROXY_WARN} processes this load matters; publish only the ports you need.`,
    guideSection: 'Installation and Deployment › Daemon Network Configuration',
    messages: {
      manyProxies: '{{count}} docker-proxy processes run (userland-proxy {{proxySetting}}); above {{threshold}} they load the host',
      someProxies: '{{count}} docker-proxy process(es) run for published ports (userland-proxy {{proxySetting}})',
      manyPorts: '{{count}} published port mappings on running containers while userland-proxy is {{proxySetting}} (no process list to count docker-proxy)',
    },
    remediation: [
      { kind: 'fix', risk: { restart: true, dataLoss: false, reversible: true }, text: 'Publish only the ports you need: every -p mapping starts a docker-proxy process.', commands: ['docker ps --format "{{.Names}}\\t{{.Ports}}"'], source: 'openEuler guide: Daemon Network Configuration' },
      { kind: 'fix', risk: { restart: true, dataLoss: false, reversible: true }, text: 'Where hairpin NAT and localhost access work without it, turn the proxy off ("userland-proxy": false in daemon.json) and restart Docker.', commands: ['systemctl restart docker'], source: 'general practice (Docker documentation: userland-proxy)' },
    ],
  },

  evaluate(ctx) {
    const { model } = ctx;
    const opt = boolOption(model, 'userland-proxy');
    if (opt && opt.value === false) return; // no docker-proxy processes by design
    const proxySetting = opt ? 'on (set explicitly)' : 'on (default)';
    const optEvidence = opt?.source.evidence ? [opt.source.evidence] : [];
    if (model.processes.available) {
      const procs = dockerProxies(model);
      if (procs.length === 0) return;
      const many = procs.length > PROXY_WARN;
      ctx.report({
        messageId: many ? 'manyProxies' : 'someProxies',
        severity: many ? 'warning' : 'info',
        data: { count: procs.length, proxySetting, threshold: PROXY_WARN },
        evidence: [...optEvidence, ...procs.map((p) => ({ ...p.evidence, match: 'docker-proxy' }))],
        confidence: 'high',
        confidenceReason: 'counted in the process list',
      });
      return;
    }
    const ports = publishedPorts(model);
    if (ports.count === 0) {
      if (model.containers.length === 0) ctx.insufficient('neither a process list nor published ports from docker ps', ['ps -eo pid,ppid,user,lstart,stat,args', 'docker ps -a --no-trunc']);
      return;
    }
    const many = ports.count > PROXY_WARN;
    ctx.report({
      messageId: 'manyPorts',
      severity: many ? 'warning' : 'info',
      data: { count: ports.count, proxySetting, threshold: PROXY_WARN },
      evidence: [...optEvidence, ...ports.containers.flatMap((c) => c.evidence.filter((e) => e.artifact === 'docker.ps'))],
      confidence: 'medium',
      confidenceReason: 'estimated from docker ps PORTS (one docker-proxy per mapping); the process list was not collected',
    });
  },
});
