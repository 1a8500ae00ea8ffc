/**
 * A constructed AnalysisResult for report tests, built from the contracts by hand (not through
 * the pipeline) so report tests do not move when parsers or rules change. Every value a test
 * asserts on is in here: derive expectations from these inputs, never from rendered output.
 */
import type { ArtifactId } from '../../analyzer/src/spine/artifacts.js';
import type { AnalysisResult } from '../../analyzer/src/analyze.js';
import type { HostModel } from '../../analyzer/src/model/host-model.js';
import type { CoverageVerdict, Finding } from '../../analyzer/src/rules/types.js';
import type { BundleInventory } from '../../analyzer/src/spine/reader.js';
import type { ArtifactHealth, Evidence } from '../../analyzer/src/spine/types.js';

export function ev(p: Partial<Evidence> & { excerpt: string }): Evidence {
  return { artifact: 'journal', path: 'cmd/journal.json', line: 1, ...p };
}

export function finding(p: Partial<Finding> & { id: string }): Finding {
  const ruleId = p.ruleId ?? p.id.split('#')[0]!;
  return {
    ruleId,
    messageId: 'm',
    data: {},
    severity: 'warning',
    confidence: 'high',
    confidenceReason: 'test fixture',
    category: 'daemon',
    title: `Title of ${ruleId}`,
    summary: `Summary of ${p.id}`,
    explanation: `Explanation of ${ruleId}.`,
    evidence: [],
    evidenceTotal: p.evidence?.length ?? 0,
    episodes: [],
    remediation: [],
    causedBy: [],
    causes: [],
    ...p,
  };
}

export function emptyHostModel(): HostModel {
  return {
    identity: { flavor: 'unknown', flavorReason: '' },
    collection: { layout: 'docker-postmortem', source: 'bundle.tar.gz', health: {}, parseProblems: {} },
    config: {
      values: {},
      all: [],
      conflicts: [],
      daemonJson: { present: false, unknownKeys: [], wrongTypes: [] },
      env: {},
      dataRoot: '/var/lib/docker',
      execRoot: '/var/run/docker',
    },
    boots: [],
    lifecycle: [],
    units: {},
    journal: { events: {}, eventCounts: {}, recordsByUnit: {}, available: false, truncated: false },
    daemons: { runs: [], containerdLosses: [], startLimits: [], restartStorms: [], journaldRestarts: [] },
    containers: [],
    networks: [],
    links: [],
    ipc: { semaphores: [] },
    storage: { driverStatus: {}, dmDevices: [], baseDeviceUuids: [], overlayParams: {} },
    mounts: [],
    packages: { available: false, list: [], byName: {} },
    limits: { entries: [], effective: {}, sysctl: {} },
    audit: { available: false, rules: [], events: [], keyCounts: {}, totalEvents: 0 },
    iptables: { available: false, chains: {}, rules: [] },
    processes: { available: false, list: [] },
    dataRoot: { available: false, root: '/var/lib/docker', truncated: false, entries: [], dbFiles: [], containerIds: [], foreignTopLevel: [], execRoot: [] },
    timeline: [],
    summary: {
      dataRoot: '/var/lib/docker',
      execRoot: '/var/run/docker',
      containers: { listed: 'unknown', byState: [], inDataRoot: 'unknown', orphans: 'unknown' },
      volumes: 'unknown',
      networks: 'unknown',
      interfaces: 'unknown',
      semaphores: { arrays: 'unknown', arraysFrom: 'none', limit: 'unknown', atLimit: false, dmCookies: 'unknown', dmCookiesPartial: false },
      thinPools: [],
      dockerMounts: { under: ['/var/lib/docker', '/var/run/docker'], total: 0, list: [] },
      packagesOfInterest: [],
      undatedLifecycleEvents: 0,
    },
  };
}

export function emptyInventory(): BundleInventory {
  return { input: 'bundle.tar.gz', format: 'tar.gz', layout: 'docker-postmortem', members: 0, bytesRead: 0, artifacts: [], problems: [] };
}

