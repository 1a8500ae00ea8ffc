/**
 * Remediation that fits the host: the engine turns a rule's generic steps into this finding's steps.
 *
 * - `{{name}}` in a command is filled from the values the rule passed (`ReportInput.fill`), taken
 *   from the facts the finding stands on: `ip link delete {{veth}}` becomes `ip link delete veth62b22c2`.
 *   A list expands the command into one per value, at most MAX_EXPANDED per step; the rest are
 *   counted in `commandsMore` so the report can say "…and N more". A value the rule does not know
 *   stays a visible `<name>` for the reader to replace. Only `{{` + a letter opens a placeholder, so
 *   Go templates in commands (`docker ps --format "{{.Names}}"`) are left alone.
 * - openEuler-only steps (`flavour: 'openeuler'`: DISABLE_CRASH_FILES_DELETE, native.umask) are
 *   dropped on an upstream Docker host, kept on openEuler docker-engine, and kept with a mark
 *   (`flavourUnconfirmed`) when the flavour is unknown.
 */
import type { DockerFlavor } from '../model/host-model.js';
import type { RemediationFill, RemediationStep } from './types.js';

/** Filled commands shown per step before "…and N more": enough for a ticket, short enough to read. */
export const MAX_EXPANDED = 12;

const PLACEHOLDER = /\{\{([A-Za-z][\w-]*)\}\}/g;

/** Characters a value may carry into a command as it is; anything else is single-quoted for the shell. */
const SHELL_PLAIN = /^[A-Za-z0-9_.:/@%+=,\- ]+$/;

/**
 * A bundle value in a command: interface and container names are plain, but a bundle is untrusted
 * input, so a value with shell-active characters is single-quoted rather than run as written.
 */
export function shellValue(v: string): string {
  return SHELL_PLAIN.test(v) ? v : `'${v.replace(/'/g, `'\\''`)}'`;
}

/** A UTC ISO time as `journalctl --since` reads it: `YYYY-MM-DD HH:MM:SS` (journalctl takes it as local time; give `TZ=UTC`). */
export function journalSince(iso: string | undefined): string | undefined {
  if (!iso) return undefined;
  const m = /^(\d{4}-\d\d-\d\d)T(\d\d:\d\d:\d\d)/.exec(iso);
  return m ? `${m[1]} ${m[2]}` : undefined;
}

function values(fill: RemediationFill | undefined, name: string): string[] {
  const v = fill?.[name];
  if (v === undefined) return [];
  return (typeof v === 'string' ? [v] : [...v]).filter((x) => x !== '');
}

/** One command filled: one entry per value of its first list placeholder (one entry when it has none). */
export function fillCommand(command: string, fill: RemediationFill | undefined): string[] {
  const names = [...new Set([...command.matchAll(PLACEHOLDER)].map((m) => m[1]!))];
  if (names.length === 0) return [command];
  const listName = names.find((n) => values(fill, n).length > 1);
  const render = (pick: Record<string, string>) =>
    command.replace(PLACEHOLDER, (_, n: string) => {
      if (pick[n] !== undefined) return shellValue(pick[n]!);
      const vs = values(fill, n);
      return vs.length ? vs.map(shellValue).join(' ') : `<${n}>`;
    });
  if (!listName) return [render({})];
  return values(fill, listName).map((v) => render({ [listName]: v }));
}

/** A step's commands filled, capped at MAX_EXPANDED commands made from lists; the rest counted. */
export function fillStep(step: RemediationStep, fill: RemediationFill | undefined): RemediationStep {
  if (!step.commands?.length) return { ...step };
  const out: string[] = [];
  let expanded = 0;
  let more = 0;
  for (const c of step.commands) {
    const filled = fillCommand(c, fill);
    if (filled.length === 1) {
      out.push(filled[0]!);
      continue;
    }
    const room = Math.max(0, MAX_EXPANDED - expanded);
    out.push(...filled.slice(0, room));
    expanded += Math.min(room, filled.length);
    more += Math.max(0, filled.length - room);
  }
  return { ...step, commands: out, ...(more > 0 ? { commandsMore: more } : {}) };
}

/** Whether an openEuler-only step is shown on this host, and whether it needs the mark. */
function gate(step: RemediationStep, flavor: DockerFlavor | undefined): RemediationStep | undefined {
  if (step.flavour !== 'openeuler') return step;
  if (flavor === 'upstream') return undefined;
  if (flavor === 'openeuler-docker-engine') return step;
  return { ...step, flavourUnconfirmed: true };
}

/** A finding's steps for this host: openEuler-only steps gated by the flavour, commands filled. */
export function stepsForHost(steps: readonly RemediationStep[], fill: RemediationFill | undefined, flavor: DockerFlavor | undefined): RemediationStep[] {
  const out: RemediationStep[] = [];
  for (const s of steps) {
    const shown = gate(s, flavor);
    if (shown) out.push(fillStep(shown, fill));
  }
  return out;
}
