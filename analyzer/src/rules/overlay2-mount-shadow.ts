/**
 * overlay2-mount-shadow: a filesystem mounted ON `<data-root>/overlay2` hides the container layers
 * below it; running containers keep working, but removing them fails with "invalid argument".
 * Field guide §2; openEuler guide "overlay2 Storage Driver Configuration" (Abnormal Scenario).
 */
import type { MountFact } from '../model/host-model.js';
import type { Evidence } from '../spine/types.js';
import { defineRule } from './types.js';
import { LOG_ARTIFACTS, listSome } from './util-evidence.js';
import { trimSlash } from '../model/paths.js';
import { dataRootPath, driverEvidence, driverIs } from './util-storage.js';

export default defineRule({
  meta: {
    id: 'overlay2-mount-shadow',
    title: 'A filesystem is mounted on the data-root overlay2 directory',
    category: 'storage',
    severity: 'error',
    requires: ['mountinfo', 'mount.l', 'docker.info', 'docker.daemon-json', 'sysconfig.docker', 'systemd.docker', 'process.daemons', ...LOG_ARTIFACTS],
    essential: ['mountinfo', 'mount.l', 'journal', 'journal.docker', 'syslog'],
    explanation:
      'overlay2 keeps every image and container layer under <data-root>/overlay2. A filesystem mounted on that directory hides them: ' +
      'containers that already run keep their mounts and go on working, but new layers land on the wrong filesystem and removing a ' +
      'container fails with `driver "overlay2" failed to remove root filesystem … invalid argument`.',
    guideSection: 'Installation and Deployment › overlay2 Storage Driver Configuration (Abnormal Scenario)',
    messages: {
      mountShadow: '{{source}} ({{fsType}}) is mounted on {{path}}, hiding the container layers under it',
      removeFailed: '{{count, plural, one{# container removal} other{# container removals}}} failed with "invalid argument" under overlay2: a mount on the overlay2 directory is the usual cause',
    },
    remediation: [
      { kind: 'check', text: 'Confirm the driver and find the mounts on the overlay2 directory.', commands: ['docker info | grep "Storage Driver"', 'mount -l | grep overlay2'], source: 'openEuler guide: overlay2 Storage Driver Configuration' },
      {
        kind: 'fix', risk: { restart: true, dataLoss: true, reversible: false }, text: 'Unmount the mount points from the bottom up, then restart or remove all containers and restart Docker.',
        commands: ['umount {{path}}', 'systemctl restart docker'],
        source: 'openEuler guide: overlay2 Storage Driver Configuration',
      },
      { kind: 'fix', risk: { restart: true, dataLoss: false, reversible: false }, text: 'Or migrate the services away and reboot the node.', commands: ['reboot'], source: 'openEuler guide: overlay2 Storage Driver Configuration' },
    ],
    events: ['overlay2.remove-failed'],
  },

  evaluate(ctx) {
    const { model } = ctx;
    // Only where overlay2 is (or may be) the driver; the log line names overlay2 itself.
    const failures = ctx.events('overlay2.remove-failed');
    if (!driverIs(model, ['overlay2'], true) && failures.length === 0) return;
    const target = `${dataRootPath(model)}/overlay2`;
    const shadows: MountFact[] = model.mounts.filter((m) => trimSlash(m.mountPoint) === target);
    const logEvidence: Evidence[] = failures.map((e) => e.evidence);
    if (shadows.length > 0) {
      const m = shadows[shadows.length - 1]!; // the last one mounted is the one on top
      ctx.report({
        messageId: 'mountShadow',
        data: { source: m.source, fsType: m.fsType, path: target },
        fill: { path: target },
        evidence: [...shadows.map((s) => ({ ...s.evidence, match: target })), ...logEvidence, ...driverEvidence(model)],
        confidence: m.ambiguous ? 'medium' : 'high',
        confidenceReason: m.ambiguous ? 'from mount -l, whose path split is a guess' : 'the mount table shows a mount exactly on the overlay2 directory',
        detail: shadows.length > 1 ? `${shadows.length} mounts are stacked on ${target}: ${listSome(shadows.map((s) => `${s.source} (${s.fsType})`), 5)}.` : undefined,
      });
      return;
    }
    if (failures.length > 0) {
      ctx.report({
        messageId: 'removeFailed',
        data: { count: ctx.eventCount('overlay2.remove-failed') },
        fill: { path: target },
        evidence: logEvidence,
        confidence: model.mounts.length > 0 ? 'low' : 'medium',
        confidenceReason:
          model.mounts.length > 0
            ? `the collected mount table shows nothing on ${target} (unmounted since, or another data-root)`
            : 'no mount table was collected to confirm the shadowing mount',
      });
    }
  },
});
