/**
 * A small frame for the storage/IPC line parsers: it owns the problem list, wraps `push` and
 * `finish` so that a bug in one parser becomes a ParseProblem instead of an exception (the
 * contract says push never throws), and freezes the value it returns (parsers return frozen
 * records: the model and rules must not edit parser output).
 */
import type { ArtifactId } from '../../spine/artifacts.js';
import { boundedLine, MAX_PARSER_LINE } from './line-cap.js';
import { deepFreeze } from './deep-freeze.js';
import type { Line, LineSink, ParseContext, ParseProblem, ParseResult, ParserDef } from '../../spine/types.js';

/** Problems kept per file; the rest are counted in one final problem so a garbage file stays small. */
export const MAX_PROBLEMS = 200;

export interface ProblemLog {
  /** Record a line the parser could not read. */
  add(line: Line | number, reason: string): void;
  readonly list: ParseProblem[];
  /** Problems beyond MAX_PROBLEMS that were counted but not kept. */
  readonly dropped: number;
}

export function problemLog(): ProblemLog {
  const list: ParseProblem[] = [];
  let dropped = 0;
  return {
    list,
    get dropped() {
      return dropped;
    },
    add(line, reason) {
      if (list.length >= MAX_PROBLEMS) {
        dropped++;
        return;
      }
      if (typeof line === 'number') list.push({ line, reason });
      else list.push({ line: line.no, reason, excerpt: line.text.slice(0, 200) });
    },
  };
}

export interface LineParserSpec<S, T> {
  name: string;
  artifacts: readonly ArtifactId[];
  init(ctx: ParseContext): S;
  line(state: S, line: Line, problems: ProblemLog, ctx: ParseContext): void;
  finish(state: S, problems: ProblemLog, ctx: ParseContext): ParseResult<T>;
  /**
   * Characters of a line this parser sees (default MAX_PARSER_LINE). Raise it only for lines that
   * are legitimately longer and parsed in linear time (JSON documents).
   */
  maxLineLength?: number;
  /** Hand `\r`, U+2028 and U+2029 inside a line to the parser as they are (JSON: they decide validity). */
  keepInnerBreaks?: boolean;
}

/** Builds a ParserDef whose sink never throws, whatever the spec does. */
export function lineParser<S, T>(spec: LineParserSpec<S, T>): ParserDef<T> {
  return Object.freeze({
    name: spec.name,
    artifacts: Object.freeze([...spec.artifacts]),
    create: (ctx: ParseContext): LineSink<T> => new FramedSink(spec, ctx),
  });
}

/**
 * The sink of a line parser. A class, not an object literal made in `create`: a batch worker would compile a
 * new `push` for every file of every bundle (bench/README, "hot callbacks").
 */
class FramedSink<S, T> implements LineSink<T> {
  private readonly problems = problemLog();
  private state: S | undefined;
  private initError: string | undefined;
  private lastLine = 0;
  private readonly maxLine: number;

  constructor(
    private readonly spec: LineParserSpec<S, T>,
    private readonly ctx: ParseContext,
  ) {
    try {
      this.state = spec.init(ctx);
    } catch (e) {
      this.initError = errorText(e);
    }
    this.maxLine = spec.maxLineLength ?? MAX_PARSER_LINE;
  }

  push(raw: Line): void {
    this.lastLine = raw.no;
    if (this.state === undefined) return;
    const { line, cut } = boundedLine(raw, this.maxLine, this.spec.keepInnerBreaks);
    if (cut) this.problems.add(line, `line of ${raw.text.length} characters cut to ${this.maxLine} (parser line limit)`);
    try {
      this.spec.line(this.state, line, this.problems, this.ctx);
    } catch (e) {
      this.problems.add(line, `parser error: ${errorText(e)}`);
    }
  }

  finish(): ParseResult<T> {
    const { problems, lastLine } = this;
    if (this.state === undefined) return { status: 'malformed', reason: `parser error: ${this.initError ?? 'no state'}`, problems: problems.list };
    let r: ParseResult<T>;
    try {
      r = this.spec.finish(this.state, problems, this.ctx);
    } catch (e) {
      problems.add(lastLine, `parser error: ${errorText(e)}`);
      return { status: 'malformed', reason: `parser error: ${errorText(e)}`, line: lastLine, problems: problems.list };
    }
    if (problems.dropped > 0) problems.list.push({ line: lastLine, reason: `${problems.dropped} more problems not kept` });
    if ('value' in r && r.value !== undefined) deepFreeze(r.value);
    return r;
  }
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

export function ok<T>(value: T, problems: ProblemLog): ParseResult<T> {
  return { status: 'ok', value, problems: problems.list };
}

export function skipped<T>(reason: string, problems: ProblemLog): ParseResult<T> {
  return { status: 'skipped', reason, problems: problems.list };
}

export function malformed<T>(reason: string, problems: ProblemLog, line?: number, value?: T): ParseResult<T> {
  return { status: 'malformed', reason, line, value, problems: problems.list };
}
