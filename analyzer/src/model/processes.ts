/**
 * Processes: the `ps` list, and dockerd/containerd argv + environment. The collector's
 * daemon-processes item (/proc/<pid>/cmdline and environ) is exact; without it (sosreport) the argv
 * comes from `ps` args split at blanks (cmdline quoting is lost there, and there is no environment).
 */
import type { FactStore } from './fact-store.js';
import type { ModelDraft } from './build.js';
import type { ProcessFact, ProcessFacts } from './host-model.js';
import type { PsFacts } from '../parsers/ps.js';
import type { DaemonProcessFacts } from '../parsers/processes.js';
import { lineEvidence } from './source-evidence.js';
import { shellSplit } from '../parsers/util/shell-words.js';
import { dict } from '../parsers/util/dict.js';

type Daemon = NonNullable<ProcessFacts['dockerd']>;

/** dockerd (RHEL's docker 1.12/1.13: dockerd-current), or `docker daemon` (≤ 1.12) is not handled: 18.09+ only ships dockerd. */
export function isDockerd(argv0: string | undefined): boolean {
  return argv0 !== undefined && /(^|\/)dockerd(-current)?$/.test(argv0);
}

/** containerd (separate or managed by dockerd), openEuler 18.09's `docker-containerd`, RHEL's `docker-containerd-current`; not shims. */
export function isContainerd(argv0: string | undefined): boolean {
  return argv0 !== undefined && /(^|\/)(docker-)?containerd(-current)?$/.test(argv0);
}

export function buildProcesses(facts: FactStore, _d: ModelDraft): ProcessFacts {
  const out: ProcessFacts = { available: false, list: [] };
  const ps = facts.first<PsFacts>('ps');
  if (ps) {
    out.available = true;
    for (const p of ps.value.processes) {
      const f: ProcessFact = { pid: p.pid, args: p.args, evidence: lineEvidence(ps.source, { line: p.line, text: p.args }) };
      if (p.ppid !== undefined) f.ppid = p.ppid;
      if (p.user !== undefined) f.user = p.user;
      if (p.startedAt !== undefined) f.startedAt = p.startedAt;
      if (p.stat !== undefined) f.stat = p.stat;
      out.list.push(f);
    }
  }
  const daemons = facts.first<DaemonProcessFacts>('process.daemons');
  if (daemons) {
    for (const p of daemons.value.processes) {
      const d: Daemon = { pid: p.pid, argv: p.argv, env: p.env, evidence: lineEvidence(daemons.source, p) };
      const argv0 = p.argv[0] ?? p.comm;
      if (!out.dockerd && (isDockerd(argv0) || p.comm === 'dockerd')) out.dockerd = d;
      else if (!out.containerd && (isContainerd(argv0) || /^(docker-)?containerd$/.test(p.comm) || p.comm === 'docker-containe')) out.containerd = d;
    }
  }
  for (const p of out.list) {
    const argv = shellSplit(p.args).words;
    if (!out.dockerd && isDockerd(argv[0])) out.dockerd = { pid: p.pid, argv, env: dict(), evidence: p.evidence };
    else if (!out.containerd && isContainerd(argv[0])) out.containerd = { pid: p.pid, argv, env: dict(), evidence: p.evidence };
  }
  return out;
}
