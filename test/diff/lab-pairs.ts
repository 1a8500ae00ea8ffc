/**
 * Before/after pairs from the real lab samples, for `diff`. "Before" is the shipped sample as
 * collected. "After" is a copy of it with the fix applied to its captured files exactly as the real
 * tools print them after that fix (and nothing else changed), collected later on the same host:
 *
 * - veth deleted (`ip link delete veth62b22c2`, which takes its peer with it): the pair's lines go
 *   from `ip -d -o link`, and the docker0 port line from `bridge link`.
 * - daemon.json fixed: the truncated file replaced by the same keys as valid JSON, and a clean
 *   `systemctl start docker` appended to the journal. The appended records are the real clean start
 *   of samples/nspawn-healthy (from "Starting docker.service" to "Started docker.service"), moved
 *   to this host's boot, machine and hostname and to one minute after the before collection.
 * - semaphores cleaned (`dmsetup udevcomplete_all` / `ipcrm`): the cookie rows go from `ipcs -s`,
 *   `ipcs -s -t`, /proc/sysvipc/sem and `dmsetup udevcookies` (headers stay), `ipcs -u` counts 0
 *   arrays, and there are no `ipcs -s -i` files (the collector runs it per listed id).
 *
 * Each changed file's manifest item gets its new size and sha256, as the collector would write them.
 */
import { createHash } from 'node:crypto';
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { REPO_ROOT } from '../helpers/rule-tester.js';

export const sample = (n: string) => resolve(REPO_ROOT, 'samples', n);

interface ManifestItem {
  id: string;
  path?: string;
  bytes?: number;
  sha256?: string;
}

class BundleCopy {
  readonly manifest: { collectedAt: string; host?: string; items: ManifestItem[]; [k: string]: unknown };
  constructor(readonly dir: string) {
    this.manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
  }
  read(rel: string): string {
    return readFileSync(join(this.dir, rel), 'utf8');
  }
  write(rel: string, text: string): void {
    writeFileSync(join(this.dir, rel), text);
    for (const it of this.manifest.items) {
      if (it.path !== rel) continue;
      it.bytes = Buffer.byteLength(text);
      it.sha256 = createHash('sha256').update(text).digest('hex');
    }
  }
  remove(rel: string): void {
    rmSync(join(this.dir, rel), { recursive: true, force: true });
    this.manifest.items = this.manifest.items.filter((it) => !(it.path === rel || it.path?.startsWith(`${rel}/`)));
  }
  /** Lines without those `drop` matches; the header and trailing newline stay as they were. */
  dropLines(rel: string, drop: (line: string) => boolean): void {
    this.write(rel, this.read(rel).split('\n').filter((l) => l === '' || !drop(l)).join('\n'));
  }
  collectedLater(ms: number): void {
    this.manifest.collectedAt = new Date(Date.parse(this.manifest.collectedAt) + ms).toISOString().replace(/\.000Z$/, 'Z');
  }
  save(): void {
    writeFileSync(join(this.dir, 'manifest.json'), JSON.stringify(this.manifest, null, 2));
  }
}

function copy(name: string, dest: string): BundleCopy {
  cpSync(sample(name), dest, { recursive: true });
  return new BundleCopy(dest);
}

/** The leaked pair of lab-netns-veth-leak (its README and `ip -d -o link`: both ends on the host). */
export const LEAKED_VETHS = ['veth62b22c2', 'vethb67d295'];

export function vethDeletedAfter(dest: string): string {
  const b = copy('lab-netns-veth-leak', dest);
  const leaked = (l: string) => LEAKED_VETHS.some((v) => new RegExp(`^\\d+: ${v}@`).test(l));
  b.dropLines('cmd/ip-d-o-link.txt', leaked);
  b.dropLines('cmd/ip-o-addr.txt', leaked);
  b.dropLines('cmd/bridge-link.txt', leaked);
  b.collectedLater(5 * 60_000);
  b.save();
  return dest;
}

/** The keys the truncated daemon.json of nspawn-start-limit-daemon-json had, as valid JSON. */
export const FIXED_DAEMON_JSON = '{\n  "log-level": "info",\n  "storage-driver": "overlay2"\n}\n';

