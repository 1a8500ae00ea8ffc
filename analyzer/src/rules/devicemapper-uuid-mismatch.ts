/**
 * devicemapper-uuid-mismatch: dockerd refuses to start because the base device's UUID no longer
 * matches deviceset-metadata, typically after switching user-namespace remapping or rebuilding /
 * expanding the thin pool. Field guide §2; openEuler guide "devicemapper Storage Driver Configuration".
 */
import type { Evidence } from '../spine/types.js';
import { defineRule } from './types.js';
import { LOG_ARTIFACTS, listSome } from './util-evidence.js';
import { configEvidence, storageOpts } from './util-storage.js';

/** One log record (an event of another kind on the same line shares its source position). */
const recordKey = (e: Evidence): string => `${e.artifact}|${e.path}|${e.line}`;
const USERNS_DIR = /\/\d+\.\d+\/devicemapper\//;

export default defineRule({
  meta: {
    id: 'devicemapper-uuid-mismatch',
    title: 'devicemapper base device UUID verification failed',
    category: 'storage',
    severity: 'error',
    requires: ['devicemapper.deviceset-metadata', 'docker.daemon-json', 'sysconfig.docker', 'systemd.docker', 'systemd.cat-docker', 'process.daemons', ...LOG_ARTIFACTS],
    essential: ['journal', 'journal.docker', 'syslog'],
    explanation:
      'At start the devicemapper driver checks that the base thin device still has the UUID and filesystem recorded in ' +
      'devicemapper/metadata/deviceset-metadata. After switching user-namespace remapping (each remapped root <uid>.<gid> has its own ' +
      'metadata) or after the thin pool was rebuilt or expanded, the recorded UUID no longer matches and dockerd refuses to start.',
    guideSection: 'Installation and Deployment › devicemapper Storage Driver Configuration',
    messages: {
      uuidMismatch: 'dockerd could not start: devicemapper base device UUID verification failed {{count, plural, one{# time} other{# times}}}{{context}}',
    },
    remediation: [
      {
        kind: 'fix', risk: { restart: true, dataLoss: false, reversible: true }, text: 'Clear BaseDeviceUUID in the deviceset-metadata of the data root in use (keep a copy first), then start Docker.',
        commands: [
          'cp -a /var/lib/docker/devicemapper/metadata/deviceset-metadata /root/deviceset-metadata.bak',
          'sed -i \'s/"BaseDeviceUUID":"[^"]*"/"BaseDeviceUUID":""/\' /var/lib/docker/devicemapper/metadata/deviceset-metadata',
          'systemctl start docker',
        ],
        source: 'openEuler guide: devicemapper Storage Driver Configuration',
      },
      { kind: 'check', text: 'With userns-remap the file is /var/lib/docker/<uid>.<gid>/devicemapper/metadata/deviceset-metadata.', source: 'openEuler guide: devicemapper Storage Driver Configuration' },
    ],
    events: ['devmapper.uuid-verify-failed', 'devmapper.cookie-failed'],
    // The refusal stands on the logs; the recorded BaseDeviceUUID confirms which metadata dockerd compared against.
    confirmedBy: ['devicemapper.deviceset-metadata'],
  },

  evaluate(ctx) {
    const { model } = ctx;
    const all = ctx.events('devmapper.uuid-verify-failed');
    // A verification that failed because no udev cookie could be set (semaphores exhausted, field guide §1.2) is not a
    // UUID mismatch: the same line then also means devmapper.cookie-failed.
    const cookieLines = new Set(ctx.events('devmapper.cookie-failed').map((e) => recordKey(e.evidence)));
    const hits = all.filter((e) => !cookieLines.has(recordKey(e.evidence)));
    if (hits.length === 0) return;
    const evidence: Evidence[] = hits.map((e) => e.evidence);
    const context: string[] = [];
    const userns = model.config.values['userns-remap'];
    if (userns && String(userns.value) !== '') {
      context.push(`userns-remap is set (${String(userns.value)})`);
      evidence.push(...configEvidence(userns, 'userns-remap'));
    }
    const remapped = model.storage.baseDeviceUuids.filter((b) => USERNS_DIR.test(b.path));
    if (remapped.length > 0) {
      context.push(`remapped metadata exists (${listSome(remapped.map((b) => b.path), 2)})`);
      evidence.push(...remapped.map((b) => b.evidence));
    }
    const metas = model.storage.baseDeviceUuids.filter((b) => !USERNS_DIR.test(b.path));
    evidence.push(...metas.map((b) => b.evidence));
    const pool = storageOpts(model).find((o) => o.name === 'dm.thinpooldev');
    if (pool) evidence.push(...configEvidence(pool.from, 'dm.thinpooldev'));
    const causes = context.length > 0 ? context.join('; ') : pool ? `thin pool ${pool.value}: was it rebuilt or expanded?` : '';
    ctx.report({
      messageId: 'uuidMismatch',
      data: { count: ctx.eventCount('devmapper.uuid-verify-failed') - (all.length - hits.length), context: causes ? `; ${causes}` : '' },
      evidence,
      confidence: 'high',
      confidenceReason: 'dockerd logged the verification failure',
      detail: all.length > hits.length ? `${all.length - hits.length} other verification failure(s) came from dm_task_set_cookie (semaphore exhaustion: see semaphore-leak).` : undefined,
    });
  },
});
