/**
 * The timeline table's helpers without a browser: chatter folding reads the event catalog's
 * `chatter` flag, the focus centres on the first cause chain's root (else the most severe timed
 * finding), and the filters count what the rows hold.
 */
import { describe, expect, it } from 'vitest';
import { CATALOG, isChatter } from '../../analyzer/src/events/catalog.js';
import { flatCatalog } from '../../analyzer/src/i18n/catalog.js';
import { buildViewModel } from '../../reports/view-model.js';
import { focusCentre, foldChatter, kindWords, timelineFilters, type RowLike } from '../../reports/timeline-controls.js';
import { analysisFixture, at, emptyResult, finding } from '../helpers/analysis-fixture.js';

const row = (index: number, kind: string, lane = 'kernel', minutes = index): RowLike => ({
  index,
  timeMs: Date.parse(at(minutes)),
  lane,
  laneLabel: lane,
  kind,
  kindText: kind,
  label: `${kind} ${index}`,
});

describe('timeline controls', () => {
  it('the catalog marks the chatter kinds as data', () => {
    const chatter = CATALOG.filter((d) => d.chatter).map((d) => d.kind);
    expect(chatter).toEqual(expect.arrayContaining(['containerd.connection-lost', 'kernel.bridge-port-state', 'unit.mount-deactivated']));
    for (const d of CATALOG) expect(isChatter(d.kind)).toBe(d.chatter === true);
    expect(isChatter('lifecycle.crash')).toBe(false);
  });

  it('folds a run of one chatter kind into one row, keeps a single one and everything else', () => {
    const B = 'kernel.bridge-port-state';
    const M = 'unit.mount-deactivated';
    const rows = [row(1, 'lifecycle.start', 'dockerd'), row(2, B), row(3, B), row(4, M, 'systemd'), row(5, B), row(6, 'lifecycle.crash', 'dockerd'), row(7, M, 'systemd')];
    const table = foldChatter(rows, 'en');
    expect(table.map((r) => [r.index, r.kind, r.fold?.count ?? 1])).toEqual([
      [1, 'lifecycle.start', 1],
      [2, B, 3],
      [4, M, 1],
      [6, 'lifecycle.crash', 1],
      [7, M, 1],
    ]);
    const folded = table[1]!;
    expect(folded.fold!.members.map((m) => m.index)).toEqual([2, 3, 5]);
    expect(folded.timeEndMs).toBe(Date.parse(at(5)));
    expect(folded.fold!.countText).toBe('3 ×');
    // Every event is still counted once.
    expect(table.reduce((n, r) => n + (r.fold?.count ?? 1), 0)).toBe(rows.length);
  });

  it('centres the focus on the root cause, else on the most severe timed finding, else nowhere', () => {
    const r = analysisFixture();
    expect(focusCentre(r)).toEqual({ time: Date.parse(r.findings.find((f) => f.id === r.causeChains[0]![0])!.firstTime!), root: true });
    r.causeChains = [];
    const first = r.findings.find((f) => f.firstTime)!;
    expect(focusCentre(r)).toEqual({ time: Date.parse(first.firstTime!), root: false });
    const none = emptyResult();
    none.findings = [finding({ id: 'x#1' })];
    expect(focusCentre(none)).toBeUndefined();
    const v = buildViewModel(none);
    expect(v.timeline.controls.centre).toBe('');
    expect(v.timeline.controls.focus.map((f) => f.value)).toEqual([0]);
  });

  it('offers ±5/15/60/360 min and all, ±15 selected, and counts lanes and kinds', () => {
    const r = analysisFixture();
    const v = buildViewModel(r);
    expect(v.timeline.controls.focus.map((f) => f.value)).toEqual([5, 15, 60, 360, 0]);
    expect(v.timeline.controls.focus.filter((f) => f.selected).map((f) => f.value)).toEqual([15]);
    const { lanes, kinds } = timelineFilters(v.timeline.rows);
    expect(lanes.reduce((n, l) => n + l.count, 0)).toBe(v.timeline.rows.length);
    expect(kinds.reduce((n, k) => n + k.count, 0)).toBe(v.timeline.rows.length);
    expect(lanes.find((l) => l.value === 'finding')!.count).toBe(r.findings.filter((f) => f.firstTime).length);
  });

  it('names kinds in words from the catalogs, in the page language', () => {
    const ru = flatCatalog('ru');
    expect(kindWords('en', 'kernel.bridge-port-state')).toBe(CATALOG.find((d) => d.kind === 'kernel.bridge-port-state')!.title);
    expect(kindWords('ru', 'kernel.bridge-port-state')).toBe(ru.get('event.kernel.bridge-port-state'));
    expect(kindWords('ru', 'lifecycle.crash')).toBe(ru.get('ui.event.lifecycle.crash'));
    expect(kindWords('ru', 'critical')).toBe(ru.get('ui.severity.critical'));
    // A kind no catalog knows stays as it is rather than showing a catalog key.
    expect(kindWords('en', 'container.died')).toBe('container.died');
  });
});
