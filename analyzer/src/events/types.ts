/**
 * The event catalog's contract. Every log wording the analyzer understands is declared exactly once,
 * as a `Wording` of one event kind; the journal/syslog parser emits typed `LogEvent`s and nothing
 * downstream runs a regex over a log message again.
 *
 * - A kind names one meaning (`unit.start-limit`, `dockerd.start-error`); its wordings are the real
 *   variants across versions (systemd 219 vs 229+, docker 18.09 vs 20.10, openEuler patches).
 * - Captures are regex named groups; the kind's field list is their type (`EventFieldMap`).
 * - Every wording carries a literal hint (a substring of every line it matches) for the prefilter,
 *   a real sample line and its provenance (a real capture, `owner/repo#N`, or the guide section).
 */
import type { EventFieldMap } from './fields.js';

export type { EventFieldMap } from './fields.js';
export type EventKind = keyof EventFieldMap;
export type EventFields<K extends EventKind> = Partial<Record<EventFieldMap[K], string>>;

export interface Wording {
  /** Matched against the record's message; named groups become the event's fields. */
  re: RegExp;
  /** Literal(s), one of which every matching message contains (the prefilter's key). */
  hint: string | readonly string[];
  /** Which versions write it: `systemd 219`, `docker 20.10+`, `openEuler docker-engine 18.09`. */
  versions: string;
  /** Where the wording comes from: `[lab] …`, `owner/repo#N`, `field guide §1.5`, `moby/moby daemon/daemon.go`. */
  source: string;
  /** One real message (the text after `ident[pid]: `) that the wording must match. */
  sample: string;
}

export interface EventDecl<K extends EventKind = EventKind> {
  kind: K;
  /** The kind in words, for the timeline and docs ("docker.service refused: start limit hit"). */
  title: string;
  /**
   * Syslog identifiers or systemd units the records may come from (prefix match: `docker` matches
   * `docker.service` and `dockerd`). Absent: any source.
   */
  from?: readonly string[];
  /** The named captures every wording may fill. */
  fields: readonly EventFieldMap[K][];
  wordings: readonly Wording[];
  /** A line that looks close but means something else: the catalog test checks it is rejected. */
  nearMiss?: string;
  /**
   * Routine noise that repeats in bursts (gRPC reconnects, bridge port states, mount releases): the
   * report's timeline folds a run of it into one "N ×" row. What it means stays an event like any other.
   */
  chatter?: boolean;
  /** Turns captures into canonical values (a unit description into its unit name …); never sees the message. */
  normalize?: (fields: Record<string, string>) => Record<string, string>;
}

/** Declares one kind (typed captures). */
export function defineEvent<K extends EventKind>(d: EventDecl<K>): EventDecl<K> {
  return d;
}
