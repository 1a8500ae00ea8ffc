/**
 * overlay2-unsupported: overlay2 where it is not supported or not safe: kernel < 4.0, a backing
 * filesystem other than ext4/xfs, xfs without ftype=1 (`Supports d_type: false`), the kernel check
 * overridden, or dockerd's own refusal. Field guide §2; openEuler guide "overlay2 Storage Driver Configuration".
 */
import type { Evidence } from '../spine/types.js';
import { coveringMount } from '../model/storage.js';
import { defineRule } from './types.js';
import type { LogEvent } from '../model/host-model.js';
import { LOG_ARTIFACTS, byTime } from './util-evidence.js';
import { configEvidence, dataRootPath, driverEvidence, driverIs, kernelVersion, storageOpts } from './util-storage.js';

/** dockerd's refusals of overlay2 (moby 18.09 daemon/graphdriver/overlay2/overlay.go, overlayutils ErrDTypeNotSupported). */
type Refusal = LogEvent<'overlay2.not-supported'> | LogEvent<'overlay2.needs-kernel'> | LogEvent<'overlay2.no-dtype'>;
/** docker info names ext2/3/4 "extfs". */
const GOOD_FS = new Set(['extfs', 'ext4', 'ext3', 'ext2', 'xfs']);

export default defineRule({
  meta: {
    id: 'overlay2-unsupported',
    title: 'overlay2 on an unsupported kernel or backing filesystem',
    category: 'storage',
    severity: 'error',
    requires: ['docker.info', 'uname', 'mountinfo', 'mount.l', 'docker.daemon-json', 'sysconfig.docker', 'systemd.docker', 'process.daemons', ...LOG_ARTIFACTS],
    essential: ['docker.info', 'uname', 'journal', 'journal.docker', 'syslog'],
    explanation:
      'overlay2 needs kernel 4.0 or later and a backing filesystem that supports it; ext4 is advised, xfs works only when formatted ' +
      'with ftype=1 (d_type support). On other filesystems or with d_type missing, dockerd refuses overlay2 or layers misbehave ' +
      '(files vanish, renames and deletes fail). `overlay2.override_kernel_check` only skips the kernel check, it does not make an old kernel safe.',
    guideSection: 'Installation and Deployment › overlay2 Storage Driver Configuration',
    messages: {
      oldKernel: 'overlay2 runs on kernel {{kernel}}; it needs 4.0 or later',
      noDtype: 'the overlay2 backing filesystem ({{fs}}) does not support d_type (xfs without ftype=1)',
      badBackingFs: 'overlay2 runs over {{fs}}; only ext4 (advised) and xfs with ftype=1 are supported',
      kernelCheckOverridden: 'overlay2.override_kernel_check is set: dockerd does not check the kernel ({{kernel}})',
      refused: 'dockerd refused overlay2: {{reason}}',
    },
    remediation: [
      { kind: 'fix', risk: { restart: true, dataLoss: true, reversible: false }, text: 'Use kernel 4.0 or later and put the data-root on ext4 (or xfs formatted with ftype=1).', commands: ['uname -r', 'docker info | grep -A4 "Storage Driver"', 'xfs_info /var/lib/docker | grep ftype'], source: 'openEuler guide: overlay2 Storage Driver Configuration' },
      {
        kind: 'fix', risk: { restart: true, dataLoss: false, reversible: true }, text: 'Configure the driver in daemon.json or in /etc/sysconfig/docker-storage.',
        commands: ['DOCKER_STORAGE_OPTIONS="--storage-driver=overlay2"'],
        source: 'openEuler guide: overlay2 Storage Driver Configuration',
      },
    ],
    events: ['overlay2.not-supported', 'overlay2.needs-kernel', 'overlay2.no-dtype'],
  },

  evaluate(ctx) {
    const { model } = ctx;
    const refusals = byTime<Refusal>([...ctx.events('overlay2.not-supported'), ...ctx.events('overlay2.needs-kernel'), ...ctx.events('overlay2.no-dtype')]);
    for (const r of refusals.slice(0, 1)) {
      ctx.report({
        messageId: 'refused',
        // The refusal's own words (the matched text), and the file system it names.
        data: { reason: r.evidence.match ?? r.message.slice(0, 200), fs: r.fields.fs ?? 'unknown' },
        evidence: refusals.map((x) => x.evidence),
        confidence: 'high',
        confidenceReason: 'dockerd logged the refusal',
      });
    }
    if (!driverIs(model, ['overlay2'])) return;
    const drvEv = driverEvidence(model);
    const kernel = model.identity.kernel;
    const kv = kernelVersion(kernel);
    const kernelEv: Evidence[] = model.identity.kernelEvidence ? [model.identity.kernelEvidence] : [];
    if (kv && kv[0] < 4) {
      ctx.report({ messageId: 'oldKernel', data: { kernel: kernel! }, evidence: [...kernelEv, ...drvEv], confidence: 'high', confidenceReason: 'kernel release and storage driver both collected' });
    }
    const status = model.storage.driverStatus;
    const statusEv = model.storage.driverStatusEvidence ?? {};
    const backing = status['Backing Filesystem']?.trim();
    if (/^false$/i.test(status['Supports d_type']?.trim() ?? '')) {
      ctx.report({
        messageId: 'noDtype',
        data: { fs: backing ?? 'unknown' },
        evidence: [...(statusEv['Supports d_type'] ? [{ ...statusEv['Supports d_type'], match: 'false' }] : []), ...(statusEv['Backing Filesystem'] ? [statusEv['Backing Filesystem']] : []), ...drvEv],
        confidence: 'high',
        confidenceReason: 'docker info reports d_type support',
      });
    }
    let fs = backing;
    let fsEv: Evidence[] = statusEv['Backing Filesystem'] ? [statusEv['Backing Filesystem']] : [];
    if (!fs) {
      const mount = coveringMount(model.mounts.map((m) => ({ ...m, mountedOn: m.mountPoint })), dataRootPath(model));
      if (mount) {
        fs = mount.fsType;
        fsEv = [mount.evidence];
      }
    }
    if (fs && !GOOD_FS.has(fs.toLowerCase()) && fsEv.length > 0) {
      ctx.report({
        messageId: 'badBackingFs',
        data: { fs },
        severity: 'warning',
        evidence: [...fsEv, ...drvEv],
        confidence: backing ? 'high' : 'medium',
        confidenceReason: backing ? 'docker info reports the backing filesystem' : 'from the mount holding the data-root',
      });
    }
    const override = storageOpts(model).find((o) => o.name === 'overlay2.override_kernel_check' && !/^(false|0)$/i.test(o.value));
    if (override) {
      ctx.report({
        messageId: 'kernelCheckOverridden',
        data: { kernel: kernel ?? 'unknown' },
        severity: kv && kv[0] < 4 ? 'error' : 'warning',
        evidence: [...configEvidence(override.from, 'override_kernel_check'), ...kernelEv],
        confidence: 'high',
        confidenceReason: 'the option is in the effective configuration',
      });
    }
  },
});
