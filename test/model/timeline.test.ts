import { describe, expect, it } from 'vitest';
import { modelFrom } from './log-model-helper.js';
import { orderByBootThenTime } from '../../analyzer/src/model/timeline.js';
import type { Boot } from '../../analyzer/src/model/host-model.js';
import { CATALOG, CompiledCatalog } from '../../analyzer/src/events/catalog.js';
import { defineEvent } from '../../analyzer/src/events/types.js';

const collectedAt = Date.UTC(2023, 10, 15, 3);

describe('timeline', () => {
  const m = modelFrom(
    [
      { artifact: 'journal', fixture: 'journal/journalctl-252-json-all-three-boots.txt' },
      { artifact: 'journal.boots', fixture: 'journal-boots/journalctl-252-three-boots.txt' },
      { artifact: 'audit.log', fixture: 'audit-log/auditd-3.0-docker-watch-hand.txt' },
    ],
    { collectedAt },
  );
  it('merges boots, lifecycle, other catalog events, corroboration and audit, each with evidence', () => {
    const cats = new Set(m.timeline.map((e) => e.category));
    for (const c of ['boot', 'dockerd', 'journald', 'kernel', 'audit']) expect(cats).toContain(c);
    expect(m.timeline.every((e) => Number.isFinite(e.time) && e.evidence.excerpt.length > 0)).toBe(true);
    const load = m.timeline.filter((e) => e.kind === 'container.load-failed');
    expect(load).toHaveLength(1);
    expect(load[0]).toMatchObject({ category: 'dockerd', bootIndex: -1, time: Date.UTC(2023, 10, 15, 2, 45, 2, 500) });
    expect(load[0]!.label).toContain('failed to load container');
    expect(m.timeline.find((e) => e.label.startsWith('boot -1 ended unclean'))).toBeDefined();
  });
  it('summarises audit events per minute instead of listing each', () => {
    const audit = m.timeline.filter((e) => e.category === 'audit');
    // docker events at …400.000, …451.457, …451.458 (within 60 s of the first) and …470.120
    expect(audit.map((e) => e.label)).toEqual([
      'audit: 3 event(s) on docker paths (key docker) until 2018-02-03T11:14:11.458Z',
      'audit: 1 event(s) on docker paths (key docker,docker-data) until 2018-02-03T11:14:30.120Z',
    ]);
  });
  it('is sorted by boot position, then time', () => {
    const withBoot = m.timeline.filter((e) => e.bootIndex !== undefined);
    for (let i = 1; i < withBoot.length; i++) {
      const a = withBoot[i - 1]!;
      const b = withBoot[i]!;
      expect(a.bootIndex! < b.bootIndex! || (a.bootIndex === b.bootIndex && a.time <= b.time)).toBe(true);
    }
  });
});

describe('orderByBootThenTime: clocks that jump backwards', () => {
  const boots: Boot[] = [
    { index: -1, firstEntry: 5000, lastEntry: 9000, verdict: 'unclean', reason: '', evidence: [] },
    // the RTC was reset: boot 0 starts "before" boot -1
    { index: 0, firstEntry: 1000, lastEntry: 3000, verdict: 'unknown', reason: '', evidence: [] },
  ];
  it('keeps list order across boots even where times regress, time order inside a boot', () => {
    const items = [
      { id: 'b0-late', time: 2500, bootIndex: 0 },
      { id: 'b-1', time: 8000, bootIndex: -1 },
      { id: 'b0-early', time: 1500, bootIndex: 0 },
      { id: 'b-1-early', time: 6000, bootIndex: -1 },
    ];
    expect(orderByBootThenTime(items, boots).map((i) => i.id)).toEqual(['b-1-early', 'b-1', 'b0-early', 'b0-late']);
  });
  it('places an item without a boot by the boot range holding its time; equal keys stay stable', () => {
    const items = [
      { id: 'x', time: 2000 },
      { id: 'y', time: 7000 },
      { id: 'z', time: 7000 },
    ];
    expect(orderByBootThenTime(items, boots).map((i) => i.id)).toEqual(['y', 'z', 'x']);
  });
  it('without boots, plain stable time order', () => {
    expect(orderByBootThenTime([{ t: 'b', time: 2 }, { t: 'a', time: 1 }, { t: 'c', time: 2 }], []).map((i) => i.t)).toEqual(['a', 'b', 'c']);
  });
});

describe('timeline: one line per journal line', () => {
  it('an event on a line that is already a lifecycle event is not repeated', () => {
    // A second kind (fs.exdev, borrowed for its name) that also means the kill line.
    const events = new CompiledCatalog([
      ...CATALOG.filter((d) => d.kind !== 'fs.exdev'),
      defineEvent({ kind: 'fs.exdev', title: 'second meaning', from: ['systemd'], fields: [], wordings: [{ re: /status=9\/KILL/, hint: 'status=9/KILL', versions: 'test', source: 'test', sample: '' }] }),
    ]);
    const m = modelFrom([{ artifact: 'journal', fixture: 'journal/journalctl-252-json-all-three-boots.txt' }], { collectedAt, ctx: { events } });
    expect(m.journal.events['fs.exdev']).toHaveLength(1);
    expect(m.journal.events['unit.main-exited']!.filter((e) => e.message.includes('KILL'))).toHaveLength(1);
    const kill = m.timeline.filter((e) => e.label.includes('KILL'));
    expect(kill).toHaveLength(1);
    expect(kill[0]!.label).toBe('docker.service killed: code=killed, status=9/KILL');
    expect(kill[0]!.kind).toBe('lifecycle.killed');
  });
});
