import { describe, expect, it } from 'vitest';
import { anchorsFor, buildViewModel, DEFAULT_VIEW_LIMITS, timelineEvents } from '../../reports/view-model.js';
import { splitMatch, visible } from '../../reports/text.js';
import { analysisFixture, emptyResult, ev, finding, FIXTURE_TIMELINE_EVENTS } from '../helpers/analysis-fixture.js';

describe('view model', () => {
  it("keeps the engine's finding order (the one sort is in the engine) and hides only info by default", () => {
    const r = analysisFixture();
    r.findings.reverse(); // whatever order the analysis gives is the order shown
    const v = buildViewModel(r);
    expect(v.findings.map((f) => f.id)).toEqual(r.findings.map((f) => f.id));
    expect(v.findings.filter((f) => f.hidden).map((f) => f.id)).toEqual(['live-restore-off#1']);
    expect(v.findingsShownByDefault).toBe(3);
  });

  it("shows each finding's time span, or no time for a config finding, its episodes and its unconfirmed note", () => {
    const r = analysisFixture();
    const v = buildViewModel(r);
    const start = v.findings.find((f) => f.id === 'start-limit-hit#1')!;
    // firstTime 10:02, lastTime 10:12 of the same day, boot 0
    expect(start.when).toBe('2024-03-05 10:02:00 UTC – 10:12:00 UTC (boot 0)');
    expect(start.episodes).toHaveLength(1);
    expect(start.episodes[0]!.summary).toBe('docker.service failed 3 times in 10s');
    expect(start.episodes[0]!.when).toBe('2024-03-05 10:12:00 UTC');
    expect(start.episodes[0]!.evidence!.line).toBe(990);
    expect(start.unconfirmed).toEqual([{ artifact: 'systemd.docker', title: expect.any(String), state: 'missing', stateLabel: 'missing', collectNext: 'systemctl show docker.service' }]);
    const overlay = v.findings.find((f) => f.id === 'overlay-dtype#1')!;
    expect(overlay.when).toBe('no time');
    expect(overlay.timed).toBe(false);
  });

  it("takes the verdict, its headline and facts from the analysis, not from its own counting", () => {
    const r = analysisFixture();
    r.verdict = { ...r.verdict, status: 'inconclusive', headline: 'Inconclusive: logs are missing', missing: [{ what: 'logs', collectNext: 'journalctl -o json' }] };
    const v = buildViewModel(r);
    expect(v.verdict.status).toBe('inconclusive');
    expect(v.verdict.headline).toBe('Inconclusive: logs are missing');
    expect(v.verdict.missing).toEqual([{ what: 'logs', collectNext: 'journalctl -o json' }]);
    expect(v.verdict.facts.map((f) => f.kind)).toEqual(['unclean-shutdown']);
    expect(v.verdict.facts[0]!.where).toBe('cmd/journal.json:3');
    // not evaluated + insufficient, as the analysis counted them
    expect(v.verdict.notEvaluated).toBe(r.verdict.rules.notEvaluated + r.verdict.rules.insufficient);
    expect(v.verdict.notEvaluatedText).toBe('2 checks could not be evaluated fully');
    expect(v.verdict.countsText).toBe('1 critical finding, 1 error finding, 1 warning finding, 1 info finding');
    expect(v.verdict.chains[0]!.when).toBe('2024-03-05 10:01:00 UTC (boot 0)');
  });

  it('names the bundle by its file name only, never the folders it was in', () => {
    const r = analysisFixture();
    r.inventory.input = '/home/alice/customers/acme-corp/node-7-postmortem.tar.gz';
    const v = buildViewModel(r);
    expect(v.verdict.bundle).toBe('node-7-postmortem.tar.gz');
    expect(v.inventory.summary.find((k) => k.label === 'Input')!.value).toBe('node-7-postmortem.tar.gz');
    expect(JSON.stringify(v)).not.toContain('acme-corp');
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

  it("keeps the model's timeline order and places each timed finding at its first evidence line", () => {
    const r = analysisFixture();
    const { events } = timelineEvents(r);
    expect(events).toHaveLength(FIXTURE_TIMELINE_EVENTS);
    // The model's events, in the model's order, with the findings removed.
    expect(events.filter((e) => !e.finding).map((e) => e.label)).toEqual(r.model.timeline.map((t) => t.label));
    // semaphore-leak (10:01) comes after the firewalld reload (10:00:42), start-limit-hit (10:02) after it.
    expect(events.map((e) => e.finding?.id ?? e.kind).slice(-3)).toEqual(['lifecycle.restart', 'semaphore-leak#1', 'start-limit-hit#1']);
    const v = buildViewModel(r);
    expect(v.timeline.chart.marks).toHaveLength(FIXTURE_TIMELINE_EVENTS);
    expect(v.timeline.rows).toHaveLength(FIXTURE_TIMELINE_EVENTS);
    // the crash, the unclean boot ending and the critical/error findings are drawn as "bad" marks
    expect(v.timeline.rows.filter((x) => x.bad).map((x) => x.kind).sort()).toEqual(['boot.end', 'critical', 'error', 'lifecycle.crash']);
    expect(v.timeline.chart.lanes.map((l) => l.name)).toEqual(['boot', 'dockerd', 'journald', 'firewalld', 'finding']);
  });

  it('does not re-sort by time: a clock that went back across a reboot keeps the boot order', () => {
    const r = emptyResult();
    // Boot -1 ran with a clock one day ahead; boot 0 comes after it in the model even though its times are smaller.
    r.model.timeline = [
      { time: 2e12, category: 'boot', kind: 'boot.start', label: 'boot -1 started', bootIndex: -1, evidence: ev({ line: 1, excerpt: 'a' }) },
      { time: 2e12 + 5000, category: 'dockerd', kind: 'lifecycle.killed', label: 'dockerd killed', bootIndex: -1, evidence: ev({ line: 2, excerpt: 'b' }) },
      { time: 2e12 - 86_400_000, category: 'boot', kind: 'boot.start', label: 'boot 0 started', bootIndex: 0, evidence: ev({ line: 3, excerpt: 'c' }) },
    ];
    r.findings = [finding({ id: 'x#1', firstTime: new Date(2e12 - 86_400_000 + 1000).toISOString(), bootIndex: 0, evidence: [ev({ line: 99, excerpt: 'x' })] })];
    const labels = timelineEvents(r).events.map((e) => e.finding?.id ?? e.label);
    expect(labels).toEqual(['boot -1 started', 'dockerd killed', 'boot 0 started', 'x#1']);
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

  it("shows the model summary's facts: semaphores against SEMMNI, unknown counts, mounts, packages", () => {
    const r = analysisFixture();
    const v = buildViewModel(r);
    expect(v.facts.semaphores).toEqual({ text: '128 semaphore arrays in use of SEMMNI 128 (100%), at the limit; 0 are device-mapper udev cookies (key 0x0D4D…).', atLimit: true, known: true });
    // docker ps timed out: the model says unknown, the page must not count the one data-root-only container as an orphan
    const kv = Object.fromEntries(v.facts.counts.map((c) => [c.label, c.value]));
    expect(kv['Containers in the data-root but not in docker ps']).toMatch(/^unknown/);
    expect(kv['Containers (docker ps -a)']).toMatch(/^unknown/);
    expect(kv['Container folders in the data-root']).toBe('3');
    expect(v.facts.storage.find((s) => s.label === 'Data root')!.value).toBe(r.model.summary.dataRoot);
    expect(v.facts.mounts.map((x) => x.mountPoint)).toEqual(['/var/lib/docker/overlay2/abc/merged']);
    expect(v.facts.packages.map((p) => p.name)).toEqual(['docker-engine']);
    const sd = v.facts.config.find((c) => c.key === 'storage-driver')!;
    expect(sd).toMatchObject({ value: 'overlay2', source: 'daemon.json', where: 'files/etc/docker/daemon.json:2' });
    expect(sd.overridden).toEqual(['devicemapper (sysconfig)']);
    expect(v.facts.config.find((c) => c.key === 'log-opts')!.value).toBe('{"max-size":"10m"}');
  });

  it('says "at least" when the semaphore list was cut, and nothing when semaphores were not collected', () => {
    const r = emptyResult();
    r.model.summary.semaphores = { arrays: 500, arraysFrom: 'partial semaphore list', limit: 'unknown', atLimit: false, dmCookies: 480, dmCookiesPartial: true, rowsNotRead: 20 };
    expect(buildViewModel(r).facts.semaphores.text).toBe('at least 500 semaphore arrays in use of SEMMNI unknown; at least 480 are device-mapper udev cookies (key 0x0D4D…) (20 listed rows were not read).');
    expect(buildViewModel(emptyResult()).facts.semaphores.known).toBe(false);
  });

  it('shows coverage per check and the rules another finding replaced', () => {
    const r = analysisFixture();
    const v = buildViewModel(r);
    const fw = v.health.checks.find((c) => c.ruleId === 'firewalld-reload')!;
    expect(fw.checks.map((c) => [c.title, c.statusLabel, c.missing, c.collectNext])).toEqual([
      ['logs', 'evaluated', '', []],
      ['firewalld state', 'not evaluated', 'firewalld.state (missing)', ['firewall-cmd --state']],
    ]);
    expect(v.health.superseded.map((c) => [c.ruleId, c.supersededBy!.anchor])).toEqual([['docker-restart-storm', anchorsFor(r.findings).get('start-limit-hit#1')]]);
    // a replaced rule did not pass: it found something that another rule explains
    expect(v.health.checks.find((c) => c.ruleId === 'docker-restart-storm')!.passed).toBe(false);
  });

  it('lists artifacts not collected cleanly and checks that could not conclude, passed checks apart', () => {
    const r = analysisFixture();
    const v = buildViewModel(r);
    expect(v.health.artifacts.map((a) => a.state).sort()).toEqual(['missing', 'timed-out', 'truncated']);
    expect(v.health.gaps.map((g) => g.ruleId)).toEqual(['thinpool-full', 'power-off-db-loss']);
    expect(v.health.gaps[0]!.collectNext).toEqual(['dmsetup status']);
    expect(v.health.passedCount).toBe(2); // firewalld-reload and veth-leak: evaluated, nothing found, not replaced
    expect(v.inventory.problems[0]!.path).toBe('../../etc/passwd');
  });

  it('renders an empty result without throwing', () => {
    const v = buildViewModel(emptyResult());
    expect(v.findings).toEqual([]);
    expect(v.timeline.chart.empty).toBe(true);
    expect(v.verdict.headline).toBe(emptyResult().verdict.headline);
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

  it('never marks a short match inside words, and never cuts a mark mid-word', () => {
    // The bug: a match `t` lit up every letter t of the line.
    expect(splitMatch('status=9/KILL at t=3', 't')).toEqual([
      { text: 'status=9/KILL at ', mark: false },
      { text: 't', mark: true },
      { text: '=3', mark: false },
    ]);
    expect(splitMatch('the result of it', 't')).toEqual([{ text: 'the result of it', mark: false }]);
    // A longer match found only inside a word is widened to the whole word.
    expect(splitMatch('Start request repeated too quickly.', 'too quick')).toEqual([
      { text: 'Start request repeated ', mark: false },
      { text: 'too quickly', mark: true },
      { text: '.', mark: false },
    ]);
    // Edges that are not word characters may touch anything.
    expect(splitMatch('key="0x0d4d"', '"0x0d4d"')).toEqual([
      { text: 'key=', mark: false },
      { text: '"0x0d4d"', mark: true },
    ]);
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
      finding({ id: `r${String(i).padStart(2, '0')}#1`, evidence: [ev({ excerpt: 'x' })], remediation: [{ kind: 'check', text: 't', source: 's' }] }),
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

describe('remediation steps in the page', () => {
  it('label check and fix, say a fix’s risk, mark an openEuler-only step on an unknown flavour, and count capped commands', () => {
    const r = emptyResult();
    const risk = { restart: true, dataLoss: false, reversible: true };
    r.findings = [
      finding({
        id: 'x#1',
        evidence: [ev({ excerpt: 'x' })],
        remediation: [
          { kind: 'check', text: 'look', source: 'general practice', commands: ['ipcs -s'] },
          { kind: 'fix', risk, flavour: 'openeuler', flavourUnconfirmed: true, text: 'keep files', source: 'openEuler guide: Impact of System Power-off', commands: ['systemctl restart docker'] },
          { kind: 'fix', risk, flavour: 'openeuler', text: 'umask', source: 'openEuler guide: Daemon umask Configuration' },
          { kind: 'fix', risk: { restart: false, dataLoss: true, reversible: false }, text: 'delete', source: 'general practice', commands: ['ip link delete veth1'], commandsMore: 4 },
        ],
      }),
    ];
    const steps = buildViewModel(r).findings[0]!.remediation;
    expect(steps.map((s) => [s.kind, s.kindLabel])).toEqual([['check', 'check'], ['fix', 'fix'], ['fix', 'fix'], ['fix', 'fix']]);
    expect(steps[0]!.risks).toEqual([]);
    expect(steps[1]!.risks).toEqual(['needs restart', 'no data loss', 'can be undone']);
    expect(steps[3]!.risks).toEqual(['no restart', 'can lose data', 'cannot be undone']);
    expect(steps[1]!.flavourMark).toMatch(/openEuler docker-engine only/);
    // On an openEuler host the engine sets no flavourUnconfirmed: no mark.
    expect(steps[2]!.flavourMark).toBeUndefined();
    expect(steps[3]!.more).toBe('…and 4 more commands');
    expect(steps[3]!.commands.map((c) => c.text)).toEqual(['ip link delete veth1']);
  });
});
