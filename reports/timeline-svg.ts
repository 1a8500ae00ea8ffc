/**
 * The timeline chart, drawn server-side: this module only computes geometry (lanes, ticks, one
 * mark per event); templates/partials/timeline-svg.hbs turns it into inline SVG with every text
 * escaped. No script is needed to read the chart, and it prints.
 */

import { utc } from './text.js';

export interface ChartEvent {
  index: number;
  time: number; // UTC ms
  lane: string;
  kind: string;
  bad: boolean;
  severity?: string;
  rowId: string;
  title: string;
  iso: string;
}

export interface ChartMark {
  index: number;
  x: number;
  y: number;
  r: number;
  cls: string;
  lane: string;
  kind: string;
  time: string;
  rowId: string;
  title: string;
}

export interface ChartLane {
  name: string;
  y: number;
  labelY: number;
  lineY: number;
}

export interface ChartTick {
  x: number;
  label: string;
  labelY: number;
}

export interface TimelineChart {
  width: number;
  height: number;
  plotLeft: number;
  plotRight: number;
  axisY: number;
  lanes: ChartLane[];
  ticks: ChartTick[];
  marks: ChartMark[];
  /** Faint vertical guides at boots (not marks: the boot lane has the marks). */
  guides: { x: number; top: number; bottom: number }[];
  start: string;
  end: string;
  empty: boolean;
}

/** Lane order: what happened to the machine first, then the daemons, then the rest, findings last. */
export const LANE_ORDER = ['boot', 'systemd', 'dockerd', 'containerd', 'journald', 'firewalld', 'kernel', 'container', 'audit', 'other', 'finding'];

const WIDTH = 1000;
const LEFT = 96;
const RIGHT = 16;
const TOP = 8;
const LANE_H = 24;
const AXIS_H = 34;

const STEPS = [
  1e3, 5e3, 15e3, 30e3, 60e3, 5 * 60e3, 15 * 60e3, 30 * 60e3, 3600e3, 3 * 3600e3, 6 * 3600e3, 12 * 3600e3, 86400e3, 2 * 86400e3,
  7 * 86400e3, 14 * 86400e3, 30 * 86400e3, 91 * 86400e3, 365 * 86400e3,
];

const safeClass = (s: string) => s.toLowerCase().replace(/[^a-z0-9-]/g, '-').slice(0, 40);

function tickLabel(t: number, step: number): string {
  const iso = new Date(t).toISOString();
  if (step >= 86400e3) return iso.slice(0, 10);
  if (step >= 60e3) return `${iso.slice(5, 10)} ${iso.slice(11, 16)}`;
  return iso.slice(11, 19);
}

export function layoutTimeline(events: readonly ChartEvent[]): TimelineChart {
  const lanesUsed = new Set(events.map((e) => e.lane));
  const laneNames = [...LANE_ORDER.filter((l) => lanesUsed.has(l)), ...[...lanesUsed].filter((l) => !LANE_ORDER.includes(l)).sort()];
  const lanes: ChartLane[] = laneNames.map((name, i) => {
    const y = TOP + i * LANE_H + LANE_H / 2;
    return { name, y, labelY: y + 4, lineY: y };
  });
  const laneY = new Map(lanes.map((l) => [l.name, l.y]));
  const axisY = TOP + Math.max(1, lanes.length) * LANE_H + 4;
  const height = axisY + AXIS_H;
  const plotLeft = LEFT;
  const plotRight = WIDTH - RIGHT;
  if (events.length === 0) {
    return { width: WIDTH, height, plotLeft, plotRight, axisY, lanes, ticks: [], marks: [], guides: [], start: '', end: '', empty: true };
  }
  let min = Infinity;
  let max = -Infinity;
  for (const e of events) {
    if (e.time < min) min = e.time;
    if (e.time > max) max = e.time;
  }
  const first = min;
  const last = max;
  if (max - min < 1000) {
    min -= 30e3;
    max += 30e3;
  }
  const span = max - min;
  const pad = span * 0.02;
  const lo = min - pad;
  const hi = max + pad;
  const x = (t: number) => Math.round((plotLeft + ((t - lo) / (hi - lo)) * (plotRight - plotLeft)) * 10) / 10;
  const step = STEPS.find((s) => (hi - lo) / s <= 8) ?? Math.ceil((hi - lo) / 8 / 86400e3) * 86400e3;
  const ticks: ChartTick[] = [];
  for (let t = Math.ceil(lo / step) * step; t <= hi; t += step) ticks.push({ x: x(t), label: tickLabel(t, step), labelY: axisY + 16 });
  const marks: ChartMark[] = events.map((e) => {
    const cls = ['tl-mark', `tl-lane-${safeClass(e.lane)}`];
    if (e.kind) cls.push(`tl-kind-${safeClass(e.kind)}`);
    if (e.bad) cls.push('tl-bad');
    if (e.severity) cls.push(`tl-sev-${safeClass(e.severity)}`);
    return {
      index: e.index,
      x: x(e.time),
      y: laneY.get(e.lane) ?? TOP,
      r: e.bad || e.lane === 'finding' ? 6 : 4.5,
      cls: cls.join(' '),
      lane: e.lane,
      kind: e.kind,
      time: e.iso,
      rowId: e.rowId,
      title: e.title,
    };
  });
  const guides = events.filter((e) => e.lane === 'boot').map((e) => ({ x: x(e.time), top: TOP, bottom: axisY }));
  return {
    width: WIDTH,
    height,
    plotLeft,
    plotRight,
    axisY,
    lanes,
    ticks,
    marks,
    guides,
    start: utc(first),
    end: utc(last),
    empty: false,
  };
}

/** The chart as an inline SVG string (the same partial report.html uses). */
export async function renderTimelineSvg(chart: TimelineChart): Promise<string> {
  const { templates } = await import('./template-engine.js');
  return templates().timelineSvg(chart);
}
