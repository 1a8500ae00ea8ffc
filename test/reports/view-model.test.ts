import { describe, expect, it } from 'vitest';
import { anchorsFor, buildViewModel, DEFAULT_VIEW_LIMITS, timelineEvents } from '../../reports/view-model.js';
import { splitMatch, visible } from '../../reports/text.js';
import { analysisFixture, emptyResult, ev, finding, FIXTURE_TIMELINE_EVENTS } from '../helpers/analysis-fixture.js';

describe('view model', () => {
  it('orders findings by severity, critical first, and hides only info by default', () => {
    const r = analysisFixture();
    r.findings.reverse(); // the view must sort, not trust input order
    const v = buildViewModel(r);
    expect(v.findings.map((f) => f.severity)).toEqual(['critical', 'error', 'warning', 'info']);
    expect(v.findings.filter((f) => f.hidden).map((f) => f.id)).toEqual(['live-restore-off#1']);
    expect(v.findingsShownByDefault).toBe(3);
  });

  it('counts findings per severity from the input', () => {
    const r = analysisFixture();
    const v = buildViewModel(r);
    for (const c of v.verdict.counts) expect(c.count).toBe(r.findings.filter((f) => f.severity === c.severity).length);
    expect(v.verdict.worst).toBe('critical');
    expect(v.verdict.flavor).toBe('openEuler docker-engine');
    expect(v.verdict.versions.find((x) => x.label === 'Docker')?.value).toContain('18.09.0');
  });

  it('renders cause chains as links to generated, URL-safe anchors', () => {
    const r = analysisFixture();
    const v = buildViewModel(r);
    expect(v.verdict.chains).toHaveLength(1);
    const anchors = anchorsFor(r.findings);
    expect(v.verdict.chains[0]!.steps.map((s) => s.anchor)).toEqual(r.causeChains[0]!.map((id) => anchors.get(id)));
    for (const a of anchors.values()) expect(a).toMatch(/^finding-[a-z0-9-]+$/);
    const sem = v.findings.find((f) => f.id === 'semaphore-leak#1')!;
    expect(sem.isRoot).toBe(true);
    expect(sem.causes.map((c) => c.anchor)).toEqual([anchors.get('start-limit-hit#1')]);
  });

  it('keeps anchors unique even when ids collapse to the same slug', () => {
    const a = anchorsFor([finding({ id: 'a.b#1' }), finding({ id: 'a-b#1' })]);
    expect(new Set(a.values()).size).toBe(2);
  });

  it('caps evidence per finding and says how many more there are', () => {
    const r = analysisFixture();
    const v = buildViewModel(r);
    const o = v.findings.find((f) => f.id === 'overlay-dtype#1')!;
    expect(o.evidence).toHaveLength(DEFAULT_VIEW_LIMITS.evidencePerFinding);
    expect(o.evidenceTotal).toBe(60);
    expect(o.evidenceMore).toBe(60 - DEFAULT_VIEW_LIMITS.evidencePerFinding);
  });

  it('shows at least the first evidence line of every finding once the page budget is spent', () => {
    const r = emptyResult();
    r.findings = Array.from({ length: 5 }, (_x, i) =>
      finding({ id: `r${i}#1`, evidence: Array.from({ length: 10 }, (_y, j) => ev({ line: j + 1, excerpt: `x${j}` })), evidenceTotal: 10 }),
    );
    const v = buildViewModel(r, { evidenceTotal: 12, evidencePerFinding: 10 });
    expect(v.findings.map((f) => f.evidence.length)).toEqual([10, 2, 1, 1, 1]);
  });

  it('merges boots, lifecycle, the model timeline and timed findings, one event per evidence line', () => {
    const r = analysisFixture();
    const { events } = timelineEvents(r);
    expect(events).toHaveLength(FIXTURE_TIMELINE_EVENTS);
    const times = events.map((e) => e.time);
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    const v = buildViewModel(r);
    expect(v.timeline.chart.marks).toHaveLength(FIXTURE_TIMELINE_EVENTS);
    expect(v.timeline.rows).toHaveLength(FIXTURE_TIMELINE_EVENTS);
    // the crash, the unclean boot ending and the critical/error findings are drawn as "bad" marks
    expect(v.timeline.rows.filter((x) => x.bad).map((x) => x.kind).sort()).toEqual(['crash', 'critical', 'end-unclean', 'error']);
    expect(v.timeline.chart.lanes.map((l) => l.name)).toEqual(['boot', 'dockerd', 'journald', 'firewalld', 'finding']);
  });

  it('draws a boot once when lifecycle and the model timeline repeat it with other evidence', () => {
    const r = analysisFixture();
    const b = r.model.boots[1]!;
    r.model.lifecycle.push({ time: b.firstEntry, actor: 'system', kind: 'boot', bootIndex: 0, evidence: ev({ artifact: 'journal.boots', path: 'cmd/journalctl-list-boots.txt', line: 2, excerpt: 'boot 0' }) });
    r.model.timeline.push({ time: b.firstEntry!, category: 'boot', kind: 'boot.start', label: 'boot 0 started', evidence: ev({ line: 9999, excerpt: 'other' }) });
    expect(timelineEvents(r).events).toHaveLength(FIXTURE_TIMELINE_EVENTS);
  });

  it('caps the timeline marks and rows and keeps the counts', () => {
    const r = emptyResult();
    r.model.timeline = Array.from({ length: 50 }, (_x, i) => ({ time: 1e12 + i * 1000, category: 'other' as const, kind: 'dockerd.log-line', label: `e${i}`, evidence: ev({ line: i + 1, excerpt: `e${i}` }) }));
    const v = buildViewModel(r, { timelineMarks: 30, timelineRows: 10 });
    expect(v.timeline.total).toBe(50);
    expect(v.timeline.chart.marks).toHaveLength(30);
    expect(v.timeline.marksOmitted).toBe(20);
    expect(v.timeline.rows).toHaveLength(10);
    expect(v.timeline.rowsOmitted).toBe(40);
  });

  it('reports semaphores against SEMMNI, mounts under the data-root, packages of interest', () => {
    const v = buildViewModel(analysisFixture());
    expect(v.facts.semaphores).toMatchObject({ arrays: '128', limit: '128', percent: '100%', level: 'critical' });
    expect(v.facts.mounts.map((x) => x.mountPoint)).toEqual(['/var/lib/docker/overlay2/abc/merged']);
    expect(v.facts.packages.map((p) => p.name)).toEqual(['docker-engine']);
    const sd = v.facts.config.find((c) => c.key === 'storage-driver')!;
    expect(sd).toMatchObject({ value: 'overlay2', source: 'daemon.json', where: 'files/etc/docker/daemon.json:2' });
    expect(sd.overridden).toEqual(['devicemapper (sysconfig)']);
    expect(v.facts.config.find((c) => c.key === 'log-opts')!.value).toBe('{"max-size":"10m"}');
  });

  it('lists artifacts not collected cleanly and checks that could not conclude, passed checks apart', () => {
    const r = analysisFixture();
    const v = buildViewModel(r);
    expect(v.health.artifacts.map((a) => a.state).sort()).toEqual(['missing', 'timed-out', 'truncated']);
    expect(v.health.gaps.map((g) => g.ruleId)).toEqual(['thinpool-full', 'power-off-db-loss']);
    expect(v.health.gaps[0]!.collectNext).toEqual(['dmsetup status']);
    expect(v.health.passedCount).toBe(2);
    expect(v.inventory.problems[0]!.path).toBe('../../etc/passwd');
  });

  it('renders an empty result without throwing', () => {
    const v = buildViewModel(emptyResult());
    expect(v.findings).toEqual([]);
    expect(v.timeline.chart.empty).toBe(true);
    expect(v.verdict.headline).toMatch(/No problems/);
  });
});

