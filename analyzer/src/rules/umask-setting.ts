/**
 * umask-setting (info; error for a bad value): openEuler's docker-engine (patch 0021) adds the exec-opt
 * `native.umask`: `secure` (the default) runs container and exec processes with umask 0027, `normal`
 * with 0022. Files created in containers (and on bind mounts) are then not world-readable, which
 * surprises images that expect 0022. An unknown value makes dockerd refuse to start with
 * `native.umask option <v> not supported`. Field guide §2 "umask 0027"; openEuler guide "Daemon umask
 * Configuration".
 */
import { defineRule } from './types.js';
import { LOG_ARTIFACTS } from './util-evidence.js';
import { lookupTable } from '../parsers/util/dict.js';

const UMASK = lookupTable<string>({ normal: '0022', secure: '0027' });

export default defineRule({
  meta: {
    id: 'umask-setting',
    title: 'Container umask (native.umask exec-opt, openEuler)',
    category: 'security',
    severity: 'info',
    requires: ['docker.daemon-json', 'sysconfig.docker', 'systemd.docker', 'systemd.cat-docker', 'process.daemons', 'ps', 'rpm.qa', 'dpkg.l', 'docker.version', ...LOG_ARTIFACTS],
    essential: ['docker.daemon-json', 'sysconfig.docker', 'systemd.docker', 'systemd.cat-docker', 'process.daemons', 'ps', ...LOG_ARTIFACTS],
    explanation:
      'openEuler\'s docker-engine sets the umask of container and exec processes from the exec-opt native.umask: "secure" (the ' +
      'default) is 0027, "normal" is 0022. With 0027, files and directories that container processes create (including on bind ' +
      'mounts and volumes) get no permissions for "other", which breaks images and sidecars that expect 0022. A umask set per ' +
      'container wins over the daemon value. Any other value is rejected and dockerd does not start.',
    guideSection: 'Installation and Deployment › Daemon umask Configuration',
    messages: {
      umaskSet: 'native.umask={{value}}: container processes run with umask {{umask}}',
      umaskDefault: 'openEuler docker-engine without native.umask: container processes run with umask 0027 (secure, the default)',
      umaskInvalid: 'native.umask={{value}} is not supported (only normal or secure): dockerd refuses to start',
    },
    remediation: [
      { kind: 'fix', risk: { restart: true, dataLoss: false, reversible: true }, flavour: 'openeuler', text: 'If containers must create files readable by others (umask 0022), set the exec-opt to normal and restart Docker.', commands: ['dockerd --exec-opt native.umask=normal   # or "exec-opts": ["native.umask=normal"] in daemon.json', 'systemctl restart docker'], source: 'openEuler guide: Daemon umask Configuration' },
      { kind: 'fix', risk: { restart: true, dataLoss: false, reversible: true }, flavour: 'openeuler', text: 'Use only the values normal (0022) or secure (0027).', source: 'openEuler patch 0021' },
    ],
    // openEuler patch/0021-umask-support-specify-umask.patch: dockerd's refusal of an unknown value.
    events: ['dockerd.umask-unsupported'],
  },

  evaluate(ctx) {
    const { model } = ctx;
    const logs = ctx.events('dockerd.umask-unsupported');
    const opt = model.config.values['exec-opts'];
    const list = Array.isArray(opt?.value) ? (opt!.value as unknown[]).map(String) : typeof opt?.value === 'string' ? [opt.value] : [];
    const setting = list.map((s) => /^native\.umask=(.*)$/.exec(s.trim())?.[1]).filter((v): v is string => v !== undefined).pop();
    const optEvidence = opt?.evidence ? [{ ...opt.evidence, match: 'native.umask' }] : [];

    if (logs.length > 0 || (setting !== undefined && !(setting in UMASK))) {
      const value = setting !== undefined && !(setting in UMASK) ? setting : logs[logs.length - 1]!.fields.value ?? '?';
      ctx.report({
        messageId: 'umaskInvalid',
        severity: 'error',
        data: { value },
        evidence: [...optEvidence, ...logs.slice(-5).map((e) => e.evidence)],
        confidence: logs.length ? 'high' : 'medium',
        confidenceReason: logs.length ? 'dockerd logged the rejection' : 'the configured value is neither normal nor secure (patch 0021 rejects it at start)',
      });
      return;
    }
    if (setting !== undefined) {
      ctx.report({
        messageId: 'umaskSet',
        severity: 'info',
        data: { value: setting, umask: UMASK[setting]! },
        evidence: optEvidence,
        confidence: 'high',
        confidenceReason: 'set explicitly in the daemon configuration',
      });
      return;
    }
    if (model.identity.flavor === 'openeuler-docker-engine') {
      const ev = model.identity.docker?.evidence;
      if (!ev) return; // evidence or silence
      ctx.report({
        messageId: 'umaskDefault',
        severity: 'info',
        evidence: [ev],
        confidence: 'medium',
        confidenceReason: `${model.identity.flavorReason}; no native.umask in daemon.json, sysconfig, unit or argv`,
      });
    }
  },
});
