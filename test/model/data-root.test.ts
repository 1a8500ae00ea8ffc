import { describe, expect, it } from 'vitest';
import { modelFrom } from './log-model-helper.js';

const ID = 'c'.repeat(64);
const head = '# type\tmode\tuid\tgid\tsize\tmtime\tpath\n';
const row = (t: string, size: number, p: string) => `${t}\t600\t0\t0\t${size}\t1764314292.000\t${p}\n`;

describe('model: data-root', () => {
  it('reads the lab listing of a real dockerd 20.10 (root found from the listing; DB sizes; container ids)', () => {
    const text = modelFrom([
      { artifact: 'dataroot.listing', fixture: 'lab/healthy/dataroot-listing.tsv' },
      { artifact: 'execroot.listing', fixture: 'lab/healthy/execroot-listing.tsv' },
    ]).dataRoot;
    expect(text.available).toBe(true);
    expect(text.root).toBe('/tmp/dpm-911ecf-KAIQFO/data');
    expect(text.foreignTopLevel).toEqual([]);
    const db = Object.fromEntries(text.dbFiles.map((d) => [d.name, d.size]));
    expect(db['network/files/local-kv.db']).toBe(65536);
    expect(db['volumes/metadata.db']).toBe(32768);
    expect(db['buildkit/metadata_v2.db']).toBe(16384);
    expect(db['builder/fscache.db']).toBe(-1);
    // The listing stops at depth 3: meta.db (depth 4) is unknown, not missing.
    expect(db).not.toHaveProperty('containerd/daemon/io.containerd.metadata.v1.bolt/meta.db');
    expect(text.containerIds.length).toBeGreaterThan(0);
    expect(text.containerIds.every((id) => /^[0-9a-f]{64}$/.test(id))).toBe(true);
    expect(text.execRoot.length).toBeGreaterThan(0);
    expect(text.entries.some((e) => e.path.endsWith('/network/files/local-kv.db'))).toBe(true);
  });

  it('reads the real collector listing after a power cut: local-kv.db cut to 4096 bytes (nspawn lab)', () => {
    const dr = modelFrom([
      { artifact: 'dataroot.listing', fixture: 'dataroot-listing/collector-0.1-nspawn-power-off-db-loss.tsv', path: 'cmd/dataroot-listing.tsv' },
      { artifact: 'execroot.listing', fixture: 'execroot-listing/collector-0.1-nspawn-power-off-db-loss.tsv', path: 'cmd/execroot-listing.tsv' },
    ]).dataRoot;
    expect(dr.root).toBe('/var/lib/docker');
    expect(dr.foreignTopLevel).toEqual([]);
    const kv = dr.dbFiles.find((d) => d.name === 'network/files/local-kv.db')!;
    expect(kv.size).toBe(4096);
    expect(kv.evidence).toMatchObject({ artifact: 'dataroot.listing', path: 'cmd/dataroot-listing.tsv' });
    expect(dr.dbFiles.find((d) => d.name === 'volumes/metadata.db')!.size).toBe(32768);
    expect(dr.containerIds).toEqual(['93cb87a0e16a62095498b01e0ca374b61a3383ea6dfb51053c2032d9e17e03f5', 'a517de8bb1c1784bea2782009a5a594677fdc29cb1aed05c9ebd84c96dadae16', 'acac34e9dbed1a6022ab3e76b49c2a7e3c24b77f98963fa7885d4b942ff4199b', 'fc4fbacf1a2739ac43c96e34f30dc8713414116dadb9487af94022d5b1712813']);
    expect(dr.execRoot.map((e) => e.path)).toContain('/run/containerd/containerd.sock');
    expect(dr.execRoot.find((e) => e.path === '/run/containerd/containerd.sock')!.type).toBe('other');
  });

  it('finds small DBs, foreign top-level names and container dirs at the configured root', () => {
    const listing = head + row('d', 4096, '/var/lib/docker') + row('d', 4096, '/var/lib/docker/network') + row('d', 4096, '/var/lib/docker/network/files') + row('f', 4096, '/var/lib/docker/network/files/local-kv.db') + row('d', 4096, '/var/lib/docker/containers') + row('d', 4096, `/var/lib/docker/containers/${ID}`) + row('f', 0, `/var/lib/docker/containers/${ID}/config.v2.json`) + row('d', 4096, '/var/lib/docker/backup-2021') + row('f', 10, '/var/lib/docker/notes.txt') + row('d', 4096, '/var/lib/docker/100000.100000');
    const dr = modelFrom([{ artifact: 'dataroot.listing', text: listing }]).dataRoot;
    expect(dr.root).toBe('/var/lib/docker');
    expect(dr.foreignTopLevel).toEqual(['backup-2021', 'notes.txt']);
    expect(dr.containerIds).toEqual([ID]);
    const kv = dr.dbFiles.find((d) => d.name === 'network/files/local-kv.db')!;
    expect(kv).toMatchObject({ path: '/var/lib/docker/network/files/local-kv.db', size: 4096, evidence: { artifact: 'dataroot.listing', line: 5 } });
    expect(dr.dbFiles.find((d) => d.name === 'volumes/metadata.db')).toMatchObject({ size: -1 });
    expect(dr.entries.some((e) => e.path.endsWith('config.v2.json') && e.size === 0)).toBe(true);
  });

  it('a truncated listing does not claim DB files are missing', () => {
    const dr = modelFrom([{ artifact: 'dataroot.listing', text: head + row('d', 4096, '/var/lib/docker') + row('d', 4096, '/var/lib/docker/volumes') + '# truncated: entry cap 2 reached\n' }]).dataRoot;
    expect(dr.truncated).toBe(true);
    expect(dr.dbFiles).toEqual([]);
  });

  it('is unavailable without a listing (sosreport)', () => {
    expect(modelFrom([]).dataRoot).toMatchObject({ available: false, root: '/var/lib/docker', dbFiles: [], containerIds: [] });
  });
});