describe('text helpers', () => {
  it('splits an excerpt around every occurrence of the match', () => {
    expect(splitMatch('a-x-b-x', 'x')).toEqual([
      { text: 'a-', mark: false },
      { text: 'x', mark: true },
      { text: '-b-', mark: false },
      { text: 'x', mark: true },
    ]);
    expect(splitMatch('No Space', 'no space')).toEqual([{ text: 'No Space', mark: true }]);
    expect(splitMatch('abc', 'zz')).toEqual([{ text: 'abc', mark: false }]);
  });

  it('makes bidi overrides and control characters visible', () => {
    expect(visible('a\u202Eb\u001b[31mc')).toBe('a⟦U+202E⟧b⟦U+001B⟧[31mc');
    expect(visible('tab\tok\nline')).toBe('tab\tok\nline');
  });
});

describe('very many findings', () => {
  it('shows every finding but only the first ones in full', () => {
    const r = emptyResult();
    r.findings = Array.from({ length: 30 }, (_x, i) =>
      finding({ id: `r${String(i).padStart(2, '0')}#1`, evidence: [ev({ excerpt: 'x' })], remediation: [{ text: 't', source: 's' }] }),
    );
    const v = buildViewModel(r, { findingsFull: 10 });
    expect(v.findings).toHaveLength(30);
    expect(v.findings.filter((f) => f.compact)).toHaveLength(20);
    expect(v.findings.filter((f) => !f.compact).every((f) => f.evidence.length === 1 && f.remediation.length === 1)).toBe(true);
    expect(v.findings.filter((f) => f.compact).every((f) => f.evidence.length === 0 && f.remediation.length === 0 && f.evidenceTotal === 1)).toBe(true);
    expect(v.findingsCompact).toBe(20);
  });

  it('lists findings up to a cap and counts the rest', () => {
    const r = emptyResult();
    r.findings = Array.from({ length: 30 }, (_x, i) => finding({ id: `r${String(i).padStart(2, '0')}#1` }));
    const v = buildViewModel(r, { findingsListed: 25 });
    expect(v.findings).toHaveLength(25);
    expect(v.findingsOmitted).toBe(5);
  });
});
