/**
 * graph-deprecated: the data root set with `--graph` / `-g` / daemon.json `graph` instead of
 * `--data-root` / `data-root` (deprecated in 17.05, fatal in 23.0, gone in 24.0). Field guide §2;
 * openEuler guide "Daemon Running Directory Configuration".
 */
import type { ConfigValue, LogEvent } from '../model/host-model.js';
import type { Evidence } from '../spine/types.js';
import { defineRule } from './types.js';
import { LOG_ARTIFACTS, byTime, unique } from './util-evidence.js';
import { configEvidence } from './util-storage.js';

const WHERE: Record<ConfigValue['source'], string> = {
  'daemon.json': 'daemon.json',
  sysconfig: '/etc/sysconfig/docker',
  unit: 'the docker.service ExecStart',
  cmdline: 'the running dockerd command line',
  default: 'the defaults',
};

export default defineRule({
  meta: {
    id: 'graph-deprecated',
    title: 'Data root set with the deprecated --graph / -g / "graph" option',
    category: 'storage',
    severity: 'warning',
    requires: ['docker.daemon-json', 'sysconfig.docker', 'systemd.docker', 'systemd.cat-docker', 'process.daemons', ...LOG_ARTIFACTS],
    essential: ['docker.daemon-json', 'sysconfig.docker', 'systemd.docker', 'systemd.cat-docker', 'process.daemons', 'journal', 'journal.docker', 'syslog'],
    explanation:
      '`--graph` / `-g` (and the daemon.json key `graph`) were deprecated in Docker 17.05 in favour of `--data-root`. Docker 18.09 still ' +
      'accepts them with a warning, 23.0 refuses to start on the graph option, and 24.0 removed them. The ' +
      'guide adds that the data root must be a directory used only by Docker: a reused directory that already holds `containers`, `hooks` or ' +
      '`tmp` may get new owners and modes.',
    guideSection: 'Installation and Deployment › Daemon Running Directory Configuration',
    messages: {
      graphConfigured: '{{where}} sets the data root with the deprecated {{option}} ({{value}}); use data-root / --data-root',
      graphFatal: 'dockerd refused to start: the "graph" option is no longer accepted (Docker 23.0+); use "data-root"',
      graphWarned: 'dockerd warned {{count, plural, one{# time} other{# times}}} that the deprecated graph option is in use',
    },
    remediation: [
      {
        kind: 'fix', risk: { restart: true, dataLoss: false, reversible: true }, text: 'Replace the option with data-root (daemon.json "data-root" or --data-root), pointing at a directory used only by Docker.',
        commands: ['grep -n graph /etc/docker/daemon.json /etc/sysconfig/docker', 'systemctl restart docker'],
        source: 'openEuler guide: Daemon Running Directory Configuration',
      },
    ],
    // The flag warning (18.09 cmd/dockerd/daemon.go), the config-file warning (daemon/config/config.go) and 23.0's refusal.
    events: ['dockerd.graph-flag-deprecated', 'dockerd.graph-option-deprecated', 'dockerd.graph-option-fatal'],
  },

  evaluate(ctx) {
    const { config } = ctx.model;
    const fatal = ctx.events('dockerd.graph-option-fatal');
    const flagWarnings = ctx.events('dockerd.graph-flag-deprecated');
    const fileWarnings = ctx.events('dockerd.graph-option-deprecated');
    const warned = byTime<LogEvent>([...flagWarnings, ...fileWarnings]);
    const logEvidence = (recs: readonly LogEvent[]): Evidence[] => recs.map((r) => r.evidence);
    const graphValues = config.all.filter((v) => v.key === 'graph');

    if (fatal.length > 0) {
      ctx.report({
        messageId: 'graphFatal',
        severity: 'error',
        evidence: [...logEvidence(fatal), ...graphValues.flatMap((v) => configEvidence(v, 'graph'))],
        confidence: 'high',
        confidenceReason: 'dockerd logged the fatal deprecation error',
      });
    }
    // One finding per place that sets it (daemon.json and a flag are fixed in different files).
    const seen = new Set<string>();
    for (const v of graphValues) {
      const where = WHERE[v.source];
      if (seen.has(where)) continue;
      seen.add(where);
      const option = v.source === 'daemon.json' ? '"graph" key' : /(^|[\s'"])-g(\s|=|$)/.test(v.evidence?.excerpt ?? '') ? '-g flag' : '--graph flag';
      const related = option === '"graph" key' ? fileWarnings : flagWarnings;
      ctx.report({
        messageId: 'graphConfigured',
        subject: `graph option in ${where}`,
        data: { where, option, value: String(v.value) },
        severity: fatal.length > 0 ? 'error' : 'warning',
        evidence: [...configEvidence(v, option === '-g flag' ? '-g' : 'graph'), ...logEvidence(related)],
        confidence: 'high',
        confidenceReason: v.evidence ? 'the option is in the configuration as collected' : 'the option is in the effective configuration',
      });
    }
    if (graphValues.length === 0 && fatal.length === 0 && warned.length > 0) {
      ctx.report({
        messageId: 'graphWarned',
        data: { count: unique(warned.map((r) => r.evidence.line)).length },
        evidence: [...logEvidence(flagWarnings), ...logEvidence(fileWarnings)],
        confidence: 'medium',
        confidenceReason: 'dockerd logged the deprecation warning; the configuration that sets it was not collected',
      });
    }
  },
});
