/**
 * overlay2-redirect-dir: without overlayfs `redirect_dir` (kernel 4.10+), renaming a directory that
 * comes from a lower layer fails with EXDEV ("Invalid cross-device link"); applications that do not
 * fall back to copy+delete break. Field guide §2, §3 (a missing parameter file means "absent", not N);
 * openEuler guide "overlay2 Storage Driver Configuration".
 */
import type { LogEvent } from '../model/host-model.js';
import { defineRule } from './types.js';
import { LOG_ARTIFACTS, byTime } from './util-evidence.js';
import { driverEvidence, driverIs } from './util-storage.js';

export default defineRule({
  meta: {
    id: 'overlay2-redirect-dir',
    title: 'overlayfs redirect_dir is off: directory renames fail with EXDEV',
    category: 'storage',
    severity: 'warning',
    requires: ['overlay.params', 'docker.info', 'docker.daemon-json', 'sysconfig.docker', 'systemd.docker', 'process.daemons', ...LOG_ARTIFACTS],
    essential: ['overlay.params'],
    explanation:
      'On overlayfs, rename(2) of a directory that lives in a lower (image) layer returns EXDEV unless the kernel may record a redirect ' +
      '(`/sys/module/overlay/parameters/redirect_dir` = Y, kernel 4.10+). Programs that do not fall back to copy-and-delete then fail with ' +
      '"Invalid cross-device link". Without such failures the setting is only a precaution.',
    guideSection: 'Installation and Deployment › overlay2 Storage Driver Configuration',
    messages: {
      renameFailures: 'redirect_dir is N and {{count, plural, one{# rename failure with EXDEV / "Invalid cross-device link" was logged} other{# rename failures with EXDEV / "Invalid cross-device link" were logged}}}',
      redirectDirOff: 'overlayfs redirect_dir is N: renaming directories from image layers inside containers fails with EXDEV',
    },
    remediation: [
      { kind: 'fix', risk: { restart: false, dataLoss: false, reversible: true }, text: 'Set redirect_dir to Y.', commands: ['echo Y > /sys/module/overlay/parameters/redirect_dir'], source: 'openEuler guide: overlay2 Storage Driver Configuration' },
      { kind: 'fix', risk: { restart: true, dataLoss: false, reversible: true }, text: 'Keep it across reboots with a module option, then restart the affected containers.', commands: ['echo "options overlay redirect_dir=on" > /etc/modprobe.d/overlay.conf'], source: 'general practice' },
    ],
    events: ['fs.cross-device-link', 'fs.exdev'],
  },

  evaluate(ctx) {
    const { model } = ctx;
    if (!driverIs(model, ['overlay2', 'overlay'], true)) return;
    const value = model.storage.overlayParams['redirect_dir'];
    // A missing file means the module (or this parameter) is absent: nothing to say.
    if (value === undefined || !/^(N|n|0|off)$/.test(value.trim())) return;
    const paramEv = model.storage.overlayParamEvidence?.['redirect_dir'];
    const evidence = paramEv ? [{ ...paramEv, match: value.trim() }] : [];
    const failures = byTime<LogEvent>([...ctx.events('fs.cross-device-link'), ...ctx.events('fs.exdev')]);
    if (failures.length > 0) {
      ctx.report({
        messageId: 'renameFailures',
        data: { count: ctx.eventCount('fs.cross-device-link') + ctx.eventCount('fs.exdev') },
        evidence: [...evidence, ...failures.map((e) => e.evidence), ...driverEvidence(model)],
        confidence: 'medium',
        confidenceReason: 'the parameter is off and rename failures were logged; the logs do not say the renamed directory came from a lower layer',
      });
      return;
    }
    if (evidence.length === 0) return;
    ctx.report({
      messageId: 'redirectDirOff',
      severity: 'info',
      evidence: [...evidence, ...driverEvidence(model)],
      confidence: 'high',
      confidenceReason: 'read from /sys/module/overlay/parameters/redirect_dir; no rename failure was logged, so this is a precaution',
    });
  },
});
