/**
 * devicemapper-uuid-mismatch: dockerd refuses to start because the base device's UUID no longer
 * matches deviceset-metadata, typically after switching user-namespace remapping or rebuilding /
 * expanding the thin pool. Field guide §2; openEuler guide "devicemapper Storage Driver Configuration".
 */
import type { LogRecord } from '../model/host-model.js';
import type { Evidence } from '../spine/types.js';
import { defineRule } from './types.js';
import { LOG_ARTIFACTS, byTime, listSome, recordEvidence } from './util-evidence.js';
import { configEvidence, storageOpts } from './util-storage.js';

// 18.09 `Error starting daemon: error initializing graphdriver: devmapper: Base Device UUID and Filesystem verification failed: …`,
// 20.10 `failed to start daemon: …`, 17.x `level=fatal msg="Error starting daemon: …"` (moby/moby#33603).
const VERIFY_FAILED = /Base Device UUID and Filesystem verification failed(?::\s*(.*))?/;
/** The semaphore-exhaustion variant is semaphore-leak's (field guide §1.2), not a UUID mismatch. */
const COOKIE = /set cookie|dm_task_set_cookie/;
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
      uuidMismatch: 'dockerd could not start: devicemapper base device UUID verification failed {{count}} time(s){{context}}',
    },
    remediation: [
      {
        text: 'Clear BaseDeviceUUID in the deviceset-metadata of the data root in use (keep a copy first), then start Docker.',
        commands: [
          'cp -a /var/lib/docker/devicemapper/metadata/deviceset-metadata /root/deviceset-metadata.bak',
          'sed -i \'s/"BaseDeviceUUID":"[^"]*"/"BaseDeviceUUID":""/\' /var/lib/docker/devicemapper/metadata/deviceset-metadata',
          'systemctl start docker',
        ],
        source: 'openEuler guide: devicemapper Storage Driver Configuration',
      },
      { text: 'With userns-remap the file is /var/lib/docker/<uid>.<gid>/devicemapper/metadata/deviceset-metadata.', source: 'openEuler guide: devicemapper Storage Driver Configuration' },
    ],
    signals: { verifyFailed: { pattern: VERIFY_FAILED, hint: 'Base Device UUID' } },
  },

  evaluate(ctx) {
    const { model } = ctx;
    const all = byTime(ctx.signal('verifyFailed'));
    const hits: LogRecord[] = all.filter((r) => !COOKIE.test(r.message));
    if (hits.length === 0) return;
    const evidence: Evidence[] = hits.map((r) => recordEvidence(r, VERIFY_FAILED));
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
      data: { count: ctx.signalCount('verifyFailed') - (all.length - hits.length), context: causes ? `; ${causes}` : '' },
      evidence,
      confidence: 'high',
      confidenceReason: 'dockerd logged the verification failure',
      detail: all.length > hits.length ? `${all.length - hits.length} other verification failure(s) came from dm_task_set_cookie (semaphore exhaustion: see semaphore-leak).` : undefined,
    });
  },
});
