/**
 * The honest verdict of one analysis, computed here (never by a report):
 *
 * - `problems-found`: a finding at warning or above;
 * - `inconclusive`: nothing at warning or above, but the key evidence is missing: no log records at
 *   all, or neither dockerd's state (docker info/ps) nor the process list;
 * - `no-problem-found`: nothing at warning or above in what could be checked, and it says what that was.
 *
 * Facts that matter without a finding go at the top: unclean shutdowns, dockerd not running at
 * collection time, an empty journal.
 */
import type { HostModel } from '../model/host-model.js';
import type { CoverageVerdict, Finding } from '../rules/types.js';
import { severityRank } from '../rules/types.js';
import type { Evidence } from '../spine/types.js';
import { artifactSpec, type ArtifactId } from '../spine/artifacts.js';

export type VerdictStatus = 'problems-found' | 'no-problem-found' | 'inconclusive';

export interface VerdictFact {
  kind: 'unclean-shutdown' | 'dockerd-not-running' | 'empty-journal' | 'no-logs' | 'daemon-state-missing';
  text: string;
  evidence?: Evidence;
}

export interface Verdict {
  status: VerdictStatus;
  /** One sentence for the top of every report. */
  headline: string;
  /** What could be checked (log span, daemon state, snapshots). */
  checked: string[];
  /** What could not be checked, each with the one command that would collect it. */
  missing: { what: string; collectNext: string }[];
  facts: VerdictFact[];
  /** Rules evaluated / not evaluated / insufficient, for the headline's numbers. */
  rules: { evaluated: number; notEvaluated: number; insufficient: number };
}

const LOGS = ['journal', 'journal.docker', 'journal.previous-boot', 'syslog'] as const;
const iso = (t: number | undefined) => (t === undefined ? '?' : new Date(t).toISOString());

export function computeVerdict(model: HostModel, findings: readonly Finding[], coverage: readonly CoverageVerdict[]): Verdict {
  const health = model.collection.health;
  const present = (id: ArtifactId) => health[id]?.state === 'present' || health[id]?.state === 'truncated';
  const facts: VerdictFact[] = [];
  const checked: string[] = [];
  const missing: Verdict['missing'] = [];

  const j = model.journal;
  if (j.available) {
    checked.push(`logs from ${iso(j.firstTime)} to ${iso(j.lastTime)}${j.truncated ? ' (truncated)' : ''}`);
  } else {
    const emptyJournal = LOGS.some((a) => health[a]?.state === 'empty' || (present(a) && !j.available));
    facts.push(
      emptyJournal
        ? { kind: 'empty-journal', text: 'the journal was collected but holds no records (volatile journal cleared, or vacuumed)' }
        : { kind: 'no-logs', text: 'no journal or syslog was collected' },
    );
    missing.push({ what: 'logs (journal or syslog)', collectNext: artifactSpec('journal').collectHint });
  }

  const stateSeen = present('docker.info') || present('docker.ps');
  const procs = model.processes;
  if (stateSeen) checked.push('the running daemon (docker info / docker ps)');
  if (procs.available) checked.push('the process list');
  if (!stateSeen && !procs.available) {
    facts.push({ kind: 'daemon-state-missing', text: "neither dockerd's own state (docker info, docker ps) nor the process list was collected" });
    missing.push({ what: "dockerd's state", collectNext: artifactSpec('docker.info').collectHint });
  }
  if (procs.available && !procs.dockerd) {
    facts.push({ kind: 'dockerd-not-running', text: 'dockerd was not running when the bundle was collected' });
  } else if (!procs.available && !stateSeen && (health['docker.info']?.state === 'failed' || health['docker.ps']?.state === 'failed')) {
    facts.push({ kind: 'dockerd-not-running', text: 'docker info / docker ps failed: dockerd was probably not running when the bundle was collected' });
  }
  for (const b of model.boots.filter((x) => x.verdict === 'unclean')) {
    facts.push({ kind: 'unclean-shutdown', text: `boot ${b.index} ended uncleanly${b.lastEntry !== undefined ? ` at ${iso(b.lastEntry)}` : ''}: ${b.reason}`, ...(b.evidence[0] ? { evidence: b.evidence[0] } : {}) });
  }

  const rules = {
    evaluated: coverage.filter((c) => c.status === 'evaluated').length,
    notEvaluated: coverage.filter((c) => c.status === 'not-evaluated').length,
    insufficient: coverage.filter((c) => c.status === 'insufficient-evidence').length,
  };
  const problems = findings.filter((f) => severityRank(f.severity) >= severityRank('warning'));
  const keyMissing = !j.available || (!stateSeen && !procs.available);
  let status: VerdictStatus;
  let headline: string;
  if (problems.length) {
    status = 'problems-found';
    const worst = problems[0]!;
    headline = `${problems.length} problem${problems.length === 1 ? '' : 's'} found; the most severe: ${worst.title} (${worst.severity})`;
  } else if (keyMissing) {
    status = 'inconclusive';
    headline = `Inconclusive: ${missing.map((m) => m.what).join(' and ')} ${missing.length === 1 ? 'is' : 'are'} missing, so the absence of findings proves nothing`;
  } else {
    status = 'no-problem-found';
    headline = `No problem found in what could be checked: ${checked.join('; ')}`;
  }
  return { status, headline, checked, missing, facts, rules };
}
