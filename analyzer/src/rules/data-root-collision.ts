/**
 * data-root-collision: the data-root (or exec-root) is not Docker's alone: it holds files Docker did not
 * create (a reused directory, backups, an admin's files inside `containers`/`hooks`/`tmp`), or two
 * dockerd share one data-root (the second one blocks on the volume store's flock:
 * a volume-store timeout (event dockerd.volume-store-timeout), moby/moby#29519 — not corruption).
 * Field guide §1.1, §2; openEuler guide "Daemon Running Directory Configuration", "Do Not Modify Private
 * Directory of Docker Daemon".
 */
import type { DataRootEntry, ProcessFact } from '../model/host-model.js';
import type { Evidence } from '../spine/types.js';
import { defineRule } from './types.js';
import { LOG_ARTIFACTS, listSome } from './util-evidence.js';
import { trimSlash } from '../model/paths.js';
import { dataRootPath, execRootPath } from './util-storage.js';

/** Names docker uses that a reused directory may already hold (the guide's examples). */
const SHARED_NAMES = new Set(['containers', 'hooks', 'tmp']);
/** Top-level names that are not Docker's but harmless (the data-root is a mount point). */
const BENIGN_TOP = new Set(['lost+found']);
/** Exec-root names dockerd, its managed containerd and runc create (18.09 and 20.10 layouts). */
const EXEC_ROOT_NAMES = new Set([
  'containerd', 'libcontainerd', 'libnetwork', 'netns', 'plugins', 'swarm', 'unmount-on-shutdown', 'dblock', 'docker.pid', 'docker.sock',
  'metrics.sock', 'volumes', 'accelerator', 'lock', 'runtime-runc', 'docker-containerd.sock', 'docker-containerd-debug.sock', 'docker-containerd.pid',
]);
const ID64 = /^[0-9a-f]{64}$/;

/** The data-root a dockerd command line uses (`--data-root`, `--graph`, `-g`; default /var/lib/docker). */
function argvDataRoot(args: string): string | undefined {
  const words = args.split(/\s+/);
  if (!/(^|\/)dockerd$/.test(words[0] ?? '')) return undefined;
  for (let i = 1; i < words.length; i++) {
    const m = /^(?:--data-root|--graph|-g)(?:=(.+))?$/.exec(words[i]!);
    if (m) return trimSlash(m[1] ?? words[i + 1] ?? '');
  }
  return '/var/lib/docker';
}

