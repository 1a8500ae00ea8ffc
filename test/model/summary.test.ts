import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeBundle } from '../../analyzer/src/analyze.js';
import { FactStore } from '../../analyzer/src/model/fact-store.js';
import type { ModelDraft } from '../../analyzer/src/model/build.js';
import { buildSummary } from '../../analyzer/src/model/summary.js';
import type { Semaphore } from '../../analyzer/src/model/host-model.js';
import { emptyModel } from '../helpers/empty-model.js';

/** The host summary (model/summary.ts): derived facts, with "unknown" where the input cannot tell. */
const SAMPLES = resolve(import.meta.dirname, '..', '..', 'samples');
const read = (sample: string, file: string) => readFileSync(join(SAMPLES, sample, file), 'utf8');

describe('host summary of real samples', { timeout: 120_000 }, () => {
  it('dockerd down (docker ps failed): containers listed and orphans are unknown, not counted', async () => {
    const name = 'nspawn-power-off-db-loss';
    expect(read(name, 'cmd/docker-ps-a.txt.stderr')).toContain('Cannot connect to the Docker daemon');
    const listing = read(name, 'cmd/dataroot-listing.tsv').split('\n');
    const dirs = listing.filter((l) => /^d\t.*\t\/var\/lib\/docker\/containers\/[0-9a-f]{64}$/.test(l)).length;
    const volumes = listing.filter((l) => /^d\t.*\t\/var\/lib\/docker\/volumes\/[^/]+$/.test(l)).length;
    expect(dirs).toBeGreaterThan(0);
    const s = (await analyzeBundle(join(SAMPLES, name))).model.summary;
    expect(s.containers).toEqual({ listed: 'unknown', byState: [], inDataRoot: dirs, orphans: 'unknown' });
    expect(s.volumes).toBe(volumes);
    expect(s.networks).toBe('unknown'); // docker network ls failed too
    // ipcs -u: "used arrays = N"; kernel.sem's 4th field is SEMMNI
    const used = Number(/used arrays = (\d+)/.exec(read(name, 'cmd/ipcs-u.txt'))![1]);
    expect(s.semaphores.arrays).toBe(used);
    expect(s.semaphores.arraysFrom).toBe('ipcs -u');
  });

  it('a sosreport without docker ps or a data-root listing: every count that needs them is unknown', async () => {
    const s = (await analyzeBundle(join(SAMPLES, 'sosreport-vm-debian12.tar.xz'))).model.summary;
    expect(s.containers).toEqual({ listed: 'unknown', byState: [], inDataRoot: 'unknown', orphans: 'unknown' });
    expect(s.volumes).toBe('unknown');
  });

  it('the semaphore sample: usage against SEMMNI from ipcs -u and kernel.sem, cookies from the list', async () => {
    const name = 'lab-netns-semaphore-leak';
    const r = await analyzeBundle(join(SAMPLES, name));
    const s = r.model.summary;
    const used = Number(/used arrays = (\d+)/.exec(read(name, 'cmd/ipcs-u.txt'))![1]);
    const cookies = read(name, 'cmd/ipcs-s.txt').split('\n').filter((l) => /^0x0d4d/i.test(l.trim())).length;
    expect(s.semaphores.arrays).toBe(used);
    expect(s.semaphores.dmCookies).toBe(cookies);
    expect(s.semaphores.limit).toBe(r.model.ipc.limits!.semmni);
    expect(s.semaphores.atLimit).toBe(used >= r.model.ipc.limits!.semmni);
    // The data-root is the configured one, as config.ts decided: one home for that fact.
    expect(s.dataRoot).toBe(r.model.config.dataRoot);
    expect(s.dockerMounts.list.every((m) => m.mountPoint.startsWith(s.dataRoot) || m.mountPoint.startsWith(s.execRoot))).toBe(true);
  });
});

describe('host summary from hand-made sections', () => {
  const draft = (over: Partial<ModelDraft>): ModelDraft => ({ ...emptyModel(), ...over }) as ModelDraft;
  const sem = (key: number, dm: boolean): Semaphore => ({ key, keyHex: `0x${key.toString(16).padStart(8, '0')}`, semid: key, isDmCookie: dm, inUdevCookies: false, evidence: [] });

  it('a cut semaphore list is a lower bound and says how many rows were not read', () => {
    const base = emptyModel();
    const d = draft({
      collection: { ...base.collection, health: { 'ipcs.sem': { artifact: 'ipcs.sem', state: 'present', paths: [], bytes: 1 } } },
      ipc: { semaphores: [sem(0x0d4d0001, true), sem(0x0d4d0002, true), sem(0x1234, false)], rowsNotRead: 7, limits: { semmsl: 250, semmns: 32000, semopm: 32, semmni: 128, evidence: { artifact: 'kernel.sem', path: 'p', line: 1, excerpt: '250 32000 32 128' } } },
    });
    const s = buildSummary(new FactStore(), d).semaphores;
    expect(s).toMatchObject({ arrays: 3, arraysFrom: 'partial semaphore list', limit: 128, dmCookies: 2, dmCookiesPartial: true, rowsNotRead: 7, atLimit: false, percent: 2 });
  });

  it('nothing collected: unknown, never zero', () => {
    const s = buildSummary(new FactStore(), draft({})).semaphores;
    expect(s).toMatchObject({ arrays: 'unknown', limit: 'unknown', dmCookies: 'unknown', arraysFrom: 'none', atLimit: false });
    expect(s.percent).toBeUndefined();
  });
});
