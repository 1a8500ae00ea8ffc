/**
 * The IPC/storage/mounts/limits/data-root combiners on fuzzed parser output: mutated real fixtures for
 * every artifact they read go through the real parsers and the real model build, which must not throw.
 */
import { describe, expect, it } from 'vitest';
import { mutate, rng } from '../helpers/storage-parser-harness.js';
import { fixture, modelFrom, type Input } from './log-model-helper.js';

const SEEDS: [string, string, string?][] = [
  ['ipcs.sem', 'ipcs/util-linux-2.38-sem-cookies.txt'],
  ['ipcs.sem-times', 'ipcs/util-linux-2.38-sem-times.txt'],
  ['ipcs.sem-info', 'ipcs/util-linux-2.38-sem-info-3-sems.txt'],
  ['ipcs.limits', 'ipcs/util-linux-2.38-limits.txt'],
  ['ipcs.summary', 'ipcs/util-linux-2.38-summary.txt'],
  ['proc.sysvipc-sem', 'proc-sysvipc-sem/linux-6.18-cookies.txt'],
  ['kernel.sem', 'kernel-sem/linux-6.18-default.txt'],
  ['sysctl', 'sysctl/procps-4.0-sem-pid-max.txt'],
  ['dmsetup.udevcookies', 'dmsetup/udevcookies-lvm2-1.02.185-cookies.txt'],
  ['dmsetup.info', 'dmsetup/info-c-docker-loop-lvm-hand.txt'],
  ['dmsetup.status', 'dmsetup/status-insights-core-thin-pool.txt'],
  ['dmsetup.table', 'dmsetup/table-docker-thin-hand.txt'],
  ['lvm.thinpool-profile', 'lvm-profile/docker-docs-thinpool.txt'],
  ['devicemapper.deviceset-metadata', 'deviceset-metadata/moby-18.09-xfs-hand.txt', 'files/var/lib/docker/devicemapper/metadata/deviceset-metadata'],
  ['mountinfo', 'mountinfo/linux-6.18-escapes-shared.txt'],
  ['mount.l', 'mount-l/util-linux-2.38-escapes.txt'],
  ['df.h', 'df/coreutils-9.1-h-spaces.txt'],
  ['df.i', 'df/coreutils-9.1-i-spaces.txt'],
  ['limits', 'limits/openeuler-20-nproc-conf.txt', 'files/etc/security/limits.d/20-nproc.conf'],
  ['overlay.params', 'overlay-params/linux-6.18/redirect_dir', 'files/sys/module/overlay/parameters/redirect_dir'],
  ['dataroot.listing', 'dataroot-listing/docker-20.10-find-lab-running.tsv'],
  ['execroot.listing', 'execroot-listing/docker-20.10-find-lab-running.tsv'],
  ['dataroot.json-health', 'json-health/bundle-format-v1-doc.tsv'],
];

describe('model: storage sections on fuzzed inputs', () => {
  it('builds without throwing (300 mutated bundles)', () => {
    const texts = SEEDS.map(([, f]) => fixture(f));
    const r = rng(2026);
    for (let i = 0; i < 300; i++) {
      const inputs: Input[] = SEEDS.filter(() => r() < 0.7).map(([artifact, , path]) => {
        const k = SEEDS.findIndex((s) => s[0] === artifact);
        return { artifact, text: mutate(texts[k]!, r), path: path ?? `cmd/${artifact}.txt` };
      });
      let m;
      try {
        m = modelFrom(inputs);
      } catch (e) {
        throw new Error(`model build threw on fuzz bundle #${i}: ${String(e)}`);
      }
      expect(Array.isArray(m.ipc.semaphores)).toBe(true);
      expect(Array.isArray(m.mounts)).toBe(true);
      for (const s of m.ipc.semaphores) expect(s.keyHex).toMatch(/^0x[0-9a-f]{8}$/);
    }
  });
});
