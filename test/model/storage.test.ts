import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { coveringMount } from '../../analyzer/src/model/storage.js';
import { FactStore } from '../../analyzer/src/model/fact-store.js';
import { buildHostModel } from '../../analyzer/src/model/build.js';
import { FIX, modelFrom, type Input } from './log-model-helper.js';

const K = 1024;

describe('model: storage', () => {
  it('joins dmsetup info -c, status and table by device name; thin-pool usage from status', () => {
    const s = modelFrom([
      { artifact: 'dmsetup.info', fixture: 'dmsetup/info-c-docker-loop-lvm-hand.txt' },
      { artifact: 'dmsetup.status', text: 'docker-253:0-1049989-pool: 0 209715200 thin-pool 3 500/524288 2000/1638400 - rw discard_passdown queue_if_no_space - \n' },
      { artifact: 'dmsetup.table', fixture: 'dmsetup/table-docker-thin-hand.txt' },
    ]).storage;
    const pool = s.dmDevices.find((d) => d.name === 'docker-253:0-1049989-pool')!;
    expect(pool).toMatchObject({ major: 253, minor: 1, open: 2, target: 'thin-pool' });
    expect(pool.thinPool).toMatchObject({ metadataUsed: 500, metadataTotal: 524288, dataUsed: 2000, dataTotal: 1638400, mode: 'rw' });
    expect(pool.thinPool!.evidence).toMatchObject({ artifact: 'dmsetup.status', line: 1 });
    expect(s.dmDevices.find((d) => d.name === 'rootvg-root')).toMatchObject({ target: 'linear' });
    expect(s.dmDevices).toHaveLength(3);
  });

  it('no DM driver (real output) gives no devices', () => {
    const s = modelFrom([{ artifact: 'dmsetup.info', fixture: 'dmsetup/info-c-lvm2-1.02.185-no-dm-driver.txt' }]).storage;
    expect(s.dmDevices).toEqual([]);
    expect(s.dmState).toMatchObject({ state: 'no-driver', evidence: { line: 1, excerpt: '/dev/mapper/control: open failed: No such device' } });
    expect(modelFrom([{ artifact: 'dmsetup.status', fixture: 'dmsetup/info-c-lvm2-no-devices-hand.txt' }]).storage.dmState!.state).toBe('no-devices');
    expect(modelFrom([{ artifact: 'dmsetup.info', fixture: 'dmsetup/info-c-insights-core-lvm.txt' }]).storage.dmState!.state).toBe('devices');
    expect(modelFrom([]).storage.dmState).toBeUndefined();
  });

  it('knows "no DM driver" from the collector health record when stdout was empty (message on stderr)', () => {
    const facts = new FactStore();
    const health = { 'dmsetup.info': { artifact: 'dmsetup.info' as const, state: 'failed' as const, paths: ['cmd/dmsetup-info-c.txt'], bytes: 0, detail: '/dev/mapper/control: open failed: No such device', exitCode: 1 } };
    const m = buildHostModel(facts, { layout: 'docker-postmortem', source: 't', health, parseProblems: {} });
    expect(m.storage.dmState).toMatchObject({ state: 'no-driver', evidence: { artifact: 'dmsetup.info', path: 'cmd/dmsetup-info-c.txt', line: 0 } });
  });

  it('takes the driver and its status from docker info (lab capture), else from config', () => {
    const s = modelFrom([{ artifact: 'docker.info', fixture: 'lab/healthy/docker-info.txt' }]).storage;
    expect(s.driver).toBe('overlay2');
    expect(s.driverStatus['Backing Filesystem']).toBe('extfs');
    expect(s.driverStatus['Supports d_type']).toBe('true');
    expect(modelFrom([]).storage.driver).toBeUndefined();
  });

  it('reads the thin-pool profile thresholds and BaseDeviceUUIDs (valid and broken JSON)', () => {
    const s = modelFrom([
      { artifact: 'lvm.thinpool-profile', fixture: 'lvm-profile/openeuler-seed-autoextend-off-hand.txt' },
      { artifact: 'devicemapper.deviceset-metadata', fixture: 'deviceset-metadata/moby-18.09-xfs-hand.txt', path: 'files/var/lib/docker/devicemapper/metadata/deviceset-metadata' },
      { artifact: 'devicemapper.deviceset-metadata', fixture: 'deviceset-metadata/moby-18.09-truncated-hand.txt', path: 'files/var/lib/docker/100000.100000/devicemapper/metadata/deviceset-metadata' },
      { artifact: 'devicemapper.deviceset-metadata', text: '\0\0\0\0', path: 'files/x/devicemapper/metadata/deviceset-metadata' },
    ]).storage;
    expect(s.thinPoolProfile!.thresholds).toEqual({ thin_pool_autoextend_threshold: 100, thin_pool_autoextend_percent: 100 });
    expect(s.thinPoolProfile!.evidence.line).toBe(2);
    expect(s.baseDeviceUuids.map((b) => [b.path, b.uuid])).toEqual([
      ['files/var/lib/docker/devicemapper/metadata/deviceset-metadata', '7b1ab8d3-8a6b-4b6e-a0c7-4e4e9f1d4c2a'],
      ['files/var/lib/docker/100000.100000/devicemapper/metadata/deviceset-metadata', '7b1ab8d3-8a6b-4b6e-a0c7-4e4e9f1d4c2a'],
      ['files/x/devicemapper/metadata/deviceset-metadata', undefined],
    ]);
    expect(s.baseDeviceUuids[2]!.evidence).toMatchObject({ line: 0, excerpt: 'NUL-filled file' });
  });

  it('maps overlay module parameters by file name (real Linux 6.18 values)', () => {
    const dir = join(FIX, 'overlay-params/linux-6.18');
    const inputs: Input[] = readdirSync(dir).map((n) => ({ artifact: 'overlay.params', fixture: `overlay-params/linux-6.18/${n}`, path: `files/sys/module/overlay/parameters/${n}` }));
    const s = modelFrom(inputs).storage;
    expect(s.overlayParams.redirect_dir).toBe('N');
    expect(s.overlayParams.index).toBe('N');
    expect(s.overlayParams.redirect_max).toBe('256');
    expect(s.overlayParams).not.toHaveProperty('userxattr');
  });

  it('picks the df rows of the filesystem holding data-root (longest covering mount), blocks and inodes', () => {
    const s = modelFrom([
      { artifact: 'df.h', fixture: 'df/coreutils-9.1-P.txt' },
      { artifact: 'df.i', fixture: 'df/coreutils-9.1-i-spaces.txt' },
    ]).storage;
    // /var/lib/docker lives on / in these captures.
    expect(s.dataRootFs).toMatchObject({ filesystem: '/dev/vda', mountedOn: '/', sizeBytes: 264212084 * K, usePercent: 23, inodes: 16777216, inodesUsed: 419707, inodesUsePercent: 3 });
    expect(s.dataRootFs!.evidence.artifact).toBe('df.h');
  });

  it('coveringMount respects path boundaries', () => {
    const rows = [{ mountedOn: '/' }, { mountedOn: '/var/lib/docker' }, { mountedOn: '/var/lib/dock' }, { mountedOn: '/var/lib/docker/overlay2' }];
    expect(coveringMount(rows, '/var/lib/docker')!.mountedOn).toBe('/var/lib/docker');
    expect(coveringMount(rows, '/var/lib/dockerx')!.mountedOn).toBe('/');
    expect(coveringMount([], '/x')).toBeUndefined();
  });
});

describe('model: storage data-root filesystem', () => {
  it('uses the single row of `df <data-root>` even when no mount covers the configured data-root (real one-row df)', () => {
    const s = modelFrom([{ artifact: 'df.h', fixture: 'df/coreutils-9.1-h-one-ambiguous.txt', path: 'cmd/df-h.txt' }]).storage;
    expect(s.dataRootFs).toMatchObject({ filesystem: 'fake on /dev type ext4', mountedOn: '/tmp/mnt/x on y type z', sizeBytes: 512 * K, usePercent: 0 });
  });

  it('follows the data-root listing root to the covering mount', () => {
    const s = modelFrom([
      { artifact: 'dataroot.listing', text: '# type\tmode\tuid\tgid\tsize\tmtime\tpath\nd\t711\t0\t0\t4096\t1\t/data/docker\n' },
      { artifact: 'df.h', text: 'Filesystem Size Used Avail Use% Mounted on\n/dev/vda 10G 1G 9G 10% /\n/dev/vdb 100G 99G 1G 99% /data\n' },
    ]).storage;
    expect(s.dataRootFs).toMatchObject({ filesystem: '/dev/vdb', mountedOn: '/data', usePercent: 99 });
  });
});
