/**
 * bench/callgrind-names.mjs: instructions per function of a callgrind run of node, with V8's JIT code named.
 *
 * callgrind counts instructions whatever the machine is doing, but shows JIT code as bare addresses. Node's
 * --perf-basic-prof writes /tmp/perf-<pid>.map (address, size, name) for every compiled function; this joins
 * the two. `*name` is optimised code (TurboFan), `^name` baseline (Sparkplug), `RegExp:` a compiled regex.
 *
 *   rm -f /tmp/perf-*.map
 *   valgrind --tool=callgrind --callgrind-out-file=/tmp/cg.out \
 *     node --single-threaded --perf-basic-prof dist/bundle/main.js analyze --format json -q -o /tmp/r \
 *     /tmp/dpm-bench-sos/sosreport-40mb.tar.gz
 *   node bench/callgrind-names.mjs /tmp/cg.out /tmp/perf-*.map 40
 *
 * A function inlined into another is counted in the one it was inlined into. The perf map makes the run
 * slower and adds its own instructions: compare runs made the same way.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const [cgFile, mapFile, topArg] = process.argv.slice(2);
if (!cgFile || !mapFile) {
  console.error('usage: node bench/callgrind-names.mjs <callgrind.out> </tmp/perf-PID.map> [top]');
  process.exit(2);
}
const top = Number(topArg ?? 40);

/** [start, size, name] sorted by start. */
const ranges = readFileSync(mapFile, 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((l) => {
    const [a, s, ...n] = l.split(' ');
    return [parseInt(a, 16), parseInt(s, 16), n.join(' ')];
  })
  .sort((x, y) => x[0] - y[0]);

function jitName(addr) {
  let lo = 0;
  let hi = ranges.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (ranges[mid][0] <= addr) lo = mid + 1;
    else hi = mid - 1;
  }
  const r = ranges[hi];
  return r && addr < r[0] + r[1] ? r[2].replace(/file:\/\/\S*?\/dist\//, 'dist/') : '(JIT, unnamed)';
}

const annotated = execFileSync('callgrind_annotate', ['--threshold=100', cgFile], { encoding: 'utf8', maxBuffer: 1 << 28 });
const byName = new Map();
let total = 0;
for (const line of annotated.split('\n')) {
  const m = /^\s*([\d,]+) \([\s\d.]+%\)\s+(.*)$/.exec(line);
  if (!m) continue;
  const ir = Number(m[1].replaceAll(',', ''));
  if (m[2].includes('PROGRAM TOTALS')) {
    total = ir;
    continue;
  }
  const jit = /\?\?\?:0x([0-9a-f]+) \[\?\?\?\]/.exec(m[2]);
  const name = jit ? jitName(parseInt(jit[1], 16)) : m[2].replace(/ \[[^\]]*\]$/, '').replace(/^[^:]*:/, '');
  byName.set(name, (byName.get(name) ?? 0) + ir);
}
console.log(`total ${(total / 1e9).toFixed(3)} G instructions`);
for (const [name, ir] of [...byName].sort((a, b) => b[1] - a[1]).slice(0, top)) {
  console.log(`${(ir / 1e6).toFixed(1).padStart(9)} M ${((100 * ir) / total).toFixed(1).padStart(5)} %  ${name.slice(0, 150)}`);
}
