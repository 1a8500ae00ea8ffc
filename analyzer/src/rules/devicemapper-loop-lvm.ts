/**
 * devicemapper-loop-lvm: devicemapper without `dm.thinpooldev` runs on sparse loop files (loop-lvm),
 * which is slow, fills silently and is not for production: the guide requires direct-lvm.
 * Field guide §2; openEuler guide "devicemapper Storage Driver Configuration".
 */
import { defineRule } from './types.js';
import { configEvidence, driverEvidence, driverIs, storageOpts, STORAGE_CONFIG_ARTIFACTS, STORAGE_CONFIG_ESSENTIAL } from './util-storage.js';

export default defineRule({
  meta: {
    id: 'devicemapper-loop-lvm',
    title: 'devicemapper in loop-lvm mode (no dm.thinpooldev)',
    category: 'storage',
    severity: 'warning',
    requires: STORAGE_CONFIG_ARTIFACTS,
    essential: STORAGE_CONFIG_ESSENTIAL,
    explanation:
      'Without `--storage-opt dm.thinpooldev=…` the devicemapper driver builds its thin pool on two sparse loop files under ' +
      '<data-root>/devicemapper/devicemapper (loop-lvm). It is slow, the files grow until the filesystem below is full, and a ' +
      'power cut damages the pool. The guide requires direct-lvm: a thin pool on a real block device given with dm.thinpooldev.',
    guideSection: 'Installation and Deployment › devicemapper Storage Driver Configuration',
    messages: {
      loopLvm: 'devicemapper runs in loop-lvm mode: its data is on the loop file {{file}}',
      loopDevice: 'devicemapper runs in loop-lvm mode: its data file is the loop device {{device}}',
      noThinpoolDev: 'devicemapper is configured without dm.thinpooldev, so dockerd uses loop-lvm',
    },
    remediation: [
      {
        kind: 'fix', risk: { restart: true, dataLoss: true, reversible: false }, text: 'Use direct-lvm: create a thin pool on a dedicated block device with LVM and pass it to dockerd.',
        commands: ['--storage-opt dm.thinpooldev=/dev/mapper/docker-thinpool'],
        source: 'openEuler guide: devicemapper Storage Driver Configuration',
      },
    ],
  },

  evaluate(ctx) {
    const { model } = ctx;
    if (!driverIs(model, ['devicemapper'])) return;
    const status = model.storage.driverStatus;
    const ev = model.storage.driverStatusEvidence ?? {};
    const loopFile = status['Data loop file']?.trim();
    if (loopFile !== undefined) {
      ctx.report({
        messageId: 'loopLvm',
        data: { file: loopFile || 'unknown' },
        evidence: [...(ev['Data loop file'] ? [{ ...ev['Data loop file'], match: 'Data loop file' }] : []), ...(ev['Metadata loop file'] ? [ev['Metadata loop file']] : []), ...driverEvidence(model)],
        confidence: 'high',
        confidenceReason: 'docker info lists the loop file',
      });
      return;
    }
    // No `Data loop file:` line (before 1.5, or a cut paste): `Data file:` names the loop device, or
    // (before 1.5) the sparse file itself; a direct-lvm pool shows /dev/mapper/… or nothing there.
    const dataFile = status['Data file']?.trim() ?? '';
    const dataFileEvidence = ev['Data file'] ? [{ ...ev['Data file'], match: dataFile }] : [];
    const loopDevice = /^\/dev\/loop\d+$/.test(dataFile);
    if (loopDevice || (dataFile.startsWith('/') && !dataFile.startsWith('/dev/'))) {
      ctx.report({
        ...(loopDevice ? { messageId: 'loopDevice' as const, data: { device: dataFile } } : { messageId: 'loopLvm' as const, data: { file: dataFile } }),
        evidence: [...dataFileEvidence, ...driverEvidence(model)],
        confidence: 'high',
        confidenceReason: loopDevice ? 'docker info names a loop device as the data file' : 'docker info names a regular file as the data file (docker before 1.5 printed the loop file there)',
      });
      return;
    }
    // docker info answered with a pool and no loop file: direct-lvm.
    if (status['Pool Name'] !== undefined) return;
    const opts = storageOpts(model);
    if (opts.some((o) => o.name === 'dm.thinpooldev' && o.value !== '')) return;
    const drv = model.config.values['storage-driver'];
    const evidence = [...(drv ? configEvidence(drv, 'devicemapper') : []), ...(opts[0] ? configEvidence(opts[0].from) : [])];
    if (evidence.length === 0) return;
    ctx.report({
      messageId: 'noThinpoolDev',
      evidence: [...new Map(evidence.map((e) => [`${e.artifact}:${e.line}`, e])).values()],
      confidence: 'medium',
      confidenceReason: 'from the configuration; docker info (which names the loop file) was not available',
    });
  },
});
