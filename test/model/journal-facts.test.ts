import { describe, expect, it } from 'vitest';
import { fixture, modelFrom } from './log-model-helper.js';

const collectedAt = Date.UTC(2023, 10, 15, 3);
const LIST = { artifact: 'journal.boots' as const, fixture: 'journal-boots/journalctl-252-three-boots.txt' };

describe('journal facts: merging sos files', () => {
  it('the same record in the whole journal and the docker unit journal is kept once; counts are not doubled', () => {
    const m = modelFrom(
      [
        { artifact: 'journal', fixture: 'journal/journalctl-252-short-three-boots.txt' },
        { artifact: 'journal.docker', fixture: 'journal/journalctl-252-short-unit-docker.txt' },
        LIST,
      ],
      { collectedAt },
    );
    const kills = m.journal.events['unit.main-exited']!;
    expect(kills).toHaveLength(4); // 1 killed + 3 exited, each seen in both files
    expect(m.journal.eventCounts['unit.main-exited']).toBe(4);
    expect(kills.every((r) => r.evidence.artifact === 'journal')).toBe(true);
    expect(m.journal.available).toBe(true);
    expect(m.journal.truncated).toBe(false);
  });

  it('rotated syslog files add up', () => {
    const a = fixture('syslog/rsyslog-8.2302-traditional-padded-day.txt');
    const m = modelFrom(
      [
        { artifact: 'syslog', text: a, path: 'var/log/messages-20200510' },
        { artifact: 'syslog', text: a.replace(/May  9/g, 'May  8').replace(/May 1[01]/g, 'May  8'), path: 'var/log/messages' },
      ],
      { collectedAt: Date.UTC(2020, 4, 12) },
    );
    expect(m.journal.eventCounts['dockerd.start-error']).toBe(2);
    expect(m.journal.recordsByUnit.dockerd!.count).toBe(6);
  });

  it('records carry their boot position from --list-boots, also in text forms without ids in the first boot', () => {
    const m = modelFrom([{ artifact: 'journal', fixture: 'journal/journalctl-252-short-three-boots.txt' }, LIST], { collectedAt });
    const starts = m.journal.events['dockerd.starting']!;
    expect(starts.map((r) => r.bootIndex)).toEqual([-2, -1, 0]);
    expect(starts.map((r) => r.bootId)).toEqual([undefined, '43f6209bfc284a7d9ef1e1f24d7721c9', 'c0ffee00c0ffee00c0ffee00c0ffee00']);
    expect(m.journal.firstTime).toBe(Date.UTC(2023, 10, 15, 0, 13, 20));
    expect(m.journal.lastTime).toBe(Date.UTC(2023, 10, 15, 2, 48, 23));
    expect(m.journal.recordsByUnit.dockerd!.count).toBe(16);
  });

  it('truncation of any source is reported', () => {
    const m = modelFrom([{ artifact: 'journal', fixture: 'journal/journalctl-252-short-three-boots.txt', truncated: true }], { collectedAt });
    expect(m.journal.truncated).toBe(true);
  });

  it('events are kept under their kind, with their typed fields', () => {
    const m = modelFrom([{ artifact: 'journal', fixture: 'journal/journalctl-252-json-all-three-boots.txt' }], { collectedAt });
    const recs = m.journal.events['container.load-failed']!;
    expect(recs).toHaveLength(1);
    expect(recs[0]!.logrus?.fields).toEqual({ container: '1f0c5e5c3a4f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c1d2e3f4a5b6c7d8e9f0a1b', error: 'EOF' });
    expect(recs[0]!.fields).toEqual({ container: '1f0c5e5c3a4f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c1d2e3f4a5b6c7d8e9f0a1b', error: 'EOF' });
    expect(recs[0]!.wording).toBe('container.load-failed#1');
    expect(recs[0]!.bootIndex).toBe(-1); // no list: counted back from the end of the file
  });

  it('no journal: not available, empty', () => {
    const m = modelFrom([]);
    expect(m.journal).toEqual({ events: {}, eventCounts: {}, recordsByUnit: {}, available: false, truncated: false });
  });
});
