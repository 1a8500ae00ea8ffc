/**
 * The event catalog: every declaration of every family, compiled once for the journal parser.
 *
 * Matching a record: the record's unit/ident selects the applicable wordings (cached per source);
 * one scan for all their literal hints reads the message once (literal-scan.ts; most records match no
 * hint and cost that one scan). Each hint found names the wordings it belongs to, and only those run
 * their own regex, in catalog order. The first wording of a kind that matches wins: one record gives a kind
 * at most once.
 */
import { CONTAINERD_EVENTS } from './containerd.js';
import { DOCKERD_EVENTS } from './dockerd.js';
import { KERNEL_EVENTS } from './kernel.js';
import { NETWORK_EVENTS } from './network.js';
import { STORAGE_EVENTS } from './storage.js';
import { SYSTEMD_EVENTS } from './systemd.js';
import type { EventDecl, EventKind } from './types.js';
import { LiteralScanner } from './literal-scan.js';

export const CATALOG: readonly EventDecl[] = [...SYSTEMD_EVENTS, ...DOCKERD_EVENTS, ...CONTAINERD_EVENTS, ...STORAGE_EVENTS, ...NETWORK_EVENTS, ...KERNEL_EVENTS] as readonly EventDecl[];

export interface CompiledWording {
  kind: EventKind;
  /** `[kind]`, shared by every record this wording alone matches (read only). */
  kinds: readonly EventKind[];
  /** Position in the catalog: candidates run in this order, so the first wording of a kind wins. */
  order: number;
  /** `<kind>#<n>`: which variant matched, kept with the event. */
  id: string;
  re: RegExp;
  hints: readonly string[];
  from?: readonly string[];
  normalize?: (f: Record<string, string>) => Record<string, string>;
}

/** The wordings that apply to one record source, with their prefilter. */
export interface SourceGate {
  /** Wordings with a hint; run only when `prefilter` finds one of their hints. */
  hinted: readonly CompiledWording[];
  /** Every hint of `hinted`, scanned in one pass (literal-scan.ts): each literal found names its wordings. */
  prefilter?: LiteralScanner;
  /** Literal index (in the scanner) → the wordings that hint it. */
  wordingsOf?: readonly (readonly CompiledWording[])[];
  /** Wordings without a hint (every record of their source). */
  always: readonly CompiledWording[];
}

export interface EventMatch {
  kind: EventKind;
  wording: string;
  fields: Record<string, string>;
  /** The matched text, highlighted in the evidence. */
  match: string;
}


/** Prefix match on unit or ident (`docker` matches `docker.service` and `dockerd`). */
export function fromMatches(from: readonly string[] | undefined, unit: string | undefined, ident: string | undefined): boolean {
  if (!from || from.length === 0) return true;
  for (const u of from) {
    if (unit !== undefined && unit.startsWith(u)) return true;
    if (ident !== undefined && ident.startsWith(u)) return true;
  }
  return false;
}

/** Unit/ident pairs whose gates a catalog keeps. */
const MAX_GATES = 5000;

export class CompiledCatalog {
  readonly wordings: readonly CompiledWording[];
  private readonly decls = new Map<EventKind, EventDecl>();
  /**
   * Gates by unit, then ident (`''` for none): a JSON journal interleaves units, and building a joined
   * key for every record was 3 % of a 1 GB JSON journal's analyze. Bounded in total (MAX_GATES): a
   * hostile journal may name a million sources.
   */
  /**
   * `gates.get('')`, the gates of records without a unit (or an empty one), also held here: every line of a text
   * journal has none, and consecutive lines mostly alternate idents, so that lookup was one of two per line.
   */
  private readonly noUnit = new Map<string, SourceGate>();
  private readonly gates = new Map<string, Map<string, SourceGate>>([['', this.noUnit]]);
  private gateCount = 0;
  private readonly bySignature = new Map<string, SourceGate>();
  /** The last source asked for: consecutive records mostly share their unit and ident. */
  private lastUnit?: string;
  private lastIdent?: string;
  private lastGate?: SourceGate;

  constructor(decls: readonly EventDecl[]) {
    const out: CompiledWording[] = [];
    for (const d of decls) {
      if (this.decls.has(d.kind)) throw new Error(`event kind ${d.kind} declared twice`);
      this.decls.set(d.kind, d);
      d.wordings.forEach((w, i) => {
        const hints = (typeof w.hint === 'string' ? [w.hint] : [...w.hint]).filter((h) => h.length > 0);
        // A shared regex must not carry lastIndex between records.
        const re = w.re.global || w.re.sticky ? new RegExp(w.re.source, w.re.flags.replace(/[gy]/g, '')) : w.re;
        out.push({ kind: d.kind, kinds: Object.freeze([d.kind]), order: out.length, id: `${d.kind}#${i + 1}`, re, hints, ...(d.from ? { from: d.from } : {}), ...(d.normalize ? { normalize: d.normalize } : {}) });
      });
    }
    this.wordings = out;
  }

  decl(kind: EventKind): EventDecl | undefined {
    return this.decls.get(kind);
  }

  kinds(): EventKind[] {
    return [...this.decls.keys()];
  }

