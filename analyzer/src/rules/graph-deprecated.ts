/**
 * graph-deprecated: the data root set with `--graph` / `-g` / daemon.json `graph` instead of
 * `--data-root` / `data-root` (deprecated in 17.05, fatal in 23.0, gone in 24.0). Field guide §2;
 * openEuler guide "Daemon Running Directory Configuration".
 */
import type { ConfigValue, LogRecord } from '../model/host-model.js';
import type { Evidence } from '../spine/types.js';
import { defineRule } from './types.js';
import { LOG_ARTIFACTS, byTime, recordEvidence, unique } from './util-evidence.js';
import { configEvidence } from './util-storage.js';

// logrus quotes msg values and escapes inner quotes (`msg="The \"-g / --graph\" flag …"`): accept both forms.
const Q = String.raw`\\?"`;
/** 18.09 cmd/dockerd/daemon.go. */
const FLAG_DEPRECATED = new RegExp(String.raw`The ${Q}-g / --graph${Q} flag is deprecated\. Please use ${Q}--data-root${Q} instead`);
/** 18.09 daemon/config/config.go. */
const FILE_DEPRECATED = new RegExp(String.raw`The ${Q}graph${Q} config file option is deprecated\. Please use ${Q}data-root${Q} instead\.`);
/** 23.0: fatal. */
const FATAL = new RegExp(String.raw`the ${Q}graph${Q} config file option is deprecated; use ${Q}data-root${Q} instead`);

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
      'accepts them with a warning, 23.0 refuses to start ("the \\"graph\\" config file option is deprecated"), and 24.0 removed them. The ' +
      'guide adds that the data root must be a directory used only by Docker: a reused directory that already holds `containers`, `hooks` or ' +
      '`tmp` may get new owners and modes.',
    guideSection: 'Installation and Deployment › Daemon Running Directory Configuration',
    messages: {
      graphConfigured: '{{where}} sets the data root with the deprecated {{option}} ({{value}}); use data-root / --data-root',
      graphFatal: 'dockerd refused to start: the "graph" option is no longer accepted (Docker 23.0+); use "data-root"',
      graphWarned: 'dockerd warned {{count}} time(s) that the deprecated graph option is in use',
    },
    remediation: [
      {
        text: 'Replace the option with data-root (daemon.json "data-root" or --data-root), pointing at a directory used only by Docker.',
        commands: ['grep -n graph /etc/docker/daemon.json /etc/sysconfig/docker', 'systemctl restart docker'],
        source: 'openEuler guide: Daemon Running Directory Configuration',
      },
    ],
    signals: {
      flagDeprecated: { pattern: FLAG_DEPRECATED, units: ['docker', 'dockerd'], hint: 'flag is deprecated' },
      fileDeprecated: { pattern: FILE_DEPRECATED, units: ['docker', 'dockerd'], hint: 'config file option is deprecated' },
      fatal: { pattern: FATAL, units: ['docker', 'dockerd'], hint: 'config file option is deprecated' },
    },
  },

  evaluate(ctx) {
    const { config } = ctx.model;
    const fatal = byTime(ctx.signal('fatal'));
    const warned = byTime([...ctx.signal('flagDeprecated'), ...ctx.signal('fileDeprecated')]);
    const logEvidence = (recs: readonly LogRecord[], re: RegExp): Evidence[] => recs.map((r) => recordEvidence(r, re));
    const graphValues = config.all.filter((v) => v.key === 'graph');

    if (fatal.length > 0) {
      ctx.report({
        messageId: 'graphFatal',
        severity: 'error',
        evidence: [...logEvidence(fatal, FATAL), ...graphValues.flatMap((v) => configEvidence(v, 'graph'))],
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
      const m = option === '"graph" key' ? FILE_DEPRECATED : FLAG_DEPRECATED;
      const related = warned.filter((r) => m.test(r.message));
      ctx.report({
        messageId: 'graphConfigured',
        data: { where, option, value: String(v.value) },
        severity: fatal.length > 0 ? 'error' : 'warning',
        evidence: [...configEvidence(v, option === '-g flag' ? '-g' : 'graph'), ...logEvidence(related, m)],
        confidence: 'high',
        confidenceReason: v.evidence ? 'the option is in the configuration as collected' : 'the option is in the effective configuration',
      });
    }
    if (graphValues.length === 0 && fatal.length === 0 && warned.length > 0) {
      ctx.report({
        messageId: 'graphWarned',
        data: { count: unique(warned.map((r) => r.evidence.line)).length },
        evidence: [...logEvidence(ctx.signal('flagDeprecated'), FLAG_DEPRECATED), ...logEvidence(ctx.signal('fileDeprecated'), FILE_DEPRECATED)],
        confidence: 'medium',
        confidenceReason: 'dockerd logged the deprecation warning; the configuration that sets it was not collected',
      });
    }
  },
});
