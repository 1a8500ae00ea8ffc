/**
 * bench/journal-text.ts: the journal parser alone on a text journal (`journalctl --no-pager`, short
 * format), with its fast path (analyzer/src/parsers/journal-fast.ts) and with the regex path only, in the
 * same run, so the ratio holds on a loaded machine. No decompression: the file is read from disk.
 *
 *   npm run build && npx tsx bench/sosreport.ts      # makes the sosreport the journal is taken from
 *   npx tsx bench/journal-text.ts                    # DPM_BENCH_SOS_MB picks the size (default 400)
 *   DPM_BENCH_SOS_MB=40 DPM_BENCH_RUNS=3 npx tsx bench/journal-text.ts
 *
 * Instruction counts, stable whatever the load (about 60× slower; use a small journal):
 *   valgrind --tool=callgrind --callgrind-out-file=/dev/null node --input-type=module -e "$(npx tsx bench/journal-text.ts --print-script fast)"
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { envNumber, loadLine, timeShell } from './measure.js';

const ROOT = resolve(import.meta.dirname, '..');
const MB = envNumber('DPM_BENCH_SOS_MB', 400);
const RUNS = envNumber('DPM_BENCH_RUNS', 3);
const DIR = '/tmp/dpm-bench-sos';
const BUNDLE = join(DIR, `sosreport-${MB}mb.tar.gz`);
const JOURNAL = join(DIR, `journal-${MB}mb.txt`);

/** Parses JOURNAL once in a fresh node; prints `lines cpu_ms`. */
const script = (fastPath: boolean) => `
const { createReadStream } = await import('node:fs');
const { LineSplitter } = await import(${JSON.stringify(join(ROOT, 'dist/analyzer/src/spine/line-splitter.js'))});
const { JournalSink } = await import(${JSON.stringify(join(ROOT, 'dist/analyzer/src/parsers/journal.js'))});
const sink = new JournalSink({ artifact: 'journal', path: 'sos_commands/logs/journalctl_--no-pager', collectedAt: Date.UTC(2026, 10, 28, 7, 31) }, { fastPath: ${fastPath} });
let no = 0;
// as the reader does: each line with its bytes (the fast path reads those)
const split = new LineSplitter(65536, (text, cut, bytes, start, end) => sink.pushBytes(cut ? { no: ++no, text, cut } : { no: ++no, text }, bytes, start, end));
const t0 = process.cpuUsage();
for await (const c of createReadStream(${JSON.stringify(JOURNAL)}, { highWaterMark: 1 << 20 })) split.write(c);
split.end();
const r = sink.finish();
const cpu = process.cpuUsage(t0);
if (r.status !== 'ok' || !r.value.events['unit.start-limit']) { console.error('start-limit not found'); process.exit(1); }
console.log(no, (cpu.user + cpu.system) / 1000);`;

if (process.argv.includes('--print-script')) {
  process.stdout.write(script(process.argv.at(-1) !== 'regex'));
} else {
  if (!existsSync(JOURNAL)) {
    if (!existsSync(BUNDLE)) throw new Error(`${BUNDLE} is missing: run bench/sosreport.ts first`);
    execFileSync('sh', ['-c', `tar -xzOf '${BUNDLE}' --wildcards '*/sos_commands/logs/journalctl_--no-pager' > '${JOURNAL}'`]);
  }
  console.log(`${JOURNAL}, best of ${RUNS}; ${loadLine()}`);
  const best = { fast: Infinity, regex: Infinity };
  let lines = 0;
  for (let i = 0; i < RUNS; i++) {
    for (const mode of ['fast', 'regex'] as const) {
      const out = timeShell(`node --input-type=module -e '${script(mode === 'fast').replace(/'/g, "'\\''")}'`).stdout.trim().split(' ');
      lines = Number(out[0]);
      best[mode] = Math.min(best[mode], Number(out[1]));
    }
  }
  const us = (ms: number) => ((ms * 1000) / lines).toFixed(2);
  console.log(`  ${lines} lines; parser CPU (start-up excluded): fast path ${us(best.fast)} µs/line, regex path ${us(best.regex)} µs/line → ${(best.regex / best.fast).toFixed(2)}× (${loadLine()})`);
}
