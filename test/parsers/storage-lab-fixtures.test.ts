/**
 * The netns/IPC lab captures (test/fixtures/lab/*, committed by the lab helper) through the storage
 * parsers: every one parses with zero problems, and the key figures match the lab READMEs.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { IpcsOutput } from '../../analyzer/src/parsers/ipcs.js';
import type { Listing } from '../../analyzer/src/parsers/dataroot-listing.js';
import { FIXTURES, fixture, okValue, parse } from '../helpers/storage-parser-harness.js';

const LAB = join(FIXTURES, 'lab');

/** lab file name → artifact id, for the storage artifacts the lab captures. */
function artifactOf(name: string): string | undefined {
  if (/^ipcs-s-i-\d+\.txt$/.test(name)) return 'ipcs.sem-info';
  if (/^ipcs-s-t\.txt$/.test(name)) return 'ipcs.sem-times';
  if (/^ipcs-s(-after-.*)?\.txt$/.test(name) || name === 'ipcs-s-c.txt') return 'ipcs.sem';
  if (name === 'ipcs-l.txt') return 'ipcs.limits';
  if (name === 'ipcs-u.txt') return 'ipcs.summary';
  if (name === 'proc-sysvipc-sem.txt') return 'proc.sysvipc-sem';
  if (name === 'proc-sys-kernel-sem.txt') return 'kernel.sem';
  if (name === 'dmsetup-udevcookies.txt') return 'dmsetup.udevcookies';
  if (name === 'dataroot-listing.tsv') return 'dataroot.listing';
  if (name === 'execroot-listing.tsv') return 'execroot.listing';
  if (name === 'dataroot-json-health.tsv') return 'dataroot.json-health';
  return undefined;
}

const files = existsSync(LAB)
  ? readdirSync(LAB).flatMap((dir) => (existsSync(join(LAB, dir)) ? readdirSync(join(LAB, dir)).map((f) => ({ dir, f, artifact: artifactOf(f) })) : [])).filter((x) => x.artifact)
  : [];

describe.skipIf(files.length === 0)('storage parsers on the lab captures (needs test/fixtures/lab)', () => {
  it('every lab capture of a storage artifact parses with zero problems', () => {
    expect(files.length).toBeGreaterThan(5);
    for (const { dir, f, artifact } of files) {
      const r = parse(artifact!, fixture(`lab/${dir}/${f}`));
      expect(r.status, `${dir}/${f}`).toBe('ok');
      expect(r.problems, `${dir}/${f}`).toEqual([]);
    }
  });

  it('semaphore-leak: four cookies, SEMMNI 4, used arrays 4 (README)', () => {
    const s = okValue(parse<IpcsOutput>('ipcs.sem', fixture('lab/semaphore-leak/ipcs-s.txt')));
    expect(s.semaphores.map((x) => x.key >>> 16)).toEqual([0x0d4d, 0x0d4d, 0x0d4d, 0x0d4d]);
    expect(okValue(parse<IpcsOutput>('ipcs.limits', fixture('lab/semaphore-leak/ipcs-l.txt'))).limits!.semmni).toBe(4);
    expect(okValue(parse<IpcsOutput>('ipcs.summary', fixture('lab/semaphore-leak/ipcs-u.txt'))).summary!.usedArrays).toBe(4);
  });

  it('healthy: the data-root listing holds the 20.10 top level', () => {
    const v = okValue(parse<Listing>('dataroot.listing', fixture('lab/healthy/dataroot-listing.tsv')));
    const root = v.entries[0]!.path;
    const top = v.entries.filter((e) => e.path.split('/').length === root.split('/').length + 1).map((e) => e.path.split('/').pop());
    expect(top).toEqual(expect.arrayContaining(['buildkit', 'containerd', 'containers', 'image', 'network', 'volumes']));
  });
});
