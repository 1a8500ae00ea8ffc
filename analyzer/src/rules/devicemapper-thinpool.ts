/**
 * devicemapper-thinpool: the docker thin pool is (nearly) full in data or metadata, the LVM profile
 * switches autoextension off (threshold and percent both 100), or dockerd refused to create devices
 * because the pool lacks free blocks. Field guide §2, §3 (dmsetup status); openEuler guide
 * "devicemapper Storage Driver Configuration".
 */
import type { DmDevice } from '../model/host-model.js';
import type { Evidence } from '../spine/types.js';
import { defineRule } from './types.js';
import { LOG_ARTIFACTS, listSome } from './util-evidence.js';
import { driverEvidence, driverIs, pct } from './util-storage.js';

/** Thin-pool fill thresholds (issue 8): warning above 80%, error above 95%. */
const WARN_PCT = 80;
const ERROR_PCT = 95;
/** dockerd's default dm.min_free_space: 10% of the pool (moby devmapper defaultMinFreeSpacePercent). */
const DEFAULT_MIN_FREE_FRACTION = 0.1;

export default defineRule({
  meta: {
    id: 'devicemapper-thinpool',
    title: 'devicemapper thin pool nearly full',
    category: 'storage',
    severity: 'warning',
    requires: ['dmsetup.status', 'dmsetup.info', 'lvm.thinpool-profile', 'docker.info', 'docker.daemon-json', 'sysconfig.docker', 'systemd.docker', 'process.daemons', ...LOG_ARTIFACTS],
    essential: ['dmsetup.status', 'docker.info', 'lvm.thinpool-profile', 'journal', 'journal.docker', 'syslog'],
    explanation:
      'All images and containers of the devicemapper driver live in one thin pool. When its data or metadata space runs out, writes in ' +
      'containers fail or hang (queue_if_no_space), dockerd refuses to create containers ("Thin Pool has N free data blocks which is ' +
      'less than minimum required"), and a pool that overflows its metadata can be damaged beyond repair. An LVM profile with ' +
      'thin_pool_autoextend_threshold and thin_pool_autoextend_percent both 100 turns autoextension off.',
    guideSection: 'Installation and Deployment › devicemapper Storage Driver Configuration',
    messages: {
      poolFull: 'thin pool {{pool}} is {{dataPercent}}% full in data and {{metadataPercent}}% in metadata',
      infoSpaceLow: 'docker info shows thin pool {{pool}} with {{available}} of data space available (minimum free space {{minimum}}); {{dataPercent}}% of data and {{metadataPercent}}% of metadata used',
      lowFreeBlocks: 'dockerd refused to create devices {{count, plural, one{# time} other{# times}}}: the thin pool has too few free {{kind}} blocks',
      autoextendOff: 'the thin-pool LVM profile disables autoextension (threshold {{threshold}}, percent {{percent}})',
    },
    remediation: [
      { kind: 'fix', risk: { restart: false, dataLoss: false, reversible: false }, text: 'Check the pool fill and extend the thin pool (or remove unused images and containers).', commands: ['dmsetup status', 'lvs -o+seg_monitor', 'lvextend -l +100%FREE docker/thinpool'], source: 'general practice' },
      {
        kind: 'fix', risk: { restart: false, dataLoss: false, reversible: true }, text: 'Leave autoextension off only when memory is short; otherwise set a threshold below 100 in docker-thinpool.profile and monitor the pool.',
        commands: ['cat /etc/lvm/profile/docker-thinpool.profile', 'lvchange --metadataprofile docker-thinpool docker/thinpool'],
        source: 'openEuler guide: devicemapper Storage Driver Configuration',
      },
      { kind: 'fix', risk: { restart: true, dataLoss: true, reversible: false }, text: 'A pool damaged by running out of space or by power loss cannot be repaired: rebuild it. Never edit devicemapper metadata by hand.', source: 'openEuler guide: devicemapper Storage Driver Configuration' },
    ],
    events: ['devmapper.thinpool-low-free'],
    confirmedBy: ['docker.info', 'dmsetup.status'],
  },

  evaluate(ctx) {
    const { model } = ctx;
    const pools = model.storage.dmDevices.filter((d): d is DmDevice & { thinPool: NonNullable<DmDevice['thinPool']> } => d.thinPool !== undefined);
    const poolName = model.storage.driverStatus['Pool Name']?.trim();
    // Which pools are docker's: the one docker info names, else docker-looking names; only on a devicemapper host.
    const devicemapper = driverIs(model, ['devicemapper']);
    const dockerish = (d: DmDevice) => /docker/i.test(d.name);
    const named = poolName ? pools.filter((d) => d.name === poolName) : [];
    const mine = named.length > 0 ? named : pools.filter(dockerish);
    // On a devicemapper host with neither a named nor a docker-looking pool, every thin pool may be docker's.
    const relevant = devicemapper ? (mine.length > 0 ? mine : pools) : driverIs(model, [], true) ? pools.filter(dockerish) : [];
    const lowFree = ctx.events('devmapper.thinpool-low-free');
    if (!devicemapper && relevant.length === 0 && lowFree.length === 0) return;

    const drvEv = driverEvidence(model);
    let worst = 0;
    for (const d of relevant) {
      const tp = d.thinPool;
      const dataPercent = pct(tp.dataUsed, tp.dataTotal);
      const metadataPercent = pct(tp.metadataUsed, tp.metadataTotal);
      const top = Math.max(dataPercent, metadataPercent);
      worst = Math.max(worst, top);
      if (top <= WARN_PCT && tp.mode !== 'out_of_data_space') continue;
      const severity = tp.mode === 'out_of_data_space' || top >= 100 ? 'critical' : top > ERROR_PCT ? 'error' : 'warning';
      ctx.report({
        messageId: 'poolFull',
        subject: `thin pool ${d.name}`,
        data: { pool: d.name, dataPercent, metadataPercent },
        severity,
        evidence: [{ ...tp.evidence, match: 'thin-pool' }, ...lowFree.map((e) => e.evidence), ...drvEv],
        confidence: 'high',
        confidenceReason: 'dmsetup status of the pool',
        detail: `Data ${tp.dataUsed}/${tp.dataTotal} blocks, metadata ${tp.metadataUsed}/${tp.metadataTotal} blocks${tp.mode ? `, mode ${tp.mode}` : ''}.`,
      });
    }
    // docker info's space lines, when dmsetup status said nothing alarming (or was not collected).
    // `Data Space Available` is also bounded by the filesystem under loop files: near zero while
    // Used/Total looks fine means that filesystem is full, and dockerd refuses new devices below its minimum.
    const space = model.storage.infoSpace;
    if (devicemapper && space && worst <= WARN_PCT) {
      const status = model.storage.driverStatus;
      const ev = model.storage.driverStatusEvidence ?? {};
      const dataPercent = space.dataTotal ? pct(space.dataUsed ?? 0, space.dataTotal) : 0;
      const metadataPercent = space.metadataTotal ? pct(space.metadataUsed ?? 0, space.metadataTotal) : 0;
      const minimum = space.minFree ?? (space.dataTotal !== undefined ? space.dataTotal * DEFAULT_MIN_FREE_FRACTION : undefined);
      const available = space.dataAvailable;
      const belowMinimum = available !== undefined && minimum !== undefined && available < minimum;
      const top = Math.max(dataPercent, metadataPercent);
      if (belowMinimum || top > WARN_PCT) {
        const backingFull = available !== undefined && space.dataTotal !== undefined && available < (space.dataTotal - (space.dataUsed ?? 0)) * 0.5;
        const keys = ['Data Space Available', 'Thin Pool Minimum Free Space', 'Data Space Used', 'Data Space Total', 'Metadata Space Used', 'Metadata Space Total'];
        ctx.report({
          messageId: 'infoSpaceLow',
          subject: `thin pool ${poolName ?? 'docker'}`,
          data: {
            pool: poolName ?? 'docker',
            available: status['Data Space Available']?.trim() || 'unknown',
            minimum: status['Thin Pool Minimum Free Space']?.trim() || (minimum !== undefined ? "10% of the pool (dockerd's default)" : 'unknown'),
            dataPercent,
            metadataPercent,
          },
          severity: available === 0 || top >= 100 ? 'critical' : belowMinimum || top > ERROR_PCT ? 'error' : 'warning',
          evidence: [...keys.flatMap((k) => (ev[k] ? [ev[k]!] : [])), ...lowFree.map((e) => e.evidence), ...drvEv],
          confidence: 'high',
          confidenceReason: "docker info's space lines of the pool",
          detail: backingFull
            ? 'Available is well below Total minus Used: the filesystem that holds the pool (the loop files of loop-lvm) is nearly full, so the pool cannot grow into its nominal size.'
            : undefined,
        });
        worst = Math.max(worst, belowMinimum ? 100 : top);
      }
    }
    if (lowFree.length > 0 && worst <= WARN_PCT) {
      const kinds = [...new Set(lowFree.map((e) => e.fields.pool ?? 'data'))];
      ctx.report({
        messageId: 'lowFreeBlocks',
        subject: `thin pool ${poolName ?? 'docker'}`,
        data: { count: ctx.eventCount('devmapper.thinpool-low-free'), kind: kinds.join(' and ') },
        severity: 'error',
        evidence: lowFree.map((e) => e.evidence),
        confidence: relevant.length > 0 ? 'medium' : 'high',
        confidenceReason: relevant.length > 0 ? 'dockerd logged the refusal; the pool has room now (space freed since?)' : 'dockerd logged the refusal',
        detail: relevant.length > 0 ? `Pools now: ${listSome(relevant.map((d) => `${d.name} ${pct(d.thinPool.dataUsed, d.thinPool.dataTotal)}% data`), 5)}.` : undefined,
      });
    }
    const prof = model.storage.thinPoolProfile;
    if (prof && devicemapper) {
      const threshold = prof.thresholds['thin_pool_autoextend_threshold'];
      const percent = prof.thresholds['thin_pool_autoextend_percent'];
      if (threshold !== undefined && threshold >= 100 && (percent === undefined || percent >= 100)) {
        // A precaution unless the pool is filling.
        ctx.report({
          messageId: 'autoextendOff',
          subject: 'thin-pool LVM profile',
          data: { threshold, percent: percent ?? 'unset' },
          severity: worst > WARN_PCT || lowFree.length > 0 ? 'warning' : 'info',
          evidence: [prof.evidence, ...drvEv],
          confidence: 'high',
          confidenceReason: 'read from the LVM profile',
        });
      }
    }
  },
});