export function daemonJsonFixedAfter(dest: string): string {
  const b = copy('nspawn-start-limit-daemon-json', dest);
  b.write('files/etc/docker/daemon.json', FIXED_DAEMON_JSON);

  const beforeLines = b.read('cmd/journal.json').split('\n').filter(Boolean);
  const last = JSON.parse(beforeLines[beforeLines.length - 1]!) as Record<string, string>;
  const bootId = last._BOOT_ID!;
  const healthy = readFileSync(join(sample('nspawn-healthy'), 'cmd/journal.json'), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, string>);
  const from = healthy.findIndex((o) => /^Starting docker\.service/.test(o.MESSAGE ?? ''));
  const to = healthy.findIndex((o, i) => i > from && /^Started docker\.service/.test(o.MESSAGE ?? ''));
  if (from < 0 || to < 0) throw new Error('nspawn-healthy has no clean docker start');
  const start = healthy.slice(from, to + 1).filter((o) => o._SYSTEMD_UNIT === 'docker.service' || o.UNIT === 'docker.service');
  // One minute after the before collection, same spacing as the real start.
  const shiftUs = (Date.parse(b.manifest.collectedAt) + 60_000) * 1000 - Number(start[0]!.__REALTIME_TIMESTAMP);
  const moved = start.map((o) => {
    const r: Record<string, string> = { ...o, _BOOT_ID: bootId, _MACHINE_ID: last._MACHINE_ID!, _HOSTNAME: last._HOSTNAME! };
    for (const k of ['__REALTIME_TIMESTAMP', '_SOURCE_REALTIME_TIMESTAMP'] as const) if (o[k]) r[k] = String(Number(o[k]) + shiftUs);
    delete r.__CURSOR; // a cursor names the other machine's journal file
    // dockerd's own logrus time inside MESSAGE moves with the record.
    if (r.MESSAGE) r.MESSAGE = r.MESSAGE.replace(/time="([^"]+)"/, (_m, t: string) => `time="${new Date(Date.parse(t) + shiftUs / 1000).toISOString().replace('Z', '')}${t.slice(23)}"`);
    return JSON.stringify(r);
  });
  b.write('cmd/journal.json', `${[...beforeLines, ...moved].join('\n')}\n`);
  const tailRel = `cmd/journal-boot-tails/${bootId}.json`;
  const tail = b.read(tailRel).split('\n').filter(Boolean);
  b.write(tailRel, `${[...tail, ...moved].slice(-tail.length).join('\n')}\n`);
  const lastUs = Number(JSON.parse(moved[moved.length - 1]!).__REALTIME_TIMESTAMP);
  const boots = b.read('cmd/journalctl-list-boots.txt');
  b.write('cmd/journalctl-list-boots.txt', boots.replace(new RegExp(`(${bootId} .* UTC) \\w{3} \\d{4}-\\d{2}-\\d{2} [\\d:]{8} UTC`), `$1 ${listBootsTime(lastUs / 1000)}`));
  b.manifest.collectedAt = new Date(Math.ceil(lastUs / 1e6) * 1000 + 4000).toISOString().replace(/\.000Z$/, 'Z');
  b.save();
  return dest;
}

/** journalctl --list-boots' time format: `Sat 2026-11-28 09:07:51 UTC`. */
function listBootsTime(ms: number): string {
  const d = new Date(ms);
  const day = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'][d.getUTCDay()];
  return `${day} ${d.toISOString().slice(0, 10)} ${d.toISOString().slice(11, 19)} UTC`;
}

export function semaphoresCleanedAfter(dest: string): string {
  const b = copy('lab-netns-semaphore-leak', dest);
  const cookieRow = (l: string) => /^0x0?d4d[0-9a-f]+\s/i.test(l.trim()) || /^\d+\s+root\s/.test(l.trim());
  b.dropLines('cmd/ipcs-s.txt', cookieRow);
  b.dropLines('cmd/ipcs-s-t.txt', cookieRow);
  b.dropLines('cmd/dmsetup-udevcookies.txt', (l) => /^0x/.test(l));
  b.dropLines('files/proc/sysvipc/sem', (l) => /^\s*\d+\s+\d+\s/.test(l));
  b.write('cmd/ipcs-u.txt', b.read('cmd/ipcs-u.txt').replace(/used arrays = \d+/, 'used arrays = 0').replace(/allocated semaphores = \d+/, 'allocated semaphores = 0'));
  b.remove('cmd/ipcs-s-i');
  b.collectedLater(5 * 60_000);
  b.save();
  return dest;
}
