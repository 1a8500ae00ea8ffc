/** Exit codes shared by every command (README documents them). */
export const EXIT = Object.freeze({
  OK: 0,
  /** A finding at or above --fail-on. */
  FINDINGS: 1,
  USAGE: 2,
  /** The input (or, in batch, any input) could not be read. */
  UNREADABLE: 3,
});
