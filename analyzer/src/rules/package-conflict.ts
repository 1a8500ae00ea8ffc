/**
 * package-conflict: openEuler's docker-engine ships its own containerd, runc and docker binaries;
 * separate containerd, runc or podman packages beside it conflict (files, units, which runtime runs).
 * Field guide §2 "RPM conflicts"; openEuler guide "Precautions".
 */
import { defineRule } from './types.js';
import { listSome } from './util-evidence.js';

/** Packages that duplicate what docker-engine bundles (containerd.io is Docker Inc.'s containerd package). */
const CONFLICTING = /^(containerd|containerd\.io|runc|podman)$/;

export default defineRule({
  meta: {
    id: 'package-conflict',
    title: 'docker-engine installed beside containerd, runc or podman packages',
    category: 'packaging',
    severity: 'warning',
    requires: ['rpm.qa', 'dpkg.l'],
    essential: ['rpm.qa', 'dpkg.l'],
    explanation:
      "openEuler's docker-engine package bundles containerd, runc and the docker client (docker-containerd, docker-runc). " +
      'Installing separate containerd, runc or podman packages beside it replaces or shadows those binaries and units, so the ' +
      'engine may run a runtime it was not built and tested with. The guide says never to install them together.',
    guideSection: 'Installation and Deployment › Precautions',
    messages: {
      coInstalled: 'docker-engine {{engine}} is installed together with {{others}}',
    },
    remediation: [
      { kind: 'fix', risk: { restart: false, dataLoss: false, reversible: true }, text: 'Never install docker-engine together with separate containerd, runc or podman packages: remove the extra packages (check first that nothing else needs them).', commands: ['rpm -qa | grep -E "^(docker-engine|containerd|runc|podman)-"', 'yum remove {{package}}'], source: 'openEuler guide: Precautions' },
    ],
  },

  evaluate(ctx) {
    const { packages } = ctx.model;
    if (!packages.available) {
      ctx.insufficient('no package list could be parsed', ['rpm -qa', 'dpkg -l']);
      return;
    }
    const engines = packages.list.filter(isDockerEngine);
    if (engines.length === 0) return;
    const others = packages.list.filter((p) => CONFLICTING.test(p.name));
    if (others.length === 0) return;
    const engine = engines[0]!;
    const fmt = (p: (typeof others)[number]) => `${p.name}-${p.version}${p.release ? `-${p.release}` : ''}`;
    ctx.report({
      messageId: 'coInstalled',
      data: { engine: `${engine.version}${engine.release ? `-${engine.release}` : ''}`, others: listSome(others.map(fmt), 4), count: others.length },
      fill: { package: others.map((p) => p.name) },
      evidence: [...engines.map((p) => ({ ...p.evidence, match: p.name })), ...others.map((p) => ({ ...p.evidence, match: p.name }))],
      confidence: 'high',
      confidenceReason: `the ${engine.manager} package list names both`,
    });
  },
});

// Module-level, not an arrow in check(): it runs over every installed package, and a batch worker would compile
// a new arrow for every bundle (bench/README, "hot callbacks").
function isDockerEngine(p: { name: string }): boolean {
  return p.name === 'docker-engine';
}