export function emptyResult(): AnalysisResult {
  return {
    schemaVersion: 1,
    tool: { name: 'docker-postmortem', version: '0.1.0', rulesVersion: '0.1.0+0r' },
    inventory: emptyInventory(),
    model: emptyHostModel(),
    findings: [],
    coverage: [],
    causeChains: [],
    verdict: { status: 'inconclusive', headline: 'Inconclusive: logs (journal or syslog) is missing', checked: [], missing: [], facts: [], rules: { evaluated: 0, notEvaluated: 0, insufficient: 0 } },
  };
}

const T0 = Date.parse('2024-03-05T10:00:00.000Z');
export const at = (minutes: number) => new Date(T0 + minutes * 60_000).toISOString();
const ms = (minutes: number) => T0 + minutes * 60_000;

/**
 * A host with a semaphore leak that made docker.service hit its start limit (a 2-step cause
 * chain), an overlay warning with more evidence than the page shows, and an info finding.
 */
export function analysisFixture(): AnalysisResult {
  const r = emptyResult();
  const sem = finding({
    id: 'semaphore-leak#1',
    severity: 'critical',
    category: 'ipc',
    title: 'Semaphore arrays exhausted',
    summary: '128 of 128 semaphore arrays in use (SEMMNI)',
    confidenceReason: 'ipcs lists 128 arrays, kernel.sem SEMMNI is 128',
    explanation: 'Each devicemapper operation takes a udev cookie.\n\nLeaked cookies fill the table.',
    time: at(1),
    firstTime: at(1),
    lastTime: at(1),
    bootIndex: 0,
    evidence: [
      ev({ artifact: 'ipcs.sem', path: 'cmd/ipcs-s.txt', line: 4, excerpt: '0x0d4d1234 98304 root 600 1', match: '0x0d4d1234' }),
      ev({ line: 812, time: at(1), excerpt: 'dockerd[812]: devmapper: semget failed: No space left on device', match: 'No space left on device' }),
    ],
    evidenceTotal: 2,
    remediation: [{ kind: 'fix', risk: { restart: false, dataLoss: false, reversible: false }, text: 'Remove leaked udev cookies.', commands: ['dmsetup udevcomplete_all -y', 'ipcs -s'], source: 'openEuler guide: Semaphores May Be Residual' }],
    causes: ['start-limit-hit#1'],
  });
  const start = finding({
    id: 'start-limit-hit#1',
    severity: 'error',
    category: 'systemd',
    title: 'docker.service hit its start limit',
    summary: 'docker.service failed 5 times in 10s',
    time: at(2),
    firstTime: at(2),
    lastTime: at(12),
    bootIndex: 0,
    // A second refusal ten minutes later, folded into this finding.
    episodes: [
      {
        messageId: 'hit',
        summary: 'docker.service failed 3 times in 10s',
        severity: 'error',
        firstTime: at(12),
        lastTime: at(12),
        evidence: [ev({ line: 990, time: at(12), excerpt: 'systemd[1]: docker.service: Start request repeated too quickly.', match: 'Start request repeated too quickly' })],
      },
    ],
    unconfirmed: [{ artifact: 'systemd.docker', state: 'missing', collectNext: 'systemctl show docker.service' }],
    evidence: [ev({ line: 900, time: at(2), excerpt: 'systemd[1]: docker.service: Start request repeated too quickly.', match: 'Start request repeated too quickly' })],
    evidenceTotal: 1,
    remediation: [{ kind: 'fix', risk: { restart: true, dataLoss: false, reversible: true }, text: 'Reset the failure counter after fixing the cause.', commands: ['systemctl reset-failed docker.service'], source: 'systemd hint' }],
    causedBy: ['semaphore-leak#1'],
  });
  const overlay = finding({
    id: 'overlay-dtype#1',
    severity: 'warning',
    category: 'storage',
    title: 'Backing filesystem without d_type',
    summary: 'xfs formatted with ftype=0 under /var/lib/docker',
    confidence: 'medium',
    confidenceReason: 'docker info only',
    evidence: Array.from({ length: 25 }, (_x, i) => ev({ artifact: 'docker.info', path: 'cmd/docker-info.txt', line: 10 + i, excerpt: `Supports d_type: false (line ${i + 1})`, match: 'd_type' })),
    evidenceTotal: 60,
  });
  const info = finding({ id: 'live-restore-off#1', severity: 'info', category: 'daemon', title: 'live-restore is off', summary: 'Containers stop when dockerd stops' });
  r.findings = [sem, start, overlay, info];
  r.causeChains = [['semaphore-leak#1', 'start-limit-hit#1']];
  const cov = (ruleId: string, status: CoverageVerdict['status'], reason: string, extra: Partial<CoverageVerdict> = {}): CoverageVerdict => ({
    ruleId,
    status,
    artifacts: [],
    checks: [],
    reason,
    collectNext: [],
    ...extra,
  });
  r.coverage = [
    cov('semaphore-leak', 'evaluated', '1 finding(s)'),
    cov('start-limit-hit', 'evaluated', '1 finding(s)'),
    cov('overlay-dtype', 'evaluated', '1 finding(s)'),
    cov('live-restore-off', 'evaluated', '1 finding(s)'),
    cov('firewalld-reload', 'evaluated', 'evaluated; nothing found', {
      checks: [
        { id: 'logs', title: 'logs', status: 'evaluated', missing: [], collectNext: [] },
        { id: 'state', title: 'firewalld state', status: 'not-evaluated', missing: [{ artifact: 'firewalld.state', state: 'missing' }], collectNext: ['firewall-cmd --state'] },
      ],
    }),
    cov('docker-restart-storm', 'evaluated', 'evaluated; replaced by start-limit-hit#1', { supersededBy: 'start-limit-hit#1' }),
    cov('veth-leak', 'evaluated', 'evaluated; nothing found'),
    cov('thinpool-full', 'not-evaluated', 'needs dmsetup.status (missing)', {
      artifacts: [{ artifact: 'dmsetup.status', state: 'missing' }],
      collectNext: ['dmsetup status'],
    }),
    cov('power-off-db-loss', 'insufficient-evidence', 'journal of the previous boot is missing', { collectNext: ['journalctl --no-pager --boot -1'] }),
  ];
  const health = (artifact: ArtifactId, state: ArtifactHealth['state'], paths: string[], bytes: number, detail?: string): ArtifactHealth => ({
    artifact,
    state,
    paths,
    bytes,
    detail,
  });
  r.inventory = {
    input: 'node-7-postmortem.tar.gz',
    format: 'tar.gz',
    layout: 'docker-postmortem',
    topFolder: 'docker-postmortem-node-7',
    members: 57,
    bytesRead: 3_456_789,
    artifacts: [
      health('journal', 'present', ['cmd/journal.json'], 2_345_678),
      health('ipcs.sem', 'present', ['cmd/ipcs-s.txt'], 4_321),
      health('docker.info', 'truncated', ['cmd/docker-info.txt'], 1_024, 'cut at 1 KiB'),
      health('dmsetup.status', 'missing', [], 0, 'dmsetup not installed'),
      health('docker.ps', 'timed-out', ['cmd/docker-ps.txt'], 0, 'timed out after 30s'),
    ],
    problems: [{ kind: 'path-traversal', path: '../../etc/passwd', message: 'member escapes the bundle root: rejected' }],
    host: 'node-7',
    collectedAt: ms(30),
    hostUtcOffsetMinutes: 480,
    collectorVersion: '1.0.0',
    asRoot: true,
  };
  const m = r.model;
  m.identity = {
    hostname: 'node-7',
    kernel: '4.19.90-2102.2.0.0062.oe1.x86_64',
    os: { id: 'openEuler', versionId: '20.03', prettyName: 'openEuler 20.03 (LTS-SP1)' },
    docker: { version: '18.09.0', package: 'docker-engine-18.09.0-200.oe1' },
    containerd: { version: '1.2.0' },
    flavor: 'openeuler-docker-engine',
    flavorReason: 'package docker-engine',
  };
  m.collection = { ...m.collection, source: r.inventory.input, collectedAt: ms(30), health: Object.fromEntries(r.inventory.artifacts.map((a) => [a.artifact, a])) };
  m.collection.parseProblems = { 'docker.info': [{ line: 7, reason: 'unexpected line', excerpt: 'WARNING: bridge-nf-call-iptables is disabled' }] };
  const djEv = ev({ artifact: 'docker.daemon-json', path: 'files/etc/docker/daemon.json', line: 2, excerpt: '"storage-driver": "overlay2",' });
  m.config = {
    ...m.config,
    values: {
      'storage-driver': { key: 'storage-driver', value: 'overlay2', source: 'daemon.json', evidence: djEv },
      'live-restore': { key: 'live-restore', value: false, source: 'default' },
      'log-opts': { key: 'log-opts', value: { 'max-size': '10m' }, source: 'daemon.json', evidence: { ...djEv, line: 3 } },
    },
    all: [
      { key: 'storage-driver', value: 'overlay2', source: 'daemon.json', evidence: djEv },
      { key: 'storage-driver', value: 'devicemapper', source: 'sysconfig' },
    ],
    daemonJson: { present: true, parsed: { 'storage-driver': 'overlay2' }, unknownKeys: [], wrongTypes: [] },
    storageDriver: 'overlay2',
  };
  m.storage = { ...m.storage, driver: 'overlay2', driverStatus: { 'Backing Filesystem': 'xfs', 'Supports d_type': 'false' } };
  m.containers = [
    { id: 'a'.repeat(64), name: 'web', state: 'running', inDataRoot: true, inDockerPs: true, evidence: [] },
    { id: 'b'.repeat(64), name: 'db', state: 'exited', inDataRoot: true, inDockerPs: true, evidence: [] },
    { id: 'c'.repeat(64), state: 'unknown', inDataRoot: true, inDockerPs: false, evidence: [] },
  ];
  m.networks = [{ id: 'n1', name: 'bridge', driver: 'bridge', evidence: ev({ excerpt: 'bridge' }) }];
  m.summary = {
    ...m.summary,
    // docker ps timed out (inventory below): how many containers dockerd knew is unknown, so are orphans.
    containers: { listed: 'unknown', byState: [], inDataRoot: 3, orphans: 'unknown' },
    networks: 1,
    semaphores: { arrays: 128, arraysFrom: 'ipcs -u', limit: 128, percent: 100, atLimit: true, dmCookies: 0, dmCookiesPartial: false },
    dockerMounts: { under: ['/var/lib/docker', '/var/run/docker'], total: 1, list: [{ mountPoint: '/var/lib/docker/overlay2/abc/merged', fsType: 'overlay', source: 'overlay', options: 'rw' }] },
    packagesOfInterest: [{ name: 'docker-engine', version: '18.09.0-200.oe1', arch: 'x86_64', manager: 'rpm' }],
  };
  m.ipc = {
    semaphores: [],
    usedArrays: 128,
    limits: { semmsl: 250, semmns: 32000, semopm: 32, semmni: 128, evidence: ev({ artifact: 'kernel.sem', path: 'files/proc/sys/kernel/sem', excerpt: '250 32000 32 128' }) },
  };
  m.mounts = [
    { mountPoint: '/var/lib/docker/overlay2/abc/merged', options: ['rw'], fsType: 'overlay', source: 'overlay', superOptions: [], evidence: ev({ excerpt: 'mount' }) },
    { mountPoint: '/home', options: ['rw'], fsType: 'xfs', source: '/dev/sda3', superOptions: [], evidence: ev({ excerpt: 'mount' }) },
  ];
  m.packages = {
    available: true,
    list: [
      { name: 'docker-engine', version: '18.09.0', release: '200.oe1', arch: 'x86_64', manager: 'rpm', evidence: ev({ excerpt: 'docker-engine' }) },
      { name: 'bash', version: '5.0', manager: 'rpm', evidence: ev({ excerpt: 'bash' }) },
    ],
    byName: {},
  };
  m.boots = [
    { index: -1, bootId: '1111aaaa2222bbbb', firstEntry: ms(-120), lastEntry: ms(-61), verdict: 'unclean', reason: 'ends at an application line', evidence: [ev({ line: 3, time: at(-120), excerpt: 'Linux version 4.19.90' })] },
    { index: 0, bootId: '3333cccc4444dddd', firstEntry: ms(-60), lastEntry: ms(30), verdict: 'unknown', reason: 'current boot', evidence: [ev({ line: 500, time: at(-60), excerpt: 'Linux version 4.19.90 (boot 0)' })] },
  ];
  m.lifecycle = [
    { time: ms(-59), actor: 'dockerd', kind: 'start', evidence: ev({ line: 600, time: at(-59), excerpt: 'Starting Docker Application Container Engine...' }) },
    { time: ms(0), actor: 'dockerd', kind: 'crash', detail: 'status=2/INVALIDARGUMENT', evidence: ev({ line: 810, time: at(0), excerpt: 'docker.service: Main process exited, code=exited, status=2/INVALIDARGUMENT' }) },
    { time: ms(0.5), actor: 'journald', kind: 'restart', evidence: ev({ line: 811, time: at(0.5), excerpt: 'systemd-journald.service: Watchdog timeout' }) },
  ];
  // The model's timeline as timeline.ts builds it: boot position, then time (boots, lifecycle, other events).
  m.timeline = [
    { time: ms(-120), category: 'boot', kind: 'boot.start', label: 'boot -1 started', bootIndex: -1, evidence: m.boots[0]!.evidence[0]! },
    { time: ms(-61), category: 'boot', kind: 'boot.end', label: 'boot -1 ended unclean: ends at an application line', bootIndex: -1, evidence: m.boots[0]!.evidence[0]! },
    { time: ms(-60), category: 'boot', kind: 'boot.start', label: 'boot 0 started', bootIndex: 0, evidence: m.boots[1]!.evidence[0]! },
    { time: ms(-59), category: 'dockerd', kind: 'lifecycle.start', label: 'dockerd start', bootIndex: 0, evidence: m.lifecycle[0]!.evidence },
    { time: ms(0), category: 'dockerd', kind: 'lifecycle.crash', label: 'dockerd crash: status=2/INVALIDARGUMENT', bootIndex: 0, evidence: m.lifecycle[1]!.evidence },
    { time: ms(0.5), category: 'journald', kind: 'lifecycle.restart', label: 'journald restart', bootIndex: 0, evidence: m.lifecycle[2]!.evidence },
    { time: ms(0.7), category: 'firewalld', kind: 'lifecycle.restart', label: 'firewalld reloaded', bootIndex: 0, evidence: ev({ line: 815, time: at(0.7), excerpt: 'firewalld: Reloaded' }) },
  ];
  r.verdict = {
    status: 'problems-found',
    headline: '3 problems found; the most severe: Semaphore arrays exhausted (critical)',
    checked: ['logs from 2024-03-05T08:00:00.000Z to 2024-03-05T10:30:00.000Z'],
    missing: [],
    facts: [{ kind: 'unclean-shutdown', text: 'boot -1 ended uncleanly at 2024-03-05T08:59:00.000Z: ends at an application line', evidence: m.boots[0]!.evidence[0]! }],
    rules: { evaluated: 7, notEvaluated: 1, insufficient: 1 },
  };
  return r;
}

