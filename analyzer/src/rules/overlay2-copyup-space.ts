/**
 * overlay2-copyup-space: the data-root filesystem is (nearly) out of blocks or inodes. On overlay2 the
 * first write to a file from an image layer copies the whole file up into the container layer, so a
 * write to a large file can fail with ENOSPC even when the change is small. Field guide §2; openEuler
 * guide "overlay2 Storage Driver Configuration".
 */
import type { Evidence } from '../spine/types.js';
import { defineRule } from './types.js';
import { LOG_ARTIFACTS } from './util-evidence.js';
import { driverEvidence, driverIs } from './util-storage.js';

/** df Use% / IUse% thresholds (issue 8): warning from 90, error from 98. */
const WARN_PCT = 90;
const ERROR_PCT = 98;

function human(bytes: number | undefined): string {
  if (bytes === undefined) return 'unknown';
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let v = bytes;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${Math.round(v * 10) / 10} ${units[i]}`;
}

export default defineRule({
  meta: {
    id: 'overlay2-copyup-space',
    title: 'Data-root filesystem out of space or inodes (overlay2 copy-up fails)',
    category: 'storage',
    severity: 'warning',
    requires: ['df.h', 'df.i', 'docker.info', 'docker.daemon-json', 'sysconfig.docker', 'systemd.docker', 'process.daemons', ...LOG_ARTIFACTS],
    essential: ['df.h', 'df.i', 'journal', 'journal.docker', 'journal.containerd', 'syslog'],
    explanation:
      'overlay2 copies a file from the image layer into the container layer the first time it is written (copy-up), so modifying a ' +
      'file bigger than the free space fails even when the change is tiny; every new file also needs an inode. A full data-root ' +
      'filesystem stops image pulls, container creation and container writes with ENOSPC errors.',
    guideSection: 'Installation and Deployment › overlay2 Storage Driver Configuration',
    messages: {
      diskFull: 'the data-root filesystem {{mountedOn}} ({{filesystem}}) is {{usePercent}}% full, {{avail}} free',
      inodesFull: 'the data-root filesystem {{mountedOn}} ({{filesystem}}) has used {{inodesUsePercent}}% of its inodes ({{inodesUsed}} of {{inodes}})',
      noSpaceErrors: '{{count, plural, one{# ENOSPC (no space) error} other{# ENOSPC (no space) errors}}} from docker/containerd; the data-root filesystem looks fine now ({{state}})',
    },
    remediation: [
      { kind: 'fix', risk: { restart: false, dataLoss: true, reversible: false }, text: 'Free space under the data-root: remove stopped containers, dangling images and build cache.', commands: ['docker system df', 'docker container prune', 'docker image prune'], source: 'general practice' },
      { kind: 'check', text: 'Check what uses the space and inodes on the data-root filesystem.', commands: ['df -h /var/lib/docker', 'df -i /var/lib/docker', 'du -xsh /var/lib/docker/*'], source: 'general practice' },
      { kind: 'fix', risk: { restart: true, dataLoss: false, reversible: true }, text: 'Keep large files that containers modify in volumes, not in image layers (copy-up copies the whole file).', source: 'openEuler guide: overlay2 Storage Driver Configuration' },
    ],
    events: ['fs.no-space'],
  },

  evaluate(ctx) {
    const { model } = ctx;
    if (!driverIs(model, ['overlay2', 'overlay'], true)) return;
    const fs = model.storage.dataRootFs;
    const errors = ctx.events('fs.no-space');
    const logEv: Evidence[] = errors.map((e) => e.evidence);
    const sev = (p: number) => (p >= ERROR_PCT ? 'error' : 'warning') as 'error' | 'warning';
    let reported = false;
    if (fs?.usePercent !== undefined && fs.usePercent >= WARN_PCT) {
      ctx.report({
        messageId: 'diskFull',
        data: { mountedOn: fs.mountedOn, filesystem: fs.filesystem, usePercent: fs.usePercent, avail: human(fs.availBytes) },
        severity: errors.length > 0 ? 'error' : sev(fs.usePercent),
        evidence: [{ ...fs.evidence, match: `${fs.usePercent}%` }, ...logEv, ...driverEvidence(model)],
        confidence: 'high',
        confidenceReason: 'df of the data-root filesystem',
      });
      reported = true;
    }
    if (fs?.inodesUsePercent !== undefined && fs.inodesUsePercent >= WARN_PCT) {
      const ev = fs.inodeEvidence ?? fs.evidence;
      ctx.report({
        messageId: 'inodesFull',
        data: { mountedOn: fs.mountedOn, filesystem: fs.filesystem, inodesUsePercent: fs.inodesUsePercent, inodesUsed: fs.inodesUsed ?? 'unknown', inodes: fs.inodes ?? 'unknown' },
        severity: errors.length > 0 ? 'error' : sev(fs.inodesUsePercent),
        evidence: [{ ...ev, match: `${fs.inodesUsePercent}%` }, ...(reported ? [] : logEv), ...driverEvidence(model)],
        confidence: 'high',
        confidenceReason: 'df -i of the data-root filesystem',
      });
      reported = true;
    }
    if (!reported && errors.length > 0) {
      const state = fs ? `${fs.usePercent ?? '?'}% of blocks, ${fs.inodesUsePercent ?? '?'}% of inodes used` : 'df not collected';
      ctx.report({
        messageId: 'noSpaceErrors',
        data: { count: ctx.eventCount('fs.no-space'), state },
        severity: 'error',
        evidence: logEv,
        confidence: 'medium',
        confidenceReason: fs ? 'the errors were logged; space may have been freed before collection' : 'the errors were logged; df of the data-root was not collected',
      });
    }
  },
});
