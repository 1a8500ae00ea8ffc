/**
 * audit-dataroot-watch: audit rules that watch Docker's data-root (or exec-root) with read/write
 * permissions make the kernel log every file access of every container, flooding audit.log and
 * loading auditd; the seed's watch list also covers config files and binaries (cheap). Reports the
 * watches and, from audit.log, the event rate of their keys. Field guide §2, §3 (audit.log);
 * openEuler guide "Audit Component".
 */
import type { AuditRule } from '../model/host-model.js';
import type { Evidence } from '../spine/types.js';
import { defineRule } from './types.js';
import { listSome } from './util-evidence.js';
import { isUnder, trimSlash } from '../model/paths.js';
import { dataRootPath, execRootPath } from './util-storage.js';

/** The seed's list (field guide §2) beyond the data-root itself: config files and binaries. */
const SEED_FILES = ['/etc/docker', '/etc/sysconfig/docker', '/usr/bin/docker-containerd', '/usr/bin/docker-runc', '/etc/docker/daemon.json'];
const SEED_UNITS = /\/docker\.(service|socket)$/;
const AUDIT_ARTIFACTS = ['audit.rules', 'audit.rules-files', 'audit.log'] as const;
/** A flood: at least this many keyed events, at this rate (1 per second on average) … */
const FLOOD_MIN_EVENTS = 100;
const FLOOD_PER_MIN = 60;
/** … and an error from 1000 per minute. */
const FLOOD_ERROR_PER_MIN = 1000;

interface Watch {
  rule: AuditRule;
  path: string;
  perms: string;
  key?: string;
  heavy: boolean;
}

function duration(ms: number): string {
  const s = Math.round(ms / 1000);
  if (s < 120) return `${s} s`;
  const m = Math.round(s / 60);
  return m < 120 ? `${m} min` : `${Math.round(m / 6) / 10} h`;
}

