/**
 * power-off-db-loss: an unclean shutdown (power loss, hard reset) followed by docker state lost on
 * the next start: deleted or damaged DB files (networks, volumes, containerd metadata) and
 * containers whose config failed to load. Field guide §1.1 and §5; openEuler guide
 * "Impact of System Power-off".
 */
import type { Boot, LogEvent } from '../model/host-model.js';
import type { Evidence } from '../spine/types.js';
import { defineRule } from './types.js';
import { LOG_ARTIFACTS, byTime, iso, listSome, unique } from './util-evidence.js';

const CONFIG_FILES = new Set(['empty', 'nul-filled', 'truncated']);

export default defineRule({
  meta: {
    id: 'power-off-db-loss',
    title: 'Docker state lost after an unclean shutdown',
    category: 'storage',
    severity: 'error',
    requires: [...LOG_ARTIFACTS, 'journal.boots', 'journal.header', 'dataroot.listing', 'dataroot.json-health', 'docker.ps', 'process.daemons', 'sysconfig.docker', 'systemd.cat-docker', 'systemd.docker'],
    essential: ['journal', 'journal.docker', 'syslog', 'dataroot.listing', 'dataroot.json-health'],
    explanation:
      'Daemon state may not reach the disk before the power goes: a container created just before can be missing from `docker ps -a`, ' +
      'and half-written files fail to load. openEuler docker-engine also deletes its DB files (networks, volumes, build cache, containerd ' +
      'metadata) at the first start after every boot, and any DB smaller than 8 KiB at later starts, unless DISABLE_CRASH_FILES_DELETE=true ' +
      'reaches dockerd; it removes a container directory whose config fails to load (patch 0020), so the container vanishes.',
    guideSection: 'Installation and Deployment › Impact of System Power-off',
    messages: {
      stateLost: 'After {{trigger}}, docker lost state: {{lost}}',
      stateDamaged: 'Docker state files are damaged ({{lost}}); no unclean shutdown was identified',
    },
    remediation: [
      { kind: 'fix', risk: { restart: true, dataLoss: false, reversible: true }, flavour: 'openeuler', text: 'To restore by hand, first keep the DB files from being deleted at the next start: set DISABLE_CRASH_FILES_DELETE=true for dockerd.', commands: ["echo 'DISABLE_CRASH_FILES_DELETE=true' >> /etc/sysconfig/docker", 'systemctl restart docker'], source: 'openEuler guide: Impact of System Power-off' },
      { kind: 'fix', risk: { restart: true, dataLoss: true, reversible: true }, text: 'A truncated local-kv.db keeps dockerd from starting ("file size too small"): move it away so dockerd recreates it (user networks must then be recreated).', commands: ['mv /var/lib/docker/network/files/local-kv.db /var/lib/docker/network/files/local-kv.db.bad', 'systemctl restart docker'], source: 'moby/moby#43072' },
      { kind: 'fix', risk: { restart: true, dataLoss: true, reversible: false }, text: 'A thin pool damaged by power-off cannot be recovered: rebuild it.', source: 'openEuler guide: devicemapper Storage Driver Configuration' },
      { kind: 'fix', risk: { restart: false, dataLoss: false, reversible: true }, text: 'Recreate lost containers, networks and volumes from their definitions; volume data under volumes/<name>/_data survives.', source: 'openEuler guide: Impact of System Power-off' },
    ],
    // `dockerd.dblock-missing` only marks the first dockerd start after a boot: never read as evidence.
    events: ['dockerd.cleanup-db', 'container.load-failed', 'container.remove-invalid', 'bolt.corruption', 'bolt.panic', 'container.network-not-found'],
    confirmedBy: ['dataroot.listing', 'dataroot.json-health'],
  },

  evaluate(ctx) {
    const { model } = ctx;
    const unclean = model.boots.filter((b) => b.verdict === 'unclean');
    const cleanupDb = ctx.events('dockerd.cleanup-db');
    const failedLoad = ctx.events('container.load-failed');
    const removeInvalid = ctx.events('container.remove-invalid');
    const boltPanics = ctx.events('bolt.panic');
    const bolt = [...ctx.events('bolt.corruption'), ...boltPanics];
    const netMissing = ctx.events('container.network-not-found');

    // Damaged config files (collector JSON health) and DB files under the 8 KiB bbolt minimum.
    const badConfigs = model.containers.flatMap((c) => (c.configHealth ?? []).filter((h) => CONFIG_FILES.has(h.state)).map((h) => ({ c, h })));
    const smallDbs = model.dataRoot.dbFiles.filter((d) => d.size >= 0 && d.size < 8192 && d.evidence);
    // Container directories docker no longer reports (only meaningful when docker ps ran).
    const psRan = model.collection.health['docker.ps']?.state === 'present';
    const orphanDirs = psRan ? model.containers.filter((c) => c.inDataRoot && !c.inDockerPs) : [];

    const lostContainers = unique([
      ...failedLoad.flatMap((r) => (r.fields.container ? [r.fields.container] : [])),
      ...removeInvalid.flatMap((r) => (r.fields.path ? [r.fields.path.replace(/\/+$/, '').split('/').pop()!] : [])),
      ...badConfigs.map(({ c }) => c.id),
      ...orphanDirs.map((c) => c.id),
    ]).map((id) => id.slice(0, 12));
    const deletedDbs = unique(cleanupDb.map((r) => r.fields.path ?? '?'));
    const parts: string[] = [];
    if (lostContainers.length) parts.push(`${lostContainers.length} container(s) lost or unloadable (${listSome(lostContainers, 4)})`);
    if (bolt.length) parts.push(`bolt DB errors (${listSome(unique(bolt.map((r) => r.fields.error ?? 'damaged')), 3)})`);
    if (smallDbs.length) parts.push(`DB file(s) under 8 KiB: ${listSome(smallDbs.map((d) => d.name), 3)}`);
    if (netMissing.length) parts.push(`${netMissing.length} start(s) failed on a missing network`);
    // The unclean boot that can explain the damage: the latest one that ended before the first damage was logged.
    const firstDamage = byTime<LogEvent>([...failedLoad, ...removeInvalid, ...bolt, ...netMissing, ...cleanupDb]).find((r) => r.time !== undefined)?.time;
    const trig = [...unclean].reverse().find((b) => firstDamage === undefined || b.lastEntry === undefined || b.lastEntry <= firstDamage);
    const causal = trig ? [trig] : [];
    // cleanup DB lines are designed behaviour at every first start after boot: they count only with an unclean boot.
    if (deletedDbs.length && causal.length) parts.push(`DB files deleted at start (${listSome(deletedDbs.map((p) => p.split('/').pop()!), 4)})`);

    const hardLoss = lostContainers.length > 0 || bolt.length > 0 || smallDbs.length > 0 || netMissing.length > 0;
    if (!hardLoss && !(causal.length && deletedDbs.length)) {
      if (unclean.length === 0 && model.boots.every((b) => b.verdict === 'unknown') && model.boots.length > 0) {
        ctx.insufficient('boot endings are unknown (volatile or truncated journal) and no state loss was seen', ['journalctl --list-boots', 'journalctl -o json --all (persistent journal)']);
      }
      return;
    }

    const disabled = model.config.env['DISABLE_CRASH_FILES_DELETE'];
    const isDisabled = disabled?.value === 'true';
    const evidence: Evidence[] = [
      ...causal.flatMap((b: Boot) => b.evidence.slice(0, 2)),
      ...byTime<LogEvent>([...failedLoad, ...removeInvalid, ...bolt, ...netMissing, ...(causal.length ? cleanupDb : [])]).map((r) => r.evidence),
      ...badConfigs.map(({ h }) => ({ ...h.evidence, match: h.state })),
      ...smallDbs.map((d) => ({ ...d.evidence!, match: d.name })),
      ...orphanDirs.flatMap((c) => c.evidence.slice(0, 1)),
    ];
    if (disabled?.evidence) evidence.push(disabled.evidence);
    const crashNote = disabled
      ? `DISABLE_CRASH_FILES_DELETE=${disabled.value} (${disabled.source})${isDisabled ? ': DB files were kept, so a manual restore is possible.' : ': not "true", so dockerd deletes the DB files.'}`
      : model.identity.flavor === 'openeuler-docker-engine'
        ? 'DISABLE_CRASH_FILES_DELETE is not set for dockerd: openEuler docker-engine deletes DB files at start.'
        : 'DISABLE_CRASH_FILES_DELETE was not seen (it only matters for openEuler docker-engine).';
    // The summary names the boot and its first reason; the full reason and corroboration stay in the evidence and detail.
    const lastUnclean = trig;
    const trigger = lastUnclean ? `an unclean shutdown (boot ${lastUnclean.index}: ${lastUnclean.reason.split('; ')[0]!.slice(0, 160)})` : '';
    ctx.report({
      messageId: causal.length ? 'stateLost' : 'stateDamaged',
      data: causal.length ? { trigger, lost: parts.join('; '), crashFilesDeleteDisabled: isDisabled } : { lost: parts.join('; '), crashFilesDeleteDisabled: isDisabled },
      // A container gone, or a DB dockerd cannot open (its start then fails): critical.
      severity: lostContainers.length > 0 || boltPanics.length > 0 || bolt.some((r) => r.fields.error === 'file size too small') ? 'critical' : 'error',
      evidence,
      confidence: causal.length && hardLoss ? 'high' : 'medium',
      confidenceReason: causal.length && hardLoss
        ? 'an unclean boot end is followed by lost or damaged docker state'
        : causal.length
          ? 'an unclean boot end and DB deletion at start; which objects were lost is not visible'
          : 'damaged state files without an identified unclean shutdown (journal may not reach back far enough)',
      detail: [
        lostContainers.length ? `Lost or unloadable containers: ${lostContainers.join(', ')}.` : '',
        deletedDbs.length ? `DB files deleted at start: ${deletedDbs.join(', ')}.` : '',
        lastUnclean ? `Boot ${lastUnclean.index} (ended ${iso(lastUnclean.lastEntry) ?? 'at an unknown time'}): ${lastUnclean.reason}.` : '',
        !lastUnclean && unclean.length ? `The unclean boot end(s) (${unclean.map((b) => b.index).join(', ')}) came after the first damage, so they do not explain it.` : '',
        crashNote,
        DBLOCK_NOTE,
      ].filter(Boolean).join(' '),
    });
  },
});

const DBLOCK_NOTE = '"stat dblock failed" lines only mark the first dockerd start after a boot and are not counted as evidence.';
