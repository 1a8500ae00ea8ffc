/**
 * Collector benchmark on a real lab host with many containers (docker create, not run).
 *
 *   npx tsx bench/collect.ts                 # 1000 created containers, --budget 60
 *   npx tsx bench/collect.ts --containers 300 --budget 60
 *
 * Needs root, dockerd (docker.io) and busybox-static (test/lab/netns-lab.ts). Creates the containers in parallel
 * batches, runs collector/docker-postmortem-collect.sh inside the lab netns against the lab daemon, and reports the
 * wall time, archive size and item count. Fails (exit 1) when the run took longer than --budget (plus 5 s for packing)
 * or longer than 60 s, or when no archive was written. Results are appended to bench/results/collect.tsv.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCollector, unpack } from '../test/lab/collect.js';
import { NetnsLab, labSkipReason } from '../test/lab/netns-lab.js';

const args = process.argv.slice(2);
const opt = (name: string, def: number): number => {
  const i = args.indexOf(name);
  return i >= 0 && Number(args[i + 1]) > 0 ? Number(args[i + 1]) : def;
};
const N = opt('--containers', 1000);
const BUDGET = opt('--budget', 60);
const PARALLEL = 8;
const RESULTS = path.join(path.dirname(fileURLToPath(import.meta.url)), 'results/collect.tsv');

async function main(): Promise<number> {
  const skip = labSkipReason();
  if (skip) {
    console.log(`bench/collect: skipped: ${skip}`);
    return 0;
  }
  const lab = await NetnsLab.start();
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'dpm-benchcol-'));
  try {
    await lab.importBusybox();
    const t0 = Date.now();
    let failed = 0;
    for (let i = 0; i < N; i += PARALLEL) {
      const batch = [];
      for (let k = i; k < Math.min(N, i + PARALLEL); k++) batch.push(lab.docker(['create', '--name', `c${k}`, 'bb:latest', 'sleep', '1'], { timeoutMs: 60_000 }));
      failed += (await Promise.all(batch)).filter((r) => r.code !== 0).length;
    }
    const createS = (Date.now() - t0) / 1000;
    console.log(`created ${N - failed}/${N} containers in ${createS.toFixed(1)} s`);
    const r = await runCollector(lab, path.join(work, 'out'), ['--since', '-30min', '--budget', String(BUDGET)], (BUDGET + 60) * 1000);
    const secs = r.durationMs / 1000;
    const size = r.archive ? fs.statSync(r.archive).size : 0;
    let items = 0;
    let listingRows = 0;
    let healthRows = 0;
    let budgetSkips = 0;
    if (r.archive) {
      const top = unpack(r.archive, path.join(work, 'unpacked'));
      const m = JSON.parse(fs.readFileSync(path.join(top, 'manifest.json'), 'utf8')) as { items: { skipReason: string | null }[] };
      items = m.items.length;
      budgetSkips = m.items.filter((i) => i.skipReason === 'budget exhausted').length;
      const rows = (f: string) => (fs.existsSync(f) ? fs.readFileSync(f, 'utf8').split('\n').filter((l) => l && !l.startsWith('#')).length : 0);
      listingRows = rows(path.join(top, 'cmd/dataroot-listing.tsv'));
      healthRows = rows(path.join(top, 'cmd/dataroot-json-health.tsv'));
    }
    const line = [new Date().toISOString(), os.cpus().length, N - failed, BUDGET, secs.toFixed(1), size, items, listingRows, healthRows, budgetSkips].join('\t');
    fs.mkdirSync(path.dirname(RESULTS), { recursive: true });
    if (!fs.existsSync(RESULTS)) fs.writeFileSync(RESULTS, '# utc\tcpus\tcontainers\tbudget_s\tcollect_s\tarchive_bytes\titems\tdataroot_rows\tjson_health_rows\tbudget_skips\n');
    fs.appendFileSync(RESULTS, line + '\n');
    console.log(`collector: ${secs.toFixed(1)} s (budget ${BUDGET} s), archive ${(size / 1024).toFixed(0)} KiB, ${items} items, data-root listing ${listingRows} rows, json health ${healthRows} rows, ${budgetSkips} budget skips`);
    const problems: string[] = [];
    if (!r.archive) problems.push(`no archive (exit ${r.code}): ${r.stderr.slice(-1500)}`);
    if (secs > BUDGET + 5) problems.push(`ran ${secs.toFixed(1)} s, past --budget ${BUDGET} s`);
    if (secs > 60) problems.push(`ran ${secs.toFixed(1)} s, over 60 s`);
    if (r.archive && healthRows < 2 * (N - failed)) problems.push(`json health has ${healthRows} rows for ${N - failed} containers`);
    for (const p of problems) console.error(`FAIL: ${p}`);
    return problems.length ? 1 : 0;
  } finally {
    await lab.teardown();
    fs.rmSync(work, { recursive: true, force: true });
  }
}

process.exitCode = await main();
