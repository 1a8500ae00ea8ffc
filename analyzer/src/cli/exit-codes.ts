import { safe } from './safe-text.js';

/** Exit codes shared by every command (README documents them). */
export const EXIT = Object.freeze({
  OK: 0,
  /** A finding at or above --fail-on. */
  FINDINGS: 1,
  USAGE: 2,
  /** The input (or, in batch, any input) could not be read. */
  UNREADABLE: 3,
});

/**
 * Runs `work`; an unreadable bundle becomes one line on stderr and exit code 3 (every command that
 * reads a bundle says it the same way). Other errors propagate to main's internal-error handler.
 */
export async function orUnreadable(bundle: string, work: () => Promise<void>): Promise<void> {
  const { BundleUnreadableError } = await import('../spine/reader.js');
  try {
    await work();
  } catch (e) {
    if (!(e instanceof BundleUnreadableError)) throw e;
    process.stderr.write(`docker-postmortem: cannot read ${safe(bundle)}: ${safe(e.message)}\n`);
    process.exitCode = EXIT.UNREADABLE;
  }
}
