/**
 * The model over real systemd 252 / docker 20.10 journals captured in the nspawn lab (field guide
 * §6 C; test/fixtures/nspawn/<scenario>/, written by test/lab/nspawn). Expectations come from each
 * scenario's steps.log: what the lab did, not what the code printed.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIX, modelFrom, type Input } from './log-model-helper.js';

const have = (s: string) => existsSync(join(FIX, 'nspawn', s, 'journal.json'));
function scenario(s: string, form = 'journal.json'): ReturnType<typeof modelFrom> {
  const inputs: Input[] = [
    { artifact: 'journal', fixture: `nspawn/${s}/${form}` },
    { artifact: 'journal.boots', fixture: `nspawn/${s}/list-boots.txt` },
  ];
  if (existsSync(join(FIX, 'nspawn', s, 'header.txt'))) inputs.push({ artifact: 'journal.header', fixture: `nspawn/${s}/header.txt` });
  return modelFrom(inputs, { collectedAt: Date.UTC(2026, 10, 28, 9) });
}
const kinds = (m: ReturnType<typeof modelFrom>) => m.lifecycle.map((l) => `${l.actor} ${l.kind}`);

describe.skipIf(!have('clean-reboot'))('nspawn clean-reboot: poweroff + reboot cycle', () => {
  for (const form of ['journal.json', 'journal-short.txt', 'journal-short-iso-precise.txt']) {
    it(`${form}: both earlier boots end with the v252 clean tail`, () => {
      const m = scenario('clean-reboot', form);
      expect(m.boots.map((b) => [b.index, b.verdict])).toEqual([
        [-2, 'clean'],
        [-1, 'clean'],
        [0, 'unknown'],
      ]);
    });
  }
});

describe.skipIf(!have('power-off-plain'))('nspawn power-off: SIGKILL of the container PID 1', () => {
  for (const s of ['power-off-plain', 'power-off-db-loss', 'power-off-kv-empty']) {
    it(`${s}: the boot before is unclean, corroborated by its journal~ file still ONLINE`, () => {
      const m = scenario(s);
      const prev = m.boots.find((b) => b.index === -1)!;
      expect(prev.verdict).toBe('unclean');
      expect(prev.reason).toMatch(/set aside as dirty/);
      expect(prev.evidence.some((e) => e.artifact === 'journal.header' && /State: ONLINE/.test(e.excerpt))).toBe(true);
      expect(m.boots.find((b) => b.index === 0)!.verdict).toBe('unknown');
    });
  }
});

describe.skipIf(!have('journald-restart'))('nspawn journald-restart', () => {
  it('journald restarts inside the boot are restarts, and the boot is not split', () => {
    const m = scenario('journald-restart');
    expect(m.boots).toHaveLength(1);
    const j = m.lifecycle.filter((l) => l.actor === 'journald').map((l) => l.kind);
    expect(j.filter((k) => k === 'restart').length).toBeGreaterThanOrEqual(2); // phase 1 restart, phase 2 stop+start
    expect(j.filter((k) => k === 'stop').length).toBeGreaterThanOrEqual(2);
  });
});

describe.skipIf(!have('start-limit-hit'))('nspawn start-limit', () => {
  it('start-limit-hit: the start-limit line becomes a start-limit event of docker.service', () => {
    const m = scenario('start-limit-hit');
    expect(kinds(m)).toContain('docker.service start-limit');
  });
  it.skipIf(!have('start-limit-daemon-json'))('start-limit-daemon-json: daemon.json error is the start failure before the limit', () => {
    const m = scenario('start-limit-daemon-json');
    const k = kinds(m);
    expect(k).toContain('dockerd start-failed');
    expect(k).toContain('docker.service start-limit');
    const firstFail = k.indexOf('dockerd start-failed');
    expect(firstFail).toBeLessThan(k.indexOf('docker.service start-limit'));
  });
});

describe.skipIf(!have('start-timeout'))('nspawn start-timeout', () => {
  it("both v252 wordings: 'start-pre operation timed out' and 'start operation timed out'", () => {
    const m = scenario('start-timeout');
    const details = m.lifecycle.filter((l) => l.kind === 'timeout').map((l) => l.detail);
    expect(details).toContain('start-pre timed out');
    expect(details).toContain('start timed out');
  });
});
