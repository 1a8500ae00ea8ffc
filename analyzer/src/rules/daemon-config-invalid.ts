/**
 * daemon-config-invalid: /etc/docker/daemon.json that dockerd refuses: JSON that does not parse, keys it
 * does not know, values of the wrong type, or a key also given as a flag (sysconfig, unit ExecStart or
 * command line). dockerd exits at once with `unable to configure the Docker daemon with file …: <cause>`
 * and, repeated by systemd, this ends in the start limit. Field guide §0 (fatal start errors), §1.5
 * (first causes seen); openEuler guide "Failed to Restart the Docker Service" / "Daemon Parameter
 * Configuration".
 */
import type { LogEvent } from '../model/host-model.js';
import type { Evidence } from '../spine/types.js';
import { defineRule } from './types.js';
import { LOG_ARTIFACTS, byTime, listSome } from './util-evidence.js';

/** dockerd's refusal of its configuration file, or of its log level (a bad log-level exits with a bare line of its own). */
type Refusal = LogEvent<'dockerd.config-error'> | LogEvent<'dockerd.log-level-error'>;

type Kind = 'parse' | 'unknown' | 'type' | 'conflict' | 'other';
function causeKind(cause: string): Kind {
  if (/don't match any configuration option/.test(cause)) return 'unknown';
  if (/specified both as a flag and in the configuration file/.test(cause)) return 'conflict';
  if (/cannot unmarshal|json: unknown field|invalid type/.test(cause)) return 'type';
  if (/^(?:unexpected )?EOF$|invalid character|unexpected end of JSON input|looking for beginning/.test(cause)) return 'parse';
  return 'other';
}

/** Log levels logrus accepts (20.10: trace … panic; 18.09: debug … fatal, panic). */
const LOG_LEVELS = new Set(['trace', 'debug', 'info', 'warn', 'warning', 'error', 'fatal', 'panic']);

export default defineRule({
  meta: {
    id: 'daemon-config-invalid',
    title: 'daemon.json that dockerd refuses',
    category: 'daemon',
    severity: 'error',
    requires: ['docker.daemon-json', 'sysconfig.docker', 'systemd.docker', 'systemd.cat-docker', 'process.daemons', 'ps', ...LOG_ARTIFACTS],
    essential: ['docker.daemon-json', ...LOG_ARTIFACTS],
    explanation:
      'dockerd reads /etc/docker/daemon.json at start and exits at once, before doing anything else, when the file is not valid JSON, ' +
      'names a directive it does not know, gives a value of the wrong type, or sets a directive that is also given as a command-line ' +
      'flag (from /etc/sysconfig/docker*, the unit\'s ExecStart or a drop-in). The only trace is one stderr line, "unable to configure ' +
      'the Docker daemon with file …: <cause>"; systemd retries, and the retries end in the start limit. A running dockerd does not ' +
      're-read the file, so a broken file often shows up only at the next restart or reboot.',
    guideSection: 'Installation and Deployment › Daemon Parameter Configuration; Failed to Restart the Docker Service',
    messages: {
      parseError: 'daemon.json is not valid JSON: {{message}} at line {{line}}, column {{column}}',
      unknownKeys: 'daemon.json has directive(s) dockerd does not know: {{keys}}',
      wrongTypes: 'daemon.json value(s) of the wrong type: {{keys}}',
      flagAndFile: '{{key}} is set both as a flag ({{flagSource}}: {{flagValue}}) and in daemon.json ({{fileValue}}): dockerd refuses to start',
      badLogLevel: 'log-level "{{level}}" is not a level dockerd accepts',
      refused: 'dockerd refused its configuration {{count, plural, one{# time} other{# times}}}: {{cause}}',
    },
    remediation: [
      { kind: 'check', text: 'Validate the file before restarting Docker; fix the reported line or remove the unknown directive.', commands: ['python3 -m json.tool /etc/docker/daemon.json', 'dockerd --validate --config-file /etc/docker/daemon.json   # Docker 23.0+'], source: 'general practice' },
      { kind: 'fix', risk: { restart: true, dataLoss: false, reversible: true }, text: 'Set each option in one place only: remove it from daemon.json or from the flags in /etc/sysconfig/docker* / the unit (systemctl cat docker).', commands: ['systemctl cat docker', 'grep -H . /etc/sysconfig/docker*'], source: 'openEuler guide: Daemon Parameter Configuration' },
      { kind: 'fix', risk: { restart: true, dataLoss: false, reversible: true }, text: 'Then clear the failed state and start Docker.', commands: ['systemctl reset-failed docker.service', 'systemctl restart docker'], source: 'openEuler guide: Failed to Restart the Docker Service' },
    ],
    events: ['dockerd.config-error', 'dockerd.log-level-error'],
  },

  evaluate(ctx) {
    const { model } = ctx;
    const dj = model.config.daemonJson;
    const errors: Refusal[] = byTime<Refusal>([...ctx.events('dockerd.config-error'), ...ctx.events('dockerd.log-level-error')]);
    const readyTimes = model.daemons.runs.filter((r) => r.daemon === 'dockerd' && r.ready !== undefined && Number.isFinite(r.ready)).map((r) => r.ready!);
    /** A refusal still in force: no dockerd run became ready after it (same boot or later). */
    const unresolved = (r: Refusal) => !readyTimes.some((t) => r.time !== undefined && t > r.time);
    const isConfigError = (r: Refusal): r is LogEvent<'dockerd.config-error'> => r.kind === 'dockerd.config-error';
    const causeOf = (r: Refusal) => (isConfigError(r) ? (r.fields.cause ?? '').trim() : `log level ${r.fields.level ?? '?'} refused`);
    const kindOf = (r: Refusal): Kind => (isConfigError(r) ? causeKind(causeOf(r)) : 'other');
    const used = new Set<Refusal>();
    /** Journal errors of this kind (all when none is of it), their evidence, and the severity they imply. */
    const journalFor = (kinds: Kind[]) => {
      let recs = errors.filter((r) => kinds.includes(kindOf(r)));
      if (recs.length === 0) recs = errors.filter((r) => kindOf(r) === 'other' && isConfigError(r));
      recs.forEach((r) => used.add(r));
      const live = recs.some(unresolved);
      return {
        evidence: recs.slice(-10).map((r) => r.evidence),
        severity: (live ? 'error' : 'warning') as 'error' | 'warning',
        reason: live ? 'dockerd refused to start with this file and did not start successfully afterwards' : recs.length ? 'dockerd refused this configuration earlier but started successfully later' : 'the file is broken; the journal shows no failed start yet (dockerd reads it at its next start)',
      };
    };

    if (dj.error) {
      const j = journalFor(['parse']);
      ctx.report({
        messageId: 'parseError',
        severity: j.severity,
        data: { message: dj.error.message, line: dj.error.line, column: dj.error.column },
        evidence: [dj.error.evidence, ...j.evidence],
        confidence: 'high',
        confidenceReason: j.reason,
      });
    }
    if (dj.unknownKeys.length) {
      const j = journalFor(['unknown']);
      ctx.report({
        messageId: 'unknownKeys',
        severity: j.severity,
        data: { keys: listSome(dj.unknownKeys.map((k) => k.key), 5), count: dj.unknownKeys.length },
        evidence: [...dj.unknownKeys.map((k) => ({ ...k.evidence, match: k.key })), ...j.evidence],
        confidence: 'high',
        confidenceReason: j.reason,
        detail: `dockerd answers "the following directives don't match any configuration option: ${dj.unknownKeys.map((k) => k.key).join(', ')}". Check the spelling (e.g. storage-driver, log-opts).`,
      });
    }
    if (dj.wrongTypes.length) {
      const j = journalFor(['type']);
      ctx.report({
        messageId: 'wrongTypes',
        severity: j.severity,
        data: { keys: listSome(dj.wrongTypes.map((k) => `${k.key} (expected ${k.expected})`), 5), count: dj.wrongTypes.length },
        evidence: [...dj.wrongTypes.map((k) => ({ ...k.evidence, match: k.key })), ...j.evidence],
        confidence: 'high',
        confidenceReason: j.reason,
      });
    }
    for (const c of model.config.conflicts) {
      if (c.kind !== 'flag-and-file') continue;
      const flag = c.values.find((v) => v.source !== 'daemon.json');
      const file = c.values.find((v) => v.source === 'daemon.json');
      if (!flag || !file) continue;
      const j = journalFor(['conflict']);
      const ev: Evidence[] = [];
      if (flag.evidence) ev.push({ ...flag.evidence });
      if (file.evidence) ev.push({ ...file.evidence, match: c.key });
      ctx.report({
        messageId: 'flagAndFile',
        severity: j.severity,
        data: { key: c.key, flagSource: flag.source, flagValue: JSON.stringify(flag.value), fileValue: JSON.stringify(file.value) },
        evidence: [...ev, ...j.evidence],
        confidence: 'high',
        confidenceReason: j.reason,
        detail: `dockerd answers "the following directives are specified both as a flag and in the configuration file: ${c.key}: (from flag: …, from file: …)".`,
      });
    }
    const level = dj.parsed?.['log-level'];
    if (typeof level === 'string' && !LOG_LEVELS.has(level.toLowerCase())) {
      const recs = errors.filter((r) => r.kind === 'dockerd.log-level-error' && r.fields.level === level);
      recs.forEach((r) => used.add(r));
      const levelEv = model.config.values['log-level']?.evidence;
      ctx.report({
        messageId: 'badLogLevel',
        severity: recs.some(unresolved) ? 'error' : 'warning',
        data: { level },
        evidence: [...(levelEv ? [{ ...levelEv, match: 'log-level' }] : []), ...recs.map((r) => r.evidence)],
        confidence: 'high',
        confidenceReason: 'logrus accepts only trace, debug, info, warn, error, fatal and panic',
      });
    }

    // Refusals the current files no longer explain (fixed since, file not collected, or a flag-only problem).
    const rest = errors.filter((r) => !used.has(r));
    if (rest.length === 0) return;
    const live = rest.some(unresolved);
    const causes = [...new Set(rest.map(causeOf))];
    ctx.report({
      messageId: 'refused',
      severity: live ? 'error' : 'info',
      data: { count: rest.length, cause: causes[causes.length - 1]!.slice(0, 300), fileCollected: dj.present },
      evidence: rest.slice(-20).map((r) => r.evidence),
      confidence: live ? 'high' : 'medium',
      confidenceReason: live
        ? 'dockerd logged the refusal and no successful start follows it'
        : 'dockerd logged the refusal but started successfully later: the configuration was fixed since',
      detail: `Causes logged: ${listSome(causes.map((c) => `"${c.slice(0, 160)}"`), 6)}.` + (dj.present ? '' : ' daemon.json itself was not collected.'),
    });
  },
});