export default defineRule({
  meta: {
    id: 'audit-dataroot-watch',
    title: 'Audit watches on the Docker data-root flood audit.log',
    category: 'performance',
    severity: 'warning',
    requires: ['audit.rules', 'audit.rules-files', 'audit.log', 'docker.daemon-json', 'sysconfig.docker', 'systemd.docker', 'process.daemons', 'syslog', 'journal'],
    // The logs count only for the audit records forwarded into them (see evaluate).
    essential: ['audit.rules', 'audit.rules-files', 'audit.log', 'syslog', 'journal'],
    explanation:
      'A watch such as `-w /var/lib/docker/ -p rwxa -k docker` makes the kernel write an audit record (SYSCALL, CWD, PATH, PROCTITLE) for ' +
      'every read, write and attribute change under the data-root: image pulls, container starts and container file access. audit.log ' +
      'fills and rotates within minutes, auditd and the disk get busy, and the records that matter are rotated away. Watches on config ' +
      'files and binaries (/etc/docker, docker.service, docker-runc) are cheap.',
    guideSection: 'Installation and Deployment › Audit Component',
    messages: {
      auditFlood: 'audit.log holds {{count}} events with key {{keys}} in {{span}} of log: {{rate}} per minute ({{share}}% of all audit events)',
      dataRootWatched: '{{count, plural, one{# audit rule watches} other{# audit rules watch}}} the Docker data-root or exec-root with -p {{perms}}: {{paths}}',
      configWatched: '{{count, plural, one{# audit rule watches} other{# audit rules watch}}} Docker configuration files or binaries: {{paths}}',
      auditFloodForwarded: '{{source}} holds {{count}} forwarded audit events with key {{keys}} in {{span}} of log: {{rate}} per minute ({{share}}% of all forwarded audit events)',
    },
    remediation: [
      { kind: 'check', text: 'List the loaded rules and find the watches on Docker directories.', commands: ['auditctl -l | grep docker', 'grep -rn docker /etc/audit/rules.d/'], source: 'openEuler guide: Audit Component' },
      { kind: 'fix', risk: { restart: false, dataLoss: false, reversible: true }, text: 'Use audit watches on Docker directories with care: they load auditd and the disk.', source: 'openEuler guide: Audit Component' },
      {
        kind: 'fix', risk: { restart: false, dataLoss: false, reversible: true }, text: 'Drop the data-root watch (or narrow it to writes and attribute changes of the files you must track) and reload the rules.',
        commands: ['auditctl -W /var/lib/docker -p rwxa -k docker', 'augenrules --load'],
        source: 'general practice',
      },
    ],
  },

  evaluate(ctx) {
    const { model } = ctx;
    const forwarded = model.audit.forwardedFrom;
    const audit = AUDIT_ARTIFACTS.map((a) => ({ a, state: model.collection.health[a]?.state ?? 'missing' }));
    if (!forwarded && audit.every((x) => x.state !== 'present' && x.state !== 'truncated')) {
      // Logs without forwarded audit records: the verdict the engine gives when the audit artifacts are all missing.
      ctx.notEvaluated(`needs ${audit.map((x) => `${x.a} (${x.state})`).join(', ')}`, audit.map((x) => x.a));
      return;
    }
    const logName = forwarded ? listSome(forwarded.paths, 2) : 'audit.log';
    const roots = [...new Set([dataRootPath(model), execRootPath(model), '/var/lib/docker', '/var/run/docker', '/run/docker'])];
    const watches: Watch[] = [];
    for (const r of model.audit.rules) {
      let path = r.watch?.path;
      let perms = r.watch?.perms ?? 'rwxa';
      let key = r.watch?.key;
      if (!path) {
        // Syscall rules on a directory: `-a always,exit … -F dir=/var/lib/docker -F perm=wa -F key=…`.
        const m = /-F\s+(?:dir|path)=(\S+)/.exec(r.text);
        if (!m) continue;
        path = m[1]!;
        perms = /-F\s+perm=(\w+)/.exec(r.text)?.[1] ?? 'rwxa';
        key = /-F\s+key=(\S+)|-k\s+(\S+)/.exec(r.text)?.slice(1).find((x) => x !== undefined);
      }
      const p = trimSlash(path);
      const heavy = roots.some((root) => isUnder(p, root));
      const seed = SEED_FILES.some((f) => isUnder(p, f)) || SEED_UNITS.test(p);
      if (!heavy && !seed) continue;
      watches.push({ rule: r, path: p, perms, ...(key ? { key } : {}), heavy });
    }
    const heavy = watches.filter((w) => w.heavy && /[rw]/.test(w.perms));
    const ruleEvidence = (ws: Watch[]): Evidence[] => ws.map((w) => ({ ...w.rule.evidence, match: w.path }));

    // Flood: events of the watches' keys (or any key naming docker) in audit.log.
    const keys = new Set([...watches.map((w) => w.key).filter((k): k is string => !!k)]);
    for (const k of Object.keys(model.audit.keyCounts)) if (/docker/i.test(k)) keys.add(k);
    let count = 0;
    let first: number | undefined;
    let last: number | undefined;
    for (const k of keys) {
      const c = model.audit.keyCounts[k];
      if (!c) continue;
      count += c.count;
      if (c.first !== undefined && (first === undefined || c.first < first)) first = c.first;
      if (c.last !== undefined && (last === undefined || c.last > last)) last = c.last;
    }
    // The rate is over the log's span (all rotations), falling back to the keyed events' own span.
    const from = model.audit.firstTime ?? first;
    const to = model.audit.lastTime ?? last;
    const spanMs = count > 0 && from !== undefined && to !== undefined ? Math.max(to - from, 1000) : undefined;
    const rate = spanMs !== undefined ? Math.round((count * 60_000) / spanMs) : undefined;
    const keyList = [...keys].filter((k) => model.audit.keyCounts[k]);
    if (rate !== undefined && count >= FLOOD_MIN_EVENTS && rate >= FLOOD_PER_MIN) {
      const sample = model.audit.events.filter((e) => e.key && keys.has(e.key)).slice(0, 5).map((e) => e.evidence);
      const total = model.audit.totalEvents;
      ctx.report({
        messageId: forwarded ? 'auditFloodForwarded' : 'auditFlood',
        data: {
          count,
          keys: listSome(keyList.map((k) => `"${k}"`), 3),
          span: duration(spanMs!),
          rate,
          share: total > 0 ? Math.round((count / total) * 1000) / 10 : 100,
          ...(forwarded ? { source: logName } : {}),
        },
        severity: rate >= FLOOD_ERROR_PER_MIN ? 'error' : 'warning',
        evidence: [...ruleEvidence(heavy.length ? heavy : watches), ...sample],
        confidence: 'high',
        confidenceReason: `counted over ${forwarded ? `the audit records forwarded into ${logName}` : 'audit.log'} from ${new Date(from!).toISOString()} to ${new Date(to!).toISOString()}`,
        detail: heavy.length ? `Watched: ${listSome(heavy.map((w) => `${w.path} (-p ${w.perms})`), 5)}.` : 'The rules that produce these keys were not collected (auditctl -l).',
      });
      return;
    }
    if (heavy.length > 0) {
      ctx.report({
        messageId: 'dataRootWatched',
        data: { count: heavy.length, perms: [...new Set(heavy.map((w) => w.perms))].join('/'), paths: listSome(heavy.map((w) => w.path), 3) },
        evidence: ruleEvidence(heavy),
        confidence: 'high',
        confidenceReason:
          count > 0 && rate !== undefined
            ? `the rule is loaded; ${forwarded ? `the audit records forwarded into ${logName} show` : 'audit.log shows'} ${count} keyed events (${rate} per minute), below the flood threshold`
            : 'the rule is loaded or configured; audit.log was not available to measure the volume',
      });
      return;
    }
    const light = watches.filter((w) => !w.heavy);
    if (light.length > 0) {
      ctx.report({
        messageId: 'configWatched',
        data: { count: light.length, paths: listSome(light.map((w) => w.path), 4) },
        severity: 'info',
        evidence: ruleEvidence(light),
        confidence: 'high',
        confidenceReason: 'low-volume watches on files that rarely change',
      });
    }
  },
});
