/**
 * Run a real `sos report` and our collector on the same lab host (both inside the lab netns, against the lab
 * dockerd) and compare which registry artifacts each one produced, using the ARTIFACTS paths (bundle vs sos).
 * Prints a Markdown table (used for docs/collector-vs-sos.md).
 *
 * Run: npx tsx test/lab/compare-sos.ts > /tmp/compare.md
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import picomatch from 'picomatch';
import { ARTIFACTS } from '../../analyzer/src/spine/artifacts.js';
import { runCollector, unpack } from './collect.js';
import { NetnsLab, run, runSync } from './netns-lab.js';

const PLUGINS = 'logs,sysvipc,devicemapper,networking,systemd,kernel,auditd,process,cgroups';

async function main(): Promise<void> {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'dpm-sos-'));
  const lab = await NetnsLab.start();
  try {
    await lab.importBusybox();
    await lab.runContainers(2, { prefix: 'web' });
    const ours = await runCollector(lab, path.join(work, 'ours'), ['--since', '-30min', '--budget', '300']);
    if (!ours.archive) throw new Error(`collector failed: ${ours.stderr}`);
    const otop = unpack(ours.archive, path.join(work, 'ours-x'));
    const manifest = JSON.parse(fs.readFileSync(path.join(otop, 'manifest.json'), 'utf8')) as {
      items: { id: string; skipped: boolean; bytes: number | null; exitCode: number | null; path: string }[];
    };
    const sosTmp = path.join(work, 'sos');
    fs.mkdirSync(sosTmp);
    const sosVersion = runSync(['sos', '--version']).stdout.trim() || runSync(['dpkg-query', '-W', '-f', '${Version}', 'sosreport']).stdout.trim();
    const sos = await run([...lab.nsPrefix(), 'sos', 'report', '--batch', '--all-logs', '-o', PLUGINS, '--tmp-dir', sosTmp, '--label', 'lab'], { timeoutMs: 900_000 });
    const sosArchive = fs.readdirSync(sosTmp).find((f) => /^sosreport-.*\.tar\.(xz|gz|bz2)$/.test(f));
    if (!sosArchive) throw new Error(`sos failed (${sos.code}): ${sos.stderr.slice(-2000)} ${sos.stdout.slice(-2000)}`);
    const sosPath = path.join(sosTmp, sosArchive);
    const sosMembers = runSync(['tar', '-tf', sosPath], { timeoutMs: 120_000 }).stdout.split('\n').filter(Boolean);
    const sosRel = sosMembers.map((m) => m.split('/').slice(1).join('/')).filter(Boolean);
    const sosSize = fs.statSync(sosPath).size;
    const sosFiles = sosRel.filter((m) => !m.endsWith('/')).length;
    // sos leaves empty files for failed commands; count only non-empty members as "has it".
    const sosX = path.join(work, 'sos-x');
    fs.mkdirSync(sosX);
    runSync(['tar', '-C', sosX, '-xf', sosPath], { timeoutMs: 300_000 });
    const sosTop = path.join(sosX, fs.readdirSync(sosX)[0]!);
    const nonEmpty = (rel: string) => {
      try {
        const st = fs.statSync(path.join(sosTop, rel));
        return st.isFile() && st.size > 0;
      } catch {
        return false;
      }
    };
    const rows: string[] = [];
    let oursOnly = 0;
    let sosOnly = 0;
    let both = 0;
    let neither = 0;
    for (const a of ARTIFACTS) {
      const items = manifest.items.filter((i) => i.id === a.id);
      const oursHas = items.some((i) => !i.skipped && (i.bytes ?? 0) > 0 && (i.exitCode === 0 || i.exitCode === null));
      let sosHit = '';
      for (const pat of a.sos) {
        const isMatch = picomatch(pat, { dot: true });
        const hits = sosRel.filter((m) => isMatch(m));
        if (hits.length) {
          sosHit = hits.some(nonEmpty) ? hits[0]! : `${hits[0]} (empty)`;
          break;
        }
      }
      const sosHas = sosHit !== '' && !sosHit.endsWith('(empty)');
      if (oursHas && sosHas) both++;
      else if (oursHas) oursOnly++;
      else if (sosHas) sosOnly++;
      else neither++;
      const good = items.find((i) => !i.skipped && (i.bytes ?? 0) > 0 && (i.exitCode === 0 || i.exitCode === null));
      const oursCell = items.length ? (good ? `yes (\`${good.path}\`)` : `no (${items.map((i) => (i.skipped ? 'skipped' : `exit ${i.exitCode}`)).join(', ')})`) : 'not collected';
      rows.push(`| \`${a.id}\` | ${oursCell} | ${sosHit ? (sosHas ? `yes (\`${sosHit}\`)` : `no (\`${sosHit}\`)`) : a.sos.length ? 'no' : 'no (no sos path)'} |`);
    }
    const oursSize = fs.statSync(ours.archive).size;
    console.log(`Measured ${new Date().toISOString().slice(0, 16)}Z on this lab host (Debian 12, ${sosVersion.split('\n')[0]}, plugins \`${PLUGINS}\`,
both run inside the lab netns against the lab dockerd 20.10.24):

| | our collector | sos report |
|---|---|---|
| wall time | ${(ours.durationMs / 1000).toFixed(1)} s | ${(sos.durationMs / 1000).toFixed(1)} s |
| archive | ${(oursSize / 1024).toFixed(0)} KiB, ${manifest.items.length} manifest items | ${(sosSize / 1024).toFixed(0)} KiB, ${sosFiles} files |
| registry artifacts present (of ${ARTIFACTS.length}) | ${both + oursOnly} | ${both + sosOnly} |
| only here | ${oursOnly} | ${sosOnly} |

Neither had ${neither} (no systemd journal/unit state, no device-mapper, no auditd, no rpm on this lab host).

| artifact id | our bundle | sosreport |
|---|---|---|
${rows.join('\n')}
`);
    fs.writeFileSync(path.join(os.tmpdir(), 'dpm-sos-members.txt'), sosRel.join('\n'));
  } finally {
    await lab.teardown();
    fs.rmSync(work, { recursive: true, force: true });
  }
}

await main();
