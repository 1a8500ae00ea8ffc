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
import { findRootCauses } from './root-causes.js';
import type { HostModel } from '../model/host-model.js';
import type { CoverageVerdict, Finding } from '../rules/types.js';
import { severityRank } from '../rules/types.js';
import type { Evidence } from '../spine/types.js';
import { artifactSpec, type ArtifactId } from '../spine/artifacts.js';

export type VerdictStatus = 'problems-found' | 'no-problem-found' | 'inconclusive';

/**
 * A sentence as an id and its data, for reports in other languages (analyzer/src/i18n/: the id is
 * `verdict.<id>` in the UI catalog). Times in `data` are UTC ISO strings. Optional in the types
 * only because report.json files written before them lack them.
 */
export interface VerdictMessage {
  id: string;
  data?: Record<string, string | number>;
}

export interface VerdictFact {
  kind: 'unclean-shutdown' | 'dockerd-not-running' | 'empty-journal' | 'no-logs' | 'daemon-state-missing';
  text: string;
  /** The text as an id (`fact.dockerd-not-running-probably`) and data. */
  message?: VerdictMessage;
  evidence?: Evidence;
}

export interface Verdict {
  status: VerdictStatus;
  /** One sentence for the top of every report. */
  headline: string;
  /** The headline as an id (`headline.<status>`) and data. */
  headlineMessage?: VerdictMessage;
  /** What could be checked (log span, daemon state, snapshots). */
  checked: string[];
  /** `checked` as ids and data, in the same order. */
  checkedMessages?: VerdictMessage[];
  /** What could not be checked, each with the one command that would collect it; `id` names `what` (`missing.logs`). */
  missing: { id?: string; what: string; collectNext: string }[];
  facts: VerdictFact[];
  /** Rules evaluated / not evaluated / insufficient, for the headline's numbers. */
  rules: { evaluated: number; notEvaluated: number; insufficient: number };
  /** The root causes, most important first, as finding ids (analysis/root-causes.ts; absent in older report.json). */
  rootCauses?: string[];
}

const LOGS = ['journal', 'journal.docker', 'journal.previous-boot', 'syslog'] as const;
const iso = (t: number | undefined) => (t === undefined ? '?' : new Date(t).toISOString());

export function computeVerdict(model: HostModel, findings: readonly Finding[], coverage: readonly CoverageVerdict[], chains: readonly (readonly string[])[]): Verdict {
  const health = model.collection.health;
  const present = (id: ArtifactId) => health[id]?.state === 'present' || health[id]?.state === 'truncated';
  const facts: VerdictFact[] = [];
  const checked: string[] = [];
  const checkedMessages: VerdictMessage[] = [];
  const missing: Verdict['missing'] = [];
  const check = (text: string, message: VerdictMessage) => {
    checked.push(text);
    checkedMessages.push(message);
  };

  const j = model.journal;
  if (j.available) {
    check(`logs from ${iso(j.firstTime)} to ${iso(j.lastTime)}${j.truncated ? ' (truncated)' : ''}`, { id: j.truncated ? 'checked.logs-truncated' : 'checked.logs', data: { from: iso(j.firstTime), to: iso(j.lastTime) } });
  } else {
    const emptyJournal = LOGS.some((a) => health[a]?.state === 'empty' || (present(a) && !j.available));
    facts.push(
      emptyJournal
        ? { kind: 'empty-journal', text: 'the journal was collected but holds no records (volatile journal cleared, or vacuumed)', message: { id: 'fact.empty-journal' } }
        : { kind: 'no-logs', text: 'no journal or syslog was collected', message: { id: 'fact.no-logs' } },
    );
    missing.push({ id: 'missing.logs', what: 'logs (journal or syslog)', collectNext: artifactSpec('journal').collectHint });
  }

  const stateSeen = present('docker.info') || present('docker.ps');
  const procs = model.processes;
  if (stateSeen) check('the running daemon (docker info / docker ps)', { id: 'checked.daemon-state' });
  if (procs.available) check('the process list', { id: 'checked.process-list' });
  if (!stateSeen && !procs.available) {
    facts.push({ kind: 'daemon-state-missing', text: "neither dockerd's own state (docker info, docker ps) nor the process list was collected", message: { id: 'fact.daemon-state-missing' } });
    missing.push({ id: 'missing.daemon-state', what: "dockerd's state", collectNext: artifactSpec('docker.info').collectHint });
  }
  if (procs.available && !procs.dockerd) {
    facts.push({ kind: 'dockerd-not-running', text: 'dockerd was not running when the bundle was collected', message: { id: 'fact.dockerd-not-running' } });
  } else if (!procs.available && !stateSeen && (health['docker.info']?.state === 'failed' || health['docker.ps']?.state === 'failed')) {
    facts.push({ kind: 'dockerd-not-running', text: 'docker info / docker ps failed: dockerd was probably not running when the bundle was collected', message: { id: 'fact.dockerd-not-running-probably' } });
  }
  for (const b of model.boots.filter((x) => x.verdict === 'unclean')) {
    // The reason (free text from boots.ts) stays in `text` and the evidence; the message names the boot and time.
    const message: VerdictMessage = b.lastEntry !== undefined ? { id: 'fact.unclean-shutdown-at', data: { boot: b.index, time: iso(b.lastEntry) } } : { id: 'fact.unclean-shutdown', data: { boot: b.index } };
    facts.push({ kind: 'unclean-shutdown', text: `boot ${b.index} ended uncleanly${b.lastEntry !== undefined ? ` at ${iso(b.lastEntry)}` : ''}: ${b.reason}`, message, ...(b.evidence[0] ? { evidence: b.evidence[0] } : {}) });
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
  let headlineMessage: VerdictMessage;
  if (problems.length) {
    status = 'problems-found';
    const worst = problems[0]!;
    headline = `${problems.length} problem${problems.length === 1 ? '' : 's'} found; the most severe: ${worst.title} (${worst.severity})`;
    // The worst finding by id: a report names it with its translated title and severity.
    headlineMessage = { id: 'headline.problems-found', data: { count: problems.length, finding: worst.id, rule: worst.ruleId, severity: worst.severity } };
  } else if (keyMissing) {
    status = 'inconclusive';
    headline = `Inconclusive: ${missing.map((m) => m.what).join(' and ')} ${missing.length === 1 ? 'is' : 'are'} missing, so the absence of findings proves nothing`;
    headlineMessage = { id: 'headline.inconclusive', data: { count: missing.length } };
  } else {
    status = 'no-problem-found';
    headline = `No problem found in what could be checked: ${checked.join('; ')}`;
    headlineMessage = { id: 'headline.no-problem-found' };
  }
  return { status, headline, headlineMessage, checked, checkedMessages, missing, facts, rules, rootCauses: findRootCauses(findings, chains, { status, headlineMessage }) };
}
