/**
 * Shared capture steps for the lab scenario scripts: run the real tools against a live lab and save their output
 * verbatim (LC_ALL=C TZ=UTC) as fixtures under test/fixtures/lab/<scenario>/.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { NetnsLab, runSync, type RunResult } from './netns-lab.js';

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const FIXTURES = path.join(REPO, 'test/fixtures/lab');

export function fixtureDir(scenario: string, fresh = true): string {
  const d = path.join(FIXTURES, scenario);
  if (fresh) fs.rmSync(d, { recursive: true, force: true });
  fs.mkdirSync(d, { recursive: true });
  return d;
}

export function utcNow(): string {
  return new Date().toISOString();
}

/** Write stdout to <name>; stderr (if any) to <name>.stderr; a non-zero exit to <name>.exit. */
export function save(dir: string, name: string, r: RunResult): void {
  fs.writeFileSync(path.join(dir, name), r.stdout);
  if (r.stderr.trim()) fs.writeFileSync(path.join(dir, `${name}.stderr`), r.stderr);
  if (r.code !== 0) fs.writeFileSync(path.join(dir, `${name}.exit`), `${r.code ?? r.signal}${r.timedOut ? ' (timed out)' : ''}\n`);
}

/** A listing in the bundle's TSV shape (docs/bundle-format.md "Listings"), produced by GNU find. */
export function listing(root: string, maxDepth = 6): RunResult {
  const r = runSync(['find', root, '-maxdepth', String(maxDepth), '-printf', '%y\t%m\t%U\t%G\t%s\t%T@\t%p\n'], { timeoutMs: 60_000 });
  const header = '# type\tmode\tuid\tgid\tsize\tmtime\tpath\n';
  // find prints %T@ with 10 fraction digits; the bundle keeps 3. %y uses the same f/d/l letters; others → o.
  const body = r.stdout
    .split('\n')
    .filter(Boolean)
    .map((l) => {
      const f = l.split('\t');
      if (!['f', 'd', 'l'].includes(f[0]!)) f[0] = 'o';
      f[5] = Number(f[5]).toFixed(3);
      return f.join('\t');
    })
    .sort((a, b) => a.split('\t')[6]!.localeCompare(b.split('\t')[6]!))
    .join('\n');
  return { ...r, stdout: header + body + (body ? '\n' : '') };
}

/** ps limited to the lab's own processes (the sandbox's other processes carry environment we must not save). */
export function labPs(lab: NetnsLab): RunResult {
  const pids = lab.labPids();
  if (!pids.length) return { code: 0, signal: null, stdout: '', stderr: 'no lab processes\n', timedOut: false, durationMs: 0 };
  return runSync(['ps', '-o', 'pid,ppid,stat,lstart,args', '-p', pids.join(',')]);
}

/** The networking / engine state set captured in every scenario. */
export async function captureState(lab: NetnsLab, dir: string, prefix = ''): Promise<void> {
  const p = (n: string) => `${prefix}${n}`;
  save(dir, p('ip-d-o-link.txt'), lab.nsSync(['ip', '-d', '-o', 'link']));
  save(dir, p('ip-o-link.txt'), lab.nsSync(['ip', '-o', 'link']));
  save(dir, p('ip-d-address.txt'), lab.nsSync(['ip', '-d', 'address']));
  save(dir, p('bridge-link.txt'), lab.nsSync(['bridge', 'link']));
  save(dir, p('ip-netns.txt'), runSync(['ls', '-la', path.join(lab.execRoot, 'netns')]));
  save(dir, p('docker-ps-a.txt'), await lab.docker(['ps', '-a', '--no-trunc'], { timeoutMs: 20_000 }));
  const ctrSock = path.join(lab.execRoot, 'containerd/containerd.sock');
  save(dir, p('ctr-containers.txt'), runSync(['ctr', '-a', ctrSock, '-n', lab.containerdNamespace, 'containers', 'list'], { timeoutMs: 15_000 }));
  save(dir, p('ctr-tasks.txt'), runSync(['ctr', '-a', ctrSock, '-n', lab.containerdNamespace, 'tasks', 'list'], { timeoutMs: 15_000 }));
  save(dir, p('ps.txt'), labPs(lab));
  save(dir, p('dataroot-listing.tsv'), listing(lab.dataRoot, 3));
  save(dir, p('execroot-listing.tsv'), listing(lab.execRoot, 5));
}

/** Copy the lab's dockerd log (real logrus output) into the fixture folder. */
export function saveLog(lab: NetnsLab, dir: string, name = 'dockerd.log', from = 0): void {
  fs.writeFileSync(path.join(dir, name), lab.logSince(from));
}

export function writeReadme(dir: string, text: string): void {
  fs.writeFileSync(path.join(dir, 'README.md'), text.trimStart());
}

/** Events with UTC times, so tests can line up log lines with what the script did. */
export class EventLog {
  private lines: string[] = [];
  add(what: string): void {
    const l = `${utcNow()}\t${what}`;
    this.lines.push(l);
    console.error(l);
  }
  write(dir: string): void {
    fs.writeFileSync(path.join(dir, 'events.tsv'), `# utc\tevent\n${this.lines.join('\n')}\n`);
  }
}