  /**
   * The gate for records of this unit/ident. Sources may be many (a journal of thousands of idents) but
   * the sets of wordings they select are few: gates are shared per set, so a scanner is built once per set.
   */
  gate(unit: string | undefined, ident: string | undefined): SourceGate {
    if (this.lastGate !== undefined && unit === this.lastUnit && ident === this.lastIdent) return this.lastGate;
    const g = this.lookupGate(unit, ident);
    this.lastUnit = unit;
    this.lastIdent = ident;
    this.lastGate = g;
    return g;
  }

  private lookupGate(unit: string | undefined, ident: string | undefined): SourceGate {
    const byIdent = unit === undefined ? this.noUnit : this.gates.get(unit);
    const known = byIdent?.get(ident ?? '');
    if (known) return known;
    const applicable = this.wordings.filter((w) => fromMatches(w.from, unit, ident));
    const signature = applicable.map((w) => w.order).join(',');
    let g = this.bySignature.get(signature);
    if (!g) {
      const hinted = applicable.filter((w) => w.hints.length > 0);
      const always = applicable.filter((w) => w.hints.length === 0);
      const literals = [...new Set(hinted.flatMap((w) => w.hints))];
      const wordingsOf = literals.map((h) => hinted.filter((w) => w.hints.includes(h)));
      g = { hinted, always, ...(literals.length ? { prefilter: new LiteralScanner(literals), wordingsOf } : {}) };
      this.bySignature.set(signature, g);
    }
    if (this.gateCount < MAX_GATES) {
      if (byIdent !== undefined) byIdent.set(ident ?? '', g);
      else this.gates.set(unit!, new Map([[ident ?? '', g]])); // only a unit not seen before has no map yet
      this.gateCount++;
    }
    return g;
  }

  /** Every kind this message means, first matching wording per kind, with fields (tests and one-off callers). */
  match(gate: SourceGate, message: string): EventMatch[] | undefined {
    return this.matchWordings(gate, message)?.map((w) => eventMatch(w, message)!);
  }

  /**
   * The wordings that match the message `text.slice(from)`, first per kind, without their fields: a regex
   * `test` builds no match array and no fields object, and the message is cut from `text` only when a
   * wording's regex must run (most records match no hint and have no always-run wording). The journal keeps a bounded sample of each
   * kind's records and reads the fields of those only (eventMatch).
   */
  matchWordings(gate: SourceGate, text: string, from = 0): CompiledWording[] | undefined {
    return this.matchFound(gate, gate.prefilter?.scan(text, from), text, from);
  }

  /** matchWordings with the prefilter's result already in hand (`found`: the gate's scan of the same message). */
  matchFound(gate: SourceGate, found: ReadonlySet<number> | undefined, text: string, from = 0): CompiledWording[] | undefined {
    if (found === undefined && gate.always.length === 0) return undefined;
    const message = from === 0 ? text : text.slice(from);
    const out = found === undefined ? undefined : firstPerKind(candidatesOf(gate, found), message, undefined);
    return firstPerKind(gate.always, message, out);
  }
}

/** The wordings the literals found name, in catalog order (one literal's list is in that order already). */
function candidatesOf(gate: SourceGate, found: ReadonlySet<number>): readonly CompiledWording[] {
  if (found.size === 1) for (const k of found) return gate.wordingsOf![k]!;
  const merged: CompiledWording[] = [];
  for (const k of found) for (const w of gate.wordingsOf![k]!) if (!merged.includes(w)) merged.push(w);
  return merged.sort((a, b) => a.order - b.order);
}

/** Adds to `out` each of `ws` whose regex matches, unless a wording of its kind matched already. */
function firstPerKind(ws: readonly CompiledWording[], message: string, out: CompiledWording[] | undefined): CompiledWording[] | undefined {
  for (const w of ws) {
    if (out !== undefined && hasKind(out, w.kind)) continue;
    if (w.re.test(message)) (out ??= []).push(w);
  }
  return out;
}

function hasKind(ws: readonly CompiledWording[], kind: EventKind): boolean {
  for (const w of ws) if (w.kind === kind) return true;
  return false;
}

/** A matching wording's event on this message (its fields and matched text); undefined if it does not match. */
export function eventMatch(w: CompiledWording, message: string): EventMatch | undefined {
  const m = w.re.exec(message);
  return m ? toMatch(w, m) : undefined;
}

function toMatch(w: CompiledWording, m: RegExpExecArray): EventMatch {
  let fields: Record<string, string> = {};
  if (m.groups) for (const [k, v] of Object.entries(m.groups)) if (v !== undefined) fields[k] = v;
  if (w.normalize) fields = w.normalize(fields);
  return { kind: w.kind, wording: w.id, fields, match: m[0] };
}

/** The catalog every parser uses unless a test gives its own. */
export const EVENTS = new CompiledCatalog(CATALOG);

/** Whether a kind is routine chatter (EventDecl.chatter): the report folds its runs into counts. */
export function isChatter(kind: string): boolean {
  return EVENTS.decl(kind as EventKind)?.chatter === true;
}

/** A kind in words, for timelines and reports. */
export function eventTitle(kind: string): string {
  return EVENTS.decl(kind as EventKind)?.title ?? kind;
}
