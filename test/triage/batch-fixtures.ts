/**
 * Builds a batch input folder in a temp dir: real samples, generated copies of them with varied
 * host names, and broken inputs (truncated, wrong magic, empty, gzip bomb, folder with no artifacts).
 */
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createGzip, gzipSync } from 'node:zlib';
import { createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { pack } from 'tar-stream';
import { REPO_ROOT } from '../helpers/rule-tester.js';
import { makeTempDir } from '../helpers/tmp.js';

export const SAMPLES = resolve(REPO_ROOT, 'samples');

/** Expected outcome per input, derived from the inputs themselves. */
export interface Expectation {
  status: 'analyzed' | 'failed';
  /** Rules that must fire (from the sample's own artifacts). */
  mustFire?: string[];
}

export function copySampleWithHost(sample: string, dest: string, host: string): void {
  cpSync(join(SAMPLES, sample), dest, { recursive: true });
  const mf = join(dest, 'manifest.json');
  const m = JSON.parse(readFileSync(mf, 'utf8'));
  m.host = host;
  writeFileSync(mf, JSON.stringify(m, null, 2));
  writeFileSync(join(dest, 'cmd/hostname.txt'), `${host}\n`);
}

/** A tar.gz of a bundle folder under one top folder (how the collector ships it). */
export async function tarGzFolder(folder: string, top: string, out: string): Promise<void> {
  const { readdirSync, statSync } = await import('node:fs');
  const p = pack();
  const files: string[] = [];
  const walk = (d: string, rel: string) => {
    for (const n of readdirSync(d).sort()) {
      const abs = join(d, n);
      if (statSync(abs).isDirectory()) walk(abs, `${rel}${n}/`);
      else files.push(`${rel}${n}`);
    }
  };
  walk(folder, '');
  const done = pipeline(p, createGzip(), createWriteStream(out));
  for (const f of files) p.entry({ name: `${top}/${f}` }, readFileSync(join(folder, f)));
  p.finalize();
  await done;
}

/** A tar.gz whose single member inflates to `bytes` zeros: a few MB on disk, gigabytes inflated. */
export async function gzipBomb(out: string, bytes: number): Promise<void> {
  const p = pack();
  const done = pipeline(p, createGzip({ level: 9 }), createWriteStream(out));
  const entry = p.entry({ name: 'docker-postmortem-bomb-20260101T000000Z/cmd/journal.json', size: bytes });
  const chunk = Buffer.alloc(1024 * 1024);
  for (let left = bytes; left > 0; left -= chunk.length) {
    if (!entry.write(left >= chunk.length ? chunk : chunk.subarray(0, left))) await new Promise<void>((r) => entry.once('drain', () => r()));
  }
  (entry as unknown as NodeJS.WritableStream).end();
  p.finalize();
  await done;
}

export async function makeBatchInputs(opts: { bombBytes?: number } = {}): Promise<{ dir: string; expect: Record<string, Expectation> }> {
  const dir = makeTempDir('dpm-batch-in-');
  const expect: Record<string, Expectation> = {};
  // Real samples, as shipped.
  cpSync(join(SAMPLES, 'lab-netns-healthy'), join(dir, 'lab-netns-healthy'), { recursive: true });
  expect['lab-netns-healthy'] = { status: 'analyzed' };
  cpSync(join(SAMPLES, 'lab-netns-veth-leak'), join(dir, 'lab-netns-veth-leak'), { recursive: true });
  // The sample's own ip link has `vethA@vethB` pairs (both ends in the host namespace).
  const vethText = readFileSync(join(SAMPLES, 'lab-netns-veth-leak/cmd/ip-d-o-link.txt'), 'utf8');
  expect['lab-netns-veth-leak'] = { status: 'analyzed', mustFire: /\bveth[0-9a-f]{7}@veth[0-9a-f]{7}\b/.test(vethText) ? ['veth-leak'] : [] };
  cpSync(join(SAMPLES, 'sosreport-vm-debian12.tar.xz'), join(dir, 'sosreport-vm-debian12.tar.xz'));
  expect['sosreport-vm-debian12.tar.xz'] = { status: 'analyzed' };
  // Generated copies with other host names, as folder and as tarball.
  for (let i = 1; i <= 2; i++) {
    copySampleWithHost('lab-netns-veth-leak', join(dir, `copy-${i}`), `node-${i}`);
    expect[`copy-${i}`] = expect['lab-netns-veth-leak']!;
  }
  const staging = makeTempDir('dpm-batch-stage-');
  copySampleWithHost('lab-netns-healthy', join(staging, 'b'), 'node-9');
  await tarGzFolder(join(staging, 'b'), 'docker-postmortem-node-9-20261128T000000Z', join(dir, 'docker-postmortem-node-9-20261128T000000Z.tar.gz'));
  expect['docker-postmortem-node-9-20261128T000000Z.tar.gz'] = { status: 'analyzed' };
  // Broken inputs.
  const good = readFileSync(join(dir, 'docker-postmortem-node-9-20261128T000000Z.tar.gz'));
  writeFileSync(join(dir, 'truncated.tar.gz'), good.subarray(0, Math.floor(good.length / 3)));
  expect['truncated.tar.gz'] = { status: 'analyzed' }; // what was readable is analyzed, with one clear problem
  writeFileSync(join(dir, 'wrong-magic.tar.gz'), Buffer.from('this is not an archive at all\n'.repeat(20)));
  expect['wrong-magic.tar.gz'] = { status: 'failed' };
  writeFileSync(join(dir, 'empty.tar.gz'), Buffer.alloc(0));
  expect['empty.tar.gz'] = { status: 'failed' };
  mkdirSync(join(dir, 'no-artifacts'));
  writeFileSync(join(dir, 'no-artifacts', 'notes.txt'), 'customer sent the wrong folder\n');
  expect['no-artifacts'] = { status: 'failed' };
  await gzipBomb(join(dir, 'bomb.tar.gz'), opts.bombBytes ?? 256 * 1024 * 1024);
  expect['bomb.tar.gz'] = { status: 'analyzed' }; // its one artifact is read up to the limits and marked
  void gzipSync;
  return { dir, expect };
}
