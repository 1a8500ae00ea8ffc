/**
 * Batch progress on stderr: a redrawn bar on a TTY (done/total, rate, ETA, failures), plain lines
 * otherwise (logs, CI). NO_COLOR turns colour off.
 */
import { safe } from '../cli/safe-text.js';
import type { JobResult } from './pool.js';
import type { BundleSummary } from './summary.js';
import { count } from '../../../reports/text.js';

export class Progress {
  private done = 0;
  private failed = 0;
  private cached = 0;
  private readonly start = Date.now();
  private readonly tty: boolean;
  private readonly color: boolean;

  constructor(private readonly total: number, private readonly out: NodeJS.WriteStream = process.stderr) {
    this.tty = !!out.isTTY;
    this.color = this.tty && !process.env['NO_COLOR'];
  }

  update(r: JobResult): void {
    this.done++;
    if (r.status === 'failed') this.failed++;
    if (r.cached) this.cached++;
    const elapsed = (Date.now() - this.start) / 1000;
    const rate = this.done / Math.max(elapsed, 0.001);
    const eta = (this.total - this.done) / Math.max(rate, 1e-9);
    if (this.tty) {
      const width = 30;
      const filled = Math.round((this.done / Math.max(this.total, 1)) * width);
      const bar = '#'.repeat(filled) + '-'.repeat(width - filled);
      const fail = this.failed ? (this.color ? `\x1b[31mfailed ${this.failed}\x1b[0m` : `failed ${this.failed}`) : 'failed 0';
      this.out.write(`\r[${bar}] ${this.done}/${this.total} ${rate.toFixed(1)}/s ETA ${fmt(eta)} ${fail}${this.cached ? ` cached ${this.cached}` : ''}   `);
      if (this.done === this.total) this.out.write('\n');
    } else {
      const what = r.status === 'failed' ? `failed: ${r.reason}` : `${findingsLine(r)}${r.cached ? ' (cached)' : ''}`;
      this.out.write(`${safe(`[${this.done}/${this.total}] ${r.input}: ${what}`)}\n`);
    }
  }
}

function fmt(s: number): string {
  if (!Number.isFinite(s)) return '?';
  const m = Math.floor(s / 60);
  return m ? `${m}m${String(Math.round(s % 60)).padStart(2, '0')}s` : `${Math.round(s)}s`;
}

/** A bundle's findings in a terminal line: "2 findings, worst error", or "no findings". */
export function findingsLine(b: Pick<BundleSummary, 'findingCount' | 'worstSeverity'>): string {
  return b.findingCount ? `${count(b.findingCount, 'finding')}, worst ${b.worstSeverity}` : 'no findings';
}
