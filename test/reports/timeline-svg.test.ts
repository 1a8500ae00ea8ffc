import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ChartEvent } from '../../reports/timeline-svg.js';
import { LANE_ORDER, layoutTimeline, renderTimelineSvg } from '../../reports/timeline-svg.js';
import { repoRoot } from '../../reports/template-engine.js';

const T0 = Date.parse('2024-03-05T10:00:00Z');
const e = (i: number, minutes: number, lane: string, bad = false): ChartEvent => ({
  index: i,
  time: T0 + minutes * 60_000,
  lane,
  kind: bad ? 'crash' : 'start',
  bad,
  rowId: `tl-${i}`,
  title: `event ${i} <b>`,
  iso: new Date(T0 + minutes * 60_000).toISOString(),
});

describe('timeline chart layout', () => {
  const events = [e(1, 0, 'finding'), e(2, 10, 'boot'), e(3, 30, 'dockerd', true), e(4, 60, 'zz-custom'), e(5, 60, 'dockerd')];
  const c = layoutTimeline(events);

  it('puts one mark per event inside the plot, in time order along x', () => {
    expect(c.marks).toHaveLength(events.length);
    for (const m of c.marks) {
      expect(m.x).toBeGreaterThanOrEqual(c.plotLeft);
      expect(m.x).toBeLessThanOrEqual(c.plotRight);
    }
    const x = (i: number) => c.marks.find((m) => m.index === i)!.x;
    expect(x(1)).toBeLessThan(x(2));
    expect(x(2)).toBeLessThan(x(3));
    expect(x(4)).toBe(x(5));
  });

  it('orders lanes by the fixed order, unknown lanes after, findings last among known', () => {
    expect(c.lanes.map((l) => l.name)).toEqual(['boot', 'dockerd', 'finding', 'zz-custom']);
    expect(LANE_ORDER.indexOf('boot')).toBe(0);
    const y = (lane: string) => c.lanes.find((l) => l.name === lane)!.y;
    for (const m of c.marks) expect(m.y).toBe(y(m.lane));
  });

  it('labels ticks in UTC within the span and marks bad events', () => {
    expect(c.ticks.length).toBeGreaterThanOrEqual(2);
    expect(c.ticks.length).toBeLessThanOrEqual(9);
    expect(c.ticks.every((t) => /^\d\d-\d\d \d\d:\d\d$/.test(t.label))).toBe(true);
    expect(c.marks.find((m) => m.index === 3)!.cls).toContain('tl-bad');
    expect(c.guides).toHaveLength(1); // one boot
  });

  it('handles a single instant and no events', () => {
    expect(layoutTimeline([e(1, 0, 'boot')]).marks[0]!.x).toBeGreaterThan(0);
    expect(layoutTimeline([]).empty).toBe(true);
  });

  it('renders SVG with escaped titles', async () => {
    const svg = await renderTimelineSvg(c);
    expect(svg.match(/<circle class="tl-mark/g)).toHaveLength(events.length);
    expect(svg).toContain('event 3 &lt;b&gt;');
    expect(svg).not.toContain('<b>');
  });
});

describe('template location', () => {
  it('finds the repo templates from the compiled dist/reports folder too', () => {
    const root = resolve(import.meta.dirname, '..', '..');
    expect(repoRoot(join(root, 'dist', 'reports'))).toBe(root);
    expect(repoRoot(join(root, 'reports'))).toBe(root);
  });
});
