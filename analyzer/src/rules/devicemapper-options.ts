/**
 * devicemapper-options: devicemapper without deferred deletion/removal (busy devices make container
 * removal fail and leak devices), and a base filesystem other than ext4. Field guide §2; openEuler
 * guide "devicemapper Storage Driver Configuration".
 */
import type { Evidence } from '../spine/types.js';
import { defineRule } from './types.js';
import { configEvidence, driverEvidence, driverIs, storageOpts, STORAGE_CONFIG_ARTIFACTS, STORAGE_CONFIG_ESSENTIAL } from './util-storage.js';

const isTrue = (v: string | undefined) => v !== undefined && /^(true|1)$/i.test(v.trim());

export default defineRule({
  meta: {
    id: 'devicemapper-options',
    title: 'devicemapper without deferred removal/deletion, or not on ext4',
    category: 'storage',
    severity: 'warning',
    requires: STORAGE_CONFIG_ARTIFACTS,
    essential: STORAGE_CONFIG_ESSENTIAL,
    explanation:
      'With devicemapper, a thin device that is still busy (a mount leaked into another namespace) cannot be removed at once. Deferred ' +
      'removal and deferred deletion let the kernel finish the job later; without them container removal fails ("device or resource ' +
      'busy") and devices pile up. The guide also asks for ext4 as the thin devices\' filesystem (dm.fs=ext4); the driver defaults to xfs.',
    guideSection: 'Installation and Deployment › devicemapper Storage Driver Configuration',
    messages: {
      deferredOff: 'devicemapper runs without {{missing}}',
      notExt4: 'devicemapper thin devices use {{fs}}, not ext4',
    },
    remediation: [
      {
        kind: 'fix', risk: { restart: true, dataLoss: false, reversible: true }, text: 'Enable deferred deletion and deferred removal.',
        commands: ['--storage-opt dm.use_deferred_deletion=true --storage-opt dm.use_deferred_removal=true'],
        source: 'openEuler guide: devicemapper Storage Driver Configuration',
      },
      { kind: 'fix', risk: { restart: true, dataLoss: false, reversible: true }, text: 'Use ext4 for the thin devices (takes effect for a new base device).', commands: ['--storage-opt dm.fs=ext4'], source: 'openEuler guide: devicemapper Storage Driver Configuration' },
    ],
  },

  evaluate(ctx) {
    const { model } = ctx;
    if (!driverIs(model, ['devicemapper'])) return;
    const status = model.storage.driverStatus;
    const sev = model.storage.driverStatusEvidence ?? {};
    const opts = storageOpts(model);
    const opt = (name: string) => opts.find((o) => o.name === name);
    const haveInfo = Object.keys(status).length > 0;

    // Deferred removal / deletion: docker info states them; otherwise the storage-opts decide.
    const missing: string[] = [];
    const evidence: Evidence[] = [];
    for (const [infoKey, optName] of [
      ['Deferred Removal Enabled', 'dm.use_deferred_removal'],
      ['Deferred Deletion Enabled', 'dm.use_deferred_deletion'],
    ] as const) {
      if (status[infoKey] !== undefined) {
        if (!isTrue(status[infoKey])) {
          missing.push(`${optName}=true`);
          if (sev[infoKey]) evidence.push({ ...sev[infoKey]!, match: 'false' });
        }
      } else if (!haveInfo && !isTrue(opt(optName)?.value)) {
        missing.push(`${optName}=true`);
        const o = opt(optName) ?? opts[0];
        if (o) evidence.push(...configEvidence(o.from));
      }
    }
    const drvEv = driverEvidence(model);
    const cfgDrv = model.config.values['storage-driver'];
    if (missing.length > 0) {
      const ev = evidence.length > 0 ? evidence : cfgDrv ? configEvidence(cfgDrv) : [];
      if (ev.length > 0) {
        ctx.report({
          messageId: 'deferredOff',
          data: { missing: missing.join(' and ') },
          evidence: [...new Map([...ev, ...drvEv].map((e) => [`${e.artifact}:${e.line}`, e])).values()],
          confidence: haveInfo ? 'high' : 'medium',
          confidenceReason: haveInfo ? 'docker info reports the deferred settings' : 'from the storage-opts; docker info was not available',
        });
      }
    }

    // Filesystem: dm.fs wins; else docker info's backing filesystem of the base device.
    const fsOpt = opt('dm.fs');
    const fs = fsOpt?.value || status['Backing Filesystem']?.trim();
    if (fs && !/^(ext4|extfs)$/i.test(fs)) {
      const ev = fsOpt ? configEvidence(fsOpt.from, 'dm.fs') : sev['Backing Filesystem'] ? [{ ...sev['Backing Filesystem']!, match: fs }] : [];
      if (ev.length > 0) {
        ctx.report({
          messageId: 'notExt4',
          data: { fs },
          evidence: [...ev, ...drvEv],
          confidence: 'high',
          confidenceReason: fsOpt ? 'dm.fs is set in the configuration' : 'docker info reports the backing filesystem',
        });
      }
    }
  },
});