export default defineRule({
  meta: {
    id: 'data-root-collision',
    title: 'Data-root or exec-root shared with foreign files or another dockerd',
    category: 'storage',
    severity: 'warning',
    requires: ['dataroot.listing', 'execroot.listing', 'ps', 'process.daemons', 'docker.daemon-json', 'sysconfig.docker', 'systemd.docker', ...LOG_ARTIFACTS],
    essential: ['dataroot.listing', 'execroot.listing', 'ps', 'journal', 'journal.docker', 'syslog'],
    explanation:
      'The data-root and exec-root must be used by Docker only. A reused directory that already holds `containers`, `hooks` or `tmp` ' +
      'gets new owners and modes from dockerd, and foreign files there are deleted, misread or block cleanup. Two daemons on one ' +
      'data-root fight over its databases: the second dockerd waits for the volume store lock and fails with "error while opening ' +
      'volume store timeout" — a lock held by a live daemon, not a damaged database.',
    guideSection: 'Installation and Deployment › Daemon Running Directory Configuration; Do Not Modify Private Directory of Docker Daemon',
    messages: {
      foreignEntries: '{{count}} entr(ies) in the data-root {{root}} that Docker did not create: {{names}}',
      foreignExecRoot: '{{count}} entr(ies) in the exec-root {{root}} that Docker did not create: {{names}}',
      sharedDataRoot: '{{count}} dockerd processes use the same data-root {{root}}',
      volumeStoreLocked: 'dockerd could not open the volume store {{count, plural, one{# time} other{# times}}}: another dockerd holds its lock (not corruption)',
    },
    remediation: [
      { kind: 'fix', risk: { restart: true, dataLoss: false, reversible: true }, text: 'Give each dockerd its own data-root and exec-root, used by Docker only; move foreign files out while Docker is stopped.', commands: ['ps -eo pid,args | grep [d]ockerd', 'ls -la /var/lib/docker'], source: 'openEuler guide: Daemon Running Directory Configuration' },
      { kind: 'fix', risk: { restart: false, dataLoss: false, reversible: true }, text: 'Do not modify Docker\'s private directories; if a change is needed, ask the container team.', source: 'openEuler guide: Do Not Modify Private Directory of Docker Daemon' },
      { kind: 'fix', risk: { restart: true, dataLoss: false, reversible: true }, text: 'For the volume store timeout, stop the other dockerd that uses the same data-root; do not delete metadata.db.', commands: ['fuser -v /var/lib/docker/volumes/metadata.db'], source: 'moby/moby#29519' },
    ],
    events: ['dockerd.volume-store-timeout'],
    // The timeout stands on the logs; the process list shows the second dockerd.
    confirmedBy: ['ps'],
  },

  evaluate(ctx) {
    const { model } = ctx;
    const dr = model.dataRoot;
    const root = dataRootPath(model);

    // 1. Foreign entries in the data-root: unknown top-level names, odd entries inside containers/, foreign owners of shared names.
    if (dr.available) {
      const found: { name: string; e: DataRootEntry }[] = [];
      for (const e of dr.entries) {
        if (!e.path.startsWith(`${root}/`)) continue;
        const parts = e.path.slice(root.length + 1).split('/');
        const top = parts[0]!;
        if (parts.length === 1) {
          if (dr.foreignTopLevel.includes(top) && !BENIGN_TOP.has(top)) found.push({ name: top, e });
          else if (SHARED_NAMES.has(top) && e.type !== 'd') found.push({ name: `${top} (not a directory)`, e });
          else if (SHARED_NAMES.has(top) && e.uid !== 0 && !model.config.values['userns-remap']) found.push({ name: `${top} (owner ${e.uid}:${e.gid})`, e });
        } else if (parts.length === 2 && top === 'containers' && !ID64.test(parts[1]!)) {
          found.push({ name: `containers/${parts[1]}`, e });
        }
      }
      if (found.length > 0) {
        ctx.report({
          messageId: 'foreignEntries',
          subject: `data-root ${root}`,
          data: { count: found.length, root, names: listSome(found.map((f) => f.name), 6) },
          evidence: found.map((f) => f.e.evidence),
          confidence: 'high',
          confidenceReason: dr.truncated ? 'from the data-root listing (cut short: there may be more)' : 'from the data-root listing',
        });
      }
    }

    // 2. Foreign entries directly in the exec-root.
    const er = execRootPath(model);
    const execTop = model.dataRoot.execRoot.filter((e) => e.path.startsWith(`${er}/`) && !e.path.slice(er.length + 1).includes('/'));
    const foreignExec = execTop.filter((e) => {
      const n = e.path.slice(er.length + 1);
      return !EXEC_ROOT_NAMES.has(n) && !/^runtime-/.test(n) && !ID64.test(n);
    });
    if (foreignExec.length > 0) {
      ctx.report({
        messageId: 'foreignExecRoot',
        subject: `exec-root ${er}`,
        data: { count: foreignExec.length, root: er, names: listSome(foreignExec.map((e) => e.path.slice(er.length + 1)), 6) },
        evidence: foreignExec.map((e) => e.evidence),
        confidence: 'medium',
        confidenceReason: 'names not in the list of what dockerd, containerd and runc create there',
      });
    }

    // 3. Two dockerd on one data-root.
    const byRoot = new Map<string, ProcessFact[]>();
    for (const p of model.processes.list) {
      const r = argvDataRoot(p.args);
      if (r) byRoot.set(r, [...(byRoot.get(r) ?? []), p]);
    }
    const timeouts = ctx.events('dockerd.volume-store-timeout');
    const logEv: Evidence[] = timeouts.map((e) => e.evidence);
    let shared = false;
    for (const [r, procs] of byRoot) {
      if (procs.length < 2) continue;
      shared = true;
      ctx.report({
        messageId: 'sharedDataRoot',
        subject: `data-root ${r}`,
        data: { count: procs.length, root: r },
        severity: 'error',
        evidence: [...procs.map((p) => p.evidence), ...logEv],
        confidence: 'high',
        confidenceReason: 'the process list shows the daemons and their data-root options',
      });
    }
    if (!shared && timeouts.length > 0) {
      ctx.report({
        messageId: 'volumeStoreLocked',
        subject: `data-root ${root}`,
        data: { count: ctx.eventCount('dockerd.volume-store-timeout') },
        severity: 'error',
        evidence: logEv,
        confidence: 'medium',
        confidenceReason: 'the timeout means another process held the flock on volumes/metadata.db; the process list does not show it any more',
      });
    }
  },
});