/** Timeline events the fixture should show: the model's 7 events + 2 timed findings. */
export const FIXTURE_TIMELINE_EVENTS = 9;

/** The same count, derived from any result built like the fixture (for tests that mutate it): the model's events and the timed findings. */
export function expectedTimelineEvents(r: AnalysisResult): number {
  return r.model.timeline.length + r.findings.filter((f) => f.firstTime).length;
}

/** Payloads a hostile or merely unlucky bundle may carry (log lines, names, config, paths). */
export const PAYLOADS = {
  script: '<script>alert(1)</script>',
  img: '<img src=x onerror=alert(1)>',
  svg: '"><svg onload=alert(1)>',
  jsUrl: 'javascript:alert(1)',
  closeScript: '</script><script>alert(1)</script>',
  title: `<img src=x onerror="document.title='pwned'">`,
  rtl: 'evil\u202Etxt.exe',
} as const;

/**
 * The fixture with payloads in every place bundle text reaches the report: host name, log
 * excerpts and matches, container and interface names in summaries, daemon.json keys and values,
 * environment, mount paths, package names, coverage text, reader problems and timeline labels.
 */
export function hostileFixture(): AnalysisResult {
  const r = analysisFixture();
  const P = PAYLOADS;
  const all = Object.values(P).join(' ');
  r.model.identity.hostname = `host${P.script}`;
  r.inventory.host = r.model.identity.hostname;
  r.inventory.input = `bundle${P.svg}.tar.gz`;
  r.findings[0] = {
    ...r.findings[0]!,
    title: `Leak ${P.closeScript}`,
    summary: `container ${P.img} on veth${P.svg} lost`,
    confidenceReason: P.jsUrl,
    explanation: `${P.script}\n\n${P.rtl}`,
    evidence: [
      ev({ path: `cmd/${P.svg}.txt`, line: 3, time: at(1), excerpt: `msg="${P.script}" name=${P.img} ${P.rtl}`, match: P.script }),
      ev({ line: 4, excerpt: `link ${P.jsUrl} ${P.title}`, match: P.jsUrl }),
    ],
    remediation: [{ kind: 'check', text: `Remove ${P.img}`, commands: [`docker rm '${P.closeScript}'`], source: P.svg }],
  };
  r.findings[1] = { ...r.findings[1]!, summary: `unit ${P.title}`, data: { name: P.script } };
  // Ids come from rule ids in practice; a hostile one must still yield a safe anchor.
  r.findings[3] = { ...r.findings[3]!, id: `${P.svg}#1`, ruleId: P.svg, category: P.img as never };
  r.model.config.values[P.script] = { key: P.script, value: P.img, source: 'daemon.json', evidence: ev({ artifact: 'docker.daemon-json', path: 'files/etc/docker/daemon.json', line: 5, excerpt: all }) };
  r.model.config.values['data-root'] = { key: 'data-root', value: { [P.svg]: P.jsUrl }, source: 'daemon.json' };
  r.model.config.daemonJson.unknownKeys = [{ key: P.closeScript, evidence: ev({ excerpt: P.closeScript }) }];
  r.model.config.env[P.rtl] = { value: P.title, source: 'unit' };
  r.model.mounts = [
    { mountPoint: `/var/lib/docker/${P.img}`, options: [P.svg], fsType: P.script, source: P.jsUrl, superOptions: [], evidence: ev({ excerpt: 'm' }) },
  ];
  r.model.summary.dockerMounts = { under: ['/var/lib/docker', '/var/run/docker'], total: 1, list: [{ mountPoint: `/var/lib/docker/${P.img}`, fsType: P.script, source: P.jsUrl, options: P.svg }] };
  r.model.summary.containers = { listed: 1, byState: [{ state: P.title, count: 1 }], inDataRoot: 1, orphans: 0 };
  r.model.summary.packagesOfInterest.push({ name: `docker-${P.img}`, version: P.rtl, manager: 'rpm' });
  r.verdict = { ...r.verdict, headline: `Leak ${P.closeScript}`, facts: [{ kind: 'dockerd-not-running', text: P.svg }], missing: [{ what: P.img, collectNext: P.script }] };
  r.findings[0].unconfirmed = [{ artifact: 'ipcs.sem', state: P.title, collectNext: P.closeScript }];
  r.findings[0].episodes = [{ messageId: 'm', summary: P.svg, severity: 'critical', firstTime: at(1), evidence: [ev({ line: 5, excerpt: P.script, match: P.script })] }];
  r.model.links = [{ ifindex: 7, name: `veth${P.svg}`, flags: [], addresses: [], evidence: ev({ excerpt: P.svg }) }];
  r.model.containers[0] = { ...r.model.containers[0]!, name: P.img };
  r.model.packages.list.push({ name: `docker-${P.img}`, version: P.rtl, manager: 'rpm', evidence: ev({ excerpt: 'p' }) });
  r.model.timeline.push({ time: Date.parse(at(3)), category: 'container', kind: 'container.died', label: `container ${P.title} died`, evidence: ev({ line: 901, time: at(3), excerpt: P.closeScript, match: '</script>' }) });
  r.coverage[6] = { ...r.coverage[6]!, reason: P.svg, collectNext: [P.script] };
  r.inventory.problems.push({ kind: 'symlink', path: P.jsUrl, message: P.title });
  // A hostile artifact id (only ever read from a bundle's manifest): the report must escape it.
  r.inventory.artifacts.push({ artifact: P.svg as ArtifactId, state: 'failed', paths: [P.img], bytes: 0, detail: P.script });
  return r;
}
